import { severityRank } from '../../shared/findings/severity';
import type { AlertState, IncidentView, Notice } from './types';

/** The group key of a first-run digest; its `groupKeys` name the real groups (to acknowledge them). */
export const DIGEST_GROUP_KEY = 'first-run-digest';

/** Whether this node has announced anything yet. States saved before `announcedAt` existed count by their groups. */
export function hasAnnounced(state: AlertState): boolean {
	return (
		Boolean(state.announcedAt) ||
		Object.values(state.groups).some((group) => group.lastNotifiedAt) ||
		Object.values(state.incidents).some((incident) => incident.notified.tier1)
	);
}

function worstFirst(a: IncidentView, b: IncidentView): number {
	return (
		severityRank(a.severity) - severityRank(b.severity) ||
		a.siteName.localeCompare(b.siteName) ||
		a.fingerprint.localeCompare(b.fingerprint)
	);
}

/** Labels every notice shares with the same value (e.g. the org, or the site when all are at one site). */
function commonLabels(notices: Notice[]): Record<string, string> {
	const [first, ...rest] = notices;
	return Object.fromEntries(
		Object.entries(first.labels).filter(([key, value]) =>
			rest.every((notice) => notice.labels[key] === value),
		),
	);
}

/** One tier's notices of several groups as one digest, worst first; none or one notice stays as it is. */
export function mergeIntoDigest(notices: Notice[]): Notice[] {
	if (notices.length < 2) return notices;
	return [
		{
			...notices[0],
			groupKey: DIGEST_GROUP_KEY,
			groupKeys: notices.map((notice) => notice.groupKey),
			labels: commonLabels(notices),
			incidents: notices.flatMap((notice) => notice.incidents).sort(worstFirst),
			digest: true,
			repeat: false,
			sourceItems: [...new Set(notices.flatMap((notice) => notice.sourceItems))].sort(
				(a, b) => a - b,
			),
		},
	];
}
