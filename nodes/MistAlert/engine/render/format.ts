import { SEVERITY_COLOURS } from '../../../shared/findings/severity';
import { ruleTitle } from '../../../shared/findings/titles';
import type { Severity } from '../../../shared/findings/types';
import type { IncidentView, Notice } from '../types';

export const RESOLVED_COLOUR = '#2e7d32';
export const ACK_COLOUR = '#546e7a';

export function colourOf(notice: Notice): string {
	if (notice.kind === 'resolved') return RESOLVED_COLOUR;
	if (notice.kind === 'acknowledge') return ACK_COLOUR;
	return SEVERITY_COLOURS[worstSeverity(notice)];
}

export function worstSeverity(notice: Notice): Severity {
	return notice.incidents[0]?.severity ?? 'info';
}

export function truncate(value: string, max: number): string {
	return value.length <= max ? value : `${value.slice(0, Math.max(0, max - 1))}…`;
}

function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Where the group is, e.g. "HQ" or "3 sites". */
export function groupPlace(notice: Notice): string {
	if (notice.labels.site_name) return notice.labels.site_name;
	if (notice.labels.site && notice.labels.site !== '-') return notice.labels.site;
	const sites = [...new Set(notice.incidents.map((incident) => incident.siteName))];
	return sites.length === 1 ? sites[0] : `${sites.length} sites`;
}

/** What the group is about, e.g. "AP offline" or "3 problems". */
export function groupTopic(notice: Notice): string {
	if (notice.labels.rule) return ruleTitle(notice.labels.rule);
	const titles = [...new Set(notice.incidents.map((incident) => incident.title))];
	return titles.length === 1 ? titles[0] : `${titles.length} problems`;
}

const PREFIX: Record<Notice['kind'], string> = {
	firing: 'FIRING',
	escalation: 'ESCALATED',
	page: 'PAGE',
	acknowledge: 'ACKNOWLEDGED',
	resolved: 'RESOLVED',
};

export function titleOf(notice: Notice): string {
	const count = notice.incidents.length;
	if (
		notice.kind === 'page' ||
		notice.kind === 'acknowledge' ||
		(notice.tier === 'tier3' && count === 1)
	) {
		const incident = notice.incidents[0];
		return `[${PREFIX[notice.kind]}] ${incident.severity.toUpperCase()} ${incident.title} at ${incident.siteName}: ${incident.entity}`;
	}
	const label = notice.repeat ? 'REMINDER' : PREFIX[notice.kind];
	if (notice.digest)
		return `[${label}:${count}] First run: ${plural(count, 'incident')} at ${groupPlace(notice)}`;
	return `[${label}:${count}] ${groupTopic(notice)} at ${groupPlace(notice)}`;
}

/** "2 critical, 5 minor": how many of each severity, worst first. */
export function severityCounts(incidents: IncidentView[]): string {
	const bySeverity = new Map<string, number>();
	for (const incident of incidents)
		bySeverity.set(incident.severity, (bySeverity.get(incident.severity) ?? 0) + 1);
	return [...bySeverity].map(([severity, count]) => `${count} ${severity}`).join(', ');
}

export function countsLine(notice: Notice): string {
	const parts = [severityCounts(notice.incidents)];
	const fresh = notice.incidents.filter((incident) => incident.isNew).length;
	if (notice.kind === 'firing' && fresh && fresh < notice.incidents.length)
		parts.push(`${fresh} new`);
	if (notice.kind === 'resolved') parts.push(`${notice.stillOpen} still open in this group`);
	return parts.filter(Boolean).join(', ');
}

export function stateWord(incident: IncidentView, notice: Notice): string {
	if (notice.kind === 'resolved') return 'resolved';
	if (incident.acknowledged) return `acknowledged by ${incident.acknowledged.by}`;
	return incident.isNew ? 'new' : 'open';
}

/** The incidents a message lists (worst first, at most `maxListed`) and a line counting the rest. */
export function listed(
	notice: Notice,
	maxListed: number,
): { shown: IncidentView[]; hidden: number; more: string } {
	const shown = notice.incidents.slice(0, Math.max(1, maxListed));
	const rest = notice.incidents.slice(shown.length);
	return {
		shown,
		hidden: rest.length,
		more: rest.length ? `…and ${rest.length} more (${severityCounts(rest)})` : '',
	};
}

export interface SiteSection {
	site: string;
	/** e.g. "HQ: 12 incidents (2 critical, 10 major)", counted over the whole notice. */
	heading: string;
	incidents: IncidentView[];
}

/** A digest's listed incidents by site: the site with the worst incident first, worst first inside. */
export function bySite(notice: Notice, shown: IncidentView[]): SiteSection[] {
	const sections = new Map<string, SiteSection>();
	for (const incident of shown) {
		let section = sections.get(incident.siteName);
		if (!section) {
			const all = notice.incidents.filter((other) => other.siteName === incident.siteName);
			section = {
				site: incident.siteName,
				heading: `${incident.siteName}: ${plural(all.length, 'incident')} (${severityCounts(all)})`,
				incidents: [],
			};
			sections.set(incident.siteName, section);
		}
		section.incidents.push(incident);
	}
	return [...sections.values()];
}

/** One incident on one line (digests): "MAJOR · AP offline · AP-01: AP AP-01 at HQ is offline." */
export function incidentLine(incident: IncidentView, max = 300): string {
	return truncate(
		`${incident.severity.toUpperCase()} · ${incident.title} · ${incident.entity}: ${incident.summary}`,
		max,
	);
}
