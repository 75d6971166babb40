/**
 * The trigger's duplicate check in n8n's Data Tables, as main, workers and webhook processors run
 * it: each "process" is its own copy of the node's modules (its own in-process memory and table
 * ids), all talking to one FakeDataTables.
 */
import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { MistTrigger as MistTriggerClass } from '../../../nodes/MistTrigger/MistTrigger.node';
import { eventKey, SEEN_SHARDS, seenShard } from '../../../nodes/MistTrigger/engine/dedup';
import { signBody } from '../../../nodes/MistTrigger/engine/signature';
import { secretFingerprint } from '../../../nodes/MistTrigger/engine/webhookSecret';
import { MIST_TEST_URL, mistCredentials, SITE_ID } from '../../helpers/executeContext';
import {
	FakeDataTables,
	N8N_LEAK_CANARY,
	sharedMemoryCredentials,
} from '../../helpers/fakeDataTables';
import { useOfflineNock } from '../../helpers/runMist';
import { createHookContext, createWebhookContext, DERIVED_SECRET, loggedText } from './contexts';

useOfflineNock();
// The alarm-severity lookup reads Mist's alarm definitions; answered here, so no refused socket
// outlives a test (its stray error event crashed the jest worker of a later file).
const answerAlarmDefinitions = () =>
	nock(MIST_TEST_URL).persist().get('/api/v1/const/alarm_defs').reply(200, []);
beforeEach(answerAlarmDefinitions);

type Trigger = typeof MistTriggerClass;

/** A fresh n8n process: the trigger's modules loaded anew, so nothing in memory is shared. */
function startProcess(): Trigger {
	let loaded: Trigger | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		loaded = (require('../../../nodes/MistTrigger/MistTrigger.node') as { MistTrigger: Trigger })
			.MistTrigger;
	});
	return loaded!;
}

const sharedParams = {
	webhookRegistration: 'automatic',
	verifySignature: true,
	topics: ['alarms'],
	memory: 'shared',
	memoryNamespace: 'noc',
};
const registered = (): IDataObject => ({
	webhookId: 'wh-1',
	webhookCollection: `/sites/${SITE_ID}/webhooks`,
	secretFingerprint: secretFingerprint(DERIVED_SECRET),
});

const alarm = (id: string) => ({
	id,
	type: 'device_down',
	severity: 'critical',
	site_id: SITE_ID,
	aps: ['5c5b350e0001'],
	timestamp: 1764064800,
});

/** Alarm ids whose events all fall into one shard document, so its row already exists. */
function idsInOneShard(count: number): string[] {
	const shard = seenShard(eventKey({ ...alarm('s0'), topic: 'alarms' }));
	const ids: string[] = [];
	for (let index = 0; ids.length < count; index++) {
		const id = `s${index}`;
		if (seenShard(eventKey({ ...alarm(id), topic: 'alarms' })) === shard) ids.push(id);
	}
	return ids;
}

async function deliver(
	Trigger: Trigger,
	ids: string[],
	options: {
		params?: IDataObject;
		sharedMemory?: ICredentialDataDecryptedObject;
		staticData?: IDataObject;
	} = {},
) {
	const body = JSON.stringify({ topic: 'alarms', events: ids.map(alarm) });
	const context = createWebhookContext({
		params: options.params ?? sharedParams,
		staticData: options.staticData ?? registered(),
		delivery: { body, headers: { 'x-mist-signature-v2': signBody(body, DERIVED_SECRET) } },
		credentials: mistCredentials,
		sharedMemory: options.sharedMemory ?? sharedMemoryCredentials,
	});
	const result = await new Trigger().webhook.call(context.ctx);
	const items = result.workflowData?.[0]?.map((item) => item.json) ?? [];
	return { ...context, result, items };
}

