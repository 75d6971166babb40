import { severityRank } from '../../shared/findings/severity';
import type { Severity } from '../../shared/findings/types';
import { SEVERITIES } from '../../shared/findings/types';
import type { EntityRow, IssueRow, ReportFigures, SiteReport } from './figures';
import { anomalies, forecasts } from './outlook';
import { recordsWithin } from './reportHistory';
import { mean, round } from './stats';
import { periodsFor, within } from './time';
import { slePercent, trend } from './trend';
import { worstClientRows } from './worstClients';
import type {
	ApiUsageRecord,
	FindingRecord,
	IncidentRecord,
	MetricRecord,
	RemediationRecord,
	ReportOptions,
	ReportRecord,
} from './types';

export type {
	AnomalyRow,
	EntityRow,
	ForecastRow,
	IssueRow,
	ReportFigures,
	ReportSummary,
	SiteReport,
} from './figures';

const SUCCESS = new Set(['success', 'succeeded', 'ok', 'done', 'completed']);
const FAILURE = new Set(['failed', 'failure', 'error']);

const of = <K extends ReportRecord['kind']>(records: ReportRecord[], kind: K) =>
	records.filter((record): record is Extract<ReportRecord, { kind: K }> => record.kind === kind);

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
	return counts;
}

/** The same finding is recorded on every run; a period counts each fingerprint once, at its worst. */
function distinctFindings(findings: FindingRecord[]): FindingRecord[] {
	const byKey = new Map<string, FindingRecord>();
	for (const finding of findings) {
		const known = byKey.get(finding.fingerprint);
		if (!known) {
			byKey.set(finding.fingerprint, finding);
			continue;
		}
		const latest = finding.timestamp > known.timestamp ? finding : known;
		const worst =
			severityRank(finding.severity) < severityRank(known.severity)
				? finding.severity
				: known.severity;
		byKey.set(finding.fingerprint, { ...latest, severity: worst });
	}
	return [...byKey.values()];
}

function meanOrNull(values: number[]): number | null {
	return values.length ? round(mean(values), 2) : null;
}

/** Incidents may arrive several times (notices and Get Incidents): the latest state of each wins. */
function distinctIncidents(incidents: IncidentRecord[]): IncidentRecord[] {
	const byKey = new Map<string, IncidentRecord>();
	for (const incident of incidents) {
		const key = `${incident.fingerprint}@${incident.openedAt ?? ''}`;
		const known = byKey.get(key);
		if (!known || (incident.resolvedAt ?? 0) >= (known.resolvedAt ?? 0)) byKey.set(key, incident);
	}
	return [...byKey.values()];
}

function topEntities(findings: FindingRecord[], level: string, limit: number): EntityRow[] {
	const byId = new Map<string, EntityRow>();
	for (const finding of findings.filter((entry) => entry.entity.level === level)) {
		const row = byId.get(finding.entity.id) ?? {
			id: finding.entity.id,
			name: finding.entity.name ?? finding.entity.id,
			siteName: finding.siteName,
			findings: 0,
			rules: [],
		};
		row.findings += 1;
		if (!row.rules.includes(finding.rule)) row.rules.push(finding.rule);
		byId.set(finding.entity.id, row);
	}
	return [...byId.values()]
		.sort((a, b) => b.findings - a.findings || a.name.localeCompare(b.name))
		.slice(0, limit);
}

function siteNames(records: ReportRecord[]): Map<string, string> {
	const names = new Map<string, string>();
	for (const record of records) {
		if (!('siteId' in record) || !record.siteId) continue;
		if (!names.has(record.siteId) || (record.siteName && record.siteName !== record.siteId))
			names.set(record.siteId, record.siteName || record.siteId);
	}
	return names;
}

