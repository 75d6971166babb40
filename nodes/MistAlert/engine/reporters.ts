import type { AlertConfig, AlertState, IncidentRecord } from './types';

/*
 * Several Evaluate nodes (reporters, `workflow id/node name`) may feed one incident store, e.g.
 * two sweeps that both run the AP and RF steps. A reporter's run without a finding says nothing
 * about incidents it never saw, so each incident keeps a mark per reporter that saw it, and
 * resolves only when every live one of them has been clean long enough. A reporter silent for
 * longer than `forgetReportersAfterMs` (a deleted or deactivated workflow) no longer holds it open.
 */

/** What a run without the finding does to an incident. */
export type Absence = 'untouched' | 'flap' | 'clean' | 'resolve';

/** Records that the reporter ran now, and forgets reporters silent for too long. */
export function hearFrom(
	state: AlertState,
	reporter: string,
	config: AlertConfig,
	now: number,
): void {
	const reporters = { ...(state.reporters ?? {}), [reporter]: new Date(now).toISOString() };
	for (const [id, lastRunAt] of Object.entries(reporters))
		if (now - Date.parse(lastRunAt) > config.forgetReportersAfterMs) delete reporters[id];
	state.reporters = reporters;
}

/** The reporter saw the incident in this run: its clean runs start again. */
export function markSighting(incident: IncidentRecord, reporter: string, now: number): void {
	incident.reportedBy = {
		...(incident.reportedBy ?? {}),
		[reporter]: { lastSeen: new Date(now).toISOString(), cleanRuns: 0 },
	};
}

function isLive(
	state: AlertState,
	reporter: string,
	lastSeen: string,
	config: AlertConfig,
	now: number,
): boolean {
	// A reporter dropped from `reporters` was silent too long; its last sighting is older still.
	const lastHeard = state.reporters?.[reporter] ?? lastSeen;
	return now - Date.parse(lastHeard) <= config.forgetReportersAfterMs;
}

/**
 * The reporter's run did not have the incident's finding (and the run was complete). Updates the
 * reporter's mark and the incident's `cleanRuns` (the fewest of its live reporters) and says what
 * follows: a pending incident nobody live still sees is a flap; an open one resolves once every
 * live reporter that saw it has had `resolveAfterCleanRuns` clean runs.
 */
export function reporterAbsence(
	state: AlertState,
	incident: IncidentRecord,
	reporter: string,
	config: AlertConfig,
	now: number,
): Absence {
	const marks = incident.reportedBy ?? {};
	const own = marks[reporter];
	if (own) {
		if (incident.status === 'pending') delete marks[reporter];
		else own.cleanRuns += 1;
	}
	const live = Object.entries(marks).filter(([id, mark]) =>
		isLive(state, id, mark.lastSeen, config, now),
	);
	if (!own && live.length) return 'untouched';
	if (incident.status === 'pending') return live.length ? 'untouched' : 'flap';
	incident.badRuns = 0;
	incident.cleanRuns = live.length
		? Math.min(...live.map(([, mark]) => mark.cleanRuns))
		: Math.max(incident.cleanRuns, config.resolveAfterCleanRuns);
	return incident.cleanRuns >= config.resolveAfterCleanRuns ? 'resolve' : 'clean';
}

/** The reporters that saw an incident, for output. */
export function reportersOf(incident: IncidentRecord): string[] {
	return Object.keys(incident.reportedBy ?? {}).sort();
}