describe('Mist Trigger › duplicates in the shared memory', () => {
	it('costs 2 requests for a new event, 1 for a copy another process claimed, 0 for a copy this process saw', async () => {
		const fake = new FakeDataTables();
		const [main, worker] = [startProcess(), startProcess()];
		const [warmMain, warmWorker, event] = idsInOneShard(3);
		// Each process finds the table once, and the shard's row is made once.
		await deliver(main, [warmMain]);
		await deliver(worker, [warmWorker]);

		fake.calls.length = 0;
		const fresh = await deliver(main, [event]);
		expect(fake.calls).toEqual(['read rows', 'update rows']);
		expect(fresh.items).toHaveLength(1);
		expect(fresh.items[0]).toMatchObject({
			id: event,
			dedup: 'shared',
			memory: { store: 'n8n data tables', namespace: 'noc' },
		});

		fake.calls.length = 0;
		const otherCopy = await deliver(worker, [event]);
		expect(fake.calls).toEqual(['read rows']);
		expect(otherCopy.result).toEqual({
			webhookResponse: { status: 'ok', received: 1, emitted: 0 },
		});

		fake.calls.length = 0;
		const ownCopy = await deliver(main, [event]);
		expect(fake.calls).toEqual([]);
		expect(ownCopy.items).toHaveLength(0);
	});

	it('emits exactly one of ten copies delivered at once to two processes', async () => {
		const fake = new FakeDataTables();
		const processes = [startProcess(), startProcess()];
		const results = await Promise.all(
			Array.from({ length: 10 }, (_, index) => deliver(processes[index % 2], ['a1'])),
		);
		const emitted = results.flatMap((result) => result.items);
		expect(emitted).toHaveLength(1);
		expect(emitted[0]).toMatchObject({ id: 'a1', dedup: 'shared' });
		const key = String(emitted[0].dedupKey);
		const documents = fake.rowsOf('mist_memory').filter((row) => String(row.value).includes(key));
		expect(documents).toHaveLength(1);
		expect(documents[0].key).toBe(
			`trigger:seen:wf-trigger-1:Juniper Mist Trigger:${seenShard(key)}`,
		);
	});

	it('keeps the seen keys of a busy trigger in 8 small documents and never in static data', async () => {
		const fake = new FakeDataTables();
		const main = startProcess();
		const staticData = registered();
		const ids = Array.from({ length: 64 }, (_, index) => `b${index}`);
		const { items } = await deliver(main, ids, { staticData });
		expect(items).toHaveLength(64);
		const documents = fake.rowsOf('mist_memory').filter((row) => row.version === 1);
		expect(documents).toHaveLength(SEEN_SHARDS);
		for (const row of documents)
			expect(row.key).toMatch(/^trigger:seen:wf-trigger-1:Juniper Mist Trigger:[0-7]$/);
		const keys = documents.flatMap((row) => Object.keys(JSON.parse(String(row.value)) as object));
		expect(keys.sort()).toEqual(items.map((item) => String(item.dedupKey)).sort());
		expect(staticData).toEqual(registered());
	});

	it('claims a delivery of many events with one read and one write per shard document', async () => {
		const fake = new FakeDataTables();
		const main = startProcess();
		const first = Array.from({ length: 64 }, (_, index) => `m${index}`);
		await deliver(main, first);
		// The first delivery made every shard document: added together, read again once.
		expect(fake.calls.filter((call) => call === 'insert rows')).toHaveLength(1);
		expect(fake.calls.filter((call) => call === 'read rows')).toHaveLength(2);

		fake.calls.length = 0;
		const next = Array.from({ length: 64 }, (_, index) => `n${index}`);
		const { items } = await deliver(main, next);
		expect(items).toHaveLength(64);
		expect(fake.calls).toEqual(['read rows', ...Array(SEEN_SHARDS).fill('update rows')]);
	});

	it('prepares the table and the 8 shard documents on activation: the first delivery only reads and writes', async () => {
		const fake = new FakeDataTables();
		const main = startProcess();
		const hook = createHookContext({
			params: { ...sharedParams, webhookRegistration: 'existing', verifySignature: false },
			sharedMemory: sharedMemoryCredentials,
		});
		await expect(new main().webhookMethods.default.checkExists.call(hook.ctx)).resolves.toBe(true);
		const documents = fake.rowsOf('mist_memory');
		expect(documents.map((row) => row.key).sort()).toEqual(
			Array.from(
				{ length: SEEN_SHARDS },
				(_, shard) => `trigger:seen:wf-trigger-1:Juniper Mist Trigger:${shard}`,
			).sort(),
		);
		expect(documents.every((row) => row.version === 0)).toBe(true);

		fake.calls.length = 0;
		const { items } = await deliver(
			main,
			Array.from({ length: 20 }, (_, index) => `f${index}`),
		);
		expect(items).toHaveLength(20);
		expect(fake.calls[0]).toBe('read rows');
		expect(fake.calls.slice(1).every((call) => call === 'update rows')).toBe(true);
	});

	it('activates even when the shared memory does not answer, and says why in the log', async () => {
		nock('http://n8n-down.test').persist().get(/.*/).query(true).reply(500, { message: 'boom' });
		const main = startProcess();
		const hook = createHookContext({
			params: { ...sharedParams, webhookRegistration: 'existing', verifySignature: false },
			sharedMemory: { ...sharedMemoryCredentials, baseUrl: 'http://n8n-down.test' },
		});
		await expect(new main().webhookMethods.default.checkExists.call(hook.ctx)).resolves.toBe(true);
		const warnings = JSON.stringify(hook.ctx.logger.warn.mock.calls);
		expect(warnings).toMatch(/could not be prepared on activation: .*answered 500/);
		expect(warnings).not.toContain(N8N_LEAK_CANARY);
	});

	it('does not take the documents of a node whose name starts like this one', async () => {
		const fake = new FakeDataTables();
		const main = startProcess();
		await deliver(main, ['p1']);
		const key = eventKey({ ...alarm('p2'), topic: 'alarms' });
		// Node "Juniper Mist Trigger:1" already saw p2: its documents share this node's prefix.
		fake.rowsOf('mist_memory').push({
			id: 10_000,
			namespace: 'noc',
			key: `trigger:seen:wf-trigger-1:Juniper Mist Trigger:1:${seenShard(key)}`,
			version: 1,
			value: JSON.stringify({ [key]: Date.now() }),
		});
		expect((await deliver(main, ['p2'])).items).toHaveLength(1);
	});

	it('reads the credential and opens the memory once a minute, not for every delivery', async () => {
		new FakeDataTables();
		const main = startProcess();
		const first = await deliver(main, ['c1']);
		const second = await deliver(main, ['c2']);
		const memoryReads = (ctx: typeof first.ctx) =>
			ctx.getCredentials.mock.calls.filter(([type]) => type === 'mistSharedMemoryApi').length;
		expect(memoryReads(first.ctx)).toBe(1);
		expect(memoryReads(second.ctx)).toBe(0);
		expect(second.items).toHaveLength(1);
	});

	it('still emits the event, marked unchecked, when the store fails', async () => {
		nock('http://n8n-broken.test')
			.persist()
			.get(/.*/)
			.query(true)
			.reply(500, { message: 'Internal server error' });
		const main = startProcess();
		const broken = { ...sharedMemoryCredentials, baseUrl: 'http://n8n-broken.test' };
		const first = await deliver(main, ['u1'], { sharedMemory: broken });
		expect(first.items).toHaveLength(1);
		expect(first.items[0]).toMatchObject({
			id: 'u1',
			dedup: 'unchecked',
			memory: { store: 'n8n data tables', namespace: 'noc' },
		});
		expect(String((first.items[0].memory as IDataObject).warning)).toMatch(/answered 500/);
		// The copy this process let through is still caught here, without the store.
		expect((await deliver(main, ['u1'], { sharedMemory: broken })).items).toHaveLength(0);
		const everything = JSON.stringify(first.items) + loggedText(first.ctx);
		expect(everything).not.toContain(N8N_LEAK_CANARY);
	});

	it('checks in this process, and says so, while the Data Table API does not answer', async () => {
		let requests = 0;
		nock('http://n8n-old.test')
			.persist()
			.get(/.*/)
			.query(true)
			.reply(() => {
				requests++;
				return [404, { message: 'not found' }];
			});
		const main = startProcess();
		const old = { ...sharedMemoryCredentials, baseUrl: 'http://n8n-old.test' };
		const first = await deliver(main, ['p1'], { sharedMemory: old });
		expect(first.items[0]).toMatchObject({
			dedup: 'process',
			memory: { store: 'this n8n process', namespace: 'noc' },
		});
		expect(String((first.items[0].memory as IDataObject).warning)).toMatch(/did not answer/);
		const requestsOfFirst = requests;
		const copy = await deliver(main, ['p1', 'p2'], { sharedMemory: old });
		expect(copy.items.map((item) => [item.id, item.dedup])).toEqual([['p2', 'process']]);
		expect(requests).toBe(requestsOfFirst);
		expect(loggedText(first.ctx) + JSON.stringify(copy.items)).not.toContain(N8N_LEAK_CANARY);
	});

	it('stops the delivery when n8n refuses the API key, without the key, and lets a retry through', async () => {
		nock('http://n8n-refusing.test')
			.persist()
			.get(/.*/)
			.query(true)
			.reply(401, { message: 'unauthorized' });
		const main = startProcess();
		const refusing = { ...sharedMemoryCredentials, baseUrl: 'http://n8n-refusing.test' };
		const failure = await deliver(main, ['r1'], { sharedMemory: refusing }).catch(
			(error: Error & { description?: string }) => error,
		);
		expect(failure).toBeInstanceOf(Error);
		const error = failure as Error & { description?: string };
		expect(error.description).toMatch(/API key/);
		expect(JSON.stringify({ ...error, message: error.message })).not.toContain(N8N_LEAK_CANARY);
		// Nothing was let through, so Mist's retry (after the key was fixed) is not taken for a copy.
		nock.cleanAll();
		answerAlarmDefinitions();
		new FakeDataTables('http://n8n-refusing.test');
		expect((await deliver(main, ['r1'], { sharedMemory: refusing })).items).toHaveLength(1);
	});

	it('keeps the default: this process only, no request, static data untouched', async () => {
		const fake = new FakeDataTables();
		const main = startProcess();
		const staticData = registered();
		const params = { ...sharedParams, memory: undefined, memoryNamespace: undefined };
		const first = await deliver(main, ['w1'], { params, staticData });
		expect(first.items[0]).toMatchObject({
			dedup: 'workflow',
			memory: { store: 'this n8n process', namespace: 'workflow' },
		});
		expect((await deliver(main, ['w1'], { params, staticData })).items).toHaveLength(0);
		expect(fake.calls).toEqual([]);
		expect(staticData).toEqual(registered());
	});
});
