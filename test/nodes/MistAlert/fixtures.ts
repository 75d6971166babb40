import { alertConfig } from '../../../nodes/MistAlert/engine/config';
import { evaluate } from '../../../nodes/MistAlert/engine/evaluate';
import { emptyState } from '../../../nodes/MistAlert/engine/state';
import type { AlertConfig, AlertState, Notice } from '../../../nodes/MistAlert/engine/types';
import { makeFinding } from '../../../nodes/shared/findings/build';
import { manual } from '../../../nodes/shared/findings/remediation';
import type { RuleId } from '../../../nodes/shared/findings/titles';
import type { Finding, Severity } from '../../../nodes/shared/findings/types';

export const ORG = '6748cfa6-4e12-11e6-9188-0242ac110007';
export const SITE_A = '978c48e6-6ef6-11e6-8bbf-02e208b2d34f';
export const SITE_B = '2f5b7a88-0000-4000-8000-000000000002';
export const T0 = Date.parse('2026-11-25T12:00:00.000Z');
export const MIN = 60_000;

export function clientFinding(
	index: number,
	options: { site?: string; siteName?: string; rule?: RuleId; severity?: Severity } = {},
): Finding {
	const mac = (0x001122000000 + index).toString(16).padStart(12, '0');
	return makeFinding({
		step: 'client_health',
		rule: options.rule ?? 'client_weak_signal',
		severity: options.severity ?? 'minor',
		scope: {
			level: 'client',
			org_id: ORG,
			site_id: options.site ?? SITE_A,
			site_name: options.siteName ?? 'HQ',
			client_mac: mac,
		},
		target: mac,
		summary: `Client ${mac} has RSSI -81 dBm`,
		evidence: { metrics: [{ metric: 'rssi', value: -81, warn: -72, crit: -80, unit: 'dBm' }] },
		likelyCause: 'Client far from the AP',
		remediation: manual('Move closer to an AP'),
		timestamps: [T0 / 1000 - 60],
		now: T0 / 1000,
	});
}

export function apFinding(
	mac: string,
	severity: Severity = 'critical',
	site = SITE_A,
	siteName = 'HQ',
): Finding {
	return makeFinding({
		step: 'ap_health',
		rule: 'ap_offline',
		severity,
		scope: {
			level: 'ap',
			org_id: ORG,
			site_id: site,
			site_name: siteName,
			ap_mac: mac,
			ap_name: `AP-${mac.slice(-4)}`,
		},
		target: mac,
		summary: `AP ${mac} is offline`,
		evidence: { eventCounts: { AP_DISCONNECTED: 1 } },
		likelyCause: 'Power or uplink lost',
		remediation: manual('Check the switch port'),
		timestamps: [T0 / 1000 - 120],
		now: T0 / 1000,
	});
}

/**
 * Runs the engine like consecutive scheduled executions on a fake clock. The first-run digest is
 * off unless asked for: most engine tests pin per-group behaviour; engine.digest.test.ts covers it.
 */
export function runner(overrides: Partial<AlertConfig> = {}) {
	const config = alertConfig({ groupWaitMs: 0, firstRunDigest: false, ...overrides });
	let state: AlertState = emptyState();
	return {
		config,
		get state() {
			return state;
		},
		run(
			findings: Finding[],
			at: number,
			acks: Array<{ fingerprint?: string; groupKey?: string }> = [],
			/** Steps the run did not check (a not-checked marker upstream). */
			unchecked: string[] = [],
		): Notice[] {
			const result = evaluate(
				state,
				{
					findings: findings.map((finding, itemIndex) => ({ finding, itemIndex })),
					acks: acks.map((ack, index) => ({
						by: 'alice',
						note: 'on it',
						...ack,
						itemIndex: findings.length + index,
					})),
					countsAsRun: true,
					unchecked: new Set(unchecked),
				},
				config,
				at,
			);
			state = result.state;
			return result.notices;
		},
	};
}

export const tiers = (notices: Notice[]) =>
	notices.map((notice) => `${notice.tier}:${notice.kind}:${notice.incidents.length}`);
