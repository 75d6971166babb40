import type { ReportFigures } from '../aggregate';
import type { Trend } from '../types';
import { SEVERITY_COLOURS } from '../../../shared/findings/severity';
import { ruleTitle, ruleTitles } from '../../../shared/findings/titles';
import { escapeHtml } from '../../../shared/utils/html';
import {
	EARLIER_REPORTS_HEAD,
	earlierReportRows,
	forecastSentence,
	formatNumber,
	formatTrend,
	WORST_CLIENTS_HEAD,
	worstClientCells,
} from './format';

const COLOURS = { ...SEVERITY_COLOURS, good: '#2e7d32', bad: '#c62828', muted: '#757575' };
const TABLE = 'border-collapse:collapse;width:100%;margin:0 0 16px 0;';
const TH =
	'padding:6px 8px;border-bottom:2px solid #9e9e9e;text-align:left;font-size:12px;color:#424242;';
const TD = 'padding:6px 8px;border-bottom:1px solid #e0e0e0;font-size:13px;vertical-align:top;';
const H2 = 'font-size:16px;margin:24px 0 8px 0;color:#212121;';
const NOTE = 'font-size:13px;color:#757575;margin:0 0 16px 0;';

function table(headers: string[], rows: string[][]): string {
	const head = headers.map((header) => `<th style="${TH}">${escapeHtml(header)}</th>`).join('');
	const body = rows
		.map((cells) => `<tr>${cells.map((cell) => `<td style="${TD}">${cell}</td>`).join('')}</tr>`)
		.join('');
	return `<table role="presentation" cellpadding="0" cellspacing="0" style="${TABLE}"><tr>${head}</tr>${body}</table>`;
}

/** A horizontal bar as a two-cell table: renders in mail clients that ignore div widths. */
export function bar(percent: number, colour: string): string {
	const filled = Math.max(0, Math.min(100, Math.round(percent)));
	const cells = [
		filled > 0
			? `<td style="width:${filled}%;height:8px;background-color:${colour};font-size:0;line-height:0;">&nbsp;</td>`
			: '',
		filled < 100
			? `<td style="width:${100 - filled}%;height:8px;background-color:#eeeeee;font-size:0;line-height:0;">&nbsp;</td>`
			: '',
	].join('');
	return `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:120px;"><tr>${cells}</tr></table>`;
}

function badge(text: string, colour: string): string {
	return `<span style="display:inline-block;padding:2px 6px;border-radius:3px;color:#ffffff;background-color:${colour};font-size:11px;font-weight:bold;">${escapeHtml(text)}</span>`;
}

function trendCell(value: Trend, unit = '', higherIsBetter = false): string {
	const colour =
		value.direction === 'flat' || value.direction === 'n/a'
			? COLOURS.muted
			: (value.direction === 'up') === higherIsBetter
				? COLOURS.good
				: COLOURS.bad;
	return `<span style="color:${colour};">${escapeHtml(formatTrend(value, unit))}</span>`;
}

function summary(figures: ReportFigures): string {
	const s = figures.summary;
	const cards: Array<[string, string]> = [
		['Sites healthy', `${s.healthySites} / ${s.sites}`],
		['Findings', trendCell(s.findings)],
		['Critical findings', trendCell(s.criticalFindings)],
		['Incidents opened', trendCell(s.incidentsOpened)],
		['Incidents resolved', trendCell(s.incidentsResolved, '', true)],
		['Remediation actions', trendCell(s.remediationActions, '', true)],
	];
	const cells = cards
		.map(
			([label, value]) =>
				`<td style="padding:8px;border:1px solid #e0e0e0;font-size:13px;"><div style="font-size:11px;color:#757575;">${escapeHtml(label)}</div><div style="font-size:18px;font-weight:bold;">${value}</div></td>`,
		)
		.join('');
	return `<table role="presentation" cellpadding="0" cellspacing="0" style="${TABLE}"><tr>${cells}</tr></table>`;
}

function sites(figures: ReportFigures): string {
	if (!figures.sites.length) return `<p style="${NOTE}">No site data in this period.</p>`;
	const rows = figures.sites.map((site) => {
		const sle = Object.entries(site.sle)
			.map(
				([name, value]) =>
					`<div style="font-size:12px;">${escapeHtml(name.replace(/^sle_/, ''))}: ${trendCell(value, '%', true)}</div>${value.current === null ? '' : bar(value.current, value.current < 90 ? COLOURS.bad : COLOURS.good)}`,
			)
			.join('');
		return [
			`<b>${escapeHtml(site.siteName)}</b>`,
			site.status === 'healthy' ? badge('HEALTHY', COLOURS.good) : badge('DEGRADED', COLOURS.bad),
			trendCell(site.findings),
			sle || '<span style="color:#757575;">no SLE data</span>',
			escapeHtml(formatTrend(site.clients)),
			escapeHtml(site.reasons.join('; ')),
		];
	});
	return table(['Site', 'Status', 'Findings', 'SLE', 'Avg clients', 'Why'], rows);
}

function issues(figures: ReportFigures): string {
	if (!figures.topIssues.length) return `<p style="${NOTE}">No findings in this period.</p>`;
	const most = Math.max(...figures.topIssues.map((issue) => issue.findings));
	return table(
		['Problem', 'Severity', 'Findings', 'Previous', 'Sites'],
		figures.topIssues.map((issue) => [
			escapeHtml(ruleTitle(issue.rule)),
			badge(issue.worstSeverity.toUpperCase(), COLOURS[issue.worstSeverity]),
			`${issue.findings}${bar((issue.findings / most) * 100, COLOURS[issue.worstSeverity])}`,
			String(issue.previous),
			escapeHtml(issue.sites.join(', ')),
		]),
	);
}

