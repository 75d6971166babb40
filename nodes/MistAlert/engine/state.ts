import type { AlertState } from './types';

export function emptyState(): AlertState {
	return { version: 1, incidents: {}, groups: {}, runs: 0 };
}

/**
 * Reads the state kept in workflow static data. Anything unrecognisable starts afresh rather
 * than failing every run; a deep copy keeps the engine pure (the caller writes the result back).
 */
export function loadState(stored: unknown): AlertState {
	if (!stored || typeof stored !== 'object') return emptyState();
	const candidate = stored as Partial<AlertState>;
	if (
		candidate.version !== 1 ||
		typeof candidate.incidents !== 'object' ||
		typeof candidate.groups !== 'object'
	) {
		return emptyState();
	}
	return JSON.parse(JSON.stringify(candidate)) as AlertState;
}

/** Drops resolved incidents past retention (once nothing is owed for them) and groups left empty. */
export function pruneState(state: AlertState, now: number, resolvedRetentionMs: number): void {
	for (const [key, incident] of Object.entries(state.incidents)) {
		if (
			incident.status !== 'resolved' ||
			incident.resolveChatPending ||
			incident.resolvePagerPending
		)
			continue;
		if (now - Date.parse(incident.resolvedAt ?? '') >= resolvedRetentionMs)
			delete state.incidents[key];
	}
	const liveGroups = new Set(
		Object.values(state.incidents)
			.filter(
				(incident) =>
					incident.status === 'open' || incident.resolveChatPending || incident.resolvePagerPending,
			)
			.map((incident) => incident.groupKey),
	);
	for (const key of Object.keys(state.groups)) {
		if (!liveGroups.has(key)) delete state.groups[key];
	}
}