export function buildReport(records: ReportRecord[], options: ReportOptions): ReportFigures {
	const periods = periodsFor(options.type, options.end, options.timezone);
	const inCurrent = (ms?: number) => within(ms, periods.current);
	const inPrevious = (ms?: number) => within(ms, periods.previous);
	const findings = of(records, 'finding');
	const metrics = of(records, 'metric').filter((metric) => metric.timestamp < periods.current.end);
	const currentFindings = distinctFindings(
		findings.filter((finding) => inCurrent(finding.timestamp)),
	);
	const previousFindings = distinctFindings(
		findings.filter((finding) => inPrevious(finding.timestamp)),
	);
	const names = siteNames(records);

	const sites = [...names].map(([siteId, siteName]) =>
		siteReport(
			siteId,
			siteName,
			currentFindings,
			previousFindings,
			metrics,
			options,
			inCurrent,
			inPrevious,
		),
	);
	sites.sort((a, b) =>
		a.status === b.status ? a.siteName.localeCompare(b.siteName) : a.status === 'degraded' ? -1 : 1,
	);

	const incidents = distinctIncidents(of(records, 'incident'));
	const resolvedNow = incidents.filter((incident) => inCurrent(incident.resolvedAt));
	const durations = resolvedNow
		.filter((incident) => incident.openedAt !== undefined)
		.map((incident) => ((incident.resolvedAt as number) - (incident.openedAt as number)) / 60_000);
	const remediations = of(records, 'remediation');
	const currentRemediations = remediations.filter((record) => inCurrent(record.timestamp));
	const critical = (list: FindingRecord[]) =>
		list.filter((finding) => finding.severity === 'critical').length;

	return {
		title: options.title || `Mist Wi-Fi ${options.type} report`,
		type: options.type,
		timezone: options.timezone,
		generatedAt: new Date(options.end).toISOString(),
		period: {
			start: new Date(periods.current.start).toISOString(),
			end: new Date(periods.current.end).toISOString(),
		},
		previousPeriod: {
			start: new Date(periods.previous.start).toISOString(),
			end: new Date(periods.previous.end).toISOString(),
		},
		summary: {
			sites: sites.length,
			healthySites: sites.filter((site) => site.status === 'healthy').length,
			degradedSites: sites.filter((site) => site.status === 'degraded').length,
			findings: trend(currentFindings.length, previousFindings.length),
			criticalFindings: trend(critical(currentFindings), critical(previousFindings)),
			incidentsOpened: trend(
				incidents.filter((incident) => inCurrent(incident.openedAt)).length,
				incidents.filter((incident) => inPrevious(incident.openedAt)).length,
			),
			incidentsResolved: trend(
				resolvedNow.length,
				incidents.filter((incident) => inPrevious(incident.resolvedAt)).length,
			),
			remediationActions: trend(
				currentRemediations.length,
				remediations.filter((record) => inPrevious(record.timestamp)).length,
			),
		},
		sites,
		topIssues: topIssues(currentFindings, previousFindings, options.topN),
		topClients: topEntities(currentFindings, 'client', options.topN),
		topAps: topEntities(currentFindings, 'ap', options.topN),
		worstClients: worstClientRows(
			[
				...of(records, 'client_measurement')
					.filter((record) => record.timestamp === undefined || inCurrent(record.timestamp))
					.map((record) => record.measurement),
				...currentFindings.flatMap((finding) => finding.clients ?? []),
			],
			options.topN,
		),
		remediation: remediationSummary(currentRemediations),
		incidents: {
			opened: incidents.filter((incident) => inCurrent(incident.openedAt)).length,
			resolved: resolvedNow.length,
			stillOpen: incidents.filter((incident) => incident.status !== 'resolved').length,
			meanTimeToResolveMinutes: durations.length ? round(mean(durations), 1) : null,
		},
		apiBudget: apiBudget(of(records, 'api_usage'), inCurrent),
		forecasts: forecasts(metrics, names, options),
		anomalies: anomalies(metrics, names, options, inCurrent),
		comparedWith: recordsWithin(records, periods.previous) ? 'inputs' : 'nothing',
		history: [],
	};
}

