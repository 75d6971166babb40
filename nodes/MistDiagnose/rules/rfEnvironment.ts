import type { Finding, MetricEvidence, Severity, StepResult } from '../../shared/findings/types';
import type { Band } from '../../shared/findings/remediation';
import { makeFinding } from '../../shared/findings/build';
import { normalizeMacLoose, targets } from '../../shared/findings/fingerprint';
import { maxSeverity } from '../../shared/findings/severity';
import type { DiagnosisContext } from './support/context';
import { apScope, deviceLabel, siteLabel, siteScope } from './support/context';
import type { DiagnosisThresholds } from './support/thresholds';
import type { CommonStepInput } from './support/common';
import { commonFindings } from './support/common';
import { HealthTracker } from './support/health';
import { distinct, groupBy, plural, withFields } from './support/collections';
import { BAND_LABEL, formatBands } from '../../shared/findings/bands';
import { sortBands } from './support/bands';
import type { ApStat } from './support/uplink';
import type { RadioIssue, RfRule } from './rf/radioIssues';
import { radioIssues, RULES } from './rf/radioIssues';
import type { DeviceEventInput } from './support/deviceEvents';
import { radarFindings } from './rf/radar';
import type { AirtimeParts, BusyBy } from './rf/busyChannel';
import { busyBy, busyCause, busyRemediation } from './rf/busyChannel';

export interface RfEnvironmentInput extends CommonStepInput {
	aps?: ApStat[];
	/** `{ap_mac}:{band}` (band 24/5/6) → history of that radio's util_all (%), for the baseline check. */
	utilizationHistory?: Record<string, number[]>;
	/** AP_RADAR_DETECTED device events (DFS channels). */
	deviceEvents?: DeviceEventInput[];
}

/** Where a group's airtime goes: its issues' airtime parts and what dominates them (busy channels only). */
interface Airtime {
	parts: AirtimeParts[];
	by: BusyBy | undefined;
}

/** Read once per finding: its cause and its remediation both depend on it. */
function airtimeOf(rule: RfRule, issues: RadioIssue[]): Airtime | undefined {
	if (rule !== 'high_channel_utilization') return undefined;
	const parts: AirtimeParts[] = [];
	for (const issue of issues) if (issue.airtime) parts.push(issue.airtime);
	return { parts, by: busyBy(parts) };
}

function remediationFor(siteId: string, bands: Band[], airtime: Airtime | undefined) {
	// A busy channel is fixed by what keeps it busy; noise and non-Wi-Fi by moving off the source.
	return busyRemediation(airtime ? airtime.by : 'non_wifi', siteId, bands);
}

function causeFor(rule: RfRule, airtime: Airtime | undefined): string {
	return (airtime && busyCause(airtime.parts, airtime.by)) || RULES[rule].cause;
}

/** " dBm" or "%": how a rule's values are written. */
const unitOf = (rule: RfRule) => (RULES[rule].unit === '%' ? '%' : ` ${RULES[rule].unit}`);

function apFinding(rule: RfRule, issues: RadioIssue[], context: DiagnosisContext): Finding {
	const { siteId, ap, apName } = issues[0];
	const spec = RULES[rule];
	const unit = unitOf(rule);
	const airtime = airtimeOf(rule, issues);
	// One pass over the AP's issues (mostly one or two radios) for everything the finding lists.
	const values: string[] = [];
	const metrics: MetricEvidence[] = [];
	const severities: Severity[] = [];
	const timestamps: number[] = [];
	let unusual = true;
	for (const issue of issues) {
		values.push(`${issue.metric.value}${unit} on ${BAND_LABEL[issue.band]}`);
		metrics.push(issue.metric);
		severities.push(issue.severity);
		if (typeof issue.lastSeen === 'number') timestamps.push(issue.lastSeen);
		unusual &&= issue.unusual;
	}
	const bands = sortBands(issues.map((issue) => issue.band));
	return makeFinding({
		step: 'rf_environment',
		rule,
		severity: maxSeverity(...severities),
		scope: apScope(context, siteId, ap, apName),
		target: targets.mac(ap),
		summary: `AP ${deviceLabel(context, ap, apName)} at ${siteLabel(context, siteId)} has ${unusual ? 'unusually high ' : 'high '}${spec.what}: ${values.join(', ')} (limit ${issues[0].metric.warn}${unit}).`,
		evidence: { metrics, bands },
		likelyCause: causeFor(rule, airtime),
		...remediationFor(siteId, bands, airtime),
		timestamps,
		now: context.now,
	});
}

/** "60" or "55 to 70": a range said once when all values are the same. */
function range(values: number[]): string {
	const [low, high] = [Math.min(...values), Math.max(...values)];
	return low === high ? String(low) : `${low} to ${high}`;
}

/** Whether many APs share one channel (that channel is the problem) or the site as a whole. */
function spread(issues: RadioIssue[]): string {
	const channels = distinct(issues.map((issue) => `${issue.band}/${issue.channel ?? '?'}`));
	const { band, channel } = issues[0];
	if (channels.length === 1 && channel !== undefined)
		return `The APs are all on channel ${channel} (${BAND_LABEL[band]}): it is that channel, not the whole site.`;
	return 'It affects many APs, so it is site-wide rather than one AP.';
}

function siteFinding(
	rule: RfRule,
	siteId: string,
	issues: RadioIssue[],
	aps: string[],
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): Finding {
	const spec = RULES[rule];
	const airtime = airtimeOf(rule, issues);
	const bands = sortBands(issues.map((issue) => issue.band));
	const values = issues.map((issue) => issue.metric.value);
	return makeFinding({
		step: 'rf_environment',
		rule,
		severity: issues.some((issue) => issue.severity !== 'info') ? 'major' : 'info',
		scope: { level: 'site', ...siteScope(context, siteId) },
		target: targets.site(),
		summary: `${plural(aps.length, 'AP')} at ${siteLabel(context, siteId)} have high ${spec.what} on ${formatBands(bands)} (${range(values)}${unitOf(rule)}).`,
		evidence: {
			metrics: issues
				.slice(0, thresholds.maxSampleMacs * 3)
				.map((issue) => withFields(issue.metric, { metric: `${issue.metric.metric}@${issue.ap}` })),
			affectedAps: aps.length,
			sampleMacs: aps.slice(0, thresholds.maxSampleMacs),
			bands,
		},
		likelyCause: `${causeFor(rule, airtime)} ${spread(issues)}`,
		...remediationFor(siteId, bands, airtime),
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
		const mac = normalizeMacLoose(ap.mac);
		health.check('ap', mac, ap.site_id, ap.name);
		radioIssues(ap, mac, thresholds, input.utilizationHistory, issues);
	}
	const findings: Finding[] = [];
	for (const [key, group] of groupBy(issues, (issue) => `${issue.siteId}|${issue.rule}`)) {
		const [siteId, rule] = key.split('|') as [string, RfRule];
		const aps = distinct(group.map((issue) => issue.ap));
		if (aps.length >= thresholds.rfSiteMinAps) {
			findings.push(siteFinding(rule, siteId, group, aps, thresholds, context));
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
