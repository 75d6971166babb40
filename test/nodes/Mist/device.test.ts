import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import {
	DEVICE_EVENT_FIELDS,
	DEVICE_SEARCH_FIELDS,
} from '../../../nodes/Mist/actions/device/simplify';
import { getDeviceEventTypes } from '../../../nodes/shared/methods/loadOptions';
import { MIST_TEST_URL, ORG_ID, SITE_ID } from '../../helpers/executeContext';
import { createLoadOptionsContext } from '../../helpers/loadOptionsContext';
import { example, firstRecord, searchPage as page } from './fixtures';
import { runMist as run, runMistError as runError, useOfflineNock } from '../../helpers/runMist';

const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const DEVICE_ID = '00000000-0000-0000-1000-5c5b35d0077b';

useOfflineNock();

describe('Juniper Mist › Device › Search', () => {
	const base = { resource: 'device', operation: 'search', org: rl(ORG_ID) };
	const ap = firstRecord<IDataObject>('DevicesSearchAp');
	const path = `/api/v1/orgs/${ORG_ID}/devices/search`;

	it('searches APs with filters over 3 pages and simplifies', async () => {
		const next2 = `${path}?type=ap&limit=1000&search_after=%5B2%5D`;
		const next3 = `${path}?type=ap&limit=1000&search_after=%5B3%5D`;
		const scope = nock(MIST_TEST_URL)
			.get(path)
			.query({
				type: 'ap',
				model: 'AP41',
				version: '0.7.20216',
				site_id: SITE_ID,
				mac: '5c5b353e5299',
				duration: '1d',
				limit: 1000,
			})
			.reply(200, page('DevicesSearchAp', [ap], next2))
			.get(next2)
			.reply(200, page('DevicesSearchAp', [{ ...ap, mac: '5c5b353e5300' }], next3))
			.get(next3)
			.reply(200, page('DevicesSearchAp', [{ ...ap, mac: '5c5b353e5301' }]));
		const out = await run({
			...base,
			deviceType: 'ap',
			filters: { model: 'AP41', version: '0.7.20216', siteId: SITE_ID, mac: '5C:5B:35:3E:52:99' },
			timeRangeMode: 'duration',
			duration: '1d',
			returnAll: true,
			simplify: true,
		});
		expect(scope.isDone()).toBe(true);
		expect(out.map((item) => item.json.mac)).toEqual([
			'5c5b353e5299',
			'5c5b353e5300',
			'5c5b353e5301',
		]);
		expect(out[0].json).toEqual({
			mac: '5c5b353e5299',
			hostname: ap.hostname,
			model: 'AP41',
			version: '0.7.20216',
			site_id: 'a8178443-ecb5-461c-b854-f16627619ab3',
			ip: '10.2.16.205',
			uptime: 85280,
			lldp_system_name: 'ME-DC-1-ACC-SW',
			lldp_port_id: 'Gi1/0/1',
			power_constrained: false,
			mxtunnel_status: 'down',
			timestamp: 1596588619.007,
		});
		expect(Object.keys(out[0].json).every((key) => DEVICE_SEARCH_FIELDS.includes(key))).toBe(true);
	});

	it('searches switches and keeps full records without Simplify', async () => {
		const sw = firstRecord<IDataObject>('DevicesSearchSwitch');
		nock(MIST_TEST_URL)
			.get(path)
			.query({ type: 'switch', duration: '1w', limit: 3 })
			.reply(200, page('DevicesSearchSwitch', [sw]));
		const out = await run({
			...base,
			deviceType: 'switch',
			timeRangeMode: 'duration',
			duration: '1w',
			returnAll: false,
			limit: 3,
			simplify: false,
		});
		expect(out.map((item) => item.json)).toEqual([sw]);
	});

	it.each([
		[{ deviceType: 'all' }, 'Invalid Device Type: "all" is not one of ap, gateway, switch'],
		[{ filters: { siteId: 'hq' } }, 'Invalid Site ID: "hq" is not a Mist id (a UUID)'],
		[{ org: rl('not-an-org') }, 'Invalid Organization: "not-an-org" is not a Mist id (a UUID)'],
	])('refuses %j', async (override, message) => {
		const error = await runError({
			...base,
			deviceType: 'ap',
			returnAll: true,
			simplify: true,
			...override,
		});
		expect(error.message).toBe(message);
	});
});

