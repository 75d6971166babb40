import nock from 'nock';
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { LEAK_CANARY, MIST_TEST_URL, ORG_ID, SITE_ID } from '../../helpers/executeContext';
import { example } from './fixtures';
import { runMist, runMistError, useOfflineNock } from '../../helpers/runMist';

const TROUBLESHOOT = `/api/v1/orgs/${ORG_ID}/troubleshoot`;
const base = {
	resource: 'marvis',
	operation: 'troubleshoot',
	org: { __rl: true, mode: 'list', value: '' },
	troubleshootStart: '',
	troubleshootEnd: '',
};

const nowSeconds = () => Math.floor(Date.now() / 1000);
const isoAgo = (seconds: number) => new Date((nowSeconds() - seconds) * 1000).toISOString();

const run = async (params: IDataObject): Promise<IDataObject[]> =>
	(await runMist({ ...base, ...params })).map((item) => item.json);
const runError = async (params: IDataObject) => await runMistError({ ...base, ...params });

useOfflineNock();

describe('Juniper Mist › Marvis › Troubleshoot', () => {
	it.each([
		['client', { clientMac: '5C:5B:35:0E:00:01' }, { mac: '5c5b350e0001' }],
		['device', { deviceMac: '5c5b.350e.0060' }, { mac: '5c5b350e0060' }],
		[
			'site',
			{ site: { __rl: true, mode: 'id', value: SITE_ID }, networkType: 'wired' },
			{ site_id: SITE_ID, type: 'wired' },
		],
	])('troubleshoots a %s and returns the findings', async (troubleshootTarget, extra, query) => {
		const body = example<{ results: IDataObject[] }>('TroubleshootExample');
		const scope = nock(MIST_TEST_URL, { reqheaders: { authorization: `Token ${LEAK_CANARY}` } })
			.get(TROUBLESHOOT)
			.query(query)
			.reply(200, body);
		const out = await run({ troubleshootTarget, ...extra });
		expect(scope.isDone()).toBe(true);
		expect(out).toEqual([
			{
				target: troubleshootTarget,
				...query,
				start: 1655065456,
				end: 1655151856,
				findings: 1,
				results: body.results,
			},
		]);
		expect(out[0].results).toEqual([
			expect.objectContaining({ category: 'client', reason: 'slow association' }),
		]);
	});

	it('sends a start and end inside the last 7 days as epoch seconds', async () => {
		const start = isoAgo(6 * 86400);
		const end = isoAgo(3600);
		let seen: IDataObject = {};
		const scope = nock(MIST_TEST_URL)
			.get(TROUBLESHOOT)
			.query((query) => {
				seen = query;
				return true;
			})
			.reply(200, { start: 0, end: 0, results: [] });
		const out = await run({
			troubleshootTarget: 'client',
			clientMac: '5c5b350e0001',
			troubleshootStart: start,
			troubleshootEnd: end,
		});
		expect(scope.isDone()).toBe(true);
		expect(seen).toEqual({
			mac: '5c5b350e0001',
			start: String(Date.parse(start) / 1000),
			end: String(Date.parse(end) / 1000),
		});
		expect(out[0]).toMatchObject({ findings: 0, results: [] });
	});

	it.each([
		[
			{ troubleshootStart: isoAgo(8 * 86400) },
			'Invalid Start: Marvis troubleshooting covers only the last 7 days',
		],
		[
			{ troubleshootEnd: isoAgo(9 * 86400) },
			'Invalid End: Marvis troubleshooting covers only the last 7 days',
		],
		[
			{ troubleshootStart: isoAgo(3600), troubleshootEnd: isoAgo(7200) },
			'Invalid End: it must be later than Start',
		],
		[{ troubleshootStart: 'last tuesday' }, 'Invalid Start: "last tuesday" is not a date-time'],
		[{ clientMac: '' }, 'Invalid Client MAC: it is empty'],
		[{ troubleshootTarget: 'ap' }, 'Invalid Target: "ap" is not one of client, device, site'],
		[
			{
				troubleshootTarget: 'site',
				site: { __rl: true, mode: 'id', value: SITE_ID },
				networkType: 'lte',
			},
			'Invalid Network Type: "lte" is not one of wan, wired, wireless',
		],
	])('refuses bad input %p without calling Mist', async (override, message) => {
		const error = await runError({
			troubleshootTarget: 'client',
			clientMac: '5c5b350e0001',
			...override,
		});
		expect(error.message).toBe(message);
	});

	it('explains a 403 as a missing Marvis license', async () => {
		nock(MIST_TEST_URL)
			.get(TROUBLESHOOT)
			.query(true)
			.reply(403, { detail: 'You do not have permission to perform this action.' });
		const error = await runError({ troubleshootTarget: 'client', clientMac: '5c5b350e0001' });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('403');
		expect(error.message).toBe(
			'Marvis troubleshooting is not available (403): You do not have permission to perform this action.',
		);
		expect(error.description).toContain('Marvis subscription license');
	});

	it('explains a 400 naming the subscription the same way, and leaves other 400s alone', async () => {
		nock(MIST_TEST_URL)
			.get(TROUBLESHOOT)
			.query(true)
			.reply(400, { detail: 'Marvis subscription required' })
			.get(TROUBLESHOOT)
			.query(true)
			.reply(400, { detail: 'mac is invalid' });
		const licensed = await runError({ troubleshootTarget: 'client', clientMac: '5c5b350e0001' });
		expect(licensed.message).toBe(
			'Marvis troubleshooting is not available (400): Marvis subscription required',
		);
		const other = await runError({ troubleshootTarget: 'client', clientMac: '5c5b350e0001' });
		expect(other.message).toBe('Mist rejected the request as invalid (400): mac is invalid');
	});

	it("turns a 404 into a NodeApiError with Mist's detail and the status", async () => {
		nock(MIST_TEST_URL).get(TROUBLESHOOT).query(true).reply(404, { detail: 'client not found' });
		const error = await runError({ troubleshootTarget: 'client', clientMac: '5c5b350e0001' });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Mist found nothing at this address (404): client not found');
		expect(error.httpCode).toBe('404');
	});
});
