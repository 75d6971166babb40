import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { CLIENT_EVENT_FIELDS } from '../../../nodes/Mist/actions/client/simplify';
import { getClientEventTypes } from '../../../nodes/shared/methods/loadOptions';
import { LEAK_CANARY, MIST_TEST_URL, ORG_ID, SITE_ID } from '../../helpers/executeContext';
import { createLoadOptionsContext } from '../../helpers/loadOptionsContext';
import { example, firstRecord, searchPage } from './fixtures';
import { runMist as run, runMistError as runError, useOfflineNock } from '../../helpers/runMist';

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

const eventsPage = (results: IDataObject[], next?: string) =>
	searchPage('ClientEventsSearchExample', results, next);

useOfflineNock();

const event = firstRecord<IDataObject>('ClientEventsSearchExample');
const failure = {
	...event,
	type: 'MARVIS_EVENT_CLIENT_DHCP_STUCK',
	text: 'DHCP stuck',
	reason_code: 0,
	mac: 'dadbfc123456',
	bssid: 'x',
};

describe('Juniper Mist › Client › Search Events', () => {
	const base = { resource: 'client', operation: 'searchEvents' };

	it('sends the picked event types comma-separated with the filters, over 3 pages', async () => {
		const path = `/api/v1/orgs/${ORG_ID}/clients/events/search`;
		const next2 = `${path}?limit=1000&search_after=%5B2%5D`;
		const next3 = `${path}?limit=1000&search_after=%5B3%5D`;
		const scope = nock(MIST_TEST_URL)
			.get(path)
			.query({
				type: 'CLIENT_DNS_OK,MARVIS_EVENT_CLIENT_DHCP_STUCK',
				ap: '5c5b350eb31b',
				band: '5',
				proto: 'ac',
				reason_code: 7,
				ssid: 'Guest',
				duration: '2h',
				limit: 1000,
			})
			.reply(200, eventsPage([event], next2))
			.get(next2)
			.reply(200, eventsPage([failure], next3))
			.get(next3)
			.reply(200, eventsPage([{ ...event, timestamp: 1513358999 }]));
		const out = await run({
			...base,
			scope: 'org',
			org: rl(ORG_ID),
			eventTypes: ['CLIENT_DNS_OK', 'MARVIS_EVENT_CLIENT_DHCP_STUCK'],
			filters: { apMac: '5c5b350eb31b', band: '5', proto: 'ac', reasonCode: 7, ssid: 'Guest' },
			timeRangeMode: 'duration',
			duration: '2h',
			returnAll: true,
			simplify: true,
		});
		expect(scope.isDone()).toBe(true);
		expect(out.map((item) => item.json.type)).toEqual([
			'CLIENT_DNS_OK',
			'MARVIS_EVENT_CLIENT_DHCP_STUCK',
			'CLIENT_DNS_OK',
		]);
		expect(out[0].json).toEqual({
			type: 'CLIENT_DNS_OK',
			timestamp: 1513358874.667,
			ap: '5c5b350eb31b',
			ssid: 'Guest',
			wlan_id: 'be22bba7-8e22-e1cf-5185-b880816fe2cf',
			band: '5',
			channel: 149,
			proto: 'ac',
			text: 'Status code 0 "Successful"',
		});
		expect(out[1].json).toMatchObject({ mac: 'dadbfc123456', reason_code: 0 });
		expect(Object.keys(out[1].json).every((key) => CLIENT_EVENT_FIELDS.includes(key))).toBe(true);
	});

	it('accepts event types from an expression as a comma-separated string, at site scope, without Simplify', async () => {
		const start = '2026-11-24T00:00:00Z';
		const end = '2026-11-25T00:00:00Z';
		const scope = nock(MIST_TEST_URL)
			.get(`/api/v1/sites/${SITE_ID}/clients/events/search`)
			.query({
				type: 'CLIENT_ASSOCIATION_FAILURE,REPEATED_AUTH_FAILURES',
				start: Date.parse(start) / 1000,
				end: Date.parse(end) / 1000,
				limit: 10,
			})
			.reply(200, eventsPage([event]));
		const out = await run({
			...base,
			scope: 'site',
			site: rl(SITE_ID),
			eventTypes: ' CLIENT_ASSOCIATION_FAILURE, REPEATED_AUTH_FAILURES,CLIENT_ASSOCIATION_FAILURE',
			timeRangeMode: 'range',
			start,
			end,
			returnAll: false,
			limit: 10,
			simplify: false,
		});
		expect(scope.isDone()).toBe(true);
		expect(out.map((item) => item.json)).toEqual([event]);
		expect(out[0].json).toHaveProperty('type_code', 15);
	});

	it.each([
		[
			{ eventTypes: ['CLIENT_DNS_OK', 'BAD TYPE&x=1'] },
			'Invalid Event Type Names or IDs: "TYPE&x=1" is not a Mist type key',
		],
		[{ filters: { reasonCode: 7.5 } }, 'Invalid Reason Code: "7.5" is not a whole number'],
		[{ filters: { band: '7' } }, 'Invalid Band: "7" is not one of 24, 5, 6'],
		[
			{ filters: { unknownFilter: 'x' } },
			'Invalid Filters: "unknownFilter" is not a filter of this operation',
		],
		[{ duration: '1y' }, 'Invalid Duration: "1y" is not a Mist duration'],
		[
			{ timeRangeMode: 'range', start: '2026-11-25T10:00:00Z', end: '2026-11-25T09:00:00Z' },
			'Invalid End: it must be later than Start',
		],
	])('refuses %j', async (override, message) => {
		const error = await runError({
			...base,
			scope: 'org',
			org: rl(ORG_ID),
			returnAll: true,
			simplify: true,
			...override,
		});
		expect(error.message).toBe(message);
	});
});

