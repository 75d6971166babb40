import nock from 'nock';
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, JsonObject } from 'n8n-workflow';

import { sharedMemoryCredential } from '../../../nodes/shared/memory/description';
import { forgetTableIds } from '../../../nodes/shared/memory/tables';
import { MistRemediate } from '../../../nodes/MistRemediate/MistRemediate.node';
import { GUARDRAILS_KEY } from '../../../nodes/MistRemediate/guardrails/claims';
import { FakeDataTables } from '../../helpers/fakeDataTables';
import { AP1, apId, NOW, SITE_ID } from './fixtures';
import {
	expectNoSecrets,
	restart,
	restartCounter,
	runShared,
	sharedContext,
	siteAnswers,
} from './sharedFixtures';
import type { SharedRun } from './sharedFixtures';

const MIN = 60_000;
const TEN = Array.from({ length: 10 }, (_, i) => i);

/** The guardrail document as stored in the fake n8n (one row per namespace and key). */
function guardrailDocument(fake: FakeDataTables): { actions: IDataObject[] } | undefined {
	const row = fake
		.rowsOf('mist_memory')
		.filter((entry) => entry.key === GUARDRAILS_KEY && entry.value !== '')
		.sort((a, b) => a.id - b.id)[0];
	return row ? (JSON.parse(String(row.value)) as { actions: IDataObject[] }) : undefined;
}

const done = (runs: SharedRun[]) => runs.filter((run) => run.actions.length > 0);

