import { createHash } from 'crypto';

import type { Severity } from '../../../shared/findings/types';
import type { Notice } from '../types';
import { countsLine, titleOf, truncate, worstSeverity } from './format';

export const PAGERDUTY_SEVERITY: Record<Severity, 'critical' | 'error' | 'warning' | 'info'> = {
	critical: 'critical',
	major: 'error',
	minor: 'warning',
	info: 'info',
};

/** PagerDuty caps dedup_key at 255 characters; a longer key keeps its start and gains a hash of the whole. */
export function dedupKey(key: string): string {
	if (key.length <= 255) return key;
	const hash = createHash('sha256').update(key).digest('hex').slice(0, 16);
	return `${key.slice(0, 255 - 17)}~${hash}`;
}

/** One incident's key is its fingerprint; a group's is `mist:{org}:{site}:{rule}:*`. */
export function noticeDedupKey(notice: Notice): string {
	if (notice.tier === 'tier3') return dedupKey(notice.incidents[0].fingerprint);
	const labels = notice.labels;
	return dedupKey(
		['mist', labels.org ?? '-', labels.site ?? '-', labels.rule ?? 'any', '*'].join(':'),
	);
}

export type PagerDutyAction = 'trigger' | 'acknowledge' | 'resolve';

function actionOf(notice: Notice): PagerDutyAction | null {
	if (notice.kind === 'acknowledge') return 'acknowledge';
	if (notice.kind !== 'resolved') return 'trigger';
	// A group-level resolve would close the page while incidents remain open.
	return notice.tier === 'tier3' || notice.stillOpen === 0 ? 'resolve' : null;
}

/**
 * A PagerDuty Events API v2 body for POST https://events.pagerduty.com/v2/enqueue (null when
 * nothing fits). `routing_key` only when a key is given: the caller gives it to Tier 3 notices only.
 */
export function renderPagerDuty(notice: Notice, routingKey?: string) {
	const action = actionOf(notice);
	if (!action) return null;
	const event: Record<string, unknown> = {
		...(routingKey ? { routing_key: routingKey } : {}),
		event_action: action,
		dedup_key: noticeDedupKey(notice),
	};
	if (action !== 'trigger') return event;
	const lead = notice.incidents[0];
	const single = notice.incidents.length === 1;
	event.payload = {
		summary: truncate(
			single
				? `${titleOf(notice)} — ${lead.summary}`
				: `${titleOf(notice)} (${countsLine(notice)})`,
			1024,
		),
		source: single ? lead.entity : lead.siteName,
		severity: PAGERDUTY_SEVERITY[worstSeverity(notice)],
		timestamp: single ? lead.lastSeen : notice.generatedAt,
		component: single ? `${lead.level}:${lead.target}` : lead.level,
		group: lead.siteName,
		class: single ? lead.rule : (notice.labels.rule ?? lead.rule),
		custom_details: {
			group_key: notice.groupKey,
			...(notice.digest ? { group_keys: notice.groupKeys } : {}),
			incidents: notice.incidents.slice(0, 20).map((incident) => ({
				fingerprint: incident.fingerprint,
				rule: incident.rule,
				title: incident.title,
				severity: incident.severity,
				summary: incident.summary,
				entity: incident.entity,
				site_id: incident.siteId,
				first_seen: incident.firstSeen,
				last_seen: incident.lastSeen,
				likely_cause: incident.likelyCause,
				remediation: incident.remediation,
			})),
			total_incidents: notice.incidents.length,
		},
	};
	return event;
}
