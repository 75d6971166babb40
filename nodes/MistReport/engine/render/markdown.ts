import type { ReportFigures } from '../aggregate';
import { ruleTitle, ruleTitles } from '../../../shared/findings/titles';
import {
	EARLIER_REPORTS_HEAD,
	earlierReportRows,
	forecastSentence,
	formatNumber,
	formatTrend,
	WORST_CLIENTS_HEAD,
	worstClientCells,
} from './format';

/** Markdown table cells must not break the row. */
function cell(value: unknown): string {
	return String(value ?? '')
		.replace(/\|/g, '\\|')
		.replace(/\n/g, ' ');
}

function table(headers: string[], rows: unknown[][]): string {
	return [
		`| ${headers.join(' | ')} |`,
		`| ${headers.map(() => '---').join(' | ')} |`,
		...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
	].join('\n');
}

export function renderMarkdown(figures: ReportFigures): string {
	const s = figures.summary;
	const lines: string[] = [
		`# ${figures.title}`,
		'',
		`${figures.period.start} – ${figures.period.end} (${figures.timezone}), compared with the previous ${figures.type === 'weekly' ? 'week' : 'day'}${figures.comparedWith === 'report history' ? ' (its figures from the report history)' : ''}.`,
		'',
		'## Summary',
		'',
		`- Sites healthy: ${s.healthySites} / ${s.sites} (degraded: ${s.degradedSites})`,
		`- Findings: ${formatTrend(s.findings)}`,
		`- Critical findings: ${formatTrend(s.criticalFindings)}`,
		`- Incidents opened: ${formatTrend(s.incidentsOpened)}; resolved: ${formatTrend(s.incidentsResolved)}`,
		`- Remediation actions: ${formatTrend(s.remediationActions)}`,
		'',
		'## Sites',
		'',
	];
	lines.push(
		figures.sites.length
			? table(
					['Site', 'Status', 'Findings', 'SLE', 'Avg clients', 'Why'],
					figures.sites.map((site) => [
						site.siteName,
						site.status,
						formatTrend(site.findings),
						Object.entries(site.sle)
							.map(([name, value]) => `${name.replace(/^sle_/, '')} ${formatTrend(value, '%')}`)
							.join('; ') || 'n/a',
						formatTrend(site.clients),
						site.reasons.join('; '),
					]),
				)
			: '_No site data in this period._',
		'',
		'## Top issues',
		'',
		figures.topIssues.length
			? table(
					['Problem', 'Severity', 'Findings', 'Previous', 'Sites'],
					figures.topIssues.map((issue) => [
						ruleTitle(issue.rule),
						issue.worstSeverity,
						issue.findings,
						issue.previous,
						issue.sites.join(', '),
					]),
				)
			: '_No findings in this period._',
		'',
		'## Most affected clients',
		'',
		figures.topClients.length
			? table(
					['Client', 'Site', 'Findings', 'Problems'],
					figures.topClients.map((row) => [
						row.name,
						row.siteName,
						row.findings,
						ruleTitles(row.rules),
					]),
				)
			: '_None._',
		'',
		'## Most affected APs',
		'',
		figures.topAps.length
			? table(
					['AP', 'Site', 'Findings', 'Problems'],
					figures.topAps.map((row) => [
						row.name,
						row.siteName,
						row.findings,
						ruleTitles(row.rules),
					]),
				)
			: '_None._',
		'',
		'## Worst clients',
		'',
		figures.worstClients.length
			? table(WORST_CLIENTS_HEAD, figures.worstClients.map(worstClientCells))
			: '_No client measured below the thresholds in this period._',
		'',
		'## Remediation',
		'',
		figures.remediation.total
			? table(
					['Operation', 'Total', 'Succeeded', 'Failed'],
					figures.remediation.byOperation.map((row) => [
						row.operation,
						row.total,
						row.succeeded,
						row.failed,
					]),
				)
			: '_No remediation actions in this period._',
		'',
		'## Incidents and API budget',
		'',
		`- Incidents opened: ${figures.incidents.opened}, resolved: ${figures.incidents.resolved}, still open: ${figures.incidents.stillOpen}`,
		`- Mean time to resolve: ${figures.incidents.meanTimeToResolveMinutes === null ? 'n/a' : `${formatNumber(figures.incidents.meanTimeToResolveMinutes)} min`}`,
		`- Mist API budget used: ${figures.apiBudget ? `${figures.apiBudget.requests} / ${figures.apiBudget.requestLimit} (${formatNumber(figures.apiBudget.percentUsed, '%')})` : 'n/a'}`,
		'',
		'## Outlook',
		'',
		...(figures.forecasts.length
			? figures.forecasts.map((row) => `- ${forecastSentence(row)}`)
			: ['- No threshold in sight.']),
		...(figures.anomalies.length
			? figures.anomalies.map(
					(row) =>
						`- Anomaly: ${row.siteName} ${row.metric} = ${formatNumber(row.value)} (usual ${formatNumber(row.mean)} ± ${formatNumber(row.stddev)})`,
				)
			: ['- No anomalies.']),
		'',
		'## Earlier reports',
		'',
		figures.history.length
			? table(EARLIER_REPORTS_HEAD, earlierReportRows(figures))
			: `_No earlier ${figures.type} reports in the report history yet._`,
		'',
	);
	return lines.join('\n');
}
