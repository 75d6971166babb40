import { severityRank } from '../../shared/findings/severity';
import type { Finding } from '../../shared/findings/types';
import { groupKeyOf, groupLabels } from './grouping';
import { markSighting, reporterAbsence } from './reporters';
import type { Absence } from './reporters';
import type { AckRequest, AlertConfig, AlertState, IncidentRecord } from './types';

/** What one run covered: all of it unless partial (an upstream failure) or some steps unchecked. */
export interface RunScope {
	partial?: boolean;
	unchecked?: ReadonlySet<string>;
	/** The Evaluate node running, when several share the incidents. */
	reporter?: string;
}

export interface RunFinding {
	finding: Finding;
	/** Input item index, for pairedItem. */
	itemIndex: number;
}

/** Findings of one run by fingerprint: the same problem reported twice in a run is one sighting. */
export function dedupeRun(
	findings: RunFinding[],
): Map<string, { finding: Finding; itemIndexes: number[] }> {
	const byKey = new Map<string, { finding: Finding; itemIndexes: number[] }>();
	for (const { finding, itemIndex } of findings) {
		const known = byKey.get(finding.fingerprint);
		if (!known) {
			byKey.set(finding.fingerprint, { finding, itemIndexes: [itemIndex] });
			continue;
		}
		const worse =
			severityRank(finding.severity) < severityRank(known.finding.severity)
				? finding
				: known.finding;
		known.finding = {
			...worse,
			firstSeen: [known.finding.firstSeen, finding.firstSeen].sort()[0],
			lastSeen: [known.finding.lastSeen, finding.lastSeen].sort()[1],
			count: Math.max(known.finding.count, finding.count),
		};
		known.itemIndexes.push(itemIndex);
	}
	return byKey;
}

const MAX_STORED_EVIDENCE = 1000;

/** Static data is saved with the workflow on every run: keep each stored finding small. */
export function slimFinding(finding: Finding): Finding {
	const evidenceSize = JSON.stringify(finding.evidence ?? {}).length;
	return {
		...finding,
		evidence:
			evidenceSize <= MAX_STORED_EVIDENCE
				? finding.evidence
				: { truncated: true, size: evidenceSize },
		followUp: [],
	};
}

function ensureGroup(
	state: AlertState,
	finding: Finding,
	config: AlertConfig,
	nowIso: string,
): string {
	const key = groupKeyOf(finding, config.groupBy);
	if (!state.groups[key])
		state.groups[key] = { key, labels: groupLabels(finding, config.groupBy), createdAt: nowIso };
	return key;
}

function freshIncident(finding: Finding, groupKey: string): IncidentRecord {
	return {
		fingerprint: finding.fingerprint,
		status: 'pending',
		groupKey,
		finding,
		badRuns: 0,
		cleanRuns: 0,
		runsSeen: 0,
		firstSeen: finding.firstSeen,
		lastSeen: finding.lastSeen,
		notified: {},
	};
}

/** A run without the finding, before reporters existed (or with one reporter): each run counts. */
function anyRunAbsence(incident: IncidentRecord, config: AlertConfig): Absence {
	// A pending incident never passed the hold-down: a flap, not an incident.
	if (incident.status === 'pending') return 'flap';
	incident.cleanRuns += 1;
	incident.badRuns = 0;
	return incident.cleanRuns >= config.resolveAfterCleanRuns ? 'resolve' : 'clean';
}

/**
 * Applies one run's findings: sightings advance the flap hold-down and keep open incidents fresh;
 * absences count clean runs towards resolution (unless the run is partial, or did not check the
 * incident's step). With a `reporter`, an absence counts only for incidents that reporter saw
 * (reporters.ts). Returns the fingerprints seen, with their items.
 */
export function applyRun(
	state: AlertState,
	findings: RunFinding[],
	config: AlertConfig,
	now: number,
	scope: RunScope = {},
): Map<string, number[]> {
	const { partial = false, unchecked, reporter } = scope;
	const nowIso = new Date(now).toISOString();
	const run = dedupeRun(findings);
	const seen = new Map<string, number[]>();

	for (const [key, { finding, itemIndexes }] of run) {
		seen.set(key, itemIndexes);
		let incident = state.incidents[key];
		if (!incident || incident.status === 'resolved') {
			// A return after resolution is a new incident: it must be announced again.
			incident = freshIncident(slimFinding(finding), groupKeyOf(finding, config.groupBy));
			state.incidents[key] = incident;
		}
		incident.finding = slimFinding(finding);
		incident.badRuns += 1;
		incident.cleanRuns = 0;
		if (reporter) markSighting(incident, reporter, now);
		incident.lastSeen = [incident.lastSeen, finding.lastSeen].sort()[1];
		incident.firstSeen = [incident.firstSeen, finding.firstSeen].sort()[0];
		if (incident.status === 'pending' && incident.badRuns >= config.openAfterRuns) {
			incident.status = 'open';
			incident.openedAt = nowIso;
		}
		if (incident.status === 'open') {
			incident.runsSeen += 1;
			incident.groupKey = ensureGroup(state, finding, config, nowIso);
		}
	}

	for (const incident of Object.values(state.incidents)) {
		if (seen.has(incident.fingerprint) || incident.status === 'resolved') continue;
		// After an upstream failure an absent finding may just be unchecked: neither a flap nor a clean run.
		if (partial) continue;
		// A step that did not look this run (not due, over budget) says nothing about its incidents.
		if (unchecked?.has(incident.finding.step)) continue;
		const absence =
			reporter && incident.reportedBy
				? reporterAbsence(state, incident, reporter, config, now)
				: anyRunAbsence(incident, config);
		if (absence === 'flap') delete state.incidents[incident.fingerprint];
		if (absence === 'resolve') {
			incident.status = 'resolved';
			incident.resolvedAt = nowIso;
			incident.resolveChatPending = Boolean(incident.notified.tier1);
			incident.resolvePagerPending = Boolean(incident.notified.tier3);
		}
	}
	return seen;
}

/** Marks incidents acknowledged; returns the fingerprints touched, or an error naming the field. */
export function applyAck(
	state: AlertState,
	ack: AckRequest,
	now: number,
): { fingerprints: string[] } | { error: string } {
	const candidates = Object.values(state.incidents).filter(
		(incident) => incident.status !== 'resolved',
	);
	let matched: IncidentRecord[];
	if (ack.fingerprint) {
		matched = candidates.filter((incident) => incident.fingerprint === ack.fingerprint);
		if (!matched.length)
			return {
				error: `Acknowledgement: "fingerprint" ${JSON.stringify(ack.fingerprint)} matches no open incident`,
			};
	} else if (ack.groupKey) {
		matched = candidates.filter((incident) => incident.groupKey === ack.groupKey);
		if (!matched.length)
			return {
				error: `Acknowledgement: "groupKey" ${JSON.stringify(ack.groupKey)} matches no open incident`,
			};
	} else {
		return { error: 'Acknowledgement: "fingerprint" or "groupKey" is required' };
	}
	const at = new Date(now).toISOString();
	for (const incident of matched) incident.acknowledged = { by: ack.by, note: ack.note, at };
	return { fingerprints: matched.map((incident) => incident.fingerprint) };
}
