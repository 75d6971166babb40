import { LIBRARY_HEALTHY_SITES, libraryOrg, librarySiteName } from '../../simulator/src/library';
import { NETWORK_SERVICE_SCENARIOS } from '../../simulator/src/library/networkServices';
import { startTestSimulator } from './simHelpers';
import type { Json, TestSim } from './simHelpers';

/**
 * The network-service faults only the library places show where a troubleshooter looks (client
 * events, alarms, SLE classifiers), on their VLAN, and nowhere on the healthy sites.
 */
describe.each(['realistic', 'spec'] as const)('library network-service faults (%s)', (profile) => {
	let t: TestSim;
	const siteOf = (id: string) => {
		const scenario = NETWORK_SERVICE_SCENARIOS.find((candidate) => candidate.id === id);
		return t.site(librarySiteName(scenario!)).id;
	};
	const events = async (site: string, type: string) =>
		(await t.get(`/sites/${site}/clients/events/search?type=${type}&duration=1h&limit=1000`)).body
			.results as Array<Record<string, Json>>;
	const alarmTypes = async (site: string) =>
		((await t.get(`/sites/${site}/alarms/search`)).body.results as Array<{ type: string }>).map(
			(alarm) => alarm.type,
		);
	const vlansOf = (macs: Iterable<string>) =>
		new Set([...macs].map((mac) => t.sim.world.clients.get(mac)?.wlan.vlan));
	const macsOf = (list: Array<Record<string, Json>>) => new Set(list.map((e) => e.mac as string));
	const degraded = async (site: string, classifier: string) => {
		const summary = (
			await t.get(`/sites/${site}/sle/site/${site}/metric/failed-to-connect/summary`)
		).body;
		const entry = summary.classifiers.find((c: { name: string }) => c.name === classifier);
		return entry.samples.degraded.reduce((sum: number, value: number) => sum + value, 0) as number;
	};

	beforeAll(async () => {
		t = await startTestSimulator({ profile, scenario: libraryOrg(NETWORK_SERVICE_SCENARIOS) });
	});
	afterAll(async () => t.sim.close());

	it('dhcp_nak_storm: NAKs for the clients of one VLAN, blocked old addresses when realistic', async () => {
		const site = siteOf('dhcp-nak-storm');
		const naks = await events(site, 'MARVIS_EVENT_CLIENT_DHCP_NAK');
		expect(macsOf(naks).size).toBe(6);
		expect(vlansOf(macsOf(naks))).toEqual(new Set([30]));
		const blocked = await events(site, 'MARVIS_EVENT_CLIENT_STATIC_IP_BLOCKED');
		expect(blocked.length > 0).toBe(profile === 'realistic');
		expect(await degraded(site, 'DHCP')).toBeGreaterThan(0);
	});

	it('dns_unreachable: DNS failures of clients on several VLANs, a DNS alarm', async () => {
		const site = siteOf('dns-server-unreachable');
		const failures = await events(site, 'MARVIS_DNS_FAILURE');
		expect(macsOf(failures).size).toBe(16);
		expect(vlansOf(macsOf(failures)).size).toBeGreaterThanOrEqual(2);
		expect(await alarmTypes(site)).toContain('dns_failure');
		expect(await degraded(site, 'DNS')).toBeGreaterThan(0);
	});

	it('gateway_unreachable: gateway ARP failures on one VLAN naming its gateway, an ARP alarm', async () => {
		const site = siteOf('gateway-unreachable');
		const failures = await events(site, 'CLIENT_GW_ARP_FAILURE');
		expect(macsOf(failures).size).toBe(8);
		expect(vlansOf(macsOf(failures))).toEqual(new Set([10]));
		expect(failures.every((e) => /gateway 10\.10\.\d+\.1 on VLAN 10/.test(e.text as string))).toBe(
			true,
		);
		expect(await alarmTypes(site)).toContain('arp_failure');
		expect(await degraded(site, 'ARP')).toBeGreaterThan(0);
	});

	it('shows none of them on the healthy sites, beyond a lone refused lease', async () => {
		for (const name of LIBRARY_HEALTHY_SITES) {
			const site = t.site(name).id;
			// A healthy site may carry one client whose lease is refused (LIBRARY_HEALTHY_GLITCHES).
			const glitch = t.sim.world.faults.find(
				(fault) => fault.siteId === site && fault.kind === 'dhcp_nak',
			);
			const naks = macsOf(await events(site, 'MARVIS_EVENT_CLIENT_DHCP_NAK'));
			expect({ name, naks: [...naks] }).toEqual({ name, naks: glitch?.clientMacs ?? [] });
			for (const type of ['MARVIS_DNS_FAILURE', 'CLIENT_GW_ARP_FAILURE'])
				expect({ name, type, events: await events(site, type) }).toEqual({
					name,
					type,
					events: [],
				});
			const networkAlarms = ['dhcp_failure', 'dns_failure', 'arp_failure'];
			expect((await alarmTypes(site)).filter((type) => networkAlarms.includes(type))).toEqual([]);
			// The refused lease shows in the DHCP classifier of its own site only.
			for (const classifier of glitch ? ['DNS', 'ARP'] : ['DHCP', 'DNS', 'ARP'])
				expect(await degraded(site, classifier)).toBe(0);
		}
	});
});
