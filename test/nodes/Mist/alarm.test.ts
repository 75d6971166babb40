import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { getAlarmTypes } from '../../../nodes/shared/methods/loadOptions';
import {
	LEAK_CANARY,
	MIST_TEST_URL,
	ORG_ID,
	serialise,
	SITE_ID,
} from '../../helpers/executeContext';
import { createLoadOptionsContext } from '../../helpers/loadOptionsContext';
import { example } from './fixtures';
import { runMist as run, runMistError as runError, useOfflineNock } from '../../helpers/runMist';

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

useOfflineNock();

/** The spec has no alarm search example; the device_down alarm payload of the alarm catalogue is the realistic record. */
const definitions = example<IDataObject[]>('ConstAlarmDefinitionsExample');
const deviceDown = definitions[0].example as IDataObject;
const alarms = [1, 2, 3].map((n) => ({
	...deviceDown,
	id: `e70c308f-7007-4866-9ecd-0d01842979e${n}`,
	status: 'open',
	acked: false,
}));
const searchPage = (results: IDataObject[], next?: string) => ({
	start: 1710949286,
	end: 1711035686,
	limit: 1000,
	total: 3,
	results,
	...(next ? { next } : {}),
});

describe('Juniper Mist › Alarm › Search', () => {
	const base = { resource: 'alarm', operation: 'search' };

	it('searches org alarms by types, site and status with a duration, over 3 pages', async () => {
		const path = `/api/v1/orgs/${ORG_ID}/alarms/search`;
		const next2 = `${path}?end=1711035686&limit=1000&search_after=%5B1711031354000%2C+%22a2%22%5D&start=1710949286`;
		const next3 = `${path}?end=1711035686&limit=1000&search_after=%5B1711031354000%2C+%22a3%22%5D&start=1710949286`;
		const scope = nock(MIST_TEST_URL, { reqheaders: { authorization: `Token ${LEAK_CANARY}` } })
			.get(path)
			.query({
				type: 'device_down,dhcp_failure',
				site_id: SITE_ID,
				status: 'open,resolved',
				duration: '1d',
				limit: 1000,
			})
			.reply(200, searchPage([alarms[0]], next2))
			.get(next2)
			.reply(200, searchPage([alarms[1]], next3))
			.get(next3)
			.reply(200, searchPage([alarms[2]]));
		const out = await run({
			...base,
			scope: 'org',
			org: { __rl: true, mode: 'list', value: '' },
			alarmTypes: ['device_down, dhcp_failure', 'device_down'],
			filters: { siteId: SITE_ID, status: ['open', 'resolved'] },
			timeRangeMode: 'duration',
			duration: '1d',
			returnAll: true,
		});
		expect(scope.isDone()).toBe(true);
		expect(out.map((item) => item.json)).toEqual(alarms);
	});

	it('searches site alarms by acked, severities and groups between two date-times', async () => {
		const start = '2026-11-25T00:00:00+01:00';
		const end = '2026-11-25T12:00:00+01:00';
		const scope = nock(MIST_TEST_URL)
			.get(`/api/v1/sites/${SITE_ID}/alarms/search`)
			.query({
				type: 'device_down',
				acked: 'false',
				severity: 'critical,major',
				group: 'infrastructure,security',
				start: Date.parse(start) / 1000,
				end: Date.parse(end) / 1000,
				limit: 2,
			})
			.reply(200, searchPage(alarms.slice(0, 2), '/api/v1/not-needed'));
		const out = await run({
			...base,
			scope: 'site',
			site: rl(SITE_ID),
			alarmTypes: 'device_down',
			filters: { acked: false, severity: 'critical, major', group: ['infrastructure', 'security'] },
			timeRangeMode: 'range',
			start,
			end,
			returnAll: false,
			limit: 2,
		});
		expect(scope.isDone()).toBe(true);
		expect(out.map((item) => item.json.id)).toEqual([alarms[0].id, alarms[1].id]);
	});

	it.each([
		[
			{ scope: 'org', filters: { acked: true } },
			'Invalid Acknowledged: Mist accepts this filter only with Scope Site',
		],
		[
			{ scope: 'site', filters: { status: ['open'] } },
			'Invalid Status: Mist accepts this filter only with Scope Organization',
		],
		[{ duration: '' }, 'Invalid Duration: "" is not a Mist duration'],
		[
			{ alarmTypes: ['device_down', 'x;y'] },
			'Invalid Alarm Type Names or IDs: "x;y" is not a Mist type key',
		],
	])('refuses %j', async (override, message) => {
		const error = await runError({
			...base,
			scope: 'org',
			org: rl(ORG_ID),
			site: rl(SITE_ID),
			returnAll: true,
			...override,
		});
		expect(error.message).toBe(message);
	});
});

