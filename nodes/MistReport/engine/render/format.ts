import type { ReportFigures } from '../aggregate';
import type { Trend } from '../types';
import type { WorstClientRow } from '../worstClients';

export function formatNumber(value: number | null, unit = ''): string {
	if (value === null) return 'n/a';
	const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
	return `${text}${unit}`;
}

/** "12 (+3 vs 9)" – the change sign tells the direction without colour. */
export function formatTrend(value: Trend, unit = ''): string {
	if (value.current === null) return 'n/a';
	if (value.previous === null || value.change === null) return formatNumber(value.current, unit);
	const sign = value.change > 0 ? '+' : value.change < 0 ? '−' : '±';
	return `${formatNumber(value.current, unit)} (${sign}${formatNumber(Math.abs(value.change), unit)} vs ${formatNumber(value.previous, unit)})`;
}

export function formatDays(days: number): string {
	if (days <= 0) return 'already reached';
	return `in ~${days < 10 ? days.toFixed(1) : Math.round(days)} days`;
}

export function forecastSentence(row: {
	siteName: string;
	metric: string;
	threshold: number;
	direction: 'above' | 'below';
	daysToThreshold: number;
}): string {
	const verb = row.direction === 'above' ? 'will reach' : 'will fall to';
	return row.daysToThreshold <= 0
		? `${row.siteName}: ${row.metric} has already reached ${row.threshold}`
		: `${row.siteName}: ${row.metric} ${verb} ${row.threshold} ${formatDays(row.daysToThreshold)}`;
}

export const EARLIER_REPORTS_HEAD = [
	'Period end',
	'Degraded sites',
	'Findings',
	'Critical',
	'Incidents opened',
];

/** The rows of "Earlier reports": the history oldest first, then this report. */
export function earlierReportRows(figures: ReportFigures): Array<Array<string | number>> {
	const s = figures.summary;
	return [
		...figures.history.map((row) => [
			row.periodEnd,
			`${row.degradedSites} / ${row.sites}`,
			row.findings,
			row.criticalFindings,
			row.incidentsOpened,
		]),
		[
			`${figures.period.end} (this report)`,
			`${s.degradedSites} / ${s.sites}`,
			s.findings.current ?? 0,
			s.criticalFindings.current ?? 0,
			s.incidentsOpened.current ?? 0,
		],
	];
}

export const WORST_CLIENTS_HEAD = ['Problem', 'Client', 'Value', 'Site', 'AP', 'Measured'];

/** The cells of one worst client, as text (report HTML and Markdown, the dashboard). */
export function worstClientCells(row: WorstClientRow): string[] {
	const client =
		row.hostname && row.hostname !== row.mac ? `${row.hostname} (${row.mac})` : row.mac;
	const limit =
		row.limit === undefined ? '' : ` (limit ${formatNumber(row.limit, ` ${row.unit}`)})`;
	return [
		row.measureName,
		client,
		`${formatNumber(row.value, ` ${row.unit}`)}${limit}`,
		row.siteName ?? row.siteId,
		row.apName ?? row.apMac ?? '',
		row.measuredAt ?? 'unknown',
	];
}
