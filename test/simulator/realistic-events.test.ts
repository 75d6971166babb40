/**
 * The realistic profile's client events and stats against the real samples
 * (test/fixtures/real-shapes/): copies of auth failures, site_id/rssi/±79, the real catalogue,
 * real failure types from the faults, and every field of the real stats samples.
 */
import { generateWorld, loadScenario, resolveScale } from '../../simulator/src/index';
import { makeClientEvent } from '../../simulator/src/generator/eventFactory';
import { addAuthFailureCopies, isDualStack } from '../../simulator/src/generator/realism';
import { realShapes } from '../fixtures/realShapes';
import { startTestSimulator } from './simHelpers';
import type { Json, TestSim } from './simHelpers';

const NOW = Date.UTC(2026, 0, 15, 12, 20, 0);
const AUTH_FAILURE = 'MARVIS_EVENT_CLIENT_AUTH_FAILURE';
const JWT_URL = /^https:\/\/\S+\/[\w-]+\.[\w-]+\.[\w-]+$/;

type Event = Record<string, Json>;

/** Every result of a search, following `next`. */
async function allResults(t: TestSim, path: string): Promise<Event[]> {
	const out: Event[] = [];
	let next: string | undefined = path;
	while (next) {
		const res: { status: number; body: Json } = await t.get(next);
		expect(res.status).toBe(200);
		out.push(...res.body.results);
		next = res.body.next;
	}
	return out;
}

/** Copies of one logical event, keyed as the live-org collector dedups them. */
function logicalEvents(events: Event[]): Map<string, Event[]> {
	const groups = new Map<string, Event[]>();
	for (const event of events) {
		const key = realShapes
			.clientEventsSearch()
			.liveCollector.dedupKey.map((field) => String(event[field]))
			.join('|');
		groups.set(key, [...(groups.get(key) ?? []), event]);
	}
	return groups;
}

function variantOf(event: Event): string {
	if (event.has_pcap === undefined && event.pcap_url === undefined) return 'bare';
	expect(event.pcap_url).toMatch(JWT_URL);
	return event.has_pcap ? 'has_pcap' : 'no_pcap';
}

