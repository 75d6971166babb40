import {
	canonicalJson,
	dropDuplicates,
	eventKey,
	pruneSeen,
	withDedupKey,
} from '../../../../nodes/MistTrigger/engine/dedup';
import type { SeenEvents } from '../../../../nodes/MistTrigger/engine/dedup';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const WINDOW = 60_000;

const alarm = (id: string, extra: Record<string, unknown> = {}) => ({
	topic: 'alarms',
	id,
	type: 'device_down',
	site_id: '978c48e6-6ef6-11e6-8bbf-02e208b2d34f',
	aps: ['5c5b350e0001'],
	timestamp: 1764064800,
	...extra,
});

describe('Mist Trigger › dedup', () => {
	it('writes canonical JSON with sorted keys at every level', () => {
		expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
			'{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
		);
	});

	it('gives the same key regardless of key order, receive time and for_site', () => {
		const orgCopy = { ...alarm('a1'), for_site: false, receivedAt: '2026-11-25T10:00:00.100Z' };
		const { topic, id, type, site_id: siteId, aps, timestamp } = alarm('a1');
		// Same content, keys in another order.
		const siteCopy = {
			receivedAt: '2026-11-25T10:00:00.900Z',
			for_site: true,
			timestamp,
			aps,
			site_id: siteId,
			type,
			id,
			topic,
		};
		expect(eventKey(siteCopy)).toBe(eventKey(orgCopy));
		expect(eventKey(orgCopy)).toMatch(/^[0-9a-f]{32}$/);
	});

	it('emits one dedupKey for every copy Mist sends: org and site webhook, a later retry', () => {
		const orgCopy = withDedupKey({ ...alarm('a1'), receivedAt: '2026-11-25T10:00:00.100Z' });
		const siteCopy = withDedupKey({
			...alarm('a1'),
			for_site: true,
			receivedAt: '2026-11-25T10:00:00.300Z',
		});
		const retry = withDedupKey({ ...alarm('a1'), receivedAt: '2026-11-25T10:05:00.000Z' });
		expect(orgCopy.dedupKey).toMatch(/^[0-9a-f]{32}$/);
		expect(siteCopy.dedupKey).toBe(orgCopy.dedupKey);
		expect(retry.dedupKey).toBe(orgCopy.dedupKey);
		// A key already on the item does not change the key (it is not content).
		expect(withDedupKey(orgCopy).dedupKey).toBe(orgCopy.dedupKey);
		expect(withDedupKey({ ...alarm('a1'), last_seen: 1764064900 }).dedupKey).not.toBe(
			orgCopy.dedupKey,
		);
	});

	it('gives different keys for another topic or other content', () => {
		expect(eventKey(alarm('a1'))).not.toBe(eventKey({ ...alarm('a1'), topic: 'audits' }));
		expect(eventKey(alarm('a1'))).not.toBe(eventKey(alarm('a2')));
		expect(eventKey(alarm('a1'))).not.toBe(eventKey(alarm('a1', { count: 2 })));
	});

	it('drops a duplicate inside the window, including one inside the same message', () => {
		const seen: SeenEvents = {};
		const first = dropDuplicates([alarm('a1'), alarm('a2'), alarm('a1')], seen, T0, WINDOW);
		expect(first.kept.map((event) => event.id)).toEqual(['a1', 'a2']);
		expect(first.duplicates).toBe(1);
		const second = dropDuplicates(
			[{ ...alarm('a1'), for_site: true }, alarm('a3')],
			seen,
			T0 + 59_999,
			WINDOW,
		);
		expect(second.kept.map((event) => event.id)).toEqual(['a3']);
		expect(second.duplicates).toBe(1);
	});

	it('lets the same event through again once the window has passed since the first sighting', () => {
		const seen: SeenEvents = {};
		dropDuplicates([alarm('a1')], seen, T0, WINDOW);
		expect(dropDuplicates([alarm('a1')], seen, T0 + 30_000, WINDOW).kept).toHaveLength(0);
		expect(dropDuplicates([alarm('a1')], seen, T0 + 60_000, WINDOW).kept).toHaveLength(1);
	});

	it('does nothing when the window is 0', () => {
		const seen: SeenEvents = {};
		const result = dropDuplicates([alarm('a1'), alarm('a1')], seen, T0, 0);
		expect(result).toEqual({ kept: [alarm('a1'), alarm('a1')], duplicates: 0 });
		expect(seen).toEqual({});
	});

	it('prunes expired keys, corrupt values and keys from the future', () => {
		const seen = {
			old: T0 - WINDOW,
			fresh: T0 - 1000,
			future: T0 + 10 * WINDOW,
			corrupt: 'x',
		} as unknown as SeenEvents;
		pruneSeen(seen, T0, WINDOW);
		expect(seen).toEqual({ fresh: T0 - 1000 });
	});

	it('keeps the store bounded: beyond the cap the oldest keys go', () => {
		const seen: SeenEvents = {};
		for (let index = 0; index < 30; index++)
			dropDuplicates([alarm(`a${index}`)], seen, T0 + index, WINDOW, 10);
		expect(Object.keys(seen)).toHaveLength(10);
		const newest = eventKey(alarm('a29'));
		const oldest = eventKey(alarm('a0'));
		expect(seen[newest]).toBe(T0 + 29);
		expect(seen[oldest]).toBeUndefined();
	});

	it('stays bounded over a long stream: only keys within the window remain', () => {
		const seen: SeenEvents = {};
		for (let minute = 0; minute < 10; minute++) {
			const batch = Array.from({ length: 100 }, (_, index) => alarm(`m${minute}-${index}`));
			dropDuplicates(batch, seen, T0 + minute * WINDOW, WINDOW);
		}
		expect(Object.keys(seen)).toHaveLength(100);
		expect(Object.values(seen).every((firstSeen) => firstSeen === T0 + 9 * WINDOW)).toBe(true);
	});
});