describe('Juniper Mist › Client › Count Events', () => {
	const base = { resource: 'client', operation: 'countEvents', org: rl(ORG_ID) };

	it('counts per distinct value with filters, one item per value', async () => {
		const counts = example<IDataObject>('CountExample');
		counts.distinct = 'type';
		counts.results = [
			{ type: 'CLIENT_ASSOCIATION_FAILURE', count: 42 },
			{ type: 'MARVIS_EVENT_CLIENT_DHCP_STUCK', count: 7 },
		];
		const scope = nock(MIST_TEST_URL)
			.get(`/api/v1/orgs/${ORG_ID}/clients/events/count`)
			.query({
				distinct: 'type',
				type: 'CLIENT_ASSOCIATION_FAILURE,MARVIS_EVENT_CLIENT_DHCP_STUCK',
				site_id: SITE_ID,
				ssid: 'Corp',
				duration: '1d',
				limit: 1000,
			})
			.reply(200, counts);
		const out = await run({
			...base,
			distinct: 'type',
			eventTypes: ['CLIENT_ASSOCIATION_FAILURE', 'MARVIS_EVENT_CLIENT_DHCP_STUCK'],
			filters: { siteId: SITE_ID.toUpperCase(), ssid: 'Corp' },
			timeRangeMode: 'duration',
			duration: '1d',
			returnAll: true,
		});
		expect(scope.isDone()).toBe(true);
		expect(out.map((item) => item.json)).toEqual([
			{ distinct: 'type', type: 'CLIENT_ASSOCIATION_FAILURE', count: 42 },
			{ distinct: 'type', type: 'MARVIS_EVENT_CLIENT_DHCP_STUCK', count: 7 },
		]);
	});

	it('caps the distinct values at the limit', async () => {
		const scope = nock(MIST_TEST_URL)
			.get(`/api/v1/orgs/${ORG_ID}/clients/events/count`)
			.query({ distinct: 'band', duration: '1h', limit: 1 })
			.reply(200, {
				distinct: 'band',
				results: [
					{ band: '5', count: 9 },
					{ band: '24', count: 3 },
				],
				total: 12,
			});
		const out = await run({
			...base,
			distinct: 'band',
			timeRangeMode: 'duration',
			duration: '1h',
			returnAll: false,
			limit: 1,
		});
		expect(scope.isDone()).toBe(true);
		expect(out.map((item) => item.json)).toEqual([{ distinct: 'band', band: '5', count: 9 }]);
	});

	it('refuses an unknown Count By and a body without results', async () => {
		expect((await runError({ ...base, distinct: 'mac', returnAll: true })).message).toBe(
			'Invalid Count By: "mac" is not one of band, channel, proto, ssid, type, wlan_id',
		);
		nock(MIST_TEST_URL)
			.get(`/api/v1/orgs/${ORG_ID}/clients/events/count`)
			.query(true)
			.reply(200, { detail: 'odd' });
		expect((await runError({ ...base, distinct: 'ssid', returnAll: true })).message).toBe(
			'Mist answered the event count without a results list',
		);
	});
});