describe('realistic profile: client events', () => {
	let t: TestSim;
	let authFailures: Event[];
	beforeAll(async () => {
		t = await startTestSimulator({ now: () => NOW });
		authFailures = await allResults(
			t,
			`${t.org}/clients/events/search?type=${AUTH_FAILURE}&duration=1h&limit=1000`,
		);
	});
	afterAll(async () => t.sim.close());

	it('returns each auth failure in one to three copies at the same timestamp, in the three pcap variants', () => {
		const groups = [...logicalEvents(authFailures).values()];
		const sizes = new Set(groups.map((copies) => copies.length));
		expect([...sizes].sort()).toEqual([1, 2, 3]);
		for (const copies of groups) {
			const variants = copies.map(variantOf);
			expect(new Set(variants).size).toBe(copies.length);
			const urls = copies.map((copy) => copy.pcap_url).filter(Boolean);
			expect(new Set(urls).size).toBe(urls.length);
			expect(new Set(copies.map((copy) => copy.status_code)).size).toBe(1);
		}
		const triple = groups.find((copies) => copies.length === 3) as Event[];
		expect(triple.map(variantOf).sort()).toEqual(['bare', 'has_pcap', 'no_pcap']);
		expect(triple.find((copy) => copy.has_pcap === true)?.pcap_url).toBeDefined();
		expect(triple.find((copy) => copy.has_pcap === false)?.pcap_url).toBeDefined();
	});

	it('makes the same copies from the same seed and clock', async () => {
		const twin = await startTestSimulator({ now: () => NOW });
		try {
			const again = await allResults(
				twin,
				`${twin.org}/clients/events/search?type=${AUTH_FAILURE}&duration=1h&limit=1000`,
			);
			expect(again).toEqual(authFailures);
		} finally {
			await twin.sim.close();
		}
	});

	it('copies a MAC-auth failure the same way', () => {
		const scenario = loadScenario('demo');
		const world = generateWorld(scenario, resolveScale(scenario), 11, NOW);
		const client = [...world.clients.values()][0];
		const from = world.clientEvents.length;
		for (let i = 0; i < 20; i++) {
			world.clientEvents.push(
				makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_MAC_AUTH_FAILURE', NOW / 1000 - i * 60),
			);
		}
		addAuthFailureCopies(world, from);
		const added = world.clientEvents.slice(from);
		expect(added.length).toBeGreaterThan(20);
		expect(added.length).toBeLessThanOrEqual(60);
		// A healthy-signal client: most failures keep their own reason, a stray few are "not acknowledged" (±79).
		const unacknowledged = added.filter((event) => Math.abs(event.status_code ?? 0) === 79);
		expect(unacknowledged.length).toBeGreaterThan(0);
		expect(unacknowledged.length).toBeLessThan(added.length / 2);
		expect(
			added.some((event) => event.has_pcap === true) &&
				added.some((event) => event.has_pcap === false),
		).toBe(true);
	});

	it('gives org events site_id and rssi, and some auth failures a status_code of 79 with either sign', async () => {
		const events = await allResults(t, `${t.org}/clients/events/search?duration=1h&limit=1000`);
		for (const event of events) {
			const client = t.sim.world.clients.get(event.mac);
			expect(event.site_id).toBe(client?.siteId);
			expect(event.rssi).toBe(client?.rssi);
		}
		const codes = authFailures.map((event) => event.status_code);
		expect(codes.filter((code) => code === 79).length).toBeGreaterThan(0);
		expect(codes.filter((code) => code === -79).length).toBeGreaterThan(0);
		// Most keep the reason the fault gives them (the wrong PSK, the RADIUS reject), so the cause stays readable.
		expect(codes.filter((code) => Math.abs(code ?? 0) !== 79).length).toBeGreaterThan(
			codes.length / 2,
		);
	});

	it('gives site events and one client’s events the same fields', async () => {
		const hq = t.site('HQ');
		const siteEvents = (
			await t.get(`/sites/${hq.id}/clients/events/search?type=${AUTH_FAILURE}&duration=1h`)
		).body.results as Event[];
		for (const event of siteEvents) {
			expect(event.site_id).toBe(hq.id);
			expect(typeof event.rssi).toBe('number');
			expect(typeof event.status_code).toBe('number');
		}
		const mac = siteEvents[0].mac;
		const own = (await t.get(`/sites/${hq.id}/clients/${mac}/events?duration=1h`)).body
			.results as Event[];
		expect(own.every((event) => event.site_id === hq.id && event.rssi !== undefined)).toBe(true);
	});

	it('carries every field the real samples show on org client events', async () => {
		const evidence = realShapes.clientEventsSearch();
		const events = await allResults(t, `${t.org}/clients/events/search?duration=1h&limit=1000`);
		const seen = new Set(events.flatMap((event) => Object.keys(event)));
		const wanted = [
			...evidence.liveCollector.fieldsRead,
			...Object.keys(evidence.specExample.results[0]),
		];
		expect(wanted.filter((field) => !seen.has(field))).toEqual([]);
		const dnsOk = events.find((event) => event.type === 'CLIENT_DNS_OK');
		expect(dnsOk?.type_code).toBe(evidence.specExample.results[0].type_code);
	});

	it('serves the real client event catalogue, shaped as the spec’s const events', async () => {
		const catalogue = (await t.get('/const/client_events')).body as Array<Record<string, string>>;
		const real = realShapes.clientEventTypes();
		expect(catalogue.map((entry) => entry.key).sort()).toEqual([...real.types].sort());
		expect(catalogue.length).toBeGreaterThanOrEqual(50);
		for (const entry of catalogue) {
			expect(Object.keys(entry).sort()).toEqual(['description', 'display', 'group', 'key']);
			expect(entry.display.length).toBeGreaterThan(2);
		}
		const keys = catalogue.map((entry) => entry.key);
		const named = [
			'MARVIS_EVENT_WLC_FT_KEY_NOT_FOUND',
			'MARVIS_EVENT_CLIENT_STATIC_IP_BLOCKED',
			'MARVIS_EVENT_CLIENT_DHCPV6_FAILURE',
			'CLIENT_AUTH_ASSOCIATION_11R',
		];
		for (const name of named) expect(keys).toContain(name);
		for (const name of real.noEvidenceAsClientEvents) expect(keys).not.toContain(name);
		expect(catalogue.find((entry) => entry.key === 'CLIENT_AUTH_ASSOCIATION_11R')?.display).toBe(
			'11r Association',
		);
	});

	it('emits real failure types from faults: FT failures, a blocked static IP, DHCPv6 on dual-stack clients', async () => {
		const hq = t.site('HQ').id;
		// FT failures come with the association fault (Warehouse-AP-04); the rest with HQ's faults.
		const wh = t.site('Warehouse').id;
		const ofTypeAt = async (site: string, type: string) =>
			allResults(t, `/sites/${site}/clients/events/search?type=${type}&duration=1h&limit=1000`);
		const ofType = async (type: string) => ofTypeAt(hq, type);
		const roamers = await ofTypeAt(wh, 'MARVIS_EVENT_WLC_FT_KEY_NOT_FOUND');
		expect(roamers.length).toBeGreaterThan(0);
		expect(new Set(roamers.map((event) => event.ap))).toEqual(
			new Set([t.apByName('Warehouse-AP-04').mac]),
		);
		expect(roamers.every((event) => t.sim.world.clients.get(event.mac)?.wlan.auth === 'eap')).toBe(
			true,
		);
		expect((await ofTypeAt(wh, 'MARVIS_EVENT_CLIENT_FBT_FAILURE')).length).toBe(roamers.length);
		const blocked = await ofType('MARVIS_EVENT_CLIENT_STATIC_IP_BLOCKED');
		expect(new Set(blocked.map((event) => event.mac))).toEqual(
			new Set([t.clientByHostname('hq-laptop-nak-01').mac]),
		);
		const dhcpv6 = await ofType('MARVIS_EVENT_CLIENT_DHCPV6_FAILURE');
		expect(dhcpv6.length).toBeGreaterThan(0);
		const stuck = new Set(
			(await ofType('MARVIS_EVENT_CLIENT_DHCP_STUCK')).map((event) => event.mac as string),
		);
		for (const event of dhcpv6) {
			expect(stuck.has(event.mac)).toBe(true);
			expect(isDualStack(t.sim.world.clients.get(event.mac)?.family ?? '')).toBe(true);
		}
		const singleStack = [...stuck].filter(
			(mac) => !isDualStack(t.sim.world.clients.get(mac)?.family ?? ''),
		);
		expect(singleStack.length).toBeGreaterThan(0);
		expect(dhcpv6.some((event) => singleStack.includes(event.mac))).toBe(false);
	});
});

