import type { IncidentView, Notice } from '../types';
import { countsLine, listed, stateWord, titleOf, truncate } from './format';

/** Slack mrkdwn treats &, < and > as control characters. */
function mrkdwn(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function incidentBlock(incident: IncidentView, notice: Notice) {
	const lines = [
		`*${incident.severity.toUpperCase()}* · ${mrkdwn(incident.entity)} · _${stateWord(incident, notice)}_`,
		mrkdwn(incident.summary),
	];
	if (notice.kind !== 'resolved') {
		lines.push(`_Likely cause:_ ${mrkdwn(incident.likelyCause)}`, `_Next step:_ ${mrkdwn(incident.remediation)}`);
	}
	return { type: 'section', text: { type: 'mrkdwn', text: truncate(lines.join('\n'), 3000) } };
}

/** Slack limits: 50 blocks per message, 150 characters in a header, 3000 in a section. */
export function renderSlack(notice: Notice, maxListed: number, dashboardUrl?: string) {
	const title = titleOf(notice);
	const { shown, hidden } = listed(notice, Math.min(maxListed, 40));
	const blocks: Array<Record<string, unknown>> = [
		{ type: 'header', text: { type: 'plain_text', text: truncate(title, 150) } },
		{ type: 'section', text: { type: 'mrkdwn', text: mrkdwn(countsLine(notice)) || ' ' } },
		{ type: 'divider' },
		...shown.map((incident) => incidentBlock(incident, notice)),
	];
	if (hidden > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${hidden} more` }] });
	const context = [`Group \`${mrkdwn(notice.groupKey)}\``];
	if (dashboardUrl) context.push(`<${dashboardUrl}|Open dashboard>`);
	blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: context.join(' · ') }] });
	return { text: `${title} (${countsLine(notice)})`, blocks };
}
