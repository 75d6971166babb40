import type { Finding, MetricEvidence } from '../../../shared/findings/types';
import { makeFinding } from '../../../shared/findings/build';
import { manual } from '../../../shared/findings/remediation';
import { targets } from '../../../shared/findings/fingerprint';
import type { Grade } from '../../../shared/findings/severity';
import type { DiagnosisContext } from '../support/context';
import { siteLabel, siteScope } from '../support/context';
import type { DiagnosisThresholds } from '../support/thresholds';
import { gradeHigherIsWorse } from '../support/thresholds';
import { baselineEvidence, checkBaseline } from '../support/baseline';
import { round } from '../support/collections';

/** `client-latency` webhook event: average/min/max seconds of the auth, DHCP and DNS phases. */
export interface ClientLatencyInput {
	site_id: string;
	timestamp: number;
	avg_auth?: number | null;
	avg_dhcp?: number | null;
	avg_dns?: number | null;
}

/** An insight metric series (e.g. `client_dhcp_latency`), oldest first; the last value is judged against the rest. */
export interface MetricSeriesInput {
	site_id: string;
	metric: string;
	values: Array<number | null>;
	/** Epoch seconds per value, when known. */
	timestamps?: number[];
}

const PHASES = [
	{
		key: 'avg_dhcp',
		phase: 'dhcp',
		rule: 'slow_dhcp',
		label: 'DHCP',
		limits: (t: DiagnosisThresholds) => t.latencyDhcpSeconds,
		cause:
			'The DHCP server or relay answers slowly (overloaded server, WAN path to a central server).',
	},
	{
		key: 'avg_auth',
		phase: 'auth',
		rule: 'slow_auth',
		label: 'authentication',
		limits: (t: DiagnosisThresholds) => t.latencyAuthSeconds,
		cause: 'The RADIUS/IdP path is slow (remote server, overloaded PSN, slow directory lookups).',
	},
	{
		key: 'avg_dns',
		phase: 'dns',
		rule: 'slow_dns',
		label: 'DNS',
		limits: (t: DiagnosisThresholds) => t.latencyDnsSeconds,
		cause: 'The DNS servers answer slowly or the path to them is congested.',
	},
] as const;

/**
 * Client-latency averages: the latest event per site is graded on absolute limits (warn → minor,
 * crit → major). With `history` (`{site_id}:{dhcp|auth|dns}` → past averages) a value within the site's
 * usual range is downgraded to info.
 */
export function latencyFindings(
	events: ClientLatencyInput[],
	history: Record<string, number[]> | undefined,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): Finding[] {
	const latest = new Map<string, ClientLatencyInput>();
	for (const event of events)
		if ((latest.get(event.site_id)?.timestamp ?? -Infinity) < event.timestamp)
			latest.set(event.site_id, event);
	const findings: Finding[] = [];
	for (const event of latest.values()) {
		for (const phase of PHASES) {
			const value = event[phase.key];
			if (typeof value !== 'number') continue;
			const limits = phase.limits(thresholds);
			const grade: Grade = gradeHigherIsWorse(value, limits);
			if (grade === 'ok') continue;
			const metric: MetricEvidence = {
				metric: phase.key,
				value: round(value, 3),
				warn: limits.warn,
				crit: limits.crit,
				unit: 's',
			};
			let severity: Finding['severity'] = grade === 'crit' ? 'major' : 'minor';
			const past = history?.[`${event.site_id}:${phase.phase}`];
			if (past) {
				const verdict = checkBaseline(value, past, {
					k: thresholds.baselineK,
					minSamples: thresholds.baselineMinSamples,
				});
				if (verdict.sufficient) {
					metric.baseline = baselineEvidence(verdict);
					if (!verdict.anomalous) severity = 'info';
				}
			}
			findings.push(
				makeFinding({
					step: 'infrastructure',
					rule: phase.rule,
					severity,
					scope: { level: 'site', ...siteScope(context, event.site_id) },
					target: targets.site(),
					summary: `${phase.label} takes ${round(value, 2)} s on average at ${siteLabel(context, event.site_id)} (limit ${limits.warn} s).`,
					evidence: { metrics: [metric] },
					likelyCause: phase.cause,
					remediation: manual(
						`Check the ${phase.label} servers serving ${siteLabel(context, event.site_id)} and the path to them.`,
					),
					timestamps: [event.timestamp],
					now: context.now,
				}),
			);
		}
	}
	return findings;
}

/** Latency insight series: a last value above mean + k·σ of the earlier values is a spike (one finding per site). */
export function latencySpikeFindings(
	series: MetricSeriesInput[],
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): Finding[] {
	const bySite = new Map<string, { metrics: MetricEvidence[]; timestamps: number[] }>();
	for (const entry of series) {
		const points = entry.values
			.map((value, index) => ({ value, at: entry.timestamps?.[index] }))
			.filter((point) => typeof point.value === 'number');
		if (points.length < 2) continue;
		const last = points[points.length - 1];
		const verdict = checkBaseline(
			last.value as number,
			points.slice(0, -1).map((point) => point.value),
			{ k: thresholds.baselineK, minSamples: thresholds.baselineMinSamples },
		);
		if (!verdict.anomalous) continue;
		const site = bySite.get(entry.site_id) ?? { metrics: [], timestamps: [] };
		site.metrics.push({
			metric: entry.metric,
			value: last.value as number,
			baseline: baselineEvidence(verdict),
		});
		if (typeof last.at === 'number') site.timestamps.push(last.at);
		bySite.set(entry.site_id, site);
	}
	return [...bySite.entries()].map(([siteId, site]) =>
		makeFinding({
			step: 'infrastructure',
			rule: 'latency_spike',
			severity: 'minor',
			scope: { level: 'site', ...siteScope(context, siteId) },
			target: targets.site(),
			summary: `Latency spiked at ${siteLabel(context, siteId)}: ${site.metrics.map((metric) => `${metric.metric} ${round(metric.value, 3)} (usual ≤ ${metric.baseline?.limit})`).join(', ')}.`,
			evidence: { metrics: site.metrics },
			likelyCause:
				'A sudden rise above the site’s own normal: congestion, a slow server, or a WAN problem.',
			remediation: manual(
				'Compare with WAN link health and server response times for the same period.',
			),
			timestamps: site.timestamps,
			now: context.now,
		}),
	);
}
