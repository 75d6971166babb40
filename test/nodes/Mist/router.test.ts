import nock from 'nock';

import { Mist } from '../../../nodes/Mist/Mist.node';
import {
	createExecuteContext,
	LEAK_CANARY,
	MIST_TEST_URL,
	ORG_ID,
	serialise,
	SITE_ID,
} from '../../helpers/executeContext';

const OTHER_SITE = '2f5b7a88-0000-4000-8000-000000000002';

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
	nock.cleanAll();
	nock.enableNetConnect();
});

describe('Juniper Mist › per-item execution', () => {
	const items = [
		{ json: { siteId: SITE_ID } },
		{ json: { siteId: 'not-a-uuid' } },
		{ json: { siteId: OTHER_SITE } },
	];
	const params = (i: number) => ({
		resource: 'site',
		operation: 'get',
		site: { __rl: true, mode: 'id', value: items[i].json.siteId },
	});

	it('continues on fail item by item, keeping pairedItem on successes and failures', async () => {
		nock(MIST_TEST_URL)
			.get(`/api/v1/sites/${SITE_ID}`)
			.reply(200, { id: SITE_ID, name: 'HQ' })
			.get(`/api/v1/sites/${OTHER_SITE}`)
			.reply(404, { detail: 'site not found' });
		const ctx = createExecuteContext({ params, items, continueOnFail: true });
		const [out] = await new Mist().execute.call(ctx);
		expect(out).toHaveLength(3);
		expect(out[0]).toEqual({ json: { id: SITE_ID, name: 'HQ' }, pairedItem: { item: 0 } });
		expect(out[1].pairedItem).toEqual({ item: 1 });
		expect(out[1].json.error).toBe('Invalid Site: "not-a-uuid" is not a Mist id (a UUID)');
		expect(out[2].pairedItem).toEqual({ item: 2 });
		expect(out[2].json.error).toBe('Mist found nothing at this address (404): site not found');
		expect(serialise(out)).not.toContain(LEAK_CANARY);
	});

	it('stops at the first failing item without continueOnFail, naming the item', async () => {
		nock(MIST_TEST_URL).get(`/api/v1/sites/${SITE_ID}`).reply(200, { id: SITE_ID, name: 'HQ' });
		const ctx = createExecuteContext({ params, items });
		const error = await new Mist().execute
			.call(ctx)
			.catch((e: Error & { context?: { itemIndex?: number } }) => e);
		expect((error as Error).message).toBe('Invalid Site: "not-a-uuid" is not a Mist id (a UUID)');
		expect((error as { context: { itemIndex: number } }).context.itemIndex).toBe(1);
		expect(serialise(error)).not.toContain(LEAK_CANARY);
	});

	it("adds the execution's running API cost when Include Request Stats is on", async () => {
		nock(MIST_TEST_URL)
			.get(`/api/v1/sites/${SITE_ID}`)
			.reply(200, { id: SITE_ID })
			.get(`/api/v1/sites/${OTHER_SITE}`)
			.reply(429, { detail: 'slow down' }, { 'Retry-After': '0' })
			.get(`/api/v1/sites/${OTHER_SITE}`)
			.reply(200, { id: OTHER_SITE });
		const two = [items[0], items[2]];
		const ctx = createExecuteContext({
			items: two,
			params: (i) => ({
				resource: 'site',
				operation: 'get',
				includeRequestStats: true,
				site: { __rl: true, mode: 'id', value: two[i].json.siteId },
			}),
		});
		const [out] = await new Mist().execute.call(ctx);
		expect(out[0].json._requestStats).toMatchObject({ calls: 1, rateLimited: 0 });
		expect(out[1].json._requestStats).toMatchObject({ calls: 3, rateLimited: 1, retries: 1 });
	});

	it('uses the credential default org when the node leaves Organization empty', async () => {
		nock(MIST_TEST_URL)
			.get(`/api/v1/orgs/${ORG_ID}/sites`)
			.query({ limit: 3, page: 1 })
			.reply(200, [{ id: SITE_ID, name: 'HQ' }]);
		const ctx = createExecuteContext({
			params: {
				resource: 'site',
				operation: 'getMany',
				returnAll: false,
				limit: 3,
				simplify: true,
			},
		});
		const [out] = await new Mist().execute.call(ctx);
		expect(out.map((item) => item.json.name)).toEqual(['HQ']);
	});

	it('explains an empty organization when the credential has no default either', async () => {
		const ctx = createExecuteContext({
			params: { resource: 'site', operation: 'getMany', returnAll: true, simplify: true },
			credentials: {
				mistApi: { apiToken: LEAK_CANARY, cloud: 'custom', customUrl: MIST_TEST_URL, orgId: '' },
			},
		});
		await expect(new Mist().execute.call(ctx)).rejects.toThrow(
			'Invalid Organization: it is empty and the credential has no default org ID',
		);
	});
});
