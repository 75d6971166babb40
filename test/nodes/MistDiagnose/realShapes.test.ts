import type { IDataObject } from 'n8n-workflow';

import {
	clientInfo,
	vlanByMac,
	clientDirectory,
} from '../../../nodes/MistDiagnose/rules/support/directory';
import { fakeCloud, ORG_ID, runOnCloud, useNock } from './fakeCloud';
import authFailures from './fixtures/real/client-events-auth-failure.json';
import realAlarms from './fixtures/real/alarms-webhook.json';
import realSle from './fixtures/real/org-sites-sle.json';
import realClients from './fixtures/real/site-stats-clients.json';
import realAps from './fixtures/real/stats-devices-ap.json';

const AUTH = 'MARVIS_EVENT_CLIENT_AUTH_FAILURE';
const [client] = realClients.example;
const [realAp] = realAps.example;
const CLIENT_SITE = client.site_id;
const catalogue = [{ key: AUTH, display: 'Authentication Failure', group: 'authentication' }];
/** The real fixture's events, moved into the last hour. */
const recent = (events: IDataObject[]): IDataObject[] => {
	const shift = Math.floor(Date.now() / 1000) - 120 - Number(events[events.length - 1].timestamp);
	return events.map((event) => ({ ...event, timestamp: Number(event.timestamp) + shift }));
};

