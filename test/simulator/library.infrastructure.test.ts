import { libraryOrg } from '../../simulator/src/library';
import { INFRASTRUCTURE_SCENARIOS } from '../../simulator/src/library/infrastructure';
import { startTestSimulator } from './simHelpers';
import type { Json, TestSim } from './simHelpers';

/**
 * The infrastructure fault kinds only the scenario library uses show where a troubleshooter looks
 * (the AP's LLDP neighbour, the switch's port and PoE stats, device and client events), and only on
 * their own site: the healthy site's switch and APs stay clean.
 */
describe('library infrastructure faults in the simulator', () => {
	let t: TestSim;
	const fault = (kind: string) => t.sim.world.faults.find((candidate) => candidate.kind === kind)!;
	const switchStats = async (siteName: string) => {
		const site = t.site(siteName);
		const devices = (await t.get(`/sites/${site.id}/stats/devices?type=switch`)).body as Json[];
		return devices[0];
	};
	const portOf = async (kind: string) => {
		const f = fault(kind);
		const sw = await switchStats(f.siteName);
		return { sw, port: (sw.ports as Json[]).find((port) => port.port_id === f.portId) };
	};
	const deviceEvents = async (siteName: string, type: string) =>
		(await t.get(`/sites/${t.site(siteName).id}/devices/events/search?type=${type}&duration=1h`))
			.body.results as Json[];

	beforeAll(async () => {
		t = await startTestSimulator({ scenario: libraryOrg(INFRASTRUCTURE_SCENARIOS) });
	});
	afterAll(async () => t.sim.close());

	it("an AP's LLDP neighbour is the switch and port it is cabled to", async () => {
		const f = fault('ap_uplink_flap');
		const ap = t.sim.world.aps.get(f.apIds[0])!;
		const stats = (await t.get(`/sites/${ap.siteId}/stats/devices/${ap.id}`)).body;
		const sw = await switchStats(f.siteName);
		expect(stats.lldp_stat).toMatchObject({ system_name: sw.name, port_id: f.portId });
		expect((sw.ports as Json[]).find((port) => port.port_id === f.portId).neighbor_mac).toBe(
			ap.mac,
		);
	});

	it('ap_uplink_flap: the port flaps (down/up events, last_flapped) and the AP disconnects and restarts', async () => {
		const f = fault('ap_uplink_flap');
		const { port } = await portOf('ap_uplink_flap');
		expect(port.last_flapped).toBeGreaterThan(Date.now() / 1000 - 900);
		const downs = await deviceEvents(f.siteName, 'SW_PORT_DOWN');
		expect(downs.length).toBeGreaterThanOrEqual(3);
		expect(downs.every((event) => event.port_id === f.portId)).toBe(true);
		const apMac = t.sim.world.aps.get(f.apIds[0])!.mac;
		for (const type of ['AP_DISCONNECTED', 'AP_RESTARTED']) {
			const events = await deviceEvents(f.siteName, type);
			expect(events.length).toBeGreaterThanOrEqual(3);
			expect(events.every((event) => event.mac === apMac)).toBe(true);
		}
	});

	it('switch_port_errors: the AP port counts input errors, no other port does', async () => {
		const { sw, port } = await portOf('switch_port_errors');
		expect(port.rx_errors / port.rx_pkts).toBeGreaterThan(0.001);
		const others = (sw.ports as Json[]).filter((entry) => entry !== port);
		expect(others.every((entry) => entry.rx_errors === 0)).toBe(true);
	});

	it('poe_power_cycling: the switch PoE budget is spent and the AP restarts for power loss', async () => {
		const f = fault('poe_power_cycling');
		const { sw } = await portOf('poe_power_cycling');
		const [{ poe }] = sw.module_stat as Json[];
		expect(poe.power_draw / poe.max_power).toBeGreaterThanOrEqual(0.95);
		const restarts = await deviceEvents(f.siteName, 'AP_RESTARTED');
		expect(restarts.length).toBeGreaterThanOrEqual(2);
		expect(restarts[0].text).toMatch(/power loss/);
	});

	it('fast_roaming_failure: the SSID clients log FT key-not-found failures on several APs', async () => {
		const f = fault('fast_roaming_failure');
		const events = (
			await t.get(
				`/sites/${f.siteId}/clients/events/search?type=MARVIS_EVENT_WLC_FT_KEY_NOT_FOUND&duration=1h&limit=1000`,
			)
		).body.results as Json[];
		expect(new Set(events.map((event) => event.mac)).size).toBe(8);
		expect(new Set(events.map((event) => event.ap)).size).toBeGreaterThanOrEqual(2);
		expect(events.every((event) => event.ssid === f.ssid)).toBe(true);
	});

	it('the healthy site: clean ports, PoE to spare, no port or AP events', async () => {
		const sw = await switchStats('Lib-Healthy-1');
		expect((sw.ports as Json[]).every((port) => port.rx_errors === 0 && !port.last_flapped)).toBe(
			true,
		);
		const [{ poe }] = sw.module_stat as Json[];
		expect(poe.power_draw / poe.max_power).toBeLessThan(0.5);
		for (const type of ['SW_PORT_DOWN', 'AP_DISCONNECTED', 'AP_RESTARTED'])
			expect(await deviceEvents('Lib-Healthy-1', type)).toEqual([]);
	});
});
