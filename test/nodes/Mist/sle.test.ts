import nock from 'nock';
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { LEAK_CANARY, MIST_TEST_URL, ORG_ID, SITE_ID } from '../../helpers/executeContext';
import { example } from './fixtures';
import { runMist, runMistError, useOfflineNock } from '../../helpers/runMist';

const AP_ID = '00000000-0000-0000-1000-d420b0830000';
const SITE_SLE = `/api/v1/sites/${SITE_ID}/sle`;
const site = { __rl: true, mode: 'id', value: SITE_ID };
const org = { __rl: true, mode: 'list', value: '' };

const run = async (params: IDataObject): Promise<IDataObject[]> =>
	(await runMist({ resource: 'sle', ...params })).map((item) => item.json);
const runError = async (params: IDataObject) => await runMistError({ resource: 'sle', ...params });

useOfflineNock();

describe('Juniper Mist › SLE › Get Org Sites SLE', () => {
	it('pages through the body-paged sites-sle endpoint (3 pages) with sle, interval and duration', async () => {
		const template = example<{ results: IDataObject[] }>('OrgSiteSleWiFiSLE').results[0];
		const siteRows = (page: number, count: number) =>
			Array.from({ length: count }, (_, i) => ({ ...template, site_id: `site-${page}-${i}` }));
		const pages = [siteRows(1, 1000), siteRows(2, 1000), siteRows(3, 3)];
		const scope = nock(MIST_TEST_URL, { reqheaders: { authorization: `Token ${LEAK_CANARY}` } });
		pages.forEach((results, index) =>
			scope
				.get(`/api/v1/orgs/${ORG_ID}/insights/sites-sle`)
				.query({ sle: 'wifi', interval: '1h', duration: '1d', limit: 1000, page: index + 1 })
				.reply(200, {
					start: 1651269600,
					end: 1651323600,
					interval: 3600,
					limit: 1000,
					page: index + 1,
					total: 2003,
					results,
				}),
		);
		const out = await run({
			operation: 'getOrgSitesSle',
			org,
			sleType: 'wifi',
			interval: '1h',
			timeRangeMode: 'duration',
			duration: '1d',
			returnAll: true,
		});
		expect(scope.isDone()).toBe(true);
		expect(out).toHaveLength(2003);
		expect(out[0]).toMatchObject({
			site_id: 'site-1-0',
			'successful-connect': 0.9535864983932881,
			coverage: 0.812181632387686,
		});
		expect(out[2002].site_id).toBe('site-3-2');
	});

	it('stops at the limit and sends an explicit time range as epoch seconds', async () => {
		const body = example<IDataObject>('OrgSiteSleWiFiSLE');
		const start = Date.parse('2026-11-24T08:00:00Z') / 1000;
		const end = Date.parse('2026-11-25T08:00:00Z') / 1000;
		const scope = nock(MIST_TEST_URL)
			.get(`/api/v1/orgs/${ORG_ID}/insights/sites-sle`)
			.query({ sle: 'wired', start, end, limit: 1, page: 1 })
			.reply(200, body);
		const out = await run({
			operation: 'getOrgSitesSle',
			org: { __rl: true, mode: 'id', value: ORG_ID },
			sleType: 'wired',
			interval: '',
			timeRangeMode: 'range',
			start: '2026-11-24T08:00:00Z',
			end: '2026-11-25T08:00:00Z',
			returnAll: false,
			limit: 1,
		});
		expect(scope.isDone()).toBe(true);
		expect(out).toEqual((body.results as IDataObject[]).slice(0, 1));
	});

	it.each([
		[{ sleType: 'lte' }, 'Invalid SLE Type: "lte" is not one of wan, wifi, wired'],
		[{ interval: 'hourly' }, 'Invalid Interval: "hourly" is not a Mist duration'],
		[{ duration: 'yesterday' }, 'Invalid Duration: "yesterday" is not a Mist duration'],
	])('refuses bad input %p before calling Mist', async (override, message) => {
		const error = await runError({
			operation: 'getOrgSitesSle',
			org,
			sleType: 'wifi',
			interval: '',
			timeRangeMode: 'duration',
			duration: '1d',
			returnAll: true,
			...override,
		});
		expect(error.message).toBe(message);
	});
});