describe('Mist Diagnose › real shapes', () => {
	useNock();

	it('counts the three copies of each real auth failure once: count, summary and evidence speak of 2 logical events', async () => {
		expect(authFailures.results).toHaveLength(6);
		fakeCloud({
			sites: [{ id: CLIENT_SITE, name: 'Demo' }],
			catalogue,
			clientEvents: recent(authFailures.results),
		});
		const run = await runOnCloud({ step: 'authentication' });
		expect(run.issues).toHaveLength(1);
		const [finding] = run.issues;
		expect(finding).toMatchObject({
			rule: 'client_auth_failure',
			count: 2,
			scope: { site_id: CLIENT_SITE, client_mac: client.mac, ssid: 'Live_demo_only' },
			evidence: {
				eventCounts: { [AUTH]: 2 },
				unacknowledgedEvents: 2,
				cause: 'rf',
				rssiDbm: { min: -79, max: -78 },
			},
		});
		expect(finding.summary).toMatch(/failed authentication 2 times on 1 AP/);
	});

	it('uses the site_id real org events carry, with no AP inventory read', async () => {
		const mist = fakeCloud({
			sites: [{ id: CLIENT_SITE, name: 'Demo' }],
			catalogue,
			clientEvents: recent(authFailures.results),
		});
		const run = await runOnCloud({ step: 'authentication' });
		expect((run.issues[0].scope as IDataObject).site_id).toBe(CLIENT_SITE);
		expect(mist.callsTo('/stats/devices')).toEqual([]);
	});

	it('gives events without site_id the site of their AP, found by its MAC in the AP inventory', async () => {
		const withoutSite = recent(authFailures.results).map((event) => ({
			...event,
			site_id: undefined,
		}));
		const ap = {
			...realAp,
			mac: client.ap_mac,
			id: `00000000-0000-0000-1000-${client.ap_mac}`,
			site_id: CLIENT_SITE,
		};
		const mist = fakeCloud({
			sites: [{ id: CLIENT_SITE, name: 'Demo' }],
			catalogue,
			clientEvents: withoutSite,
			aps: [ap],
		});
		const run = await runOnCloud({ step: 'authentication' });
		expect((run.issues[0].scope as IDataObject).site_id).toBe(CLIENT_SITE);
		expect(mist.callsTo('/stats/devices')).toHaveLength(1);
	});

	describe('client stats → AP stats (ap_id and ap_mac of the real sample disagree)', () => {
		const weak = { ...client, rssi: -85 };
		const idMac = client.ap_id.slice(-12);
		const run = async (ap: IDataObject) => {
			fakeCloud({
				sites: [{ id: CLIENT_SITE, name: 'Demo' }],
				clientStats: { [CLIENT_SITE]: [weak] },
				aps: [ap],
			});
			const result = await runOnCloud({ step: 'client_health', options: { drillAllSites: true } });
			return result.issues.find((finding) => finding.rule === 'client_weak_signal')
				?.scope as IDataObject;
		};

		it('joins by ap_id when the AP inventory has that device id', async () => {
			expect(idMac).not.toBe(client.ap_mac);
			const scope = await run({
				...realAp,
				id: client.ap_id,
				mac: idMac,
				name: 'Lobby',
				site_id: CLIENT_SITE,
			});
			expect(scope).toMatchObject({ ap_mac: idMac, ap_name: 'Lobby' });
		});

		it('joins by ap_mac when that is the AP base MAC', async () => {
			const scope = await run({
				...realAp,
				mac: client.ap_mac,
				name: 'Hall',
				site_id: CLIENT_SITE,
			});
			expect(scope).toMatchObject({ ap_mac: client.ap_mac, ap_name: 'Hall' });
		});

		it('joins by ap_mac when that is one of the AP radio MACs', async () => {
			const radio = {
				...realAp.radio_stat,
				band_5: { ...realAp.radio_stat.band_5, mac: client.ap_mac },
			};
			const scope = await run({ ...realAp, radio_stat: radio, name: 'Phoenix' });
			expect(scope).toMatchObject({ ap_mac: realAp.mac, ap_name: 'Phoenix' });
		});

		it('keeps ap_mac when no AP matches', async () => {
			expect(await run({ ...realAp })).toMatchObject({ ap_mac: client.ap_mac });
		});
	});

	it('reads the real string vlan_id of client stats (and a numeric last_vlan) as the client VLAN', () => {
		expect(client.vlan_id).toBe('1');
		expect(clientInfo(client).vlan).toBe('1');
		expect(vlanByMac(clientDirectory([client, { mac: 'bcd074000000', last_vlan: 10 }]))).toEqual({
			[client.mac]: '1',
			bcd074000000: '10',
		});
	});

	it('drills into the real 12-client site with a low SLE, not the 6-client site whose throughput is 0', async () => {
		const sites = realSle.also_real_lab_InsightMetricOrgWorstSitesBySle.results;
		const mist = fakeCloud({
			sites: sites.map((site) => ({ id: site.site_id, name: `Site ${site.num_clients}` })),
			sitesSle: sites,
		});
		// Rotating coverage off: this is about which site the SLE drills into.
		const run = await runOnCloud({ step: 'client_health', options: { coverEveryMinutes: 0 } });
		const drilled = mist.callsTo('/stats/clients').map((call) => call.split('/')[2]);
		expect(drilled).toEqual([sites.find((site) => site.num_clients === 12)?.site_id]);
		expect(run.issues).toEqual([]);
	});

	describe('alarms without severity', () => {
		const definitions = [
			{
				key: 'dhcp_failure',
				display: 'DHCP failure',
				group: 'marvis',
				severity: 'critical',
				fields: ['aps'],
			},
		];
		const alarm = {
			...realAlarms.events[0],
			id: '95193bda-1fef-4ea6-0000-000000000001',
			type: 'dhcp_failure',
			site_id: CLIENT_SITE,
			status: 'open',
		};

		it('reads /const/alarm_defs once a day, and shows the severity and group in the evidence', async () => {
			const mist = fakeCloud({
				sites: [{ id: CLIENT_SITE, name: 'Demo' }],
				alarms: [alarm],
				alarmDefinitions: definitions,
			});
			const staticData: IDataObject = {};
			const run = await runOnCloud({ step: 'dhcp' }, staticData);
			expect(run.issues).toEqual([
				expect.objectContaining({
					rule: 'dhcp_failures_site',
					evidence: expect.objectContaining({ mistSeverity: 'critical', mistGroup: 'marvis' }),
				}),
			]);
			await runOnCloud({ step: 'dhcp' }, staticData);
			expect(mist.calls.filter((call) => call === '/const/alarm_defs')).toHaveLength(1);
		});

		it('does not read the definitions when every alarm has its severity and group', async () => {
			const mist = fakeCloud({
				sites: [{ id: CLIENT_SITE, name: 'Demo' }],
				alarms: [{ ...alarm, severity: 'warn', group: 'marvis' }],
			});
			const run = await runOnCloud({ step: 'dhcp' });
			expect(run.issues[0].evidence).toMatchObject({ mistSeverity: 'warn' });
			expect(mist.calls.filter((call) => call === '/const/alarm_defs')).toEqual([]);
		});
	});

	describe('Site IDs option', () => {
		it('names a value that is not a site id', async () => {
			fakeCloud({ sites: [{ id: CLIENT_SITE, name: 'Demo' }] });
			await expect(
				runOnCloud({ step: 'dhcp', options: { siteIds: `${CLIENT_SITE}, HQ` } }),
			).rejects.toThrow('Invalid Options › Site IDs: "HQ" is not a Mist site id (a UUID)');
		});

		it('names the ids that are not sites of the org, after reading the site list afresh', async () => {
			const other = '11111111-2222-4333-8444-555555555555';
			const mist = fakeCloud({ sites: [{ id: CLIENT_SITE, name: 'Demo' }] });
			const staticData: IDataObject = {};
			await runOnCloud({ step: 'dhcp' }, staticData);
			await expect(
				runOnCloud(
					{ step: 'dhcp', options: { siteIds: `${CLIENT_SITE.toUpperCase()},${other}` } },
					staticData,
				),
			).rejects.toThrow(`Invalid Options › Site IDs: "${other}" is not a site of org ${ORG_ID}`);
			expect(mist.callsTo('/sites')).toHaveLength(2);
		});

		it('accepts ids in any case and runs on those sites only', async () => {
			fakeCloud({
				sites: [
					{ id: CLIENT_SITE, name: 'Demo' },
					{ id: '11111111-2222-4333-8444-555555555555', name: 'Other' },
				],
			});
			const run = await runOnCloud({
				step: 'dhcp',
				options: { siteIds: CLIENT_SITE.toUpperCase() },
			});
			expect(run.healthy.map((site) => site.site_id)).toEqual([CLIENT_SITE]);
		});
	});
});
