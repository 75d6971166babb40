import type { ClientMeasurement } from '../shared/findings/clientMeasurements';
import { worstClientsByMeasure } from '../shared/findings/clientMeasurements';

/**
 * Rotating coverage of the client health step: besides the SLE-degraded sites it drills into,
 * each sweep reads the client stats of a slice of the other sites, those read longest ago (or
 * never) first, so that every site's clients are read at least once per period without reading
 * every site on every sweep. Pure functions over the record kept in the node's memory.
 */

/**
 * When each site's client stats were last read (0: the site was known at the last sweep but not
 * read yet; absent: new since), and when the last sweep ran.
 */
export interface CoverageRecord {
	lastSweepAt: number;
	readAt: Record<string, number>;
	/** The org's worst clients per measure as last read on their sites (rememberWorstClients). */
	worstClients?: RememberedClient[];
}

/** A client measurement and when client health read its site (epoch ms). */
export interface RememberedClient extends ClientMeasurement {
	readAt: number;
}

/** Clients kept per measure: enough for a report's top list, small enough for static data. */
export const REMEMBERED_PER_MEASURE = 25;

/** What a sweep with no record yet assumes has passed since the previous one: the shipped cadence. */
export const FIRST_SWEEP_ELAPSED_MS = 60_000;
/** A sweep after a long pause catches up at most this much of the period at once. */
export const CATCH_UP_MS = 5 * 60_000;

/**
 * The sites to read this sweep besides `alreadyRead`: the time since the previous sweep's share
 * of the period's sites (at least one), capped so a sweep after a pause does not read the org at
 * once; sites new since the last sweep first (a branch just added; absent from the record, they
 * sort before its 0 of known but unread sites), then never read, then read longest ago, ties in
 * the given order.
 */
export function rotationSlice(
	siteIds: string[],
	record: CoverageRecord | undefined,
	nowMs: number,
	periodMs: number,
	alreadyRead: Set<string>,
): string[] {
	const candidates = siteIds.filter((siteId) => !alreadyRead.has(siteId));
	if (candidates.length === 0 || periodMs <= 0) return [];
	const elapsed = record ? Math.max(0, nowMs - record.lastSweepAt) : FIRST_SWEEP_ELAPSED_MS;
	const share = Math.min(elapsed, CATCH_UP_MS, periodMs) / periodMs;
	const count = Math.max(1, Math.ceil(siteIds.length * share));
	const readAt = (siteId: string) => record?.readAt[siteId] ?? -Infinity;
	return candidates
		.map((siteId, index) => ({ siteId, index, at: readAt(siteId) }))
		.sort((a, b) => a.at - b.at || a.index - b.index)
		.slice(0, count)
		.map((entry) => entry.siteId);
}

/** The record after a sweep read the client stats of `read`; sites no longer in the org are dropped. */
export function recordCoverage(
	record: CoverageRecord | undefined,
	siteIds: string[],
	read: string[],
	nowMs: number,
): CoverageRecord {
	const readAt: Record<string, number> = {};
	for (const siteId of siteIds) readAt[siteId] = record?.readAt[siteId] ?? 0;
	for (const siteId of read) readAt[siteId] = nowMs;
	return { lastSweepAt: nowMs, readAt };
}

/** For the output: what this sweep read, and how much of the org the period has covered. */
export function coverageSummary(
	record: CoverageRecord,
	siteIds: string[],
	readThisSweep: string[],
	nowMs: number,
	periodMs: number,
) {
	const times = siteIds.map((siteId) => record.readAt[siteId]);
	const read = times.filter((at): at is number => at !== undefined && at > 0);
	return {
		step: 'client_health',
		periodMinutes: periodMs / 60_000,
		sites: siteIds.length,
		readThisSweep,
		coveredWithinPeriod: read.filter((at) => nowMs - at <= periodMs).length,
		neverRead: siteIds.length - read.length,
		oldestReadAt: read.length ? new Date(Math.min(...read)).toISOString() : null,
	};
}

/**
 * The org's worst clients after a sweep read the sites `read`: what it measured there replaces
 * what was remembered of them (a site read again without weak clients drops out), sites no longer
 * in the org are forgotten, and each measure keeps its worst. Rotation reads every site within the
 * period, so the list is the whole org's within one period.
 */
export function rememberWorstClients(
	remembered: RememberedClient[] | undefined,
	siteIds: string[],
	read: string[],
	measured: ClientMeasurement[],
	nowMs: number,
): RememberedClient[] {
	const inOrg = new Set(siteIds);
	const readNow = new Set(read);
	const kept = (remembered ?? []).filter(
		(entry) => inOrg.has(entry.siteId) && !readNow.has(entry.siteId),
	);
	const fresh = measured
		.filter((entry) => readNow.has(entry.siteId))
		.map((entry) => ({ ...entry, readAt: nowMs }));
	return worstClientsByMeasure([...kept, ...fresh], REMEMBERED_PER_MEASURE) as RememberedClient[];
}
