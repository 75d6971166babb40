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

export interface DedupResult<T> {
	kept: T[];
	duplicates: number;
}

/**
 * Drops events whose content key was seen less than `windowMs` ago (also within the same
 * message) and remembers the new ones. The window counts from the first sighting, so a steady
 * stream of the same event is let through once per window. Mutates `seen`.
 */
export function dropDuplicates<T extends Record<string, unknown> & { topic: string }>(
	events: T[],
	seen: SeenEvents,
	now: number,
	windowMs: number,
	maxEntries = MAX_REMEMBERED_EVENTS,
): DedupResult<T> {
	if (windowMs <= 0) return { kept: events, duplicates: 0 };
	pruneSeen(seen, now, windowMs, maxEntries);
	const kept: T[] = [];
	for (const event of events) {
		const key = eventKey(event);
		if (seen[key] !== undefined) continue;
		seen[key] = now;
		kept.push(event);
	}
	pruneSeen(seen, now, windowMs, maxEntries);
	return { kept, duplicates: events.length - kept.length };
}
