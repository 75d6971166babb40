import type { IncidentView, Notice } from '../types';
import {
	bySite,
	colourOf,
	countsLine,
	incidentLine,
	listed,
	stateWord,
	titleOf,
	truncate,
} from './format';

/** A MessageCard fact; built through a helper because its `name` is a caption, not an n8n option. */
function fact(caption: string, text: string) {
	return { name: caption, value: text };
}

function incidentSection(incident: IncidentView, notice: Notice) {
	return {
		activityTitle: truncate(
			`${incident.severity.toUpperCase()} · ${incident.title} · ${incident.entity}`,
			200,
		),
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
	};
}

/** A digest: one section per site, one line per incident. */
function siteSections(notice: Notice, shown: IncidentView[]) {
	return bySite(notice, shown).map(({ heading, incidents }) => ({
		activityTitle: truncate(heading, 200),
		activitySubtitle: '',
		text: truncate(incidents.map((incident) => `- ${incidentLine(incident)}`).join('\n'), 5000),
		facts: [] as Array<ReturnType<typeof fact>>,
	}));
}

/** A legacy Office 365 connector MessageCard: accepted by Teams incoming webhooks and the Teams node. */
export function renderTeams(notice: Notice, maxListed: number, dashboardUrl?: string) {
	const title = titleOf(notice);
	const { shown, more } = listed(notice, Math.min(maxListed, notice.digest ? 40 : 10));
	const sections = notice.digest
		? siteSections(notice, shown)
		: shown.map((incident) => incidentSection(incident, notice));
	if (more) sections.push({ activityTitle: more, activitySubtitle: '', text: '', facts: [] });
	return {
		'@type': 'MessageCard',
		'@context': 'https://schema.org/extensions',
		summary: truncate(title, 150),
		themeColor: colourOf(notice).replace('#', ''),
		title,
		text: countsLine(notice),
		sections,
		...(dashboardUrl
			? {
					potentialAction: [
						{
							'@type': 'OpenUri',
							name: 'Open dashboard',
							targets: [{ os: 'default', uri: dashboardUrl }],
						},
					],
				}
			: {}),
	};
}
