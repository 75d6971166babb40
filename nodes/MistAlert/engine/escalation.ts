import { severityRank } from '../../shared/findings/severity';
import { hasAnnounced, mergeIntoDigest } from './digest';
import { isMuted, isSilenced } from './silences';
import type {
	AlertConfig,
	AlertState,
	GroupRecord,
	IncidentRecord,
	Notice,
	NoticeKind,
	NoticeTier,
} from './types';
import { toView } from './views';

/** Sources of each incident's last sighting, for pairedItem. */
export type SourceMap = Map<string, number[]>;

function notice(
	kind: NoticeKind,
	tier: NoticeTier,
	group: Pick<GroupRecord, 'key' | 'labels'>,
	incidents: IncidentRecord[],
	options: {
		now: number;
		sources: SourceMap;
		repeat?: boolean;
		stillOpen?: number;
		isNew?: (incident: IncidentRecord) => boolean;
	},
): Notice {
	const ordered = [...incidents].sort(
		(a, b) =>
			severityRank(a.finding.severity) - severityRank(b.finding.severity) ||
			a.fingerprint.localeCompare(b.fingerprint),
	);
	return {
		kind,
		tier,
		groupKey: group.key,
		labels: group.labels,
		incidents: ordered.map((incident) => toView(incident, options.isNew?.(incident) ?? false)),
		digest: false,
		groupKeys: [group.key],
		repeat: options.repeat ?? false,
		stillOpen: options.stillOpen ?? 0,
		generatedAt: new Date(options.now).toISOString(),
		sourceItems: [
			...new Set(ordered.flatMap((incident) => options.sources.get(incident.fingerprint) ?? [])),
		].sort((a, b) => a - b),
	};
}

function ageMs(incident: IncidentRecord, now: number): number {
	return now - Date.parse(incident.openedAt ?? new Date(now).toISOString());
}

/**
 * Decides what to send this run, in the spirit of Alertmanager: a new group waits `groupWait`,
 * a changed group waits `groupInterval` since its last message, an unchanged one repeats after
 * `repeatInterval` while anything is unacknowledged. Escalation to email and pager follows
 * severity and age; an acknowledgement stops it. The node's first announcement (First Run Digest),
 * and a reporter's first run on a shared state (`firstReport`), gathers the chat and email notices
 * of every group into one digest each; pages stay per incident.
 */
export function decideNotices(
	state: AlertState,
	config: AlertConfig,
	now: number,
	sources: SourceMap,
	firstReport = false,
): Notice[] {
	const nowIso = new Date(now).toISOString();
	const mutedNow = isMuted(config.muteWindows, now);
	const muted = (incident: IncidentRecord) =>
		mutedNow && !(config.criticalBypassesMute && incident.finding.severity === 'critical');
	const notices: Notice[] = [];
	const digesting = config.firstRunDigest && (firstReport || !hasAnnounced(state));
	const firstRun: Record<'tier1' | 'tier2', Notice[]> = { tier1: [], tier2: [] };
	const announce = (tier: 'tier1' | 'tier2', made: Notice) =>
		(digesting ? firstRun[tier] : notices).push(made);

	for (const group of Object.values(state.groups).sort((a, b) => a.key.localeCompare(b.key))) {
		const members = Object.values(state.incidents).filter(
			(incident) => incident.groupKey === group.key,
		);
		const open = members.filter((incident) => incident.status === 'open');
		const candidates = open.filter(
			(incident) => !isSilenced(config.silences, incident.finding, now) && !muted(incident),
		);

		const fresh = candidates.filter((incident) => !incident.notified.tier1);
		const sinceLast = group.lastNotifiedAt ? now - Date.parse(group.lastNotifiedAt) : Infinity;
		let due = false;
		let repeat = false;
		if (candidates.length) {
			if (!group.lastNotifiedAt) due = now - Date.parse(group.createdAt) >= config.groupWaitMs;
			else if (fresh.length) due = sinceLast >= config.groupIntervalMs;
			else if (
				sinceLast >= config.repeatIntervalMs &&
				candidates.some((incident) => !incident.acknowledged)
			)
				due = repeat = true;
		}
		if (due) {
			announce(
				'tier1',
				notice('firing', 'tier1', group, candidates, {
					now,
					sources,
					repeat,
					isNew: (incident) => !incident.notified.tier1,
				}),
			);
			for (const incident of candidates) incident.notified.tier1 ??= nowIso;
			group.lastNotifiedAt = nowIso;
		}

		const announced = candidates.filter(
			(incident) => incident.notified.tier1 && !incident.acknowledged,
		);
		const toEmail = announced.filter(
			(incident) =>
				!incident.notified.tier2 &&
				(severityRank(incident.finding.severity) <= severityRank('major') ||
					ageMs(incident, now) >= config.tier2AfterMs),
		);
		if (toEmail.length) {
			announce(
				'tier2',
				notice('escalation', 'tier2', group, toEmail, { now, sources, isNew: () => true }),
			);
			for (const incident of toEmail) incident.notified.tier2 = nowIso;
		}

		for (const incident of announced) {
			if (
				incident.notified.tier3 ||
				incident.finding.severity !== 'critical' ||
				ageMs(incident, now) < config.tier3AfterMs
			)
				continue;
			notices.push(notice('page', 'tier3', group, [incident], { now, sources, isNew: () => true }));
			incident.notified.tier3 = nowIso;
		}

		const pagerResolved = members.filter(
			(incident) => incident.status === 'resolved' && incident.resolvePagerPending,
		);
		for (const incident of pagerResolved) {
			notices.push(notice('resolved', 'tier3', group, [incident], { now, sources }));
			incident.resolvePagerPending = false;
		}
		const chatResolved = members.filter(
			(incident) =>
				incident.status === 'resolved' && incident.resolveChatPending && !muted(incident),
		);
		if (chatResolved.length) {
			notices.push(
				notice('resolved', 'resolved', group, chatResolved, {
					now,
					sources,
					stillOpen: open.length,
				}),
			);
			for (const incident of chatResolved) incident.resolveChatPending = false;
		}
	}
	if (digesting)
		notices.unshift(...mergeIntoDigest(firstRun.tier1), ...mergeIntoDigest(firstRun.tier2));
	if (notices.some((made) => made.tier === 'tier1' && made.kind === 'firing'))
		state.announcedAt ??= nowIso;
	return notices;
}

/** PagerDuty acknowledge events for paged incidents that were just acknowledged. */
export function ackNotices(
	state: AlertState,
	fingerprints: string[],
	now: number,
	sources: SourceMap,
): Notice[] {
	const notices: Notice[] = [];
	for (const fingerprint of fingerprints) {
		const incident = state.incidents[fingerprint];
		if (!incident?.notified.tier3 || incident.notified.pagerAck) continue;
		const group = state.groups[incident.groupKey] ?? { key: incident.groupKey, labels: {} };
		notices.push(notice('acknowledge', 'tier3', group, [incident], { now, sources }));
		incident.notified.pagerAck = new Date(now).toISOString();
	}
	return notices;
}
