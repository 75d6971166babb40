import { createHash } from 'crypto';

/** Content key of an event → when it was first seen (epoch ms). */
export type SeenEvents = Record<string, number>;

export const DEFAULT_DEDUP_WINDOW_SECONDS = 60;
/** Upper bound of remembered keys per trigger node, so a burst never makes the memory grow unbounded. */
export const MAX_REMEMBERED_EVENTS = 10_000;

/**
 * Fields that describe the delivery rather than the event: they may differ between the org-level
 * and the site-level copy of the same event, or between two receipts of it.
 */
const DELIVERY_FIELDS = new Set(['for_site', 'receivedAt', 'dedupKey']);

/** JSON with object keys sorted at every level, so equal content always gives the same text. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map((entry) => canonicalJson(entry)).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.keys(value as Record<string, unknown>)
			.sort()
			.filter((key) => (value as Record<string, unknown>)[key] !== undefined)
			.map(
				(key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
			);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

/** A short stable hash of the topic and the event's content, ignoring delivery-only fields. */
export function eventKey(event: Record<string, unknown> & { topic: string }): string {
	const content: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(event)) {
		if (key !== 'topic' && !DELIVERY_FIELDS.has(key)) content[key] = value;
	}
	return createHash('sha256')
		.update(`${event.topic}\n${canonicalJson(content)}`)
		.digest('hex')
		.slice(0, 32);
}

/**
 * The event with its `dedupKey`: the same for every copy Mist sends of it (org and site webhook,
 * a retry), different for any change of content. Downstream nodes can deduplicate on it.
 */
export function withDedupKey<T extends Record<string, unknown> & { topic: string }>(
	event: T,
): T & { dedupKey: string } {
	return { ...event, dedupKey: eventKey(event) };
}

/** Forgets keys older than the window, then the oldest ones beyond maxEntries. Mutates `seen`. */
export function pruneSeen(
	seen: SeenEvents,
	now: number,
	windowMs: number,
	maxEntries = MAX_REMEMBERED_EVENTS,
): void {
	for (const [key, firstSeen] of Object.entries(seen)) {
		if (typeof firstSeen !== 'number' || now - firstSeen >= windowMs || firstSeen > now + windowMs)
			delete seen[key];
	}
	const keys = Object.keys(seen);
	if (keys.length <= maxEntries) return;
	keys
		.sort((a, b) => seen[a] - seen[b])
		.slice(0, keys.length - maxEntries)
		.forEach((key) => delete seen[key]);
}

/**
 * The shared memory splits a node's seen keys over this many documents, so a claim writes small
 * ones; few enough that a delivery of many events costs few writes (each an HTTP request to n8n).
 */
export const SEEN_SHARDS = 8;
/** Keys kept per shard document: together the same bound as one node's memory in this process. */
export const MAX_SEEN_PER_SHARD = Math.ceil(MAX_REMEMBERED_EVENTS / SEEN_SHARDS);

/** The shard of an event key (a hex hash already, so its first digits are spread evenly). */
export function seenShard(key: string): number {
	const prefix = Number.parseInt(key.slice(0, 8), 16);
	return Number.isFinite(prefix) ? prefix % SEEN_SHARDS : 0;
}

/** Per key: whether this claim is its first sighting, and when it was first seen. */
export type ClaimResults = Record<string, { fresh: boolean; seenAt: number }>;

/**
 * The change that claims event keys in one shard document: a key seen within the window is a
 * duplicate, any other is added. Pure (the store may run it again on a newer value): it copies
 * `current`, and writes nothing when every key was already there.
 */
export function claimInShard(
	current: SeenEvents | undefined,
	keys: string[],
	now: number,
	windowMs: number,
	maxEntries = MAX_SEEN_PER_SHARD,
): { value?: SeenEvents; result: ClaimResults } {
	const seen: SeenEvents = { ...(current ?? {}) };
	pruneSeen(seen, now, windowMs, Number.POSITIVE_INFINITY);
	const result: ClaimResults = {};
	let added = false;
	for (const key of keys) {
		if (seen[key] !== undefined) {
			result[key] = { fresh: false, seenAt: seen[key] };
			continue;
		}
		seen[key] = now;
		result[key] = { fresh: true, seenAt: now };
		added = true;
	}
	if (!added) return { result };
	pruneSeen(seen, now, windowMs, maxEntries);
	return { value: seen, result };
}
