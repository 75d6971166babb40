import type { Notice } from '../types';
import { colourOf, countsLine, listed, stateWord, titleOf, truncate } from './format';

/** A MessageCard fact; built through a helper because its `name` is a caption, not an n8n option. */
function fact(caption: string, text: string) {
	return { name: caption, value: text };
}

/** A legacy Office 365 connector MessageCard: accepted by Teams incoming webhooks and the Teams node. */
export function renderTeams(notice: Notice, maxListed: number, dashboardUrl?: string) {
	const title = titleOf(notice);
	const { shown, hidden } = listed(notice, Math.min(maxListed, 10));
	const sections = shown.map((incident) => ({
		activityTitle: truncate(`${incident.severity.toUpperCase()} · ${incident.entity}`, 200),
		activitySubtitle: stateWord(incident, notice),
		text: truncate(incident.summary, 1000),
		facts: [
			fact('Site', incident.siteName),
			fact('Rule', incident.rule),
			...(notice.kind === 'resolved'
				? [fact('Resolved', incident.resolvedAt ?? '')]
				: [
						fact('Likely cause', truncate(incident.likelyCause, 500)),
						fact('Next step', truncate(incident.remediation, 500)),
					]),
			fact('First seen', incident.firstSeen),
		],
	}));
	if (hidden > 0) sections.push({ activityTitle: `…and ${hidden} more`, activitySubtitle: '', text: '', facts: [] });
	return {
		'@type': 'MessageCard',
		'@context': 'https://schema.org/extensions',
		summary: truncate(title, 150),
		themeColor: colourOf(notice).replace('#', ''),
		title,
		text: countsLine(notice),
		sections,
		...(dashboardUrl
			? { potentialAction: [{ '@type': 'OpenUri', name: 'Open dashboard', targets: [{ os: 'default', uri: dashboardUrl }] }] }
			: {}),
	};
}
