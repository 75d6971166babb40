import type { IDataObject } from 'n8n-workflow';

import {
	EVENT_OVERLAP_MS,
	MAX_SEARCHES_KEPT,
	forgetEventHistory,
	readWindowEvents,
} from '../../../../nodes/MistDiagnose/collect/eventHistory';

const HOUR = { duration: '1h', ms: 3_600_000 };
const T0 = Date.UTC(2026, 11, 6, 12, 0, 0);

/** A fake Mist search over `events` (timestamps in epoch seconds) that records each query. */
function fakeSearch(events: Array<{ id: string; timestamp: number }>, nowMs: () => number) {
	const queries: IDataObject[] = [];
	const read = async (time: IDataObject) => {
		queries.push(time);
		const end = time.end !== undefined ? Number(time.end) : nowMs() / 1000;
		const start = time.start !== undefined ? Number(time.start) : end - 3600;
		return events.filter((event) => event.timestamp >= start && event.timestamp <= end);
	};
	return { read, queries };
}

const at = (ms: number, id: string) => ({ id, timestamp: ms / 1000 });
const ids = (events: unknown[]) =>
	(events as Array<{ id: string }>).map((event) => event.id).sort();

describe('readWindowEvents', () => {
	afterEach(() => forgetEventHistory());

	it('reads the whole window first, then only since the previous read less the overlap', async () => {
		let now = T0;
		const events = [at(T0 - 30 * 60_000, 'old'), at(T0 - 60_000, 'recent')];
		const search = fakeSearch(events, () => now);
		const first = await readWindowEvents('k', HOUR, now, search.read);
		expect(first.since).toBeUndefined();
		expect(search.queries[0]).toEqual({ duration: '1h' });
		expect(ids(first.events)).toEqual(['old', 'recent']);

		now = T0 + 30_000;
		events.push(at(T0 + 10_000, 'new'));
		const second = await readWindowEvents('k', HOUR, now, search.read);
		const since = Math.floor((T0 - EVENT_OVERLAP_MS) / 1000);
		expect(search.queries[1]).toEqual({ start: since, end: Math.ceil(now / 1000) });
		expect(second.since).toBe(since);
		// "recent" is inside the overlap: it comes from the new read, not twice.
		expect(ids(second.events)).toEqual(['new', 'old', 'recent']);
	});

	it('picks up an event filed late, within the overlap', async () => {
		let now = T0;
		const events = [at(T0 - 10 * 60_000, 'a')];
		const search = fakeSearch(events, () => now);
		await readWindowEvents('k', HOUR, now, search.read);
		// Filed after the first read, stamped 90 s before it.
		events.push(at(T0 - 90_000, 'late'));
		now = T0 + 30_000;
		expect(ids((await readWindowEvents('k', HOUR, now, search.read)).events)).toEqual([
			'a',
			'late',
		]);
	});

	it('drops events that have left the window', async () => {
		let now = T0;
		const events = [at(T0 - 59 * 60_000, 'leaving'), at(T0 - 5 * 60_000, 'staying')];
		const search = fakeSearch(events, () => now);
		await readWindowEvents('k', HOUR, now, search.read);
		now = T0 + 2 * 60_000;
		const later = await readWindowEvents('k', HOUR, now, search.read);
		expect(later.since).toBeDefined();
		expect(ids(later.events)).toEqual(['staying']);
	});

	it.each([
		['the previous read no longer covers the window start', T0 + 59 * 60_000],
		['the clock went back', T0 - 60_000],
	])('reads the whole window again when %s', async (_why, nextNow) => {
		const search = fakeSearch([], () => T0);
		await readWindowEvents('k', HOUR, T0, search.read);
		const again = await readWindowEvents('k', HOUR, nextNow, search.read);
		expect(again.since).toBeUndefined();
		expect(search.queries[1]).toEqual({ duration: '1h' });
	});

	it('keeps searches apart by key, and without a key never remembers', async () => {
		const search = fakeSearch([], () => T0);
		await readWindowEvents('a', HOUR, T0, search.read);
		expect((await readWindowEvents('b', HOUR, T0 + 1000, search.read)).since).toBeUndefined();
		await readWindowEvents(undefined, HOUR, T0, search.read);
		expect((await readWindowEvents(undefined, HOUR, T0 + 1000, search.read)).since).toBeUndefined();
		expect((await readWindowEvents('a', HOUR, T0 + 1000, search.read)).since).toBeDefined();
	});

	it('does not remember a read that failed', async () => {
		const search = fakeSearch([], () => T0);
		await readWindowEvents('k', HOUR, T0, search.read);
		const failing = async () => {
			throw new Error('429');
		};
		await expect(readWindowEvents('k', HOUR, T0 + 30_000, failing)).rejects.toThrow('429');
		// The next read still starts from the last read that worked.
		await readWindowEvents('k', HOUR, T0 + 60_000, search.read);
		expect(search.queries[1].start).toBe(Math.floor((T0 - EVENT_OVERLAP_MS) / 1000));
	});

	it('forgets the least recently used search beyond the limit', async () => {
		const search = fakeSearch([], () => T0);
		for (let index = 0; index <= MAX_SEARCHES_KEPT; index++)
			await readWindowEvents(`k${index}`, HOUR, T0, search.read);
		expect((await readWindowEvents('k0', HOUR, T0 + 1000, search.read)).since).toBeUndefined();
		expect(
			(await readWindowEvents(`k${MAX_SEARCHES_KEPT}`, HOUR, T0 + 1000, search.read)).since,
		).toBeDefined();
	});
});
