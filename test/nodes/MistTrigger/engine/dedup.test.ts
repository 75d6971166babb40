import {
	canonicalJson,
	claimInShard,
	eventKey,
	pruneSeen,
	SEEN_SHARDS,
	seenShard,
	withDedupKey,
} from '../../../../nodes/MistTrigger/engine/dedup';
import type { SeenEvents } from '../../../../nodes/MistTrigger/engine/dedup';
import { RecentEvents } from '../../../../nodes/MistTrigger/engine/recentEvents';

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

	it('claims new keys in a shard and reports the first sighting of known ones', () => {
		const [a1, a2] = [eventKey(alarm('a1')), eventKey(alarm('a2'))];
		const first = claimInShard(undefined, [a1], T0, WINDOW);
		expect(first).toEqual({ value: { [a1]: T0 }, result: { [a1]: { fresh: true, seenAt: T0 } } });
		const second = claimInShard(first.value, [a1, a2], T0 + 59_999, WINDOW);
		expect(second.result).toEqual({
			[a1]: { fresh: false, seenAt: T0 },
			[a2]: { fresh: true, seenAt: T0 + 59_999 },
		});
		expect(second.value).toEqual({ [a1]: T0, [a2]: T0 + 59_999 });
	});

	it('writes nothing when every key is a copy, and never changes the value it was given', () => {
		const current: SeenEvents = { k1: T0, old: T0 - 2 * WINDOW };
		const claim = claimInShard(current, ['k1'], T0 + 1000, WINDOW);
		expect(claim).toEqual({ result: { k1: { fresh: false, seenAt: T0 } } });
		const fresh = claimInShard(current, ['k2'], T0 + 1000, WINDOW);
		expect(fresh.value).toEqual({ k1: T0, k2: T0 + 1000 });
		expect(current).toEqual({ k1: T0, old: T0 - 2 * WINDOW });
	});

	it('lets a key be claimed again once the window has passed, and caps a shard', () => {
		expect(claimInShard({ k1: T0 }, ['k1'], T0 + WINDOW, WINDOW).result.k1.fresh).toBe(true);
		const full = Object.fromEntries(
			Array.from({ length: 5 }, (_, index) => [`k${index}`, T0 + index]),
		);
		const claim = claimInShard(full, ['new'], T0 + 10, WINDOW, 5);
		expect(Object.keys(claim.value ?? {}).sort()).toEqual(['k1', 'k2', 'k3', 'k4', 'new']);
	});

	it('spreads keys over every shard', () => {
		const shards = new Set(
			Array.from({ length: 400 }, (_, index) => seenShard(eventKey(alarm(`s${index}`)))),
		);
		expect([...shards].sort((a, b) => a - b)).toEqual([...Array(SEEN_SHARDS).keys()]);
		expect(seenShard('not-hex')).toBe(0);
	});

	it('remembers in this process within the window, counted from the first sighting', () => {
		const recent = new RecentEvents();
		recent.remember('k1', T0);
		expect(recent.seenAt('k1', T0 + 30_000, WINDOW)).toBe(T0);
		expect(recent.seenAt('k1', T0 + 60_000, WINDOW)).toBeUndefined();
		expect(recent.size).toBe(0);
	});

	it('keeps this process bounded: beyond the cap the oldest keys go, expired ones from the front', () => {
		const recent = new RecentEvents(10);
		for (let index = 0; index < 30; index++) recent.remember(`k${index}`, T0 + index);
		expect(recent.size).toBe(10);
		expect(recent.seenAt('k29', T0 + 30, WINDOW)).toBe(T0 + 29);
		expect(recent.seenAt('k0', T0 + 30, WINDOW)).toBeUndefined();
		recent.remember('late', T0 + WINDOW + 100);
		expect(recent.seenAt('late', T0 + WINDOW + 100, WINDOW)).toBe(T0 + WINDOW + 100);
		expect(recent.size).toBe(1);
	});

	it('forgets a key on request (a claim the store refused)', () => {
		const recent = new RecentEvents();
		recent.remember('k1', T0);
		recent.forget('k1');
		expect(recent.seenAt('k1', T0, WINDOW)).toBeUndefined();
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
});
