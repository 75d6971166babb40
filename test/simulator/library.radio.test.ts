import { LIBRARY_HEALTHY_SITES, libraryOrg } from '../../simulator/src/library';
import { RADIO_SCENARIOS } from '../../simulator/src/library/radio';
import { startTestSimulator } from './simHelpers';
import type { Json, TestSim } from './simHelpers';

/**
 * The radio fault kinds of the library show where a troubleshooter reads them (AP radio stats,
 * client stats, the capacity SLE, device events) on their own site, and nowhere else.
 */
describe('radio fault kinds of the scenario library', () => {
	let t: TestSim;
	beforeAll(async () => {
		t = await startTestSimulator({ scenario: libraryOrg(RADIO_SCENARIOS) });
	});
	afterAll(async () => t.sim.close());

	const siteId = (id: string) => t.site(`Lib-${id}`).id;
	const radios5 = async (site: string): Promise<Json[]> =>
		((await t.get(`/sites/${site}/stats/devices?type=ap`)).body as Json[]).map((ap) => ({
			name: ap.name as string,
			...ap.radio_stat.band_5,
		}));
	const clients = async (site: string) =>
		(await t.get(`/sites/${site}/stats/clients?limit=1000`)).body as Json[];
	const degraded = async (site: string, metric: string, classifier: string) => {
		const summary = (await t.get(`/sites/${site}/sle/site/${site}/metric/${metric}/summary`)).body;
		const entry = summary.classifiers.find((c: { name: string }) => c.name === classifier);
		return (entry.samples.degraded as number[]).reduce((sum, value) => sum + value, 0);
	};
	const radarEvents = async (site: string) =>
		(await t.get(`/sites/${site}/devices/events/search?type=AP_RADAR_DETECTED&duration=1h`)).body
			.results as Json[];

	it('non_wifi_channel: three APs on channel 36 mostly non-Wi-Fi, little own traffic, their 5 GHz clients at low SNR', async () => {
		const site = siteId('non-wifi-interference-channel');
		const radios = await radios5(site);
		const hit = radios.filter((radio) => /AP-0[123]$/.test(radio.name));
		expect(hit).toHaveLength(3);
		for (const radio of hit) {
			expect(radio.channel).toBe(36);
			expect(radio.util_non_wifi).toBeGreaterThanOrEqual(55);
			expect(radio.util_non_wifi).toBeLessThanOrEqual(68);
			expect(radio.util_tx + radio.util_rx_in_bss).toBeLessThanOrEqual(9);
			expect(radio.noise_floor).toBeGreaterThan(-80);
		}
		for (const radio of radios.filter((candidate) => !hit.includes(candidate))) {
			expect(radio.channel).not.toBe(36);
			expect(radio.util_non_wifi).toBeLessThan(5);
		}
		const hitMacs = new Set(hit.map((radio) => t.apByName(radio.name).mac));
		const on5 = (await clients(site)).filter(
			(client) => hitMacs.has(client.ap_mac) && client.band === '5',
		);
		expect(on5.length).toBeGreaterThan(0);
		expect(on5.every((client) => client.snr < 15)).toBe(true);
		expect(await degraded(site, 'capacity', 'non-wifi-interference')).toBeGreaterThan(0);
	});

	it('co_channel_congestion: four APs share channel 149 and spend their airtime on other BSSs', async () => {
		const radios = await radios5(siteId('co-channel-congestion'));
		const crowded = radios.filter((radio) => radio.channel === 149);
		expect(crowded).toHaveLength(4);
		for (const radio of crowded) {
			expect(radio.util_rx_other_bss).toBeGreaterThanOrEqual(42);
			expect(radio.util_all).toBeGreaterThan(50);
			expect(radio.util_non_wifi).toBeLessThanOrEqual(2);
		}
	});

	it('coverage_hole: the clients of one AP hear it weakly, the rest of the site is fine', async () => {
		const ap = t.apByName('Lib-coverage-hole-AP-02');
		const all = await clients(siteId('coverage-hole'));
		const weak = all.filter((client) => client.rssi < -80);
		expect(weak).toHaveLength(4);
		expect(weak.every((client) => client.ap_mac === ap.mac)).toBe(true);
		expect(await degraded(siteId('coverage-hole'), 'coverage', 'weak-signal')).toBeGreaterThan(0);
	});

	it('radar_hits: repeated AP_RADAR_DETECTED events of one AP on DFS channel 100', async () => {
		const ap = t.apByName('Lib-dfs-radar-hits-AP-02');
		const events = await radarEvents(siteId('dfs-radar-hits'));
		expect(events.length).toBeGreaterThanOrEqual(3);
		expect(events.every((event) => event.mac === ap.mac && /channel 100/.test(event.text))).toBe(
			true,
		);
		expect(ap.radios.band_5.channel).toBe(100);
	});

	it('shows none of it on the healthy sites', async () => {
		for (const name of LIBRARY_HEALTHY_SITES) {
			const site = t.site(name).id;
			for (const radio of await radios5(site)) {
				expect(radio.util_non_wifi).toBeLessThan(5);
				expect(radio.util_rx_other_bss).toBeLessThan(10);
			}
			expect((await clients(site)).filter((client) => client.rssi < -80)).toEqual([]);
			expect(await radarEvents(site)).toEqual([]);
		}
	});
});
