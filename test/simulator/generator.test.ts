/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console */
import { generateWorld, loadScenario, resolveScale } from '../../simulator/src/index';
import { startTestSimulator } from './simHelpers';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

function fingerprint(world: ReturnType<typeof generateWorld>) {
	return JSON.stringify({
		sites: world.sites.map((s) => [s.id, s.name, s.timezone]),
		aps: [...world.aps.values()].map((a) => [a.id, a.name, a.radios]),
		clients: [...world.clients.values()].map((c) => [c.mac, c.hostname, c.apId, c.rssi, c.ip]),
		events: world.clientEvents.map((e) => [e.type, e.mac, e.timestamp]),
		alarms: world.alarms.map((a) => [a.id, a.type, a.count]),
	});
}

describe('world generator', () => {
	it('builds the same world from the same seed and scenario', () => {
		const scenario = loadScenario('demo');
		const a = generateWorld(scenario, resolveScale(scenario), 42, NOW);
		const b = generateWorld(scenario, resolveScale(scenario), 42, NOW);
		const c = generateWorld(scenario, resolveScale(scenario), 43, NOW);
		expect(fingerprint(a)).toBe(fingerprint(b));
		expect(fingerprint(a)).not.toBe(fingerprint(c));
	});

	it('serves identical data from two simulators with the same seed', async () => {
		const [x, y] = await Promise.all([
			startTestSimulator({ seed: 7 }),
			startTestSimulator({ seed: 7 }),
		]);
		try {
			const [dx, dy] = await Promise.all([
				x.get(`${x.org}/stats/devices?type=all`),
				y.get(`${y.org}/stats/devices?type=all`),
			]);
			const strip = (list: Array<Record<string, unknown>>) =>
				list.map(({ id, name, radio_stat, status }) => ({ id, name, radio_stat, status }));
			expect(strip(dx.body)).toEqual(strip(dy.body));
		} finally {
			await Promise.all([x.sim.close(), y.sim.close()]);
		}
	});

	it('builds the demo org as described: Demo Corp, three named sites, 6-10 APs and 40-80 clients each', () => {
		const scenario = loadScenario('demo');
		const world = generateWorld(scenario, resolveScale(scenario), scenario.seed ?? 1, NOW);
		expect(world.orgName).toBe('Demo Corp');
		expect(world.sites.map((s) => [s.name, s.timezone])).toEqual([
			['HQ', 'America/New_York'],
			['Warehouse', 'Europe/Berlin'],
			['Branch-Control', 'Asia/Singapore'],
		]);
		for (const site of world.sites) {
			expect(site.apIds.length).toBeGreaterThanOrEqual(6);
			expect(site.apIds.length).toBeLessThanOrEqual(10);
			expect(site.clientMacs.length).toBeGreaterThanOrEqual(40);
			expect(site.clientMacs.length).toBeLessThanOrEqual(80);
		}
		const ap = world.aps.values().next().value!;
		expect(ap.id).toBe(`00000000-0000-0000-1000-${ap.mac}`);
		expect(ap.mac).toMatch(/^5c5b35[0-9a-f]{6}$/);
	});

	it('ships scale-100: 100 sites, 20,000 clients, faults on three sites', () => {
		const scenario = loadScenario('scale-100');
		const world = generateWorld(scenario, resolveScale(scenario), scenario.seed ?? 1, NOW);
		expect(world.sites).toHaveLength(100);
		expect(world.clients.size).toBe(20_000);
		expect(new Set(world.faults.map((f) => f.siteName))).toEqual(
			new Set(['Scale-HQ', 'Scale-DC', 'Scale-Store']),
		);
	});

	it('rejects a scenario fault that names a missing AP', () => {
		const scenario = {
			sites: [{ name: 'A' }],
			faults: [{ kind: 'ap_offline' as const, site: 'A', ap: 'A-AP-99' }],
		};
		expect(() => generateWorld(scenario, resolveScale(scenario, { sites: 1 }), 1, NOW)).toThrow(
			/AP "A-AP-99" is not in site A/,
		);
	});
});

describe('simulator clock', () => {
	it('keeps producing fault occurrences and healthy traffic as time passes', async () => {
		let clock = Date.now();
		const t = await startTestSimulator({ now: () => clock });
		try {
			const control = t.site('Branch-Control').id;
			const hq = t.site('HQ').id;
			const recent = async (site: string, type: string) =>
				(await t.get(`/sites/${site}/clients/events/search?type=${type}&duration=10m&limit=1000`))
					.body.total as number;
			clock += 2 * 3600_000;
			expect(await recent(control, 'CLIENT_ASSOCIATION')).toBeGreaterThan(0);
			expect(await recent(hq, 'MARVIS_EVENT_CLIENT_DHCP_NAK')).toBeGreaterThan(0);
			expect(await recent(control, 'MARVIS_EVENT_CLIENT_AUTH_FAILURE')).toBe(0);
		} finally {
			await t.sim.close();
		}
	});
});

describe('scale', () => {
	it('starts a 1,000-site / 10,000-AP / 100,000-client org in seconds and pages its events without rescans', async () => {
		const cpuBefore = process.cpuUsage();
		const started = Date.now();
		const t = await startTestSimulator({
			scenario: 'scale-100',
			scale: { sites: 1000, apsPerSite: 10, clientsPerSite: 100 },
		});
		const wallMs = Date.now() - started;
		const cpu = process.cpuUsage(cpuBefore);
		const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
		try {
			console.log(
				`100k-client world: startup ${wallMs} ms wall, ${cpuMs} ms CPU (${t.sim.world.sites.length} sites, ${t.sim.world.aps.size} APs, ${t.sim.world.clients.size} clients, ${t.sim.world.clientEvents.length} client events)`,
			);
			expect(t.sim.world.clients.size).toBe(100_000);
			expect(t.sim.world.aps.size).toBe(10_000);
			// CPU time is what the generator costs; wall time also counts other processes sharing the machine.
			expect(cpuMs).toBeLessThan(10_000);

			let res = await t.get(`${t.org}/clients/events/search?duration=1d&limit=1000`);
			expect(res.body.total).toBeGreaterThan(400_000);
			const pageTimes: number[] = [];
			for (let i = 0; i < 5; i++) {
				const t0 = Date.now();
				res = await t.get(res.body.next);
				pageTimes.push(Date.now() - t0);
				expect(res.body.results).toHaveLength(1000);
			}
			console.log(`next-page times at 400k events: ${pageTimes.join(', ')} ms`);
			// After the first page the filtered list is cached: a page is a slice, not a scan.
			expect(Math.max(...pageTimes.slice(1))).toBeLessThan(500);
		} finally {
			await t.sim.close();
		}
	});
});
