import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import {
	CLIENT_SEARCH_FIELDS,
	CLIENT_SESSION_FIELDS,
} from '../../../nodes/Mist/actions/client/simplify';
import { LEAK_CANARY, MIST_TEST_URL, ORG_ID, SITE_ID } from '../../helpers/executeContext';
import { firstRecord, searchPage } from './fixtures';
import { runMist as run, runMistError as runError, useOfflineNock } from '../../helpers/runMist';

const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const noOrg = { __rl: true, mode: 'list', value: '' };

useOfflineNock();

describe('Juniper Mist › Client › Search', () => {
	const base = { resource: 'client', operation: 'search' };
	const record = firstRecord<IDataObject>('ClientsSearchExample');
	const clients = [1, 2, 3, 4].map((n) => ({
		...record,
		mac: `bcd07400000${n}`,
		last_hostname: `host-${n}`,
	}));

	it('searches the org with filters, follows next over 3 pages and simplifies', async () => {
		const path = `/api/v1/orgs/${ORG_ID}/clients/search`;
		const next2 = `${path}?duration=1h&limit=1000&search_after=%5B1714124722113%5D`;
		const next3 = `${path}?duration=1h&limit=1000&search_after=%5B1714124000000%5D`;
		const scope = nock(MIST_TEST_URL, { reqheaders: { authorization: `Token ${LEAK_CANARY}` } })
			.get(path)
			.query({
				mac: 'bcd074*',
				hostname: 'host-*',
				site_id: SITE_ID,
				ssid: 'IoT SSID',
				username: 'user@corp.com',
				vlan: '10',
				band: '5',
				duration: '1h',
				limit: 1000,
			})
			.reply(200, searchPage('ClientsSearchExample', clients.slice(0, 2), next2))
			.get(next2)
			.reply(200, searchPage('ClientsSearchExample', [clients[2]], next3))
			.get(next3)
			.reply(200, searchPage('ClientsSearchExample', [clients[3]]));
		const out = await run({
			...base,
			scope: 'org',
			org: noOrg,
			filters: {
				mac: 'BC:D0:74*',
				hostname: ' host-* ',
				siteId: SITE_ID,
				ssid: 'IoT SSID',
				username: 'user@corp.com',
				vlan: '10',
				band: '5',
			},
			timeRangeMode: 'duration',
			duration: '1h',
			returnAll: true,
			simplify: true,
		});
		expect(scope.isDone()).toBe(true);
		expect(out.map((item) => item.json.mac)).toEqual([
			'bcd074000001',
			'bcd074000002',
			'bcd074000003',
			'bcd074000004',
		]);
		expect(out[0].json).toEqual({
			mac: 'bcd074000001',
			site_id: record.site_id,
			last_hostname: 'host-1',
			last_username: 'user@corp.com',
			last_ip: '10.5.23.43',
			last_ssid: 'IoT SSID',
			last_ap: 'a83a79a947ee',
			last_vlan: 10,
			band: '5',
			protocol: 'ax',
			last_os: 'Sonoma',
			last_model: record.last_model,
			last_device: 'Mac',
			mfg: 'Apple',
			timestamp: record.timestamp,
		});
		expect(Object.keys(out[0].json).every((key) => CLIENT_SEARCH_FIELDS.includes(key))).toBe(true);
		expect(out.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('searches a site between two date-times and returns full records when Simplify is off', async () => {
		const start = '2026-11-25T08:00:00Z';
		const end = '2026-11-25T09:30:00Z';
		const scope = nock(MIST_TEST_URL)
			.get(`/api/v1/sites/${SITE_ID}/clients/search`)
			.query({
				text: 'iphone',
				start: Date.parse(start) / 1000,
				end: Date.parse(end) / 1000,
				limit: 1,
			})
			.reply(
				200,
				searchPage('ClientsSearchExample', clients.slice(0, 2), '/api/v1/never-followed'),
			);
		const out = await run({
			...base,
			scope: 'site',
			site: rl(SITE_ID),
			filters: { text: 'iphone' },
			timeRangeMode: 'range',
			start,
			end,
			returnAll: false,
			limit: 1,
			simplify: false,
		});
		expect(scope.isDone()).toBe(true);
		expect(out).toHaveLength(1);
		expect(out[0].json).toEqual(clients[0]);
		expect(out[0].json).toHaveProperty('ap', ['a83a79a947ee', '003e73170b4c']);
	});

	it.each([
		[
			{ filters: { username: 'bob' }, scope: 'site' },
			'Invalid Username: Mist accepts this filter only with Scope Organization',
		],
		[
			{ filters: { siteId: SITE_ID }, scope: 'site' },
			'Invalid Site ID: Mist accepts this filter only with Scope Organization',
		],
		[{ filters: { mac: 'xyz' } }, 'Invalid MAC: "xyz" is not a MAC address or part of one'],
		[
			{ filters: { apMac: '5c5b350e00011' } },
			'Invalid AP MAC: "5c5b350e00011" is not a MAC address or part of one',
		],
		[{ duration: '5 minutes' }, 'Invalid Duration: "5 minutes" is not a Mist duration'],
		[
			{ timeRangeMode: 'range', start: 'yesterday' },
			'Invalid Start: "yesterday" is not a date-time',
		],
		[{ scope: 'site', site: rl('../orgs') }, 'Invalid Site: "../orgs" is not a Mist id (a UUID)'],
		[{ returnAll: false, limit: 0 }, 'Invalid Limit: "0" is not a whole number of 1 or more'],
	])('refuses bad input before calling Mist: %j', async (override, message) => {
		const error = await runError({
			...base,
			scope: 'org',
			org: rl(ORG_ID),
			site: rl(SITE_ID),
			filters: {},
			timeRangeMode: 'duration',
			duration: '1d',
			returnAll: true,
			simplify: true,
			...override,
		});
		expect(error.message).toBe(message);
	});
});

describe('Juniper Mist › Client › Search Sessions', () => {
	const base = { resource: 'client', operation: 'searchSessions' };
	const session = firstRecord<IDataObject>('WirelessClientSessionsSearchExample');
	const WLAN = session.wlan_id as string;

	it('searches org sessions with client filters, stopping at the limit across pages', async () => {
		const path = `/api/v1/orgs/${ORG_ID}/clients/sessions/search`;
		const next = `${path}?limit=2&search_after=%5B1565208448662%5D`;
		const scope = nock(MIST_TEST_URL)
			.get(path)
			.query({
				client_username: 'john.doe',
				band: '5',
				ssid: 'Dummy WLAN 2',
				wlan_id: WLAN,
				ap: '5c5b350e0262',
				duration: '1w',
				limit: 2,
			})
			.reply(200, searchPage('WirelessClientSessionsSearchExample', [session], next))
			.get(next)
			.reply(
				200,
				searchPage('WirelessClientSessionsSearchExample', [
					{ ...session, mac: 'b019c66c8349' },
					{ ...session, mac: 'b019c66c8350' },
				]),
			);
		const out = await run({
			...base,
			scope: 'org',
			org: rl(ORG_ID),
			filters: {
				clientUsername: 'john.doe',
				band: '5',
				ssid: 'Dummy WLAN 2',
				wlanId: WLAN,
				apMac: '5C-5B-35-0E-02-62',
			},
			timeRangeMode: 'duration',
			duration: '1w',
			returnAll: false,
			limit: 2,
			simplify: true,
		});
		expect(scope.isDone()).toBe(true);
		expect(out.map((item) => item.json.mac)).toEqual(['b019c66c8348', 'b019c66c8349']);
		expect(out[0].json).toEqual({
			mac: 'b019c66c8348',
			site_id: session.site_id,
			ap: '5c5b350e0262',
			ssid: 'Dummy WLAN 2',
			wlan_id: WLAN,
			band: '5',
			connect: 1565208388,
			disconnect: 1565208448,
			duration: 60.09423865,
			tags: ['disassociate'],
			client_manufacture: 'Apple',
			timestamp: 1565208448.662,
		});
		expect(Object.keys(out[0].json).every((key) => CLIENT_SESSION_FIELDS.includes(key))).toBe(true);
		expect(out[0].json).not.toHaveProperty('org_id');
	});

	it('searches site sessions and keeps the full record without Simplify', async () => {
		nock(MIST_TEST_URL)
			.get(`/api/v1/sites/${SITE_ID}/clients/sessions/search`)
			.query({ duration: '1d', limit: 1000 })
			.reply(200, searchPage('WirelessClientSessionsSearchExample', [session]));
		const out = await run({
			...base,
			scope: 'site',
			site: rl(SITE_ID),
			timeRangeMode: 'duration',
			duration: '1d',
			returnAll: true,
			simplify: false,
		});
		expect(out.map((item) => item.json)).toEqual([session]);
	});

	it('names the WLAN ID filter when it is not a UUID', async () => {
		const error = await runError({
			...base,
			scope: 'org',
			org: rl(ORG_ID),
			filters: { wlanId: 'guest' },
			returnAll: true,
			simplify: true,
		});
		expect(error.message).toBe('Invalid WLAN ID: "guest" is not a Mist id (a UUID)');
	});
});