describe('Juniper Mist › Device › Get Stats', () => {
	const base = { resource: 'device', operation: 'getStats' };
	const apStat = example<IDataObject[]>('DevicesArrayStatsSiteAccessPointStats')[0];
	const headers = (n: number) => ({
		'X-Page-Total': '3',
		'X-Page-Limit': '1',
		'X-Page-Page': String(n),
	});

	it('lists site stats over 3 X-Page pages, reducing radio_stat when simplified', async () => {
		const path = `/api/v1/sites/${SITE_ID}/stats/devices`;
		const scope = nock(MIST_TEST_URL);
		[1, 2, 3].forEach((n) =>
			scope
				.get(path)
				.query({ type: 'ap', status: 'disconnected', limit: 1000, page: n })
				.reply(200, [{ ...apStat, name: `AP-${n}` }], headers(n)),
		);
		const out = await run({
			...base,
			scope: 'site',
			site: rl(SITE_ID),
			deviceType: 'ap',
			status: 'disconnected',
			returnAll: true,
			simplify: true,
		});
		expect(scope.isDone()).toBe(true);
		expect(out.map((item) => item.json.name)).toEqual(['AP-1', 'AP-2', 'AP-3']);
		expect(out[0].json).toMatchObject({
			mac: apStat.mac,
			model: apStat.model,
			status: apStat.status,
			uptime: apStat.uptime,
			num_clients: apStat.num_clients,
			cpu_util: apStat.cpu_util,
			last_trouble: apStat.last_trouble,
		});
		const radio = apStat.radio_stat as Record<string, IDataObject>;
		expect((out[0].json.radio_stat as Record<string, IDataObject>).band_24).toEqual({
			channel: radio.band_24.channel,
			bandwidth: radio.band_24.bandwidth,
			power: radio.band_24.power,
			noise_floor: radio.band_24.noise_floor,
			num_clients: radio.band_24.num_clients,
			util_all: radio.band_24.util_all,
			util_non_wifi: radio.band_24.util_non_wifi,
		});
		expect(out[0].json).not.toHaveProperty('port_stat');
		expect(out[0].json).not.toHaveProperty('ble_stat');
	});

	it('lists org stats with type, status, site and MAC filters, stopping at the limit', async () => {
		const orgStats = example<IDataObject[]>('DevicesArrayStatsOrgAccessPointStats');
		const scope = nock(MIST_TEST_URL)
			.get(`/api/v1/orgs/${ORG_ID}/stats/devices`)
			.query({
				type: 'all',
				status: 'connected',
				site_id: SITE_ID,
				mac: '5c5b35d0077b',
				limit: 1,
				page: 1,
			})
			.reply(200, orgStats.slice(0, 1), {
				'X-Page-Total': '1',
				'X-Page-Limit': '1',
				'X-Page-Page': '1',
			});
		const out = await run({
			...base,
			scope: 'org',
			org: rl(ORG_ID),
			deviceType: 'all',
			status: 'connected',
			filters: { siteId: SITE_ID, mac: '5c:5b:35:d0:07:7b' },
			returnAll: false,
			limit: 1,
			simplify: false,
		});
		expect(scope.isDone()).toBe(true);
		expect(out.map((item) => item.json)).toEqual(orgStats.slice(0, 1));
	});

	it('gets one device with fields=* and returns it whole without Simplify', async () => {
		const one = example<IDataObject>('DeviceStatsAccessPointStats');
		const scope = nock(MIST_TEST_URL)
			.get(`/api/v1/sites/${SITE_ID}/stats/devices/${DEVICE_ID}`)
			.query({ fields: '*' })
			.reply(200, one);
		const out = await run({
			...base,
			scope: 'device',
			site: rl(SITE_ID),
			device: rl(DEVICE_ID.toUpperCase()),
			simplify: false,
		});
		expect(scope.isDone()).toBe(true);
		expect(out).toHaveLength(1);
		expect(out[0].json).toEqual(one);
	});

	it.each([
		[
			{ scope: 'device', device: rl('5c5b35d0077b') },
			'Invalid Device: "5c5b35d0077b" is not a Mist id (a UUID)',
		],
		[{ status: 'up' }, 'Invalid Status: "up" is not one of all, connected, disconnected'],
		[{ scope: 'planet' }, 'Invalid Scope: "planet" is not Organization, Site or One Device'],
	])('refuses %j', async (override, message) => {
		const error = await runError({
			...base,
			scope: 'site',
			site: rl(SITE_ID),
			deviceType: 'ap',
			status: 'all',
			returnAll: true,
			simplify: true,
			...override,
		});
		expect(error.message).toBe(message);
	});
});