function siteReport(
	siteId: string,
	siteName: string,
	current: FindingRecord[],
	previous: FindingRecord[],
	metrics: MetricRecord[],
	options: ReportOptions,
	inCurrent: (ms?: number) => boolean,
	inPrevious: (ms?: number) => boolean,
): SiteReport {
	const mine = current.filter((finding) => finding.siteId === siteId);
	const bySeverity = Object.fromEntries(
		SEVERITIES.map((severity) => [
			severity,
			mine.filter((finding) => finding.severity === severity).length,
		]),
	) as Record<Severity, number>;
	const siteMetrics = metrics.filter((metric) => metric.siteId === siteId);
	const series = (
		name: string,
		inPeriod: (ms?: number) => boolean,
		scale = (value: number) => value,
	) =>
		meanOrNull(
			siteMetrics
				.filter((metric) => metric.metric === name && inPeriod(metric.timestamp))
				.map((metric) => scale(metric.value)),
		);
	const sleNames = [
		...new Set(
			siteMetrics
				.filter((metric) => metric.metric.startsWith('sle_'))
				.map((metric) => metric.metric),
		),
	].sort();
	const sle = Object.fromEntries(
		sleNames.map((name) => [
			name,
			trend(series(name, inCurrent, slePercent), series(name, inPrevious, slePercent), 0.5),
		]),
	);
	const reasons: string[] = [];
	if (bySeverity.critical) reasons.push(`${bySeverity.critical} critical finding(s)`);
	if (bySeverity.major) reasons.push(`${bySeverity.major} major finding(s)`);
	for (const [name, value] of Object.entries(sle)) {
		if (value.current !== null && value.current < options.sleThreshold)
			reasons.push(`${name} ${value.current}% < ${options.sleThreshold}%`);
	}
	return {
		siteId,
		siteName,
		status: reasons.length ? 'degraded' : 'healthy',
		reasons,
		findings: trend(mine.length, previous.filter((finding) => finding.siteId === siteId).length),
		bySeverity,
		sle,
		clients: trend(series('num_clients', inCurrent), series('num_clients', inPrevious)),
		aps: trend(series('num_aps', inCurrent), series('num_aps', inPrevious)),
	};
}

function topIssues(current: FindingRecord[], previous: FindingRecord[], limit: number): IssueRow[] {
	const rules = [...new Set(current.map((finding) => finding.rule))];
	return rules
		.map((rule) => {
			const mine = current.filter((finding) => finding.rule === rule);
			return {
				rule,
				worstSeverity: mine
					.map((finding) => finding.severity)
					.sort((a, b) => severityRank(a) - severityRank(b))[0],
				findings: mine.length,
				previous: previous.filter((finding) => finding.rule === rule).length,
				sites: [...new Set(mine.map((finding) => finding.siteName))].sort(),
			};
		})
		.sort(
			(a, b) =>
				severityRank(a.worstSeverity) - severityRank(b.worstSeverity) ||
				b.findings - a.findings ||
				a.rule.localeCompare(b.rule),
		)
		.slice(0, limit);
}

function remediationSummary(records: RemediationRecord[]): ReportFigures['remediation'] {
	const operations = [...new Set(records.map((record) => record.operation))].sort();
	return {
		total: records.length,
		byDecision: countBy(records, (record) => record.decision),
		byResult: countBy(records, (record) => record.result),
		byOperation: operations.map((operation) => {
			const mine = records.filter((record) => record.operation === operation);
			return {
				operation,
				total: mine.length,
				succeeded: mine.filter((record) => SUCCESS.has(record.result)).length,
				failed: mine.filter((record) => FAILURE.has(record.result)).length,
			};
		}),
	};
}

function apiBudget(
	usage: ApiUsageRecord[],
	inCurrent: (ms?: number) => boolean,
): ReportFigures['apiBudget'] {
	const relevant = usage.filter(
		(record) => record.timestamp === undefined || inCurrent(record.timestamp),
	);
	if (!relevant.length) return null;
	const peak = relevant.reduce((best, record) =>
		record.requests / record.requestLimit > best.requests / best.requestLimit ? record : best,
	);
	return {
		requests: peak.requests,
		requestLimit: peak.requestLimit,
		percentUsed: round((peak.requests / peak.requestLimit) * 100, 1),
	};
}
