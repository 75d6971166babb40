import type { ReportFigures } from '../aggregate';
import { ruleTitle } from '../../../shared/findings/titles';
import { formatTrend } from './format';

const MAX_SITES = 5;
const MAX_ISSUES = 3;

/**
 * A few lines for a chat channel (Slack mrkdwn reads them too): chat clients do not render the
 * report's tables, and a channel wants the gist with a pointer to the full report.
 */
export function renderChatSummary(figures: ReportFigures): string {
	const s = figures.summary;
	const lines = [
		`*${figures.title}*: ${s.degradedSites} of ${s.sites} site(s) degraded; findings ${formatTrend(s.findings)}, critical ${formatTrend(s.criticalFindings)}.`,
	];
	const degraded = figures.sites.filter((site) => site.status !== 'healthy');
	for (const site of degraded.slice(0, MAX_SITES))
		lines.push(`• ${site.siteName}: ${site.reasons.join('; ') || site.status}`);
	if (degraded.length > MAX_SITES) lines.push(`• …and ${degraded.length - MAX_SITES} more site(s)`);
	if (figures.topIssues.length) {
		const issues = figures.topIssues
			.slice(0, MAX_ISSUES)
			.map((issue) => `${ruleTitle(issue.rule)} (${issue.worstSeverity}, ${issue.findings})`);
		lines.push(`Top issues: ${issues.join('; ')}.`);
	}
	lines.push('The full report goes by e-mail.');
	return lines.join('\n');
}
