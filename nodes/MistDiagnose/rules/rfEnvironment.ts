import type { RadioBandStat } from '../../shared/schemas/mist.schemas';
import type { Finding, MetricEvidence, Severity, StepResult } from '../../shared/findings/types';
import type { Band } from '../../shared/findings/remediation';
import { makeFinding } from '../../shared/findings/build';
import { manual, remediate } from '../../shared/findings/remediation';
import { normalizeMacLoose, targets } from '../../shared/findings/fingerprint';
import type { Grade } from '../../shared/findings/severity';
import { maxSeverity } from '../../shared/findings/severity';
import type { DiagnosisContext } from './support/context';
import { deviceLabel, siteLabel, siteScope } from './support/context';
import type { DiagnosisThresholds, Limits } from './support/thresholds';
import { gradeHigherIsWorse } from './support/thresholds';
import { checkBaseline, baselineEvidence } from './support/baseline';
import type { CommonStepInput } from './support/common';
import { commonFindings } from './support/common';
import { HealthTracker } from './support/health';
import { distinct, groupBy, plural } from './support/collections';
import { BAND_LABEL, bandsPhrase, formatBands } from '../../shared/findings/bands';
import { normalizeBand, sortBands } from './support/bands';
import type { ApStat } from './support/uplink';
import type { DeviceEventInput } from './support/deviceEvents';
import { radarFindings } from './rf/radar';

export interface RfEnvironmentInput extends CommonStepInput {
	aps?: ApStat[];
	/** `{ap_mac}:{band}` (band 24/5/6) → history of that radio's util_all (%), for the baseline check. */
	utilizationHistory?: Record<string, number[]>;
	/** AP_RADAR_DETECTED device events (DFS channels). */
	deviceEvents?: DeviceEventInput[];
}

type RfRule = 'high_channel_utilization' | 'high_noise_floor' | 'non_wifi_interference';

interface RadioIssue {
	rule: RfRule;
	siteId: string;
	ap: string;
	apName?: string;
	band: Band;
	severity: Severity;
	metric: MetricEvidence;
	unusual: boolean;
	lastSeen?: number;
}

const RULES: Record<
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

function radioIssues(
	ap: ApStat,
	thresholds: DiagnosisThresholds,
	history: Record<string, number[]> | undefined,
): RadioIssue[] {
	const issues: RadioIssue[] = [];
	const mac = normalizeMacLoose(ap.mac);
	// radio_stat passes unknown keys through; only band_* entries are radios.
	for (const [key, radio] of Object.entries(ap.radio_stat ?? {}) as Array<
		[string, RadioBandStat | null | undefined]
	>) {
		const band = normalizeBand(key);
		if (!band || !radio || radio.disabled) continue;
		for (const rule of Object.keys(RULES) as RfRule[]) {
			const spec = RULES[rule];
			const value = radio[spec.metric];
			if (typeof value !== 'number') continue;
			const limits = spec.limits(thresholds);
			let grade: Grade = gradeHigherIsWorse(value, limits);
			const metric: MetricEvidence = {
				metric: `${spec.metric}_${band}`,
				value,
				warn: limits.warn,
				crit: limits.crit,
				unit: spec.unit,
			};
			let unusual = false;
			let severity: Severity | undefined = grade === 'ok' ? undefined : SEVERITY[grade];
			const past = rule === 'high_channel_utilization' ? history?.[`${mac}:${band}`] : undefined;
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
				severity,
				metric,
				unusual,
				lastSeen: ap.last_seen ?? undefined,
			});
		}
	}
	return issues;
}

function remediationFor(rule: RfRule, siteId: string, bands: Band[]) {
	const optimize = remediate.rrmOptimize(
		siteId,
		bands,
		false,
		`Let RRM re-plan channels and power on ${bandsPhrase(bands)}.`,
	);
	if (rule === 'high_channel_utilization')
		return {
			remediation: optimize,
			followUp: [
				manual(
					'If the channel stays busy, reduce SSIDs/basic rates or use narrower channels and more 5/6 GHz capacity.',
				),
			],
		};
	return {
		remediation: optimize,
		followUp: [
			manual('Locate the interference source with a spectrum analysis and move or shield it.'),
		],
	};
}

