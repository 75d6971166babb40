import { iseScenarioFromWorld, normaliseMac } from '../../simulator/src/ise';
import { radiusServerOf } from '../../simulator/src/generator/faultKinds/credentials';
import { LIBRARY_HEALTHY_SITES, libraryOrg, librarySiteName } from '../../simulator/src/library';
import { CREDENTIALS_SCENARIOS } from '../../simulator/src/library/credentials';
import { startTestSimulator } from './simHelpers';
import type { Json, TestSim } from './simHelpers';

/** The credentials faults only the library uses show where a troubleshooter looks, on their site only. */
describe.each(['realistic', 'spec'] as const)(
	'credentials library faults (%s profile)',
	(profile) => {
		let t: TestSim;
		const siteOf = (id: string) =>
			t.site(librarySiteName(CREDENTIALS_SCENARIOS.find((scenario) => scenario.id === id)!));
		const faultOn = (id: string) =>
			t.sim.world.faults.find((fault) => fault.siteId === siteOf(id).id)!;
		beforeAll(async () => {
			t = await startTestSimulator({ profile, scenario: libraryOrg(CREDENTIALS_SCENARIOS) });
		});
		afterAll(async () => t.sim.close());

		const search = async (siteId: string, kind: 'clients' | 'nac_clients', type: string) =>
			(await t.get(`/sites/${siteId}/${kind}/events/search?type=${type}&duration=1h&limit=1000`))
				.body.results as Array<Record<string, Json>>;
		const authFailures = (siteId: string) =>
			search(siteId, 'clients', 'MARVIS_EVENT_CLIENT_AUTH_FAILURE');
		const connectedMacs = async (siteId: string) =>
			(
				(await t.get(`/sites/${siteId}/stats/clients?limit=1000`)).body as Array<{ mac: string }>
			).map((client) => client.mac);
		const alarmTypes = async (siteId: string) =>
			((await t.get(`/sites/${siteId}/alarms/search`)).body.results as Array<{ type: string }>).map(
				(alarm) => alarm.type,
			);

		it('radius_unreachable: timeouts naming the server on every 802.1X SSID, no NAC decision', async () => {
			const site = siteOf('radius-server-unreachable');
			const fault = faultOn('radius-server-unreachable');
			const events = await authFailures(site.id);
			const server = radiusServerOf(t.sim.world, fault);
			expect(events.length).toBeGreaterThanOrEqual(fault.clientMacs.length);
			expect(new Set(events.map((event) => event.mac))).toEqual(new Set(fault.clientMacs));
			expect(events.every((event) => String(event.text).includes(`RADIUS server ${server}`))).toBe(
				true,
			);
			expect(new Set(events.map((event) => event.ssid))).toEqual(
				new Set(['Corp-Secure', 'Corp-Devices']),
			);
			expect(await search(site.id, 'nac_clients', 'NAC_CLIENT_DENY')).toEqual([]);
			const connected = await connectedMacs(site.id);
			expect(fault.clientMacs.filter((mac) => connected.includes(mac))).toEqual([]);
		});

		it('wrong_password: one user, two devices on two SSIDs, three APs or more, NAC says the password', async () => {
			const site = siteOf('one-user-bad-password');
			const fault = faultOn('one-user-bad-password');
			const events = await authFailures(site.id);
			const nac = await search(site.id, 'nac_clients', 'NAC_CLIENT_DENY');
			expect(new Set(events.map((event) => event.mac))).toEqual(new Set(fault.clientMacs));
			expect(new Set(events.map((event) => event.ssid)).size).toBe(2);
			expect(new Set(events.map((event) => event.ap)).size).toBeGreaterThanOrEqual(3);
			expect(new Set(nac.map((event) => event.username)).size).toBe(1);
			expect(nac[0].username).toBe(t.sim.world.clients.get(fault.clientMacs[0])?.username);
			expect(nac.every((event) => /wrong password/.test(String(event.text)))).toBe(true);
		});

		it('psk_changed: many clients of one PSK SSID fail the 4-way handshake, with a PSK alarm', async () => {
			const site = siteOf('psk-changed');
			const fault = faultOn('psk-changed');
			const events = await authFailures(site.id);
			expect(fault.clientMacs.length).toBeGreaterThanOrEqual(5);
			expect(new Set(events.map((event) => event.mac))).toEqual(new Set(fault.clientMacs));
			expect(new Set(events.map((event) => event.ssid))).toEqual(new Set([fault.ssid]));
			expect(events.every((event) => /4-way handshake/.test(String(event.text)))).toBe(true);
			expect(await alarmTypes(site.id)).toContain('psk_failure');
		});

		it('leaves the healthy sites without authentication failures or PSK alarms beyond their lone glitch', async () => {
			for (const name of LIBRARY_HEALTHY_SITES) {
				const site = t.site(name);
				// A healthy site may carry one client with a mistyped PSK (LIBRARY_HEALTHY_GLITCHES).
				const glitch = t.sim.world.faults.find(
					(fault) => fault.siteId === site.id && fault.kind === 'wrong_psk',
				);
				const failing = new Set((await authFailures(site.id)).map((event) => event.mac));
				expect([...failing]).toEqual(glitch?.clientMacs ?? []);
				expect(await search(site.id, 'nac_clients', 'NAC_CLIENT_DENY')).toEqual([]);
				expect((await alarmTypes(site.id)).includes('psk_failure')).toBe(Boolean(glitch));
			}
		});

		it("ISE mirrors them: the user's wrong AD password, no record of the timed-out requests", () => {
			const endpoints = iseScenarioFromWorld(t.sim.world).endpoints;
			const endpoint = (mac: string) => endpoints.find((e) => e.mac === normaliseMac(mac))!;
			for (const mac of faultOn('one-user-bad-password').clientMacs) {
				const failed = endpoint(mac).authRecords.filter((record) => !record.passed);
				expect(failed.length).toBeGreaterThan(0);
				expect(failed.every((record) => record.failureCode === 24408)).toBe(true);
				expect(failed[0].authenticationProtocol).toMatch(/PEAP/);
			}
			for (const mac of faultOn('radius-server-unreachable').clientMacs) {
				const records = endpoint(mac).authRecords;
				expect(records.every((record) => record.passed && record.secondsAgo > 86400)).toBe(true);
			}
			const pskMacs = faultOn('psk-changed').clientMacs.map(normaliseMac);
			expect(endpoints.filter((e) => pskMacs.includes(e.mac))).toEqual([]);
		});
	},
);
