/**
 * Mist Diagnose's sweep cache (site list, event catalogue, type-filter mode) in the shared memory:
 * read across workflows, read again when old, kept in the workflow's global static data in
 * workflow mode and on a fallback, never holding a secret.
 */
import nock from 'nock';
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, JsonObject } from 'n8n-workflow';

import { MistDiagnose } from '../../../nodes/MistDiagnose/MistDiagnose.node';
import { memorySlowCache, SHARED_CACHE_PREFIX } from '../../../nodes/MistDiagnose/slowCache';
import { sharedMemoryCredential } from '../../../nodes/shared/memory/description';
import { StaticDataMemory } from '../../../nodes/shared/memory/staticDataMemory';
import { forgetTableIds } from '../../../nodes/shared/memory/tables';
import {
	createExecuteContext,
	LEAK_CANARY,
	mistCredentials,
	serialise,
} from '../../helpers/executeContext';
import {
	FakeDataTables,
	N8N_LEAK_CANARY,
	N8N_TEST_URL,
	n8nApiKeyAuth,
	sharedMemoryCredentials,
} from '../../helpers/fakeDataTables';
import { ACCOUNT, fakeCloud, ORG_ID, useNock } from './fakeCloud';

useNock();
beforeEach(() => forgetTableIds());
afterEach(() => jest.restoreAllMocks());

const SITE = '978c48e6-6ef6-11e6-8bbf-02e208b2d34f';
const HOUR = 3_600_000;
const SHARED = { memory: 'shared', memoryNamespace: 'default' };
const catalogue = [
	{ key: 'CLIENT_ASSOCIATION_FAILURE', display: 'Association Failure', group: 'association' },
	{ key: 'CLIENT_AUTHENTICATED', display: 'Authenticated', group: 'authentication' },
];
const successes = [1, 2, 3].map((index) => ({
	type: 'CLIENT_AUTHENTICATED',
	mac: `dadbfc00000${index}`,
	site_id: SITE,
	ap: '5c5b350e0001',
	timestamp: Math.floor(Date.now() / 1000) - 300,
}));
const cloud = () =>
	fakeCloud({ sites: [{ id: SITE, name: 'HQ' }], catalogue, clientEvents: successes });

/** One Mist Diagnose node of a workflow: each workflow has its own static data. */
function diagnoseNode(params: IDataObject, staticData: IDataObject, name = 'Association') {
	const ctx = createExecuteContext({
		params: {
			mode: 'sweep',
			step: 'association',
			window: '1h',
			thresholds: {},
			options: {},
			org: { __rl: true, mode: 'list', value: '' },
			...params,
		},
		node: { name, type: 'n8n-nodes-juniper-mist.mistDiagnose' },
		staticData,
		credentials: { mistApi: mistCredentials, mistSharedMemoryApi: sharedMemoryCredentials },
		authenticators: { mistSharedMemoryApi: n8nApiKeyAuth },
	});
	return ctx;
}

/** The node's requests to n8n fail as a refused connection does; its Mist requests go through. */
function refuseSharedMemoryRequests(ctx: ReturnType<typeof diagnoseNode>) {
	const mock = ctx.helpers.httpRequestWithAuthentication;
	const passOn = mock.getMockImplementation() as (...args: unknown[]) => Promise<unknown>;
	const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5678'), {
		code: 'ECONNREFUSED',
	});
	mock.mockImplementation(async function (this: unknown, type: string, ...rest: unknown[]) {
		if (type === 'mistSharedMemoryApi')
			throw new NodeApiError(ctx.getNode(), refused as unknown as JsonObject);
		return await passOn.call(this, type, ...rest);
	});
	return ctx;
}

async function run(ctx: ReturnType<typeof diagnoseNode>) {
	const raw = await new MistDiagnose().execute.call(ctx);
	const items = [...raw[0], ...raw[1]].map((item) => item.json);
	expect(items.length).toBeGreaterThan(0);
	expect(serialise(items)).not.toContain(LEAK_CANARY);
	expect(serialise(items)).not.toContain(N8N_LEAK_CANARY);
	return items;
}

