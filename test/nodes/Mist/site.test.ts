import nock from 'nock';

import { Mist } from '../../../nodes/Mist/Mist.node';
import {
	createExecuteContext,
	LEAK_CANARY,
	MIST_TEST_URL,
	ORG_ID,
	SITE_ID,
} from '../../helpers/executeContext';

const sites = [
	{
		id: SITE_ID,
		name: 'HQ',
		org_id: ORG_ID,
		timezone: 'America/Los_Angeles',
		country_code: 'US',
		rftemplate_id: null,
	},
	{
		id: '2f5b7a88-0000-4000-8000-000000000002',
		name: 'Branch',
		org_id: ORG_ID,
		timezone: 'Europe/Paris',
		country_code: 'FR',
	},
];

describe('Juniper Mist › Site', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('gets many sites with the token header and simplifies them', async () => {
		const scope = nock(MIST_TEST_URL, { reqheaders: { authorization: `Token ${LEAK_CANARY}` } })
			.get(`/api/v1/orgs/${ORG_ID}/sites`)
			.query({ limit: 1000, page: 1 })
			.reply(200, sites, { 'X-Page-Total': '2', 'X-Page-Limit': '1000', 'X-Page-Page': '1' });
		const ctx = createExecuteContext({
			params: {
				resource: 'site',
				operation: 'getMany',
				org: { __rl: true, mode: 'list', value: '' },
				returnAll: true,
				simplify: true,
			},
		});
		const [out] = await new Mist().execute.call(ctx);
		expect(scope.isDone()).toBe(true);
		expect(out.map((item) => item.json.name)).toEqual(['HQ', 'Branch']);
		expect(out[0].json).not.toHaveProperty('rftemplate_id');
		expect(out[0].pairedItem).toEqual({ item: 0 });
	});

	it('gets one site by id', async () => {
		nock(MIST_TEST_URL).get(`/api/v1/sites/${SITE_ID}`).reply(200, sites[0]);
		const ctx = createExecuteContext({
			params: {
				resource: 'site',
				operation: 'get',
				site: { __rl: true, mode: 'id', value: SITE_ID },
			},
		});
		const [out] = await new Mist().execute.call(ctx);
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({ id: SITE_ID, name: 'HQ', rftemplate_id: null });
	});

	it('searches sites by name following the next cursor', async () => {
		const next = `/api/v1/orgs/${ORG_ID}/sites/search?name=B%2A&limit=1&search_after=%5B%22x%22%5D`;
		nock(MIST_TEST_URL)
			.get(`/api/v1/orgs/${ORG_ID}/sites/search`)
			.query({ name: 'B*', limit: 2 })
			.reply(200, { results: [sites[1]], limit: 2, total: 2, next })
			.get(next)
			.reply(200, { results: [{ ...sites[1], id: 'b2', name: 'Branch 2' }], limit: 2, total: 2 });
		const ctx = createExecuteContext({
			params: {
				resource: 'site',
				operation: 'searchByName',
				name: 'B*',
				returnAll: false,
				limit: 2,
				simplify: true,
			},
		});
		const [out] = await new Mist().execute.call(ctx);
		expect(out.map((item) => item.json.name)).toEqual(['Branch', 'Branch 2']);
	});

	it('names the field when the site id is not a UUID', async () => {
		const ctx = createExecuteContext({
			params: {
				resource: 'site',
				operation: 'get',
				site: { __rl: true, mode: 'id', value: '../orgs' },
			},
		});
		await expect(new Mist().execute.call(ctx)).rejects.toThrow(
			'Invalid Site: "../orgs" is not a Mist id (a UUID)',
		);
	});
});