describe('Juniper Mist › Device › Search Events', () => {
	const base = { resource: 'device', operation: 'searchEvents' };
	const fixture = example<IDataObject>('EventsDevicesExample');
	const [portDown, configured] = fixture.results as IDataObject[];

	it('searches org events by comma-separated types and device type, over 3 pages', async () => {
		const path = `/api/v1/orgs/${ORG_ID}/devices/events/search`;
		const next2 = `${path}?limit=1000&search_after=%5B2%5D`;
		const next3 = `${path}?limit=1000&search_after=%5B3%5D`;
		const scope = nock(MIST_TEST_URL)
			.get(path)
			.query({
				type: 'SW_PORT_DOWN,AP_CONFIGURED',
				device_type: 'all',
				text: 'ge-0/0/17',
				duration: '3h',
				limit: 1000,
			})
			.reply(200, page('EventsDevicesExample', [portDown], next2))
			.get(next2)
			.reply(200, page('EventsDevicesExample', [configured], next3))
			.get(next3)
			.reply(200, page('EventsDevicesExample', [{ ...portDown, timestamp: 1764236999 }]));
		const out = await run({
			...base,
			scope: 'org',
			org: rl(ORG_ID),
			eventTypes: ['SW_PORT_DOWN', 'AP_CONFIGURED'],
			deviceType: 'all',
			filters: { text: 'ge-0/0/17' },
			timeRangeMode: 'duration',
			duration: '3h',
			returnAll: true,
			simplify: true,
		});
		expect(scope.isDone()).toBe(true);
		expect(out.map((item) => item.json.type)).toEqual([
			'SW_PORT_DOWN',
			'AP_CONFIGURED',
			'SW_PORT_DOWN',
		]);
		expect(out[0].json).toEqual({
			type: 'SW_PORT_DOWN',
			timestamp: 1764236687.435,
			mac: '60c78d939c0f',
			device_type: 'switch',
			model: 'EX4100-48MP',
			site_id: SITE_ID,
			port_id: 'ge-0/0/17',
			text: 'ifIndex 533, ifAdminStatus up(1), ifOperStatus down(2), ifName ge-0/0/17',
		});
		expect(Object.keys(out[1].json).every((key) => DEVICE_EVENT_FIELDS.includes(key))).toBe(true);
	});

	it('searches site events by MAC between two date-times, without device_type, keeping raw events', async () => {
		const start = 1764230000;
		const end = 1764240000;
		const scope = nock(MIST_TEST_URL)
			.get(`/api/v1/sites/${SITE_ID}/devices/events/search`)
			.query({ mac: '5c5b35d0077b', start, end, limit: 50 })
			.reply(200, page('EventsDevicesExample', [configured]));
		const out = await run({
			...base,
			scope: 'site',
			site: rl(SITE_ID),
			deviceType: 'switch',
			filters: { mac: '5C5B.35D0.077B' },
			timeRangeMode: 'range',
			start: String(start),
			end: end * 1000,
			returnAll: false,
			limit: 50,
			simplify: false,
		});
		expect(scope.isDone()).toBe(true);
		expect(out.map((item) => item.json)).toEqual([configured]);
	});

	it('names the MAC filter when it is not a MAC', async () => {
		const error = await runError({
			...base,
			scope: 'org',
			org: rl(ORG_ID),
			filters: { mac: 'ap-lobby' },
			returnAll: true,
			simplify: true,
		});
		expect(error.message).toBe('Invalid MAC: "ap-lobby" is not a MAC address or part of one');
	});
});

describe('loadOptions › getDeviceEventTypes', () => {
	it('lists /const/device_events with display and description', async () => {
		const scope = nock(MIST_TEST_URL)
			.get('/api/v1/const/device_events')
			.reply(200, [
				...example<IDataObject[]>('ConstDeviceEventsExample'),
				{ key: 'AP_RESTARTED', display: 'AP Restarted' },
			]);
		const options = await getDeviceEventTypes.call(createLoadOptionsContext());
		expect(scope.isDone()).toBe(true);
		expect(options).toEqual([
			{
				name: 'AP_ASSIGNED',
				value: 'AP_ASSIGNED',
				description: 'AP Assigned · AP was assigned to a site',
			},
			{ name: 'AP_RESTARTED', value: 'AP_RESTARTED', description: 'AP Restarted' },
		]);
	});
});
