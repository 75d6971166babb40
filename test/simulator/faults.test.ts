import { loadScenario } from '../../simulator/src/scenario';
import { startTestSimulator } from './simHelpers';
import type { Json, TestSim } from './simHelpers';

/** Each demo fault must show up where a troubleshooter would look, and nowhere on the control site. */
describe.each(['realistic', 'spec'] as const)('demo scenario faults (%s profile)', (profile) => {
	let t: TestSim;
	let hq: string;
	let wh: string;
	let control: string;
	beforeAll(async () => {
		t = await startTestSimulator({ profile });
		hq = t.site('HQ').id;
		wh = t.site('Warehouse').id;
		control = t.site('Branch-Control').id;
	});
	afterAll(async () => t.sim.close());

	const clientEvents = async (site: string, type: string, extra = '') =>
		(
			await t.get(
				`/sites/${site}/clients/events/search?type=${type}&duration=1h&limit=1000${extra}`,
			)
		).body.results as Array<Record<string, Json>>;
	const alarmTypes = async (site: string) =>
		((await t.get(`/sites/${site}/alarms/search`)).body.results as Array<{ type: string }>).map(
			(a) => a.type,
		);
	const apStats = async (name: string) => {
		const ap = t.apByName(name);
		return (await t.get(`/sites/${ap.siteId}/stats/devices/${ap.id}`)).body;
	};
	const statsOf = async (site: string) =>
		(await t.get(`/sites/${site}/stats/clients?limit=1000`)).body as Array<Record<string, Json>>;
	const classifierDegraded = async (site: string, metric: string, classifier: string) => {
		const summary = (await t.get(`/sites/${site}/sle/site/${site}/metric/${metric}/summary`)).body;
		const entry = summary.classifiers.find((c: { name: string }) => c.name === classifier);
		return entry.samples.degraded.reduce((s: number, v: number) => s + v, 0) as number;
	};

	const checks: Record<string, () => Promise<void>> = {
		radius_reject: async () => {
			const events = await clientEvents(
				hq,
				'MARVIS_EVENT_CLIENT_AUTH_FAILURE',
				'&ssid=Corp-Secure',
			);
			expect(new Set(events.map((e) => e.mac)).size).toBeGreaterThanOrEqual(12);
			const nac = (
				await t.get(
					`${t.org}/nac_clients/events/search?type=NAC_CLIENT_DENY&site_id=${hq}&duration=1h`,
				)
			).body;
			expect(nac.total).toBeGreaterThan(0);
			expect(await alarmTypes(hq)).toContain('dot1x_failure');
		},
		wrong_psk: async () => {
			const client = t.clientByHostname('hq-guest-tablet-01');
			const events = (
				await t.get(`/sites/${hq}/clients/${client.mac}/events?duration=1h&limit=1000`)
			).body.results.map((e: { type: string }) => e.type);
			expect(events).toContain('MARVIS_EVENT_CLIENT_AUTH_FAILURE');
			// Only the spec profile invents REPEATED_AUTH_FAILURES client events (no real evidence of them).
			expect(events.includes('REPEATED_AUTH_FAILURES')).toBe(profile === 'spec');
			expect(client.wlan.auth).toBe('psk');
			expect(await alarmTypes(hq)).toContain('psk_failure');
		},
		expired_certificate: async () => {
			const nac = (
				await t.get(
					`${t.org}/nac_clients/events/search?type=NAC_CLIENT_CERT_CHECK_FAILURE&duration=1h&limit=1000`,
				)
			).body.results;
			const macs = new Set(nac.map((e: { mac: string }) => e.mac));
			expect([...macs].sort()).toEqual(
				[
					t.clientByHostname('hq-scanner-cert-01').mac,
					t.clientByHostname('hq-scanner-cert-02').mac,
				].sort(),
			);
			expect(nac.every((e: { auth_type: string }) => e.auth_type === 'eap-tls')).toBe(true);
			const failures = await clientEvents(hq, 'MARVIS_EVENT_CLIENT_AUTH_FAILURE');
			expect(failures.some((e) => /certificate expired/.test(e.text))).toBe(true);
		},
		dhcp_unresponsive: async () => {
			const events = await clientEvents(hq, 'MARVIS_EVENT_CLIENT_DHCP_STUCK');
			const macs = new Set(events.map((e) => e.mac as string));
			expect(macs.size).toBeGreaterThanOrEqual(6);
			for (const mac of macs) expect(t.sim.world.clients.get(mac)?.wlan.vlan).toBe(20);
			expect(await alarmTypes(hq)).toContain('dhcp_failure');
			expect(await classifierDegraded(hq, 'failed-to-connect', 'DHCP')).toBeGreaterThan(0);
			expect(await classifierDegraded(hq, 'time-to-connect', 'DHCP')).toBeGreaterThan(0);
		},
		dhcp_nak: async () => {
			const events = await clientEvents(hq, 'MARVIS_EVENT_CLIENT_DHCP_NAK');
			expect(new Set(events.map((e) => e.mac))).toEqual(
				new Set([t.clientByHostname('hq-laptop-nak-01').mac]),
			);
		},
		dhcp_pool_exhausted: async () => {
			const switches = (await t.get(`/sites/${hq}/stats/devices?type=switch`)).body;
			const scope = switches[0].dhcpd_stat.vlan30;
			expect(scope.num_leased).toBe(scope.num_ips);
			const events = await clientEvents(hq, 'MARVIS_EVENT_CLIENT_DHCP_FAILURE');
			expect(events.some((e) => /pool/.test(e.text))).toBe(true);
		},
		association_failure: async () => {
			const events = await clientEvents(wh, 'CLIENT_ASSOCIATION_FAILURE');
			expect(events.length).toBeGreaterThan(0);
			expect(new Set(events.map((e) => e.ap))).toEqual(
				new Set([t.apByName('Warehouse-AP-04').mac]),
			);
		},
		switch_port_flap: async () => {
			const events = (
				await t.get(`/sites/${hq}/devices/events/search?type=SW_PORT_DOWN,SW_PORT_UP&duration=1h`)
			).body.results;
			expect(
				events.filter((e: { type: string }) => e.type === 'SW_PORT_DOWN').length,
			).toBeGreaterThanOrEqual(3);
			expect(new Set(events.map((e: { port_id: string }) => e.port_id))).toEqual(
				new Set(['ge-0/0/9']),
			);
			const marvis = (await t.get(`${t.org}/troubleshoot?site_id=${hq}&type=wired`)).body.results;
			expect(marvis.map((r: { reason: string }) => r.reason)).toContain('port_flap');
		},
		weak_coverage: async () => {
			const stats = await statsOf(wh);
			const far = stats.find((c) => c.hostname === 'warehouse-scanner-far-01');
			expect(far?.rssi).toBeLessThan(-80);
			expect(await classifierDegraded(wh, 'coverage', 'weak-signal')).toBeGreaterThan(0);
		},
		low_snr: async () => {
			expect((await statsOf(wh)).filter((c) => c.snr < 15).length).toBeGreaterThanOrEqual(3);
		},
		high_retries: async () => {
			expect(
				(await statsOf(wh)).filter((c) => c.tx_retries / c.tx_pkts > 0.2).length,
			).toBeGreaterThanOrEqual(3);
		},
		high_channel_utilisation: async () => {
			expect((await apStats('Warehouse-AP-02')).radio_stat.band_5.util_all).toBeGreaterThan(70);
			expect(await classifierDegraded(wh, 'capacity', 'wifi-interference')).toBeGreaterThan(0);
		},
		high_noise_floor: async () => {
			expect((await apStats('Warehouse-AP-03')).radio_stat.band_24.noise_floor).toBeGreaterThan(
				-80,
			);
			expect(await classifierDegraded(wh, 'capacity', 'non-wifi-interference')).toBeGreaterThan(0);
		},
		overloaded_ap: async () => {
			expect((await apStats('Warehouse-AP-01')).num_clients).toBeGreaterThan(50);
			expect(await classifierDegraded(wh, 'capacity', 'client-count')).toBeGreaterThan(0);
		},
		ap_offline: async () => {
			const stats = await apStats('Warehouse-AP-05');
			expect(stats.status).toBe('disconnected');
			expect(stats.last_seen).toBeLessThan(Date.now() / 1000 - 600);
			expect(await alarmTypes(wh)).toContain('ap_offline');
			const events = (
				await t.get(`/sites/${wh}/devices/events/search?type=AP_DISCONNECTED&duration=1h`)
			).body.results;
			expect(events.map((e: { device_name: string }) => e.device_name)).toEqual([
				'Warehouse-AP-05',
			]);
			const aps = (
				await t.get(
					`/sites/${wh}/sle/site/${wh}/metric/ap-availability/impacted-aps?classifier=ap-unreachable`,
				)
			).body.aps;
			expect(aps.map((a: { name: string }) => a.name)).toContain('Warehouse-AP-05');
		},
		ap_rebooting: async () => {
			const stats = await apStats('Warehouse-AP-06');
			expect(stats.uptime).toBeLessThan(900);
			const events = (
				await t.get(`/sites/${wh}/devices/events/search?type=AP_RESTARTED&duration=1h`)
			).body.results;
			expect(events.length).toBeGreaterThanOrEqual(2);
			expect(await alarmTypes(wh)).toContain('device_restarted');
			expect(await classifierDegraded(wh, 'ap-availability', 'ap-reboot')).toBeGreaterThan(0);
		},
	};

	// Kinds only the scenario library uses are checked in test/simulator/library.*.test.ts.
	it('has a check for every fault kind of the demo scenario', () => {
		const demoKinds = new Set((loadScenario(undefined).faults ?? []).map((fault) => fault.kind));
		expect(Object.keys(checks).sort()).toEqual([...demoKinds].sort());
	});

	it.each(Object.keys(checks))('shows %s in the endpoints it affects', async (kind) => {
		await checks[kind]();
	});

	it('keeps the control site healthy in every signal', async () => {
		const failureTypes = [
			'MARVIS_EVENT_CLIENT_AUTH_FAILURE',
			'MARVIS_EVENT_CLIENT_MAC_AUTH_FAILURE',
			'REPEATED_AUTH_FAILURES',
			'MARVIS_EVENT_CLIENT_DHCP_STUCK',
			'MARVIS_EVENT_CLIENT_DHCP_FAILURE',
			'MARVIS_EVENT_CLIENT_DHCP_NAK',
			'MARVIS_EVENT_CLIENT_DHCPV6_FAILURE',
			'MARVIS_EVENT_CLIENT_STATIC_IP_BLOCKED',
			'MARVIS_EVENT_WLC_FT_KEY_NOT_FOUND',
			'MARVIS_EVENT_CLIENT_FBT_FAILURE',
			'CLIENT_ASSOCIATION_FAILURE',
		].join(',');
		expect(await clientEvents(control, failureTypes, '&duration=1d')).toEqual([]);
		expect(await alarmTypes(control)).toEqual([]);
		const nac = (
			await t.get(
				`/sites/${control}/nac_clients/events/search?type=NAC_CLIENT_DENY,NAC_CLIENT_CERT_CHECK_FAILURE`,
			)
		).body;
		expect(nac.total).toBe(0);
		const devices = (await t.get(`/sites/${control}/stats/devices`)).body;
		for (const ap of devices) {
			expect(ap.status).toBe('connected');
			expect(ap.uptime).toBeGreaterThan(86400);
			expect(ap.num_clients).toBeLessThanOrEqual(30);
			for (const band of ['band_24', 'band_5']) {
				expect(ap.radio_stat[band].util_all).toBeLessThan(50);
				expect(ap.radio_stat[band].noise_floor).toBeLessThan(-85);
			}
		}
		for (const c of await statsOf(control)) {
			expect(c.rssi).toBeGreaterThan(-72);
			expect(c.snr).toBeGreaterThanOrEqual(20);
			expect(c.tx_retries / c.tx_pkts).toBeLessThan(0.15);
			expect(c.ip).toBeDefined();
		}
		const sle = (await t.get(`${t.org}/insights/sites-sle?sle=wifi`)).body.results.find(
			(r: { site_id: string }) => r.site_id === control,
		);
		for (const key of [
			'successful-connect',
			'time-to-connect',
			'coverage',
			'capacity',
			'throughput',
			'ap-availability',
		])
			expect(sle[key]).toBeGreaterThanOrEqual(0.98);
		expect((await t.get(`${t.org}/troubleshoot?site_id=${control}`)).body.results).toEqual([]);
		const deviceTypes =
			'SW_PORT_DOWN,AP_DISCONNECTED,AP_RESTARTED,SW_RESTARTED,SW_DISCONNECTED,GW_DISCONNECTED';
		expect(
			(await t.get(`/sites/${control}/devices/events/search?type=${deviceTypes}&duration=1d`)).body
				.total,
		).toBe(0);
		const switches = (await t.get(`/sites/${control}/stats/devices?type=switch`)).body;
		for (const scope of Object.values(switches[0].dhcpd_stat) as Array<{
			num_ips: number;
			num_leased: number;
		}>)
			expect(scope.num_leased).toBeLessThan(scope.num_ips);
	});

	it('lists every emitted client event type in /const/client_events', async () => {
		const keys = new Set(
			(await t.get('/const/client_events')).body.map((d: { key: string }) => d.key),
		);
		const emitted = new Set(t.sim.world.clientEvents.map((e) => e.type));
		for (const type of emitted) expect(keys).toContain(type);
	});
});