describe('Juniper Mist › Client › Get Client Events', () => {
	const base = { resource: 'client', operation: 'getClientEvents', site: rl(SITE_ID) };
	const path = `/api/v1/sites/${SITE_ID}/clients/dadbfc123456/events`;

	it('follows next over 3 pages for one normalised MAC, with type and channel filters', async () => {
		const next2 = `${path}?type=MARVIS_EVENT_CLIENT_DHCP_STUCK&limit=1000&page=2`;
		const next3 = `${path}?type=MARVIS_EVENT_CLIENT_DHCP_STUCK&limit=1000&page=3`;
		const scope = nock(MIST_TEST_URL)
			.get(path)
			.query({ type: 'MARVIS_EVENT_CLIENT_DHCP_STUCK', channel: 149, duration: '1d', limit: 1000 })
			.reply(200, eventsPage([failure], next2))
			.get(next2)
			.reply(200, eventsPage([{ ...failure, timestamp: 2 }], next3))
			.get(next3)
			.reply(200, eventsPage([{ ...failure, timestamp: 3 }]));
		const out = await run({
			...base,
			clientMac: 'DA:DB:FC:12:34:56',
			eventTypes: ['MARVIS_EVENT_CLIENT_DHCP_STUCK'],
			filters: { channel: 149 },
			timeRangeMode: 'duration',
			duration: '1d',
			returnAll: true,
			simplify: true,
		});
		expect(scope.isDone()).toBe(true);
		expect(out.map((item) => item.json.timestamp)).toEqual([1513358874.667, 2, 3]);
		expect(out[0].json).toMatchObject({
			mac: 'dadbfc123456',
			type: 'MARVIS_EVENT_CLIENT_DHCP_STUCK',
			text: 'DHCP stuck',
		});
		expect(out[0].json).not.toHaveProperty('bssid');
	});

	it('adds nothing to the raw events when Simplify is off', async () => {
		nock(MIST_TEST_URL)
			.get(path)
			.query({ duration: '10m', limit: 5 })
			.reply(200, eventsPage([event]));
		const out = await run({
			...base,
			clientMac: 'dadbfc123456',
			timeRangeMode: 'duration',
			duration: '10m',
			returnAll: false,
			limit: 5,
			simplify: false,
		});
		expect(out.map((item) => item.json)).toEqual([event]);
		expect(out[0].json).not.toHaveProperty('mac');
	});

	it('names the field when the MAC is invalid', async () => {
		const error = await runError({
			...base,
			clientMac: 'dadbfc12345g',
			returnAll: true,
			simplify: true,
		});
		expect(error.message).toBe('Invalid Client MAC: "dadbfc12345g" is not a MAC address');
	});
});

describe('loadOptions › getClientEventTypes', () => {
	it('lists /const/client_events sorted by key, with display and group as description', async () => {
		const catalogue = [
			...example<IDataObject[]>('ConstClientEventsExample'),
			{ key: 'CLIENT_ASSOCIATION_FAILURE', display: 'Association Failure', group: 'Association' },
			{ key: '', display: 'blank keys are dropped' },
		];
		const scope = nock(MIST_TEST_URL, { reqheaders: { authorization: `Token ${LEAK_CANARY}` } })
			.get('/api/v1/const/client_events')
			.reply(200, catalogue);
		const options = await getClientEventTypes.call(createLoadOptionsContext());
		expect(scope.isDone()).toBe(true);
		expect(options).toEqual([
			{
				name: 'CLIENT_ASSOCIATION_FAILURE',
				value: 'CLIENT_ASSOCIATION_FAILURE',
				description: 'Association Failure · Association',
			},
			{
				name: 'CLIENT_AUTH_ASSOCIATION_11R',
				value: 'CLIENT_AUTH_ASSOCIATION_11R',
				description: '11r Association',
			},
		]);
	});
});