describe('Juniper Mist Remediate › shared memory (claims and audit in n8n Data Tables)', () => {
	let fake: FakeDataTables;
	let clock: jest.SpyInstance;

	beforeEach(() => {
		nock.disableNetConnect();
		forgetTableIds();
		fake = new FakeDataTables();
		clock = jest.spyOn(Date, 'now').mockReturnValue(NOW);
	});
	afterEach(() => {
		clock.mockRestore();
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('restarts an AP once when ten executions want it at once (cooldown 30 min)', async () => {
		siteAnswers();
		const restarted = restartCounter();
		const runs = await Promise.all(
			TEN.map(async (i) => await runShared(restart(AP1), `exec-${i}`)),
		);

		expect(restarted).toEqual([AP1]);
		const winners = done(runs);
		expect(winners).toHaveLength(1);
		const winner = winners[0];
		expect(winner.actions[0].json).toMatchObject({
			status: 'done',
			claim: {
				held: true,
				targets: [`restartDevice:device:${AP1}`],
				at: '2026-11-24T14:00:00.000Z',
				until: '2026-11-24T14:30:00.000Z',
			},
			memory: { store: 'n8n data tables', namespace: 'ops' },
		});
		const losers = runs.filter((run) => run !== winner);
		expect(losers).toHaveLength(9);
		for (const loser of losers) {
			expect(loser.actions).toEqual([]);
			expect(loser.skipped[0].json).toMatchObject({
				status: 'skipped',
				guardrail: { decision: 'blocked', rule: 'cooldown' },
				reason: expect.stringContaining(`claimed by execution ${winner.execution}`),
			});
		}
		expect(guardrailDocument(fake)?.actions).toEqual([
			expect.objectContaining({
				at: NOW,
				siteId: SITE_ID,
				operation: 'restartDevice',
				execution: winner.execution,
				keepUntil: NOW + 60 * MIN,
			}),
		]);
	});

	it('keeps the AP share limit (2 of 10 APs) across ten executions on different APs', async () => {
		siteAnswers(10);
		const restarted = restartCounter();
		const runs = await Promise.all(
			TEN.map(async (i) => await runShared(restart(apId(i + 1)), `exec-${i}`)),
		);

		expect(restarted).toHaveLength(2);
		const winners = done(runs).map((run) => run.execution);
		expect(winners).toHaveLength(2);
		const skipped = runs.filter((run) => run.actions.length === 0);
		expect(skipped).toHaveLength(8);
		for (const run of skipped) {
			expect(run.skipped[0].json.guardrail).toMatchObject({
				decision: 'blocked',
				rule: 'AP share',
			});
			const reason = String(run.skipped[0].json.reason);
			for (const execution of winners) expect(reason).toContain(execution);
		}
	});

	it('writes one audit log row per execution, the record the node outputs', async () => {
		siteAnswers();
		restartCounter();
		const runs = await Promise.all(
			TEN.map(async (i) => await runShared(restart(AP1), `exec-${i}`)),
		);

		const rows = fake.rowsOf('mist_log');
		expect(rows).toHaveLength(10);
		expect(rows.every((row) => row.kind === 'audit' && row.subject === SITE_ID)).toBe(true);
		expect(rows.every((row) => row.namespace === 'ops' && row.at === NOW)).toBe(true);
		const statuses = rows.map((row) => (JSON.parse(String(row.value)) as IDataObject).status);
		expect(statuses.sort()).toEqual(['done', ...Array(9).fill('skipped')]);
		const output = [...runs.flatMap((run) => [...run.actions, ...run.skipped])];
		const { memory, ...record } = output.find((item) => item.json.status === 'done')!.json;
		expect(memory).toEqual({ store: 'n8n data tables', namespace: 'ops' });
		const logged = rows.map((row) => JSON.parse(String(row.value)) as IDataObject);
		expect(logged).toContainEqual(record);
	});

	it('keeps the claim when the restart fails, so the next run waits for the cooldown', async () => {
		siteAnswers();
		const failing = restartCounter(500);
		const first = await runShared(restart(AP1), 'exec-fail', true);
		expect(failing).toEqual([AP1]);
		expect(first.skipped[0].json).toMatchObject({
			status: 'failed',
			claim: {
				held: true,
				targets: [`restartDevice:device:${AP1}`],
				at: '2026-11-24T14:00:00.000Z',
				until: '2026-11-24T14:30:00.000Z',
			},
		});

		clock.mockReturnValue(NOW + 5 * MIN);
		const second = await runShared(restart(AP1), 'exec-next', true);
		expect(failing).toHaveLength(1);
		expect(second.skipped[0].json).toMatchObject({
			status: 'skipped',
			guardrail: { rule: 'cooldown' },
			reason: expect.stringContaining('claimed by execution exec-fail'),
		});
		expect(fake.rowsOf('mist_log').map((row) => row.subject)).toEqual([SITE_ID, SITE_ID]);
	});

	it('claims nothing and sends nothing in a dry run, saying what it would claim', async () => {
		siteAnswers();
		const restarted = restartCounter();
		const dry = await runShared(restart(AP1, { dryRun: true }), 'exec-dry');
		expect(restarted).toEqual([]);
		expect(dry.actions[0].json).toMatchObject({
			status: 'dry-run',
			claim: { held: false, targets: [`restartDevice:device:${AP1}`] },
		});
		expect(guardrailDocument(fake)).toBeUndefined();
		expect(fake.rowsOf('mist_log')).toHaveLength(1);

		const real = await runShared(restart(AP1), 'exec-real');
		expect(real.actions[0].json.status).toBe('done');
		expect(restarted).toEqual([AP1]);
	});

	it('keeps the n8n API key out of the error when n8n refuses it', async () => {
		nock.cleanAll();
		nock('http://n8n.test').get('/api/v1/data-tables').query(true).reply(401, { message: 'no' });
		const error = await new MistRemediate().execute
			.call(sharedContext(restart(AP1), 'exec-401'))
			.catch((caught: Error) => caught);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toContain('n8n answered 401');
		expectNoSecrets(error);
	});

	it("falls back to this workflow's static data with a warning in the items and a hint", async () => {
		siteAnswers();
		restartCounter();
		const ctx = sharedContext(restart(AP1), 'exec-fallback');
		const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5678'), {
			code: 'ECONNREFUSED',
		});
		ctx.helpers.httpRequestWithAuthentication.mockRejectedValueOnce(
			new NodeApiError(ctx.getNode(), refused as unknown as JsonObject),
		);
		const [actions] = await new MistRemediate().execute.call(ctx);
		const memory = actions[0].json.memory as IDataObject;
		expect(memory).toMatchObject({ store: 'workflow static data', namespace: 'ops' });
		expect(memory.warning).toContain('not shared with other workflows or workers');
		expect(ctx.addExecutionHints).toHaveBeenCalledWith(
			expect.objectContaining({ message: memory.warning, type: 'warning' }),
		);
		expect(fake.rowsOf('mist_log')).toEqual([]);
	});

	it('offers the shared memory credential only when the memory is shared', () => {
		const { credentials, properties } = new MistRemediate().description;
		expect(credentials?.find((entry) => entry.name === 'mistSharedMemoryApi')).toEqual(
			sharedMemoryCredential,
		);
		const memory = properties.find((property) => property.name === 'memory');
		expect(memory?.default).toBe('workflow');
	});
});