describe('Juniper Mist › Alarm › Acknowledge', () => {
	const base = { resource: 'alarm', operation: 'acknowledge', org: rl(ORG_ID) };
	const ackPath = (id: string) => `/api/v1/orgs/${ORG_ID}/alarms/${id}/ack`;

	it('posts the note and reports what was acknowledged', async () => {
		const scope = nock(MIST_TEST_URL)
			.post(ackPath(alarms[0].id), { note: 'maintenance window' })
			.reply(200, '');
		const out = await run({
			...base,
			alarmId: ` ${alarms[0].id.toUpperCase()} `,
			note: ' maintenance window ',
		});
		expect(scope.isDone()).toBe(true);
		expect(out).toEqual([
			{
				json: { id: alarms[0].id, org_id: ORG_ID, acked: true, note: 'maintenance window' },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('acknowledges the alarm of each input item, taken by expression, without a note', async () => {
		const items = alarms.slice(0, 2).map((alarm) => ({ json: alarm as IDataObject }));
		const bodies: unknown[] = [];
		const scope = nock(MIST_TEST_URL)
			.post(ackPath(alarms[0].id), (body) => bodies.push(body) > 0)
			.reply(200)
			.post(ackPath(alarms[1].id), (body) => bodies.push(body) > 0)
			.reply(200);
		const out = await run((i) => ({ ...base, alarmId: items[i].json.id, note: '' }), { items });
		expect(scope.isDone()).toBe(true);
		expect(
			bodies.every(
				(body) =>
					body === '' || (typeof body === 'object' && Object.keys(body as object).length === 0),
			),
		).toBe(true);
		expect(out.map((item) => [item.json.id, item.pairedItem])).toEqual([
			[alarms[0].id, { item: 0 }],
			[alarms[1].id, { item: 1 }],
		]);
		expect(out[0].json).not.toHaveProperty('note');
	});

	it('names the Alarm ID when it is not a UUID, and passes on Mist 403 details', async () => {
		expect((await runError({ ...base, alarmId: 'device_down' })).message).toBe(
			'Invalid Alarm ID: "device_down" is not a Mist id (a UUID)',
		);
		nock(MIST_TEST_URL)
			.post(ackPath(alarms[2].id))
			.reply(403, { detail: 'You do not have permission' });
		const error = await runError({ ...base, alarmId: alarms[2].id });
		expect(error.message).toBe(
			'The API token lacks the privilege for this call (403): You do not have permission',
		);
	});
});

describe('loadOptions › getAlarmTypes', () => {
	it('lists /const/alarm_defs with display, group and severity', async () => {
		const scope = nock(MIST_TEST_URL)
			.get('/api/v1/const/alarm_defs')
			.reply(200, [
				{ key: 'dhcp_failure', display: 'DHCP failure', group: 'marvis', severity: 'critical' },
				...definitions,
			]);
		const options = await getAlarmTypes.call(createLoadOptionsContext());
		expect(scope.isDone()).toBe(true);
		expect(options).toEqual([
			{
				name: 'device_down',
				value: 'device_down',
				description: 'Device offline · infrastructure · warn',
			},
			{
				name: 'dhcp_failure',
				value: 'dhcp_failure',
				description: 'DHCP failure · marvis · critical',
			},
		]);
	});

	it('names a Mist error instead of returning an empty list', async () => {
		nock(MIST_TEST_URL)
			.get('/api/v1/const/alarm_defs')
			.reply(401, { detail: 'Authentication credentials were not provided.' });
		const error = (await getAlarmTypes
			.call(createLoadOptionsContext())
			.catch((e: unknown) => e)) as Error;
		expect(error.message).toBe(
			'Mist rejected the API token (401): Authentication credentials were not provided.',
		);
		expect(serialise(error)).not.toContain(LEAK_CANARY);
	});
});
