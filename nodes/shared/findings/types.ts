/** The finding model shared by the Mist Diagnose, Remediate and alerting nodes. */

export const STEPS = ['association', 'authentication', 'dhcp', 'client_health', 'ap_health', 'rf_environment', 'infrastructure'] as const;
export type DiagnosisStep = (typeof STEPS)[number];

/** Ordered from most to least urgent; alerting maps them to PagerDuty critical/error/warning/info. */
export const SEVERITIES = ['critical', 'major', 'minor', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SCOPE_LEVELS = ['org', 'site', 'ap', 'client', 'switch_port', 'ssid', 'vlan'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

export interface FindingScope {
	level: ScopeLevel;
	org_id: string;
	site_id: string;
	site_name?: string;
	ap_mac?: string;
	ap_name?: string;
	client_mac?: string;
	client_hostname?: string;
	username?: string;
	ssid?: string;
	vlan?: string;
	switch_mac?: string;
	switch_name?: string;
	port_id?: string;
}

/** Operation names are the contract with the future Mist Remediate node. */
export const REMEDIATION_OPERATIONS = [
	'arp',
	'bouncePort',
	'cableTest',
	'iseLookup',
	'ping',
	'reauthenticateClient',
	'reconnectClient',
	'resetRadios',
	'restartDevice',
	'rrmOptimize',
	'setRadio',
	'syntheticTest',
	'traceroute',
	'unauthorizeGuest',
] as const;
export type RemediationOperation = (typeof REMEDIATION_OPERATIONS)[number];

export interface ActionRemediation {
	kind: 'action';
	operation: RemediationOperation;
	parameters: Record<string, unknown>;
	description: string;
}
export interface ManualRemediation {
	kind: 'manual';
	description: string;
}
export type Remediation = ActionRemediation | ManualRemediation;

/** One metric compared with its limits, e.g. `{metric:'rssi', value:-81, warn:-72, crit:-80, unit:'dBm'}`. */
export interface MetricEvidence {
	metric: string;
	value: number;
	warn?: number;
	crit?: number;
	unit?: string;
	baseline?: { mean: number; stddev: number; limit: number; samples: number };
}

/** What triggered a finding. Known keys are typed; rules may add their own. */
export interface Evidence {
	metrics?: MetricEvidence[];
	eventCounts?: Record<string, number>;
	affectedClients?: number;
	sampleMacs?: string[];
	window?: { start: string; end: string };
	[key: string]: unknown;
}

export interface Finding {
	fingerprint: string;
	step: DiagnosisStep;
	rule: string;
	severity: Severity;
	scope: FindingScope;
	summary: string;
	evidence: Evidence;
	likelyCause: string;
	/** The recommended first step. */
	remediation: Remediation;
	/** Further steps, in the order to try them (e.g. cable test, then bounce the port). */
	followUp: Remediation[];
	firstSeen: string;
	lastSeen: string;
	count: number;
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
