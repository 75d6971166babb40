import type { IDataObject } from 'n8n-workflow';

/**
 * Events that earlier sweeps of this n8n process read, so that a sweep asks Mist only for what
 * happened since the previous one (less an overlap for events the cloud files late) instead of
 * the whole window again: a 30-second sweep of a one-hour window would otherwise re-read an hour
 * of events 120 times an hour. Process memory, like the execution reads: a process (or a queue
 * worker) that has not swept this search yet reads the whole window, which is correct, only larger.
 */

/** Re-read before the previous read's end: Mist files some events a minute or two late. */
export const EVENT_OVERLAP_MS = 120_000;
/** Searches remembered at once (each org, credential, search, type list and window is one). */
export const MAX_SEARCHES_KEPT = 64;

interface History {
	/** When the previous read ended (epoch ms, this process's clock). */
	readUntilMs: number;
	events: unknown[];
}

const histories = new Map<string, History>();

/** How a search of the window was made: all of it, or since the previous sweep's read. */
export interface WindowRead {
	events: unknown[];
	/** Epoch seconds the read started from; undefined for a read of the whole window. */
	since?: number;
}

function timestampMs(event: unknown): number | undefined {
	const seconds = (event as { timestamp?: unknown } | null)?.timestamp;
	return typeof seconds === 'number' && Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

/**
 * The events of the window ending now. `read` takes Mist's time query: `{duration}` for the whole
 * window, or `{start, end}` in epoch seconds for the part since the previous read. Events the
 * previous reads saw before `start` and still inside the window are kept; the rest come fresh.
 */
export async function readWindowEvents(
	key: string | undefined,
	window: { duration: string; ms: number },
	nowMs: number,
	read: (time: IDataObject) => Promise<unknown[]>,
): Promise<WindowRead> {
	const previous = key === undefined ? undefined : histories.get(key);
	const sinceMs = previous ? previous.readUntilMs - EVENT_OVERLAP_MS : undefined;
	const windowStartMs = nowMs - window.ms;
	// The previous read must still cover the window's start, and the clock must not have gone back.
	const incremental =
		previous !== undefined &&
		sinceMs !== undefined &&
		sinceMs > windowStartMs &&
		previous.readUntilMs <= nowMs;
	let result: WindowRead;
	if (incremental) {
		const since = Math.floor((sinceMs as number) / 1000);
		const fresh = await read({ start: since, end: Math.ceil(nowMs / 1000) });
		const kept = (previous as History).events.filter((event) => {
			const at = timestampMs(event);
			return at !== undefined && at >= windowStartMs && at < since * 1000;
		});
		result = { events: kept.concat(fresh), since };
	} else {
		result = { events: await read({ duration: window.duration }) };
	}
	if (key !== undefined) remember(key, { readUntilMs: nowMs, events: result.events });
	return result;
}

function remember(key: string, history: History): void {
	// Re-inserted so the map's order is least recently used first.
	histories.delete(key);
	histories.set(key, history);
	while (histories.size > MAX_SEARCHES_KEPT)
		histories.delete(histories.keys().next().value as string);
}

/** For tests: forget every search's history. */
export function forgetEventHistory(): void {
	histories.clear();
}
