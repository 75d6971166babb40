import { SEVERITY_COLOURS } from '../../../shared/findings/severity';
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

/** Where the group is, e.g. "HQ" or "all sites". */
export function groupPlace(notice: Notice): string {
	if (notice.labels.site_name) return notice.labels.site_name;
	if (notice.labels.site && notice.labels.site !== '-') return notice.labels.site;
	const sites = [...new Set(notice.incidents.map((incident) => incident.siteName))];
	return sites.length === 1 ? sites[0] : `${sites.length} sites`;
}

/** What the group is about, e.g. "ap_offline" or "3 rules". */
export function groupTopic(notice: Notice): string {
	if (notice.labels.rule) return notice.labels.rule;
	const rules = [...new Set(notice.incidents.map((incident) => incident.rule))];
	return rules.length === 1 ? rules[0] : `${rules.length} rules`;
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
	if (notice.kind === 'page' || notice.kind === 'acknowledge' || (notice.tier === 'tier3' && count === 1)) {
		const incident = notice.incidents[0];
		return `[${PREFIX[notice.kind]}] ${incident.severity.toUpperCase()} ${incident.rule} at ${incident.siteName}: ${incident.entity}`;
	}
	const label = notice.repeat ? 'REMINDER' : PREFIX[notice.kind];
	return `[${label}:${count}] ${groupTopic(notice)} at ${groupPlace(notice)}`;
}

export function countsLine(notice: Notice): string {
	const bySeverity = new Map<string, number>();
	for (const incident of notice.incidents) bySeverity.set(incident.severity, (bySeverity.get(incident.severity) ?? 0) + 1);
	const parts = [...bySeverity].map(([severity, count]) => `${count} ${severity}`);
	const fresh = notice.incidents.filter((incident) => incident.isNew).length;
	if (notice.kind === 'firing' && fresh && fresh < notice.incidents.length) parts.push(`${fresh} new`);
	if (notice.kind === 'resolved') parts.push(`${notice.stillOpen} still open in this group`);
	return parts.join(', ');
}

export function stateWord(incident: IncidentView, notice: Notice): string {
	if (notice.kind === 'resolved') return 'resolved';
	if (incident.acknowledged) return `acknowledged by ${incident.acknowledged.by}`;
	return incident.isNew ? 'new' : 'open';
}

export function listed(notice: Notice, maxListed: number): { shown: IncidentView[]; hidden: number } {
	const shown = notice.incidents.slice(0, Math.max(1, maxListed));
	return { shown, hidden: notice.incidents.length - shown.length };
}