const slowCalls = (mist: ReturnType<typeof cloud>) =>
	mist.calls.filter((call) => /\/sites\?|\/const\/client_events/.test(call)).length;

describe('Mist Diagnose › sweep cache in the shared memory', () => {
	it('declares the shared memory credential exactly as sharedMemoryCredential', () => {
		expect(new MistDiagnose().description.credentials).toContainEqual(sharedMemoryCredential);
		const memory = new MistDiagnose().description.properties.find((p) => p.name === 'memory');
		expect(memory?.default).toBe('workflow');
	});

	it('a second workflow reads the site list and event catalogue from the store: two Mist calls fewer', async () => {
		const fake = new FakeDataTables();
		const mist = cloud();
		const first = await run(diagnoseNode(SHARED, {}));
		expect(slowCalls(mist)).toBe(2);
		const firstCalls = mist.calls.length;

		mist.calls.length = 0;
		const second = await run(diagnoseNode(SHARED, {}));
		expect(slowCalls(mist)).toBe(0);
		expect(mist.calls.length).toBeLessThanOrEqual(firstCalls - 2);
		const stats = (items: IDataObject[]) => items[0]._requestStats as { calls: number };
		expect(stats(second).calls).toBeLessThanOrEqual(stats(first).calls - 2);
		for (const item of [...first, ...second])
			expect(item._cache).toEqual({ store: 'n8n data tables', namespace: 'default' });
		const keys = fake.rowsOf('mist_memory').map((row) => row.key);
		expect(keys).toEqual(
			expect.arrayContaining([
				`${SHARED_CACHE_PREFIX}${ACCOUNT}:${ORG_ID}:sites`,
				`${SHARED_CACHE_PREFIX}${ACCOUNT}:${ORG_ID}:catalogue`,
			]),
		);
	});

	it('reads the site list again once it is older than an hour, the catalogue only after a day', async () => {
		new FakeDataTables();
		const mist = cloud();
		await run(diagnoseNode(SHARED, {}));
		const realNow = Date.now.bind(Date);
		jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 2 * HOUR);

		mist.calls.length = 0;
		await run(diagnoseNode(SHARED, {}));
		expect(mist.callsTo(`/orgs/${ORG_ID}/sites`)).toHaveLength(1);
		expect(mist.callsTo('/const/client_events')).toHaveLength(0);

		jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 25 * HOUR);
		mist.calls.length = 0;
		await run(diagnoseNode(SHARED, {}));
		expect(mist.callsTo(`/orgs/${ORG_ID}/sites`)).toHaveLength(1);
		expect(mist.callsTo('/const/client_events')).toHaveLength(1);
	});

	it('ten workflows at once on an empty store all finish, and the store holds the site list', async () => {
		const fake = new FakeDataTables();
		cloud();
		const runs = await Promise.all(
			Array.from({ length: 10 }, (_, index) => run(diagnoseNode(SHARED, {}, `Node ${index}`))),
		);
		expect(runs).toHaveLength(10);
		const rows = fake.rowsOf('mist_memory');
		const sites = rows.filter(
			(row) => row.key === `${SHARED_CACHE_PREFIX}${ACCOUNT}:${ORG_ID}:sites`,
		);
		expect(sites.length).toBeGreaterThan(0);
		expect(serialise(sites)).toContain('HQ');
	});

	it('never replaces a newer cached value with an older one', async () => {
		const memory = new StaticDataMemory({}, { store: 'workflow static data', namespace: 'x' });
		await memorySlowCache(memory, 2_000).set('org:sites', ['newer']);
		await memorySlowCache(memory, 1_000).set('org:sites', ['older']);
		expect(await memory.read(`${SHARED_CACHE_PREFIX}org:sites`)).toEqual({
			at: 2_000,
			value: ['newer'],
		});
		expect(await memorySlowCache(memory, 2_500).get('org:sites', HOUR)).toEqual(['newer']);
		expect(await memorySlowCache(memory, 2_000 + HOUR + 1).get('org:sites', HOUR)).toBeUndefined();
	});

	it('workflow mode: two Diagnose nodes of one workflow share its global static data, nothing goes to Data Tables', async () => {
		const fake = new FakeDataTables();
		const mist = cloud();
		const staticData: IDataObject = {};
		const first = await run(diagnoseNode({}, staticData, 'Association'));
		mist.calls.length = 0;
		await run(diagnoseNode({}, staticData, 'Association 2'));
		expect(slowCalls(mist)).toBe(0);
		expect(fake.calls).toEqual([]);
		expect(staticData.mistDiagnoseCache).toMatchObject({
			[`${ACCOUNT}:${ORG_ID}:sites`]: { value: [{ id: SITE, name: 'HQ' }] },
		});
		expect(first[0]._cache).toEqual({ store: 'workflow static data', namespace: 'workflow' });
	});

	it.each([
		['answers 404', () => nock(N8N_TEST_URL).persist().get(/.*/).query(true).reply(404, {})],
		['is unreachable', () => undefined],
	])(
		'shared, when the Data Table API %s: the workflow global static data, with the warning',
		async (how, serve) => {
			serve();
			// Nothing listens, as with `n8n execute`: n8n hands the refusal over as a NodeApiError
			// (a refused socket through nock would leave a stray error event that crashes jest).
			const reachable = (ctx: ReturnType<typeof diagnoseNode>) =>
				how === 'is unreachable' ? refuseSharedMemoryRequests(ctx) : ctx;
			const mist = cloud();
			const staticData: IDataObject = {};
			const firstNode = reachable(diagnoseNode(SHARED, staticData, 'Association'));
			const first = await run(firstNode);
			mist.calls.length = 0;
			const second = await run(reachable(diagnoseNode(SHARED, staticData, 'Authentication')));
			expect(slowCalls(mist)).toBe(0);

			const cache = second[0]._cache as IDataObject;
			expect(cache).toMatchObject({ store: 'workflow static data', namespace: 'default' });
			expect(String(cache.warning)).toContain("n8n's Data Table API at http://n8n.test");
			expect(first[0]._cache).toEqual(cache);
			expect(firstNode.addExecutionHints).toHaveBeenCalledWith(
				expect.objectContaining({ message: cache.warning, type: 'warning' }),
			);
			expect(staticData['memory:default']).toMatchObject({
				[`${SHARED_CACHE_PREFIX}${ACCOUNT}:${ORG_ID}:sites`]: { value: [{ id: SITE, name: 'HQ' }] },
			});
		},
	);

	it('a refused n8n API key stops the node with an error naming the credential, before any Mist call', async () => {
		nock(N8N_TEST_URL).persist().get(/.*/).query(true).reply(401, { message: 'unauthorized' });
		const mist = cloud();
		const error = await run(diagnoseNode(SHARED, {})).catch((failure: Error) => failure);
		expect(error).toBeInstanceOf(Error);
		const { message, description } = error as Error & { description?: string };
		expect(message).toContain('n8n answered 401');
		expect(description).toContain('Mist Shared Memory API credential');
		expect(serialise(error)).not.toContain(N8N_LEAK_CANARY);
		expect(mist.calls).toEqual([]);
	});

	it('keeps no secret in the store', async () => {
		const fake = new FakeDataTables();
		cloud();
		await run(diagnoseNode(SHARED, {}));
		const stored = serialise([...fake.tables.values()]);
		expect(stored).toContain('HQ');
		expect(stored).not.toContain(LEAK_CANARY);
		expect(stored).not.toContain(N8N_LEAK_CANARY);
	});
});