describe('Juniper Mist › SLE › site metric operations', () => {
	const base = { org, site, sleMetric: 'capacity', timeRangeMode: 'duration', duration: '1d' };

	it.each([
		['site', {}, SITE_ID],
		['ap', { device: { __rl: true, mode: 'id', value: AP_ID } }, AP_ID],
		['client', { clientMac: 'DC:08:0F:36:00:00' }, 'dc080f360000'],
	])('gets the metric summary for scope %s', async (sleScope, extra, scopeId) => {
		const summary = example<IDataObject>('SleSummaryExample');
		const scope = nock(MIST_TEST_URL)
			.get(`${SITE_SLE}/${sleScope}/${scopeId}/metric/capacity/summary`)
			.query({ duration: '1d' })
			.reply(200, summary);
		const out = await run({ operation: 'getMetricSummary', ...base, sleScope, ...extra });
		expect(scope.isDone()).toBe(true);
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({
			scope: sleScope,
			scope_id: scopeId,
			metric: 'capacity',
			impact: summary.impact,
		});
		expect((out[0].classifiers as IDataObject[]).map((c) => c.name)).toEqual([
			'client-count',
			'wifi-interference',
			'client_usage',
			'non-wifi-interference',
		]);
		expect((out[0].sle as IDataObject).name).toBe('capacity');
	});

	it('translates the org name successful-connect to the site name failed-to-connect', async () => {
		const scope = nock(MIST_TEST_URL)
			.get(`${SITE_SLE}/site/${SITE_ID}/metric/failed-to-connect/summary`)
			.query({ duration: '1d' })
			.reply(200, { sle: { name: 'failed-to-connect' }, classifiers: [] });
		const out = await run({
			operation: 'getMetricSummary',
			...base,
			sleScope: 'site',
			sleMetric: ' Successful-Connect ',
		});
		expect(scope.isDone()).toBe(true);
		expect(out[0].metric).toBe('failed-to-connect');
	});

	it('lists the classifiers of a metric (no time range: the endpoint takes none)', async () => {
		const scope = nock(MIST_TEST_URL)
			.get(`${SITE_SLE}/ap/${AP_ID}/metric/coverage/classifiers`)
			.query((query) => Object.keys(query).length === 0)
			.reply(200, ['asymmetry-uplink', 'weak-signal', 'asymmetry-downlink']);
		const out = await run({
			operation: 'getClassifiers',
			org,
			site,
			sleScope: 'ap',
			device: { __rl: true, mode: 'id', value: AP_ID },
			sleMetric: 'coverage',
		});
		expect(scope.isDone()).toBe(true);
		expect(out).toEqual([
			{
				scope: 'ap',
				scope_id: AP_ID,
				metric: 'coverage',
				classifiers: ['asymmetry-uplink', 'weak-signal', 'asymmetry-downlink'],
			},
		]);
	});

	it('gets classifier details over an explicit range', async () => {
		const details = example<IDataObject>('SleClassifierSummaryExample');
		const scope = nock(MIST_TEST_URL)
			.get(`${SITE_SLE}/site/${SITE_ID}/metric/capacity/classifier/wifi-interference/summary`)
			.query({ start: 1627226471, end: 1627312871 })
			.reply(200, details);
		const out = await run({
			operation: 'getClassifierDetails',
			...base,
			sleScope: 'site',
			classifier: 'wifi-interference',
			timeRangeMode: 'range',
			start: 1627226471,
			end: '1627312871',
		});
		expect(scope.isDone()).toBe(true);
		expect(out[0]).toMatchObject({
			scope: 'site',
			metric: 'capacity',
			classifier: details.classifier,
			impact: details.impact,
		});
	});

	it('pages impacted users over 3 pages (itemsKey users, total_count), filtered by classifier', async () => {
		const body = example<{ users: IDataObject[] }>('SleImpactedUsersExample');
		const usersOf = (page: number, count: number) =>
			Array.from({ length: count }, (_, i) => ({
				...body.users[i % body.users.length],
				mac: `${page}${String(i).padStart(11, '0')}`,
			}));
		const scope = nock(MIST_TEST_URL);
		[usersOf(1, 1000), usersOf(2, 1000), usersOf(3, 2)].forEach((users, index) =>
			scope
				.get(`${SITE_SLE}/site/${SITE_ID}/metric/capacity/impacted-users`)
				.query({ classifier: 'wifi-interference', duration: '1d', limit: 1000, page: index + 1 })
				.reply(200, {
					...body,
					classifier: 'wifi-interference',
					page: index + 1,
					total_count: 2002,
					users,
				}),
		);
		const out = await run({
			operation: 'getImpactedUsers',
			...base,
			sleScope: 'site',
			classifier: 'wifi-interference',
			returnAll: true,
		});
		expect(scope.isDone()).toBe(true);
		expect(out).toHaveLength(2002);
		expect(out[0]).toMatchObject({
			mac: '100000000000',
			ssid: 'lab.1X',
			metric: 'capacity',
			classifier: 'wifi-interference',
		});
		expect(out[2001].mac).toBe('300000000001');
	});

	it('returns impacted users up to the limit with metric and classifier labels', async () => {
		const body = example<{ users: IDataObject[] }>('SleImpactedUsersExample');
		const scope = nock(MIST_TEST_URL)
			.get(`${SITE_SLE}/ap/${AP_ID}/metric/capacity/impacted-users`)
			.query({ duration: '1d', limit: 2, page: 1 })
			.reply(200, { ...body, limit: 2, users: body.users.slice(0, 2) });
		const out = await run({
			operation: 'getImpactedUsers',
			...base,
			sleScope: 'ap',
			device: { __rl: true, mode: 'id', value: AP_ID },
			classifier: '',
			returnAll: false,
			limit: 2,
		});
		expect(scope.isDone()).toBe(true);
		expect(out).toEqual(
			body.users.slice(0, 2).map((user) => ({ ...user, metric: 'capacity', classifier: null })),
		);
	});

	it('lists impacted APs of the site', async () => {
		const body = example<{ aps: IDataObject[] }>('SleImpactedApsExample');
		const scope = nock(MIST_TEST_URL)
			.get(`${SITE_SLE}/site/${SITE_ID}/metric/capacity/impacted-aps`)
			.query({ classifier: 'client-count', duration: '1d', limit: 1000, page: 1 })
			.reply(200, body);
		const out = await run({
			operation: 'getImpactedAps',
			...base,
			classifier: 'client-count',
			returnAll: true,
		});
		expect(scope.isDone()).toBe(true);
		expect(out.map((ap) => [ap.ap_mac, ap.name, ap.degraded])).toEqual([
			['5c5b35500000', 'ap43.lab', 1486],
			['d420b0830000', 'ap33.lab', 3],
		]);
	});

	it.each([
		[{ sleMetric: 'coverage/../../x' }, 'Invalid Metric: "coverage/../../x" is not a valid name'],
		[{ sleMetric: '' }, 'Invalid Metric: it is empty'],
		[
			{ sleScope: 'floor' },
			'Invalid Scope: "floor" is not one of site, ap, switch, gateway, client',
		],
		[{ sleScope: 'client', clientMac: 'nope' }, 'Invalid Client MAC: "nope" is not a MAC address'],
		[
			{ sleScope: 'switch', device: { __rl: true, mode: 'id', value: '' } },
			'Invalid Device: it is empty',
		],
	])('names the field for bad input %p', async (override, message) => {
		const error = await runError({
			operation: 'getMetricSummary',
			...base,
			sleScope: 'site',
			...override,
		});
		expect(error.message).toBe(message);
	});

	it('requires a valid classifier for Get Classifier Details', async () => {
		const error = await runError({
			operation: 'getClassifierDetails',
			...base,
			sleScope: 'site',
			classifier: 'weak signal',
		});
		expect(error.message).toBe('Invalid Classifier: "weak signal" is not a valid name');
	});

	it("turns a 404 into a NodeApiError with Mist's detail and the status", async () => {
		nock(MIST_TEST_URL)
			.get(`${SITE_SLE}/site/${SITE_ID}/metric/capacity/summary`)
			.query(true)
			.reply(404, { detail: 'metric not found' });
		const error = await runError({ operation: 'getMetricSummary', ...base, sleScope: 'site' });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Mist found nothing at this address (404): metric not found');
		expect(error.httpCode).toBe('404');
	});
});
