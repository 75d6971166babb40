import { startTestSimulator } from './simHelpers';
import type { TestSim } from './simHelpers';

/** Remediation must change what the next read returns, and be recorded in /__sim/state. */
describe('remediation state changes', () => {
	let t: TestSim;
	let clock: number;
	beforeEach(async () => {
		clock = Date.now();
		t = await startTestSimulator({ now: () => clock });
	});
	afterEach(async () => t.sim.close());

	const apStats = async (name: string) => {
		const ap = t.apByName(name);
		return (await t.get(`/sites/${ap.siteId}/stats/devices/${ap.id}`)).body;
	};

	it('restart takes an offline AP down for rebootSeconds, then back with uptime reset and the alarm resolved', async () => {
		const ap = t.apByName('Warehouse-AP-05');
		expect((await apStats('Warehouse-AP-05')).status).toBe('disconnected');
		expect((await t.post(`/sites/${ap.siteId}/devices/${ap.id}/restart`)).status).toBe(200);
		clock += 1000;
		const during = await apStats('Warehouse-AP-05');
		expect(during.status).toBe('disconnected');
		clock += 3000;
		const after = await apStats('Warehouse-AP-05');
		expect(after.status).toBe('connected');
		expect(after.uptime).toBeLessThan(5);
		expect(after.last_seen).toBeGreaterThan(clock / 1000 - 30);
		const alarms = (await t.get(`/sites/${ap.siteId}/alarms/search?type=ap_offline`)).body.results;
		expect(alarms.map((a: { status: string }) => a.status)).toEqual(['resolved']);
		const state = (await t.get('/__sim/state')).body;
		expect(state.faults.find((f: { kind: string }) => f.kind === 'ap_offline')).toEqual(
			expect.objectContaining({ active: false, clearedBy: 'restart' }),
		);
		expect(state.remediations).toEqual([
			expect.objectContaining({ action: 'restart_device', target: ap.id }),
		]);
	});

	it('restart of a healthy AP makes it briefly disconnected and stops last_seen', async () => {
		const ap = t.apByName('Branch-Control-AP-01');
		await t.post(`/sites/${ap.siteId}/devices/restart`, { device_ids: [ap.id] });
		clock += 500;
		const during = await apStats('Branch-Control-AP-01');
		expect(during.status).toBe('disconnected');
		clock += 2000;
		expect((await apStats('Branch-Control-AP-01')).last_seen).toBe(during.last_seen);
		clock += 1000;
		expect((await apStats('Branch-Control-AP-01')).status).toBe('connected');
	});

	it('restart of an overloaded AP spreads its clients to neighbours', async () => {
		const ap = t.apByName('Warehouse-AP-01');
		expect((await apStats('Warehouse-AP-01')).num_clients).toBeGreaterThan(50);
		await t.post(`/sites/${ap.siteId}/devices/${ap.id}/restart`);
		clock += 4000;
		expect((await apStats('Warehouse-AP-01')).num_clients).toBeLessThanOrEqual(20);
	});

	it('disconnect makes a DHCP-NAK client re-associate with a new IP and clears the fault', async () => {
		const client = t.clientByHostname('hq-laptop-nak-01');
		const before = (await t.get(`/sites/${client.siteId}/stats/clients/${client.mac}`)).body;
		expect(before.ip).toBeUndefined();
		clock += 1000;
		expect((await t.post(`/sites/${client.siteId}/clients/${client.mac}/disconnect`)).status).toBe(
			200,
		);
		clock += 2000;
		const after = (await t.get(`/sites/${client.siteId}/stats/clients/${client.mac}`)).body;
		expect(after.ip).toMatch(/^10\./);
		const events = (
			await t.get(`/sites/${client.siteId}/clients/${client.mac}/events?duration=10m&limit=100`)
		).body.results.map((e: { type: string }) => e.type);
		expect(events).toEqual(
			expect.arrayContaining([
				'CLIENT_DEAUTHENTICATED',
				'CLIENT_ASSOCIATION',
				'CLIENT_AUTHENTICATED',
				'CLIENT_IP_ASSIGNED',
			]),
		);
		const state = (await t.get('/__sim/state')).body;
		expect(state.faults.find((f: { kind: string }) => f.kind === 'dhcp_nak').active).toBe(false);
	});

	it('bulk disconnect takes a bare array of MACs and validates it', async () => {
		const site = t.site('HQ');
		expect((await t.post(`/sites/${site.id}/clients/disconnect`, { macs: [] })).status).toBe(400);
		const macs = site.clientMacs.slice(0, 2);
		expect((await t.post(`/sites/${site.id}/clients/disconnect`, macs)).status).toBe(200);
		const state = (await t.get('/__sim/state')).body;
		expect(state.remediations.slice(-1)[0]).toEqual(
			expect.objectContaining({ action: 'disconnect_clients', target: macs.join(',') }),
		);
	});

	it('RRM optimize changes channels, clears interference faults and appends triggered-site_rrm events', async () => {
		const site = t.site('Warehouse');
		const before = (await t.get(`/sites/${site.id}/rrm/current`)).body;
		expect((await t.post(`/sites/${site.id}/rrm/optimize`, { bands: ['24', '5'] })).status).toBe(
			200,
		);
		const after = (await t.get(`/sites/${site.id}/rrm/current`)).body;
		const changed = Object.keys(after.band_5).filter(
			(id) => after.band_5[id].channel !== before.band_5[id].channel,
		);
		expect(changed.length).toBe(site.apIds.length);
		expect((await apStats('Warehouse-AP-02')).radio_stat.band_5.util_all).toBeLessThan(50);
		expect((await apStats('Warehouse-AP-03')).radio_stat.band_24.noise_floor).toBeLessThan(-85);
		const events = (await t.get(`/sites/${site.id}/rrm/events?duration=10m&limit=1000`)).body
			.results;
		expect(events.filter((e: { event: string }) => e.event === 'triggered-site_rrm')).toHaveLength(
			site.apIds.length * 2,
		);
	});

	it('RRM optimize with txpower_only keeps channels', async () => {
		const site = t.site('Branch-Control');
		const before = (await t.get(`/sites/${site.id}/rrm/current`)).body;
		await t.post(`/sites/${site.id}/rrm/optimize`, { bands: ['5'], txpower_only: true });
		const after = (await t.get(`/sites/${site.id}/rrm/current`)).body;
		for (const id of Object.keys(before.band_5))
			expect(after.band_5[id].channel).toBe(before.band_5[id].channel);
		expect((await t.post(`/sites/${site.id}/rrm/optimize`, {})).status).toBe(400);
	});

	it('PUT radio_config updates what stats report', async () => {
		const ap = t.apByName('HQ-AP-01');
		const res = await t.request('PUT', `/sites/${ap.siteId}/devices/${ap.id}`, {
			radio_config: { band_5: { channel: 149, power: 12 } },
		});
		expect(res.status).toBe(200);
		expect(res.body.radio_config.band_5).toEqual(
			expect.objectContaining({ channel: 149, power: 12 }),
		);
		const stats = await apStats('HQ-AP-01');
		expect(stats.radio_stat.band_5).toEqual(expect.objectContaining({ channel: 149, power: 12 }));
		const bad = await t.request('PUT', `/sites/${ap.siteId}/devices/${ap.id}`, {
			radio_config: { band_5: { channel: 7 } },
		});
		expect(bad.status).toBe(400);
		expect(bad.body.detail).toMatch(/channel/);
	});

	it.each([
		['ping', { host: '8.8.8.8' }, 'session'],
		['traceroute', { host: '8.8.8.8' }, 'session'],
		['show_dhcp_leases', { network: 'vlan20' }, 'session'],
		['release_dhcp_leases', { macs: ['aabbccddeeff'] }, 'ok'],
	])('runs the %s utility', async (util, body, kind) => {
		const ap = t.apByName('HQ-AP-02');
		const res = await t.post(`/sites/${ap.siteId}/devices/${ap.id}/${util}`, body);
		expect(res.status).toBe(200);
		if (kind === 'session') expect(res.body.session).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('validates utility bodies and reports a failing DHCP synthetic test on a broken VLAN', async () => {
		const ap = t.apByName('HQ-AP-02');
		expect((await t.post(`/sites/${ap.siteId}/devices/${ap.id}/ping`, {})).status).toBe(400);
		expect(
			(
				await t.post(`/sites/${ap.siteId}/devices/${ap.id}/synthetic_test`, {
					type: 'dhcp',
					vlan_id: 20,
				})
			).status,
		).toBe(200);
		const result = (await t.get(`/sites/${ap.siteId}/devices/${ap.id}/synthetic_test`)).body;
		expect(result).toEqual(expect.objectContaining({ type: 'dhcp', failed: true }));
	});

	it('acks alarms', async () => {
		const alarm = (await t.get(`${t.org}/alarms/search?type=ap_offline`)).body.results[0];
		expect((await t.post(`${t.org}/alarms/${alarm.id}/ack`, { note: 'on it' })).status).toBe(200);
		const after = (await t.get(`${t.org}/alarms/search?type=ap_offline`)).body.results[0];
		expect(after).toEqual(expect.objectContaining({ acked: true, note: 'on it' }));
		expect((await t.post(`${t.org}/alarms/00000000-0000-0000-0000-000000000000/ack`)).status).toBe(
			404,
		);
	});
});