function entities(rows: ReportFigures['topClients'], label: string): string {
	if (!rows.length) return `<p style="${NOTE}">No ${label.toLowerCase()} with findings.</p>`;
	return table(
		[label, 'Site', 'Findings', 'Problems'],
		rows.map((row) => [
			escapeHtml(row.name),
			escapeHtml(row.siteName),
			String(row.findings),
			escapeHtml(ruleTitles(row.rules)),
		]),
	);
}

function worstClients(figures: ReportFigures): string {
	if (!figures.worstClients.length)
		return `<p style="${NOTE}">No client measured below the thresholds in this period.</p>`;
	return table(
		WORST_CLIENTS_HEAD,
		figures.worstClients.map((row) => worstClientCells(row).map((cell) => escapeHtml(cell))),
	);
}

function remediation(figures: ReportFigures): string {
	const r = figures.remediation;
	if (!r.total) return `<p style="${NOTE}">No remediation actions in this period.</p>`;
	const decisions = Object.entries(r.byDecision)
		.map(([decision, count]) => `${escapeHtml(decision)}: ${count}`)
		.join(', ');
	return `<p style="font-size:13px;margin:0 0 8px 0;">${r.total} action(s). Decisions: ${decisions}.</p>${table(
		['Operation', 'Total', 'Succeeded', 'Failed'],
		r.byOperation.map((row) => [
			escapeHtml(row.operation),
			String(row.total),
			String(row.succeeded),
			String(row.failed),
		]),
	)}`;
}

function operations(figures: ReportFigures): string {
	const i = figures.incidents;
	const mttr =
		i.meanTimeToResolveMinutes === null ? 'n/a' : `${formatNumber(i.meanTimeToResolveMinutes)} min`;
	const rows = [
		['Incidents opened', String(i.opened)],
		['Incidents resolved', String(i.resolved)],
		['Incidents still open', String(i.stillOpen)],
		['Mean time to resolve', escapeHtml(mttr)],
	];
	const budget = figures.apiBudget;
	if (budget) {
		rows.push([
			'Mist API budget used',
			`${budget.requests} / ${budget.requestLimit} (${formatNumber(budget.percentUsed, '%')})${bar(budget.percentUsed, budget.percentUsed >= 80 ? COLOURS.bad : COLOURS.good)}`,
		]);
	} else rows.push(['Mist API budget used', 'n/a']);
	return table(['Measure', 'Value'], rows);
}

function outlook(figures: ReportFigures): string {
	const forecasts = figures.forecasts.map(
		(row) =>
			`<li style="font-size:13px;">${escapeHtml(forecastSentence(row))} (trend ${formatNumber(row.slopePerDay)}/day, R² ${row.r2})</li>`,
	);
	const anomalies = figures.anomalies.map(
		(row) =>
			`<li style="font-size:13px;">${escapeHtml(row.siteName)}: ${escapeHtml(row.metric)} = ${formatNumber(row.value)} (usual ${formatNumber(row.mean)} ± ${formatNumber(row.stddev)}) at ${escapeHtml(row.timestamp)}</li>`,
	);
	return [
		`<h3 style="font-size:14px;margin:8px 0;">Forecasts</h3>`,
		forecasts.length
			? `<ul style="margin:0 0 12px 16px;padding:0;">${forecasts.join('')}</ul>`
			: `<p style="${NOTE}">No threshold in sight.</p>`,
		`<h3 style="font-size:14px;margin:8px 0;">Anomalies</h3>`,
		anomalies.length
			? `<ul style="margin:0 0 12px 16px;padding:0;">${anomalies.join('')}</ul>`
			: `<p style="${NOTE}">No anomalies.</p>`,
	].join('');
}

/** The earlier reports of the report history, oldest first, the current one last. */
function earlier(figures: ReportFigures): string {
	if (!figures.history.length)
		return `<p style="${NOTE}">No earlier ${figures.type} reports in the report history yet.</p>`;
	const rows = earlierReportRows(figures);
	return table(
		EARLIER_REPORTS_HEAD,
		rows.map((row) => row.map((cell) => escapeHtml(String(cell)))),
	);
}

/** Email-safe HTML: tables, inline styles, CSS-free bars; no scripts, stylesheets or remote images. */
export function renderHtml(figures: ReportFigures): string {
	return [
		'<!DOCTYPE html><html><body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;color:#212121;background-color:#ffffff;">',
		`<h1 style="font-size:20px;margin:0 0 4px 0;">${escapeHtml(figures.title)}</h1>`,
		`<p style="${NOTE}">${escapeHtml(figures.period.start)} – ${escapeHtml(figures.period.end)} (${escapeHtml(figures.timezone)}), compared with the previous ${figures.type === 'weekly' ? 'week' : 'day'}${figures.comparedWith === 'report history' ? ' (its figures from the report history)' : ''}</p>`,
		summary(figures),
		`<h2 style="${H2}">Sites</h2>`,
		sites(figures),
		`<h2 style="${H2}">Top issues</h2>`,
		issues(figures),
		`<h2 style="${H2}">Most affected clients</h2>`,
		entities(figures.topClients, 'Client'),
		`<h2 style="${H2}">Most affected APs</h2>`,
		entities(figures.topAps, 'AP'),
		`<h2 style="${H2}">Worst clients</h2>`,
		worstClients(figures),
		`<h2 style="${H2}">Remediation</h2>`,
		remediation(figures),
		`<h2 style="${H2}">Incidents and API budget</h2>`,
		operations(figures),
		`<h2 style="${H2}">Outlook</h2>`,
		outlook(figures),
		`<h2 style="${H2}">Earlier reports</h2>`,
		earlier(figures),
		'</body></html>',
	].join('\n');
}
