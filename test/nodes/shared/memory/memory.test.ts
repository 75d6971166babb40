import nock from 'nock';
import { NodeApiError } from 'n8n-workflow';
import type { JsonObject } from 'n8n-workflow';

import { openMemory } from '../../../../nodes/shared/memory/open';
import { forgetTableIds } from '../../../../nodes/shared/memory/tables';
import type { MistMemory } from '../../../../nodes/shared/memory/types';
import { createExecuteContext, serialise } from '../../../helpers/executeContext';
import {
	FakeDataTables,
	N8N_LEAK_CANARY,
	n8nApiKeyAuth,
	sharedMemoryCredentials,
} from '../../../helpers/fakeDataTables';
import { useOfflineNock } from '../../../helpers/runMist';

useOfflineNock();
beforeEach(() => forgetTableIds());

function context(params: Record<string, unknown>, staticData = {}, baseUrl?: string) {
	return createExecuteContext({
		params,
		staticData,
		credentials: {
			mistSharedMemoryApi: { ...sharedMemoryCredentials, ...(baseUrl ? { baseUrl } : {}) },
		},
		authenticators: { mistSharedMemoryApi: n8nApiKeyAuth },
	});
}

const shared = (namespace = 'default') => ({ memory: 'shared', memoryNamespace: namespace });

async function openShared(namespace = 'default'): Promise<MistMemory> {
	return await openMemory(context(shared(namespace)));
}

/** A claim on a target: only a change that finds it free takes it. */
const claim = (who: string) => (current: { holder: string } | undefined) =>
	current ? { result: false } : { value: { holder: who }, result: true };

