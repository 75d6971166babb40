import { z } from 'zod';

import { REMEDIATION_OPERATIONS } from './operations';

/**
 * The finding model shared by the Mist Diagnose, Remediate, Alert and Report nodes. The zod
 * shapes are the one declaration: the TypeScript types are inferred from them, and findings that
 * come back in as input items are validated with them (findings/schema.ts).
 */

export const STEPS = [
	'association',
	'authentication',
	'dhcp',
	'client_health',
	'ap_health',
	'rf_environment',
	'infrastructure',
] as const;
export type DiagnosisStep = (typeof STEPS)[number];

/** Ordered from most to least urgent; alerting maps them to PagerDuty critical/error/warning/info. */
export const SEVERITIES = ['critical', 'major', 'minor', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * What a finding is about, from the widest to the narrowest: a root cause is scoped as narrowly as
 * its evidence allows (a user failing everywhere, one radio, one channel of a site, one server).
 */
export const SCOPE_LEVELS = [
	'org',
	'site',
	'server',
	'ssid',
	'vlan',
	'channel',
	'ap',
	'radio',
	'switch_port',
	'user',
	'client',
] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

/** A recommended Mist action; its parameters follow RemediationParameters (operations.ts). */
const actionRemediationShape = z.object({
	kind: z.literal('action'),
	operation: z.enum(REMEDIATION_OPERATIONS),
	parameters: z.record(z.unknown()),
	description: z.string(),
});
const manualRemediationShape = z.object({ kind: z.literal('manual'), description: z.string() });
export const remediationShape = z.discriminatedUnion('kind', [
	actionRemediationShape,
	manualRemediationShape,
]);
export type ActionRemediation = z.infer<typeof actionRemediationShape>;
export type ManualRemediation = z.infer<typeof manualRemediationShape>;
export type Remediation = z.infer<typeof remediationShape>;

export const findingScopeShape = z.object({
	level: z.enum(SCOPE_LEVELS),
	org_id: z.string().min(1),
	site_id: z.string(),
	site_name: z.string().optional(),
	ap_mac: z.string().optional(),
	ap_name: z.string().optional(),
	client_mac: z.string().optional(),
	client_hostname: z.string().optional(),
	username: z.string().optional(),
	ssid: z.string().optional(),
	vlan: z.string().optional(),
	switch_mac: z.string().optional(),
	switch_name: z.string().optional(),
	port_id: z.string().optional(),
	/** Radio and channel scopes: 2.4, 5 or 6 (GHz), and the channel number. */
	band: z.string().optional(),
	channel: z.number().optional(),
	/** Server scope: the RADIUS, DHCP or DNS server (address or name). */
	server: z.string().optional(),
});
export type FindingScope = z.infer<typeof findingScopeShape>;

/** One metric compared with its limits, e.g. `{metric:'rssi', value:-81, warn:-72, crit:-80, unit:'dBm'}`. */
const metricEvidenceShape = z.object({
	metric: z.string(),
	value: z.number(),
	warn: z.number().optional(),
	crit: z.number().optional(),
	unit: z.string().optional(),
	baseline: z
		.object({ mean: z.number(), stddev: z.number(), limit: z.number(), samples: z.number() })
		.optional(),
});
export type MetricEvidence = z.infer<typeof metricEvidenceShape>;

/** What triggered a finding. Known keys are typed; rules may add their own. */
export const evidenceShape = z
	.object({
		metrics: z.array(metricEvidenceShape).optional(),
		eventCounts: z.record(z.number()).optional(),
		affectedClients: z.number().optional(),
		sampleMacs: z.array(z.string()).optional(),
		window: z.object({ start: z.string(), end: z.string() }).optional(),
	})
	.catchall(z.unknown());
export type Evidence = z.infer<typeof evidenceShape>;

export const findingShape = z.object({
	fingerprint: z
		.string()
		.regex(/^mist:[^:]+:[^:]+:[a-z0-9_]+:.+$/, 'must look like mist:{org}:{site}:{rule}:{target}'),
	step: z.enum(STEPS),
	rule: z.string().regex(/^[a-z0-9_]+$/, 'must be a snake_case rule id'),
	severity: z.enum(SEVERITIES),
	scope: findingScopeShape,
	summary: z.string(),
	evidence: evidenceShape,
	likelyCause: z.string(),
	/** The recommended first step. */
	remediation: remediationShape,
	/** Further steps, in the order to try them (e.g. cable test, then bounce the port). */
	followUp: z.array(remediationShape),
	firstSeen: z.string().datetime(),
	lastSeen: z.string().datetime(),
	count: z.number().int().min(1),
	/**
	 * On a symptom: the fingerprint of the root cause that explains it. Alerting pages the root
	 * cause, not its symptoms; the symptoms travel in the cause's `evidence.symptoms`.
	 */
	rootCause: z.string().optional(),
	/** On a root cause: the fingerprints of the symptoms it explains. */
	explains: z.array(z.string()).optional(),
});
export type Finding = z.infer<typeof findingShape>;

/** A symptom as its root cause lists it in `evidence.symptoms`. */
export interface SymptomSummary {
	fingerprint: string;
	rule: string;
	severity: Severity;
	summary: string;
}

/** An entity a step checked and found nothing wrong with (for the node's `healthy` output). */
export interface HealthyEntity {
	step: DiagnosisStep;
	level: ScopeLevel;
	id: string;
	org_id: string;
	site_id: string;
	name?: string;
}

export interface StepResult {
	findings: Finding[];
	healthy: HealthyEntity[];
}