describe('realistic profile: stats carry every field of the real samples', () => {
	let t: TestSim;
	beforeAll(async () => {
		t = await startTestSimulator();
	});
	afterAll(async () => t.sim.close());

	const missing = (real: Record<string, unknown>, ours: Record<string, unknown>) =>
		Object.keys(real).filter((key) => !(key in ours));

	it('client stats: every field of the real client, with vlan_id a string', async () => {
		const [real] = realShapes.siteStatsClients();
		const stats = (await t.get(`/sites/${t.site('Branch-Control').id}/stats/clients`))
			.body as Event[];
		for (const client of stats) {
			expect(missing(real, client)).toEqual([]);
			expect(typeof client.vlan_id).toBe('string');
		}
	});

	it('AP stats: every field of the real AP, its radios, its port and its LLDP neighbour', async () => {
		const [real] = realShapes.apStats() as Array<
			Record<string, Record<string, Record<string, unknown>>>
		>;
		const stats = (await t.get(`/sites/${t.site('Branch-Control').id}/stats/devices`))
			.body as Array<Record<string, Json>>;
		for (const ap of stats) {
			expect(missing(real, ap)).toEqual([]);
			expect(missing(real.radio_stat.band_24, ap.radio_stat.band_24)).toEqual([]);
			expect(missing(real.radio_stat.band_5, ap.radio_stat.band_5)).toEqual([]);
			expect(missing(real.port_stat.eth0, ap.port_stat.eth0)).toEqual([]);
			expect(missing(real.lldp_stat, ap.lldp_stat)).toEqual([]);
		}
	});
});

describe('spec profile: client events and catalogue as the spec describes them', () => {
	let t: TestSim;
	beforeAll(async () => {
		t = await startTestSimulator({ profile: 'spec', now: () => NOW });
	});
	afterAll(async () => t.sim.close());

	it('returns one copy per auth failure, without site_id, rssi or pcap fields', async () => {
		const events = await allResults(
			t,
			`${t.org}/clients/events/search?type=${AUTH_FAILURE}&duration=1h&limit=1000`,
		);
		expect(events.length).toBeGreaterThan(0);
		expect([...logicalEvents(events).values()].every((copies) => copies.length === 1)).toBe(true);
		for (const event of events) {
			for (const field of ['site_id', 'rssi', 'has_pcap', 'pcap_url'])
				expect(event).not.toHaveProperty(field);
			expect(event.status_code).toBeUndefined();
		}
	});

	it('lists only the eleven types it emits in /const/client_events', async () => {
		const keys = (await t.get('/const/client_events')).body.map(
			(entry: { key: string }) => entry.key,
		);
		expect(keys).toHaveLength(11);
		expect(keys).toContain('REPEATED_AUTH_FAILURES');
	});

	it('leaves out the real-only stats fields', async () => {
		const [ap] = (await t.get(`/sites/${t.site('Branch-Control').id}/stats/devices`)).body;
		expect(ap).not.toHaveProperty('ble_stat');
		expect(ap.radio_stat.band_5).not.toHaveProperty('mac');
	});
});