function apFinding(rule: RfRule, issues: RadioIssue[], context: DiagnosisContext): Finding {
	const { siteId, ap, apName } = issues[0];
	const bands = sortBands(issues.map((issue) => issue.band));
	const spec = RULES[rule];
	const values = issues
		.map(
			(issue) =>
				`${issue.metric.value}${spec.unit === '%' ? '%' : ` ${spec.unit}`} on ${BAND_LABEL[issue.band]}`,
		)
		.join(', ');
	const unusual = issues.every((issue) => issue.unusual);
	return makeFinding({
		step: 'rf_environment',
		rule,
		severity: maxSeverity(...issues.map((issue) => issue.severity)),
		scope: {
			level: 'ap',
			...siteScope(context, siteId),
			ap_mac: ap,
			ap_name: apName ?? context.deviceNames?.[ap],
		},
		target: targets.mac(ap),
		summary: `AP ${deviceLabel(context, ap, apName)} at ${siteLabel(context, siteId)} has ${unusual ? 'unusually high ' : 'high '}${spec.what}: ${values} (limit ${issues[0].metric.warn}${spec.unit === '%' ? '%' : ` ${spec.unit}`}).`,
		evidence: { metrics: issues.map((issue) => issue.metric), bands },
		likelyCause: spec.cause,
		...remediationFor(rule, siteId, bands),
		timestamps: issues
			.map((issue) => issue.lastSeen)
			.filter((value): value is number => typeof value === 'number'),
		now: context.now,
	});
}

/** "60" or "55 to 70": a range said once when all values are the same. */
function range(values: number[]): string {
	const [low, high] = [Math.min(...values), Math.max(...values)];
	return low === high ? String(low) : `${low} to ${high}`;
}

function siteFinding(
	rule: RfRule,
	siteId: string,
	issues: RadioIssue[],
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): Finding {
	const spec = RULES[rule];
	const aps = distinct(issues.map((issue) => issue.ap));
	const bands = sortBands(issues.map((issue) => issue.band));
	const values = issues.map((issue) => issue.metric.value);
	return makeFinding({
		step: 'rf_environment',
		rule,
		severity: issues.some((issue) => issue.severity !== 'info') ? 'major' : 'info',
		scope: { level: 'site', ...siteScope(context, siteId) },
		target: targets.site(),
		summary: `${plural(aps.length, 'AP')} at ${siteLabel(context, siteId)} have high ${spec.what} on ${formatBands(bands)} (${range(values)}${spec.unit === '%' ? '%' : ` ${spec.unit}`}).`,
		evidence: {
			metrics: issues
				.map((issue) => ({ ...issue.metric, metric: `${issue.metric.metric}@${issue.ap}` }))
				.slice(0, thresholds.maxSampleMacs * 3),
			affectedAps: aps.length,
			sampleMacs: aps.slice(0, thresholds.maxSampleMacs),
			bands,
		},
		likelyCause: `${spec.cause} It affects many APs, so it is site-wide rather than one AP.`,
		...remediationFor(rule, siteId, bands),
		timestamps: issues
			.map((issue) => issue.lastSeen)
			.filter((value): value is number => typeof value === 'number'),
		count: aps.length,
		now: context.now,
	});
}

/** RF step: channel utilisation (with baseline), noise floor and non-Wi-Fi interference per radio; many APs → one site finding. */
export function diagnoseRfEnvironment(
	input: RfEnvironmentInput,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): StepResult {
	const health = new HealthTracker('rf_environment', context);
	for (const site of input.sites ?? []) health.check('site', site.id, site.id, site.name);
	const issues: RadioIssue[] = [];
	for (const ap of input.aps ?? []) {
		if (!ap.site_id || (ap.status && ap.status !== 'connected')) continue;
		health.check('ap', normalizeMacLoose(ap.mac), ap.site_id, ap.name);
		issues.push(...radioIssues(ap, thresholds, input.utilizationHistory));
	}
	const findings: Finding[] = [];
	for (const [key, group] of groupBy(issues, (issue) => `${issue.siteId}|${issue.rule}`)) {
		const [siteId, rule] = key.split('|') as [string, RfRule];
		const aps = distinct(group.map((issue) => issue.ap));
		if (aps.length >= thresholds.rfSiteMinAps) {
			findings.push(siteFinding(rule, siteId, group, thresholds, context));
			health.flagAll('ap', aps);
			continue;
		}
		for (const apIssues of groupBy(group, (issue) => issue.ap).values())
			findings.push(apFinding(rule, apIssues, context));
	}
	const radar = radarFindings(input.deviceEvents, input.aps, thresholds, context);
	health.flagAll(
		'ap',
		radar.flatMap((finding) => finding.evidence.sampleMacs ?? []),
	);
	findings.push(...radar, ...commonFindings('rf_environment', input, thresholds, context));
	return health.result(findings);
}