describe('shared memory in n8n Data Tables', () => {
	it('creates its two tables on first use and keeps documents per namespace', async () => {
		const fake = new FakeDataTables();
		const teamA = await openShared('team-a');
		const teamB = await openShared('team-b');
		await teamA.update('incidents', () => ({ value: { open: 3 }, result: null }));

		expect([...fake.tables.values()].map((table) => table.name).sort()).toEqual([
			'mist_log',
			'mist_memory',
		]);
		expect(teamA.location).toEqual({ store: 'n8n data tables', namespace: 'team-a' });
		expect(await teamA.read('incidents')).toEqual({ open: 3 });
		expect(await teamB.read('incidents')).toBeUndefined();
	});

	it('loses no write when ten executions change one document at once', async () => {
		const fake = new FakeDataTables();
		const memories = await Promise.all(Array.from({ length: 10 }, () => openShared()));
		await Promise.all(
			memories.map((memory) =>
				memory.update<{ count: number }, void>('counter', (current) => ({
					value: { count: (current?.count ?? 0) + 1 },
					result: undefined,
				})),
			),
		);
		expect(await memories[0].read('counter')).toEqual({ count: 10 });
		// Every racer added its own empty row at first; the lowest id is the one document.
		expect(fake.rowsOf('mist_memory')[0]).toMatchObject({ key: 'counter', version: 10 });
	});

	it('looks up and creates each table once when ten first uses start together', async () => {
		const fake = new FakeDataTables();
		const memories = await Promise.all(Array.from({ length: 10 }, () => openShared()));
		await Promise.all(
			memories.map(async (memory, index) => {
				await memory.update(`shard-${index}`, () => ({ value: { index }, result: null }));
			}),
		);
		const tableRequests = fake.calls.filter((call) => / tables?$/.test(call));
		expect(tableRequests.sort()).toEqual([
			'create table',
			'create table',
			'list tables',
			'list tables',
		]);
		expect([...fake.tables.values()]).toHaveLength(2);
	});

	it('gives a claim to exactly one of ten executions, and to nobody once it is held', async () => {
		new FakeDataTables();
		const memories = await Promise.all(Array.from({ length: 10 }, () => openShared()));
		const won = await Promise.all(
			memories.map((memory, index) => memory.update('claim:ap-1', claim(`run-${index}`))),
		);
		expect(won.filter(Boolean)).toHaveLength(1);
		expect(await memories[0].update('claim:ap-1', claim('late'))).toBe(false);
	});

	it('keeps log entries newest first and drops those past retention', async () => {
		const fake = new FakeDataTables();
		const memory = await openShared();
		const day = 24 * 3600_000;
		await memory.append('audit', [{ at: 1_000, subject: 'old', value: { n: 0 } }]);
		await memory.append('audit', [
			{ at: 40 * day, subject: 'site-1', value: { n: 1 } },
			{ at: 40 * day + 5, subject: 'site-2', value: { n: 2 } },
		]);
		await memory.append('report', [{ at: 40 * day, subject: 'daily', value: { n: 3 } }]);

		const audit = await memory.recent('audit');
		expect(audit.map((entry) => entry.subject)).toEqual(['site-2', 'site-1']);
		expect(await memory.recent('audit', { since: 40 * day + 1 })).toHaveLength(1);
		expect(fake.rowsOf('mist_log')).toHaveLength(3);
	});

	it.each([
		['n8n Data Tables', async () => await openShared()],
		['workflow static data', async () => await openMemory(context({ memory: 'workflow' }))],
	])('in %s, reads one subject of a log apart from the others', async (_store, open) => {
		new FakeDataTables();
		const memory = await open();
		// Many dashboard samples must not crowd the daily reports out of a limited read.
		await memory.append(
			'report',
			Array.from({ length: 5 }, (_, n) => ({ at: 100 + n, subject: 'dashboard', value: { n } })),
		);
		await memory.append('report', [{ at: 50, subject: 'daily', value: { n: 'day' } }]);

		const daily = await memory.recent('report', { subject: 'daily', limit: 2 });
		expect(daily.map((entry) => entry.value.n)).toEqual(['day']);
		const samples = await memory.recent('report', { subject: 'dashboard', limit: 2 });
		expect(samples.map((entry) => entry.value.n)).toEqual([4, 3]);
	});

	it('refuses a namespace it cannot use, naming it', async () => {
		new FakeDataTables();
		await expect(openMemory(context(shared('team a/b')))).rejects.toThrow(
			'Namespace "team a/b" is not usable',
		);
	});

	it('names the credential when n8n refuses the API key, without the key', async () => {
		nock('http://n8n.test')
			.get('/api/v1/data-tables')
			.query(true)
			.reply(401, { message: 'unauthorized' });
		const error = await openShared().catch((caught: Error) => caught);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toContain('n8n answered 401');
		expect((error as { description?: string }).description).toContain(
			'Mist Shared Memory API credential',
		);
		expect(serialise(error)).not.toContain(N8N_LEAK_CANARY);
	});

	it("falls back to the workflow's static data, saying so, when n8n's Data Table API does not answer", async () => {
		const staticData = {};
		// Nothing listens there, as with `n8n execute` without a server: n8n hands over the refusal
		// wrapped in NodeApiError (nock's replyWithError leaves stray socket errors behind).
		const ctx = context(shared(), staticData, 'http://n8n-execute.test');
		const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5678'), {
			code: 'ECONNREFUSED',
		});
		ctx.helpers.httpRequestWithAuthentication.mockRejectedValueOnce(
			new NodeApiError(ctx.getNode(), refused as unknown as JsonObject),
		);
		const memory = await openMemory(ctx);
		expect(memory.location.store).toBe('workflow static data');
		expect(memory.location.warning).toContain("n8n's Data Table API at http://n8n-execute.test");
		expect(memory.location.warning).toContain('not shared with other workflows or workers');
		await memory.update('incidents', () => ({ value: { open: 1 }, result: null }));
		expect(staticData).toEqual({ 'memory:default': { incidents: { open: 1 } } });
	});

	it("keeps the workflow's static data when the Memory parameter is left at its default", async () => {
		const memory = await openMemory(context({}));
		expect(memory.location).toEqual({ store: 'workflow static data', namespace: 'workflow' });
	});

	it("keeps this workflow's memory in its static data when asked to", async () => {
		const staticData = {};
		const memory = await openMemory(context({ memory: 'workflow' }, staticData));
		// Reading changes nothing: a changed static data makes n8n save the workflow.
		expect(await memory.read('incidents')).toBeUndefined();
		expect(await memory.recent('audit')).toEqual([]);
		expect(await memory.update('incidents', () => ({ result: 'unchanged' }))).toBe('unchanged');
		expect(staticData).toEqual({});
		expect(memory.location).toEqual({ store: 'workflow static data', namespace: 'workflow' });
		await memory.append('audit', [{ at: 5, subject: 's', value: { ok: true } }]);
		expect(await memory.recent('audit')).toEqual([{ at: 5, subject: 's', value: { ok: true } }]);
		expect(await memory.update('claim', claim('a'))).toBe(true);
		expect(await memory.update('claim', claim('b'))).toBe(false);
	});
});
