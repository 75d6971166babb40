import type { RadioBandStat } from '../../../shared/schemas/mist.schemas';
import type { MetricEvidence, Severity } from '../../../shared/findings/types';
import type { Band } from '../../../shared/findings/remediation';
import type { Grade } from '../../../shared/findings/severity';
import type { DiagnosisThresholds, Limits } from '../support/thresholds';
import { gradeHigherIsWorse } from '../support/thresholds';
import { checkBaseline, baselineEvidence } from '../support/baseline';
import { normalizeBand } from '../support/bands';
import type { ApStat } from '../support/uplink';
import type { AirtimeParts } from './busyChannel';
import { airtimeParts } from './busyChannel';

/** Per-radio checks of the RF step: each radio's measurements against their limits. */
export type RfRule = 'high_channel_utilization' | 'high_noise_floor' | 'non_wifi_interference';

export interface RadioIssue {
	rule: RfRule;
	siteId: string;
	ap: string;
	apName?: string;
	band: Band;
	channel?: number;
	/** Where a busy channel's airtime goes, when the AP reports it. */
	airtime?: AirtimeParts;
	severity: Severity;
	metric: MetricEvidence;
	unusual: boolean;
	lastSeen?: number;
}

export const RULES: Record<
	RfRule,
	{
		metric: 'util_all' | 'noise_floor' | 'util_non_wifi';
		unit: string;
		what: string;
		cause: string;
		limits: (t: DiagnosisThresholds) => Limits;
	}
> = {
	high_channel_utilization: {
		metric: 'util_all',
		unit: '%',
		what: 'channel utilisation',
		cause:
			'The channel is busy: many clients or neighbouring APs on the same channel (co-channel interference).',
		limits: (t) => t.channelUtilPercent,
	},
	high_noise_floor: {
		metric: 'noise_floor',
		unit: 'dBm',
		what: 'noise floor',
		cause: 'Raised noise on the channel, usually non-Wi-Fi interference.',
		limits: (t) => t.noiseFloorDbm,
	},
	non_wifi_interference: {
		metric: 'util_non_wifi',
		unit: '%',
		what: 'non-Wi-Fi utilisation',
		cause:
			'Non-Wi-Fi devices (microwaves, Bluetooth, video senders, radar) use airtime on the channel.',
		limits: (t) => t.nonWifiUtilPercent,
	},
};

/** AP-level: warn → minor, crit → major. */
const SEVERITY: Record<Exclude<Grade, 'ok'>, Severity> = { warn: 'minor', crit: 'major' };

const RULE_NAMES = Object.keys(RULES) as RfRule[];

/** The radio's reading of a rule's metric: a named property each (a computed key is a slow lookup). */
function readingOf(radio: RadioBandStat, metric: (typeof RULES)[RfRule]['metric']): unknown {
	if (metric === 'util_all') return radio.util_all;
	if (metric === 'noise_floor') return radio.noise_floor;
	return radio.util_non_wifi;
}

/**
 * Adds the issues of the AP's radios to `issues` (no array per AP: this runs for every AP).
 * `mac` is the AP's MAC, normalised (the caller has it already).
 */
export function radioIssues(
	ap: ApStat,
	mac: string,
	thresholds: DiagnosisThresholds,
	history: Record<string, number[]> | undefined,
	issues: RadioIssue[],
): void {
	// radio_stat passes unknown keys through; only band_* entries are radios.
	const radios = ap.radio_stat as Record<string, RadioBandStat | null | undefined> | undefined;
	if (!radios) return;
	for (const key in radios) {
		if (!Object.prototype.hasOwnProperty.call(radios, key)) continue;
		const radio = radios[key];
		if (!radio || radio.disabled) continue;
		const band = normalizeBand(key);
		if (!band) continue;
		for (const rule of RULE_NAMES) {
			const spec = RULES[rule];
			const value = readingOf(radio, spec.metric);
			if (typeof value !== 'number') continue;
			const limits = spec.limits(thresholds);
			let grade: Grade = gradeHigherIsWorse(value, limits);
			const past = rule === 'high_channel_utilization' ? history?.[`${mac}:${band}`] : undefined;
			// Most radios are within their limits and have no history to compare with: nothing to build.
			if (grade === 'ok' && !past) continue;
			const metric: MetricEvidence = {
				metric: `${spec.metric}_${band}`,
				value,
				warn: limits.warn,
				crit: limits.crit,
				unit: spec.unit,
			};
			let unusual = false;
			let severity: Severity | undefined = grade === 'ok' ? undefined : SEVERITY[grade];
			if (past) {
				const verdict = checkBaseline(value, past, {
					k: thresholds.baselineK,
					minSamples: thresholds.baselineMinSamples,
				});
				if (verdict.sufficient) {
					metric.baseline = baselineEvidence(verdict);
					// Busy but normal for this radio → info; below the limit but far above its own normal → minor.
					if (grade !== 'ok' && !verdict.anomalous) severity = 'info';
					if (grade === 'ok' && verdict.anomalous) {
						severity = 'minor';
						unusual = true;
						grade = 'warn';
					}
				}
			}
			if (!severity) continue;
			issues.push({
				rule,
				siteId: ap.site_id as string,
				ap: mac,
				apName: ap.name ?? undefined,
				band,
				channel: radio.channel ?? undefined,
				airtime: rule === 'high_channel_utilization' ? airtimeParts(radio) : undefined,
				severity,
				metric,
				unusual,
				lastSeen: ap.last_seen ?? undefined,
			});
		}
	}
}
