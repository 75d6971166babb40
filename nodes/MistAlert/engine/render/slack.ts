import type { IncidentView, Notice } from '../types';
import { bySite, countsLine, incidentLine, listed, stateWord, titleOf, truncate } from './format';

/** Slack mrkdwn treats &, < and > as control characters. */
function mrkdwn(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function section(text: string) {
	return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } };
}

function incidentBlock(incident: IncidentView, notice: Notice) {
	const lines = [
		`*${incident.severity.toUpperCase()}* · ${mrkdwn(incident.title)} · ${mrkdwn(incident.entity)} · _${stateWord(incident, notice)}_`,
		mrkdwn(incident.summary),
	];
	if (notice.kind !== 'resolved') {
		lines.push(
			`_Likely cause:_ ${mrkdwn(incident.likelyCause)}`,
			`_Next step:_ ${mrkdwn(incident.remediation)}`,
		);
	}
	return section(lines.join('\n'));
}

/** A digest lists one line per incident under a heading per site. */
function siteBlocks(notice: Notice, shown: IncidentView[]) {
	return bySite(notice, shown).map(({ heading, incidents }) =>
		section(
			[
				`*${mrkdwn(heading)}*`,
				...incidents.map((incident) => `• ${mrkdwn(incidentLine(incident))}`),
			].join('\n'),
		),
	);
}

/** Slack limits: 50 blocks per message, 150 characters in a header, 3000 in a section. */
export function renderSlack(notice: Notice, maxListed: number, dashboardUrl?: string) {
	const title = titleOf(notice);
	const { shown, more } = listed(notice, Math.min(maxListed, 40));
	const blocks: Array<Record<string, unknown>> = [
		{ type: 'header', text: { type: 'plain_text', text: truncate(title, 150) } },
		{ type: 'section', text: { type: 'mrkdwn', text: mrkdwn(countsLine(notice)) || ' ' } },
		{ type: 'divider' },
		...(notice.digest
			? siteBlocks(notice, shown)
			: shown.map((incident) => incidentBlock(incident, notice))),
	];
	if (more) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: more }] });
	const context = [
		notice.digest ? `${notice.groupKeys.length} groups` : `Group \`${mrkdwn(notice.groupKey)}\``,
	];
	if (dashboardUrl) context.push(`<${dashboardUrl}|Open dashboard>`);
	blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: context.join(' · ') }] });
	return { text: `${title} (${countsLine(notice)})`, blocks };
}
