import nock from 'nock';

import {
	searchDevices,
	searchOrgs,
	searchSites,
} from '../../../../nodes/shared/methods/listSearch';
import { MIST_TEST_URL, ORG_ID, SITE_ID } from '../../../helpers/executeContext';
import { createLoadOptionsContext } from '../../../helpers/loadOptionsContext';

const OTHER_ORG = '11111111-2222-4333-8444-555555555555';

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
	nock.cleanAll();
	nock.enableNetConnect();
});

describe('list search of the resource locators', () => {
	it('lists the orgs of the token once each, sorted by name, filtered by name or id', async () => {
		nock(MIST_TEST_URL)
			.get('/api/v1/self')
			.times(2)
			.reply(200, {
				email: 'ops@example.com',
				privileges: [
					{ scope: 'org', org_id: ORG_ID, name: 'Zeta Corp', role: 'admin' },
					{ scope: 'site', org_id: ORG_ID, site_id: SITE_ID, name: 'Zeta Corp', role: 'write' },
					{ scope: 'org', org_id: OTHER_ORG, name: 'Acme', role: 'read' },
				],
			});
		const all = await searchOrgs.call(createLoadOptionsContext());
		expect(all.results).toEqual([
			{ name: 'Acme', value: OTHER_ORG },
			{ name: 'Zeta Corp', value: ORG_ID },
		]);
		const filtered = await searchOrgs.call(createLoadOptionsContext(), 'zeta');
		expect(filtered.results.map((org) => org.value)).toEqual([ORG_ID]);
	});

	it('pages through the sites of the chosen org, 100 at a time', async () => {
		const page = (n: number, count: number) =>
			Array.from({ length: count }, (_, i) => ({ id: `site-${n}-${i}`, name: `Site ${n}-${i}` }));
		nock(MIST_TEST_URL)
			.get(`/api/v1/orgs/${OTHER_ORG}/sites`)
			.query({ limit: 100, page: 1 })
			.reply(200, page(1, 100))
			.get(`/api/v1/orgs/${OTHER_ORG}/sites`)
			.query({ limit: 100, page: 2 })
			.reply(200, page(2, 3));
		const ctx = createLoadOptionsContext({
			currentParams: { org: { __rl: true, mode: 'list', value: OTHER_ORG } },
		});
		const first = await searchSites.call(ctx);
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		const second = await searchSites.call(ctx, undefined, first.paginationToken as string);
		expect(second.results.map((site) => site.name)).toEqual(['Site 2-0', 'Site 2-1', 'Site 2-2']);
		expect(second.paginationToken).toBeUndefined();
	});

	it('falls back to the credential default org for the site list', async () => {
		nock(MIST_TEST_URL)
			.get(`/api/v1/orgs/${ORG_ID}/sites`)
			.query(true)
			.reply(200, [{ id: SITE_ID, name: 'HQ' }]);
		const result = await searchSites.call(createLoadOptionsContext(), 'hq');
		expect(result.results).toEqual([{ name: 'HQ', value: SITE_ID }]);
	});

	it('lists the devices of the chosen site with type and MAC, and needs a valid site', async () => {
		nock(MIST_TEST_URL)
			.get(`/api/v1/sites/${SITE_ID}/devices`)
			.query({ type: 'all', limit: 100, page: 1 })
			.reply(200, [
				{
					id: '00000000-0000-0000-1000-5c5b350e0060',
					name: 'HQ-AP-01',
					mac: '5c5b350e0060',
					type: 'ap',
				},
				{
					id: '00000000-0000-0000-1000-d0dd49000001',
					name: 'HQ-SW-01',
					mac: 'd0dd49000001',
					type: 'switch',
				},
			]);
		const ctx = createLoadOptionsContext({
			currentParams: { site: { __rl: true, mode: 'list', value: SITE_ID } },
		});
		const result = await searchDevices.call(ctx, 'sw');
		expect(result.results).toEqual([
			{ name: 'HQ-SW-01 (switch, d0dd49000001)', value: '00000000-0000-0000-1000-d0dd49000001' },
		]);
		expect(
			(await searchDevices.call(createLoadOptionsContext({ currentParams: {} }))).results,
		).toEqual([]);
		const bad = createLoadOptionsContext({
			currentParams: { site: { __rl: true, mode: 'id', value: '../orgs' } },
		});
		await expect(searchDevices.call(bad)).rejects.toThrow(
			'Invalid Site: "../orgs" is not a Mist id (a UUID)',
		);
	});
});
