import { z } from 'zod';
import type { Finding } from './types';
import { REMEDIATION_OPERATIONS, SCOPE_LEVELS, SEVERITIES, STEPS } from './types';

const remediationSchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('action'),
		operation: z.enum(REMEDIATION_OPERATIONS),
		parameters: z.record(z.unknown()),
		description: z.string(),
	}),
	z.object({ kind: z.literal('manual'), description: z.string() }),
]);

const scopeSchema = z
	.object({
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
	})
	.passthrough();

/** Validates findings that come back in as input items (e.g. to the Remediate or alerting nodes). */
export const findingSchema = z
	.object({
		fingerprint: z.string().regex(/^mist:[^:]+:[^:]+:[a-z0-9_]+:.+$/, 'must look like mist:{org}:{site}:{rule}:{target}'),
		step: z.enum(STEPS),
		rule: z.string().regex(/^[a-z0-9_]+$/, 'must be a snake_case rule id'),
		severity: z.enum(SEVERITIES),
		scope: scopeSchema,
		summary: z.string(),
		evidence: z.record(z.unknown()),
		likelyCause: z.string(),
		remediation: remediationSchema,
		followUp: z.array(remediationSchema).default([]),
		firstSeen: z.string().datetime(),
		lastSeen: z.string().datetime(),
		count: z.number().int().min(1),
	})
	.passthrough();

export function isFinding(value: unknown): value is Finding {
	return findingSchema.safeParse(value).success;
}

/** Returns the finding, or a message naming the first bad field (for a clear node error). */
export function parseFinding(value: unknown): { finding: Finding } | { error: string } {
	const result = findingSchema.safeParse(value);
	if (result.success) return { finding: result.data as Finding };
	const issue = result.error.issues[0];
	const path = issue.path.join('.') || '(root)';
	return { error: `Not a Mist finding: "${path}" ${issue.message}` };
}
