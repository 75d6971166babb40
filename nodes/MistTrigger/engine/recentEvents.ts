import { MAX_REMEMBERED_EVENTS } from './dedup';

/**
 * Event keys one trigger node saw in this process, with when each was first seen (here or, for
 * the shared memory, by whichever process claimed it). A Map keeps insertion order, so expired
 * keys are dropped from its front and the oldest go first beyond the cap: a delivery costs time
 * for its own keys, not for everything remembered.
 */
export class RecentEvents {
	private readonly seen = new Map<string, number>();

	constructor(private readonly maxEntries = MAX_REMEMBERED_EVENTS) {}

	get size(): number {
		return this.seen.size;
	}

	/** When the key was first seen, if that is less than `windowMs` ago. */
	seenAt(key: string, now: number, windowMs: number): number | undefined {
		this.expire(now, windowMs);
		const at = this.seen.get(key);
		if (at === undefined) return undefined;
		if (now - at < windowMs && at <= now + windowMs) return at;
		this.seen.delete(key);
		return undefined;
	}

	remember(key: string, seenAt: number): void {
		this.seen.delete(key);
		this.seen.set(key, seenAt);
		for (const oldest of this.seen.keys()) {
			if (this.seen.size <= this.maxEntries) break;
			this.seen.delete(oldest);
		}
	}

	forget(key: string): void {
		this.seen.delete(key);
	}

	/** Drops expired keys from the front; a key remembered late with an early time waits its turn. */
	private expire(now: number, windowMs: number): void {
		for (const [key, at] of this.seen) {
			if (now - at < windowMs) break;
			this.seen.delete(key);
		}
	}
}
