import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { Mist } from '../../../nodes/Mist/Mist.node';
import { CLIENT_STAT_FIELDS } from '../../../nodes/Mist/actions/client/simplify';
import {
	createExecuteContext,
	LEAK_CANARY,
	MIST_TEST_URL,
	serialise,
	SITE_ID,
} from '../../helpers/executeContext';
import { example, firstRecord } from './fixtures';
import { runMist as run, useOfflineNock } from '../../helpers/runMist';

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

useOfflineNock();

const stat = firstRecord<IDataObject>('ClientStatsArrayExample');
const statsPath = `/api/v1/sites/${SITE_ID}/stats/clients`;

describe('Juniper Mist › Client › Get Connected Stats', () => {
	const base = { resource: 'client', operation: 'getConnectedStats', site: rl(SITE_ID) };
	const clients = [1, 2, 3, 4, 5].map((n) => ({ ...stat, mac: `dadbfc12345${n}`, rssi: -40 - n }));
	const pageHeaders = (page: number) => ({
		'X-Page-Total': '5',
		'X-Page-Limit': '2',
		'X-Page-Page': String(page),
	});

	it('pages through X-Page headers over 3 pages and simplifies', async () => {
		const scope = nock(MIST_TEST_URL)
			.get(statsPath)
			.query({ limit: 1000, page: 1 })
			.reply(200, clients.slice(0, 2), pageHeaders(1))
			.get(statsPath)
			.query({ limit: 1000, page: 2 })
			.reply(200, clients.slice(2, 4), pageHeaders(2))
			.get(statsPath)
			.query({ limit: 1000, page: 3 })
			.reply(200, clients.slice(4), pageHeaders(3));
		const out = await run({ ...base, returnAll: true, simplify: true });
		expect(scope.isDone()).toBe(true);
		expect(out.map((item) => item.json.rssi)).toEqual([-41, -42, -43, -44, -45]);
		expect(out[0].json).toMatchObject({
			mac: 'dadbfc123451',
			hostname: 'android-9b228dc33690',
			ip: '10.100.0.47',
			ssid: 'Live_demo_only',
			ap_mac: '5c5b358e6fea',
			band: '5',
			channel: 157,
			snr: 47,
			tx_retries: 5413,
			rx_retries: 2010,
			vlan_id: '1',
			os: 'Android 10',
		});
		expect(Object.keys(out[0].json).sort()).toEqual(
			CLIENT_STAT_FIELDS.filter((key) => key in stat).sort(),
		);
		expect(out[0].json).not.toHaveProperty('x');
	});

	it('asks for no more than the limit and keeps full records without Simplify', async () => {
		const scope = nock(MIST_TEST_URL)
			.get(statsPath)
			.query({ limit: 2, page: 1 })
			.reply(200, clients.slice(0, 2), {
				'X-Page-Total': '5',
				'X-Page-Limit': '2',
				'X-Page-Page': '1',
			});
		const out = await run({ ...base, returnAll: false, limit: 2, simplify: false });
		expect(scope.isDone()).toBe(true);
		expect(out.map((item) => item.json)).toEqual(clients.slice(0, 2));
	});
});

describe('Juniper Mist › Client › Get Stats', () => {
	const base = { resource: 'client', operation: 'getStats', site: rl(SITE_ID) };

	it.each(['DA:DB:FC:12:34:56', 'dadb.fc12.3456', 'da-db-fc-12-34-56', ' dadbfc123456 '])(
		'normalises the MAC %j into the path',
		async (clientMac) => {
			const scope = nock(MIST_TEST_URL).get(`${statsPath}/dadbfc123456`).reply(200, stat);
			const out = await run({ ...base, clientMac, simplify: false });
			expect(scope.isDone()).toBe(true);
			expect(out).toHaveLength(1);
			expect(out[0].json).toEqual(example<IDataObject[]>('ClientStatsArrayExample')[0]);
		},
	);

	it('simplifies one client', async () => {
		nock(MIST_TEST_URL).get(`${statsPath}/dadbfc123456`).reply(200, stat);
		const out = await run({ ...base, clientMac: 'dadbfc123456', simplify: true });
		expect(out[0].json).toMatchObject({ mac: 'dadbfc123456', rssi: -39, snr: 47, tx_rate: 173.3 });
		expect(out[0].json).not.toHaveProperty('x_m');
	});

	it('continues on fail item by item with pairedItem: success, bad MAC, Mist 404', async () => {
		const items = [
			{ json: { mac: 'dadbfc123456' } },
			{ json: { mac: 'not-a-mac' } },
			{ json: { mac: 'dadbfc000000' } },
		];
		nock(MIST_TEST_URL)
			.get(`${statsPath}/dadbfc123456`)
			.reply(200, stat)
			.get(`${statsPath}/dadbfc000000`)
			.reply(404, { detail: 'client not found' });
		const out = await run((i) => ({ ...base, clientMac: items[i].json.mac, simplify: true }), {
			items,
			continueOnFail: true,
		});
		expect(out).toHaveLength(3);
		expect(out[0].json.mac).toBe('dadbfc123456');
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[1].json.error).toBe('Invalid Client MAC: "not-a-mac" is not a MAC address');
		expect(out[2].json.error).toBe('Mist found nothing at this address (404): client not found');
	});

	it('fails on an empty MAC without continueOnFail, naming the field', async () => {
		const ctx = createExecuteContext({ params: { ...base, clientMac: '', simplify: true } });
		const error = (await new Mist().execute.call(ctx).catch((e: unknown) => e)) as Error;
		expect(error.message).toBe('Invalid Client MAC: it is empty');
		expect(serialise(error)).not.toContain(LEAK_CANARY);
	});
});
