import type { AlarmDefinition } from '../../shared/alarmDefinitions';
import type { DefinitionsLookup } from './alarmSeverity';

/** Alarm definitions change with Mist releases, not by the minute: one read an hour per cloud. */
export const DEFINITIONS_TTL_MS = 60 * 60 * 1000;
/** After a failed read, deliveries go on without definitions; the next try waits this long. */
export const RETRY_AFTER_FAILURE_MS = 5 * 60 * 1000;

interface CacheEntry {
	lookup?: DefinitionsLookup;
	expiresAt: number;
	inFlight?: Promise<DefinitionsLookup>;
}

/** Per Mist cloud (API base URL), in this process: `/const/alarm_defs` is the same for every org. */
const byCloud = new Map<string, CacheEntry>();

/** For tests: forget every cloud's definitions. */
export function forgetAlarmDefinitions(): void {
	byCloud.clear();
}

/**
 * The cloud's alarm definitions, read with `read` at most once an hour (once per five minutes
 * after a failure, which `onFailure` hears of once). Deliveries arriving while a read is under
 * way wait for that same read.
 */
export async function cachedAlarmDefinitions(
	cloud: string,
	read: () => Promise<AlarmDefinition[]>,
	options: { now?: () => number; onFailure?: (failure: string) => void } = {},
): Promise<DefinitionsLookup> {
	const now = options.now ?? Date.now;
	const entry = byCloud.get(cloud);
	if (entry?.inFlight) return await entry.inFlight;
	if (entry?.lookup && entry.expiresAt > now()) return entry.lookup;
	const inFlight = read().then(
		(definitions): DefinitionsLookup => ({ definitions }),
		(error: unknown): DefinitionsLookup => ({ failure: describeFailure(error) }),
	);
	byCloud.set(cloud, { ...entry, expiresAt: entry?.expiresAt ?? 0, inFlight });
	const lookup = await inFlight;
	if ('failure' in lookup) options.onFailure?.(lookup.failure);
	const ttl = 'definitions' in lookup ? DEFINITIONS_TTL_MS : RETRY_AFTER_FAILURE_MS;
	byCloud.set(cloud, { lookup, expiresAt: now() + ttl });
	return lookup;
}

function describeFailure(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.slice(0, 200) || 'unknown error';
}
