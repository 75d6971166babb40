/**
 * The report history kept in the shared memory's 'report' log: one compact summary per report
 * (figures only, never findings), read back for the "Earlier reports" section and, when the inputs
 * say nothing about the previous period, for the comparison with it.
 */
import type { IDataObject } from 'n8n-workflow';

import type { LogEntry } from '../../shared/memory/types';
import type { ReportFigures, ReportSummary } from './figures';
import { within } from './time';
import { trend } from './trend';
import type { ReportRecord } from './types';

const COUNTS = [
	'sites',
	'degradedSites',
	'findings',
	'criticalFindings',
	'incidentsOpened',
	'incidentsResolved',
	'remediationActions',
] as const;

/** The log subject of a report summary: its kind (the dashboard's trend samples use 'dashboard'). */
export type { ReportSummary };

export const reportSubject = (type: ReportSummary['type']) => type;

export function summariseReport(figures: ReportFigures): ReportSummary {
	const s = figures.summary;
	return {
		type: figures.type,
		periodStart: figures.period.start,
		periodEnd: figures.period.end,
		sites: s.sites,
		degradedSites: s.degradedSites,
		findings: s.findings.current ?? 0,
		criticalFindings: s.criticalFindings.current ?? 0,
		incidentsOpened: s.incidentsOpened.current ?? 0,
		incidentsResolved: s.incidentsResolved.current ?? 0,
		remediationActions: s.remediationActions.current ?? 0,
	};
}

/** A stored summary, or undefined when the entry is not one (another kind, an older shape). */
function summaryOf(entry: LogEntry, type: ReportSummary['type']): ReportSummary | undefined {
	const value = entry.value as IDataObject;
	if (entry.subject !== reportSubject(type) || value.type !== type) return undefined;
	if (typeof value.periodEnd !== 'string' || Number.isNaN(Date.parse(value.periodEnd)))
		return undefined;
	if (!COUNTS.every((name) => Number.isFinite(value[name]))) return undefined;
	return value as unknown as ReportSummary;
}

/**
 * The earlier reports of this type, oldest first: one per period (a re-run, or "Run now" soon
 * after the scheduled report, replaces the summaries whose period ends within half a period of
 * its own), none for the period being reported now.
 */
export function earlierReports(
	entries: LogEntry[],
	type: ReportSummary['type'],
	currentEnd: number,
): ReportSummary[] {
	const halfPeriod = ((type === 'weekly' ? 7 : 1) * 24 * 3600_000) / 2;
	const kept: ReportSummary[] = [];
	const ends = [currentEnd];
	// Newest first: the first summary of a period is the latest run of it.
	for (const entry of entries) {
		const summary = summaryOf(entry, type);
		if (!summary) continue;
		const end = Date.parse(summary.periodEnd);
		if (end >= currentEnd || ends.some((known) => Math.abs(known - end) < halfPeriod)) continue;
		kept.push(summary);
		ends.push(end);
	}
	return kept.sort((a, b) => Date.parse(a.periodEnd) - Date.parse(b.periodEnd));
}

/** When a record counts in the summary figures (metrics and API usage do not). */
function countedAt(record: ReportRecord): number[] {
	if (record.kind === 'incident')
		return [record.openedAt, record.resolvedAt].filter((at): at is number => at !== undefined);
	if (record.kind === 'finding' || record.kind === 'remediation') return [record.timestamp];
	return [];
}

/** Whether a finding, incident or remediation of the inputs falls in the period (history rows fed in). */
export function recordsWithin(records: ReportRecord[], period: { start: number; end: number }) {
	return records.some((record) => countedAt(record).some((at) => within(at, period)));
}

/**
 * When no input record falls in the previous period (no history rows were fed), the summary of the
 * previous report stands in for it: its end within a tenth of a period of this period's start.
 * Changes the summary trends in place and says where the comparison came from.
 */
export function compareWithHistory(
	figures: ReportFigures,
	history: ReportSummary[],
): ReportFigures['comparedWith'] {
	if (figures.comparedWith === 'inputs') return 'inputs';
	const previous = {
		start: Date.parse(figures.previousPeriod.start),
		end: Date.parse(figures.previousPeriod.end),
	};
	const slack = (previous.end - previous.start) / 10;
	const stored = [...history]
		.reverse()
		.find((summary) => Math.abs(Date.parse(summary.periodEnd) - previous.end) <= slack);
	if (!stored) return 'nothing';
	const s = figures.summary;
	s.findings = trend(s.findings.current, stored.findings);
	s.criticalFindings = trend(s.criticalFindings.current, stored.criticalFindings);
	s.incidentsOpened = trend(s.incidentsOpened.current, stored.incidentsOpened);
	s.incidentsResolved = trend(s.incidentsResolved.current, stored.incidentsResolved);
	s.remediationActions = trend(s.remediationActions.current, stored.remediationActions);
	return 'report history';
}
