import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { Mist } from '../../../nodes/Mist/Mist.node';
import { BUDGET_PREFIX, SweepBudget } from '../../../nodes/shared/budget/governor';
import type { BudgetLedger } from '../../../nodes/shared/budget/ledger';
import { StaticDataMemory } from '../../../nodes/shared/memory/staticDataMemory';
import { createExecuteContext, MIST_TEST_URL, SITE_ID } from '../../helpers/executeContext';

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
	nock.cleanAll();
	nock.enableNetConnect();
});

const CREDENTIAL_ID = 'mistCred1';

/** Runs a Juniper Mist site read for `items` sites on the given global static data. */
async function readSites(staticData: IDataObject, count: number, memory = 'workflow') {
	nock(MIST_TEST_URL)
		.get(`/api/v1/sites/${SITE_ID}`)
		.times(count)
		.reply(200, { id: SITE_ID, name: 'HQ' });
	const ctx = createExecuteContext({
		params: {
			resource: 'site',
			operation: 'get',
			site: { __rl: true, mode: 'id', value: SITE_ID },
			memory,
		},
		items: Array.from({ length: count }, () => ({ json: {} })),
		staticData,
		node: { credentials: { mistApi: { id: CREDENTIAL_ID, name: 'Mist' } } },
	});
	ctx.getWorkflow.mockReturnValue({ id: 'wfDashboard', name: 'dashboard', active: true });
	const output = await new Mist().execute.call(ctx);
	return { output, ctx };
}

const ledgerIn = async (staticData: IDataObject) =>
	await new StaticDataMemory(staticData, {
		store: 'workflow static data',
		namespace: 'workflow',
	}).read<BudgetLedger>(`${BUDGET_PREFIX}${CREDENTIAL_ID}`);

describe('Juniper Mist › API budget ledger', () => {
	it("records the execution's calls under its workflow, as calls the sweeps are not paced by", async () => {
		const staticData: IDataObject = {};
		await readSites(staticData, 3);
		await readSites(staticData, 2);
		const ledger = await ledgerIn(staticData);
		expect(ledger?.recordedSince).toBe(5);
		expect(ledger?.unpaced).toEqual({ wfDashboard: 5 });
		expect(ledger?.workflows).toEqual({});
	});

	it("leaves a sweep of the same token less room by the node's calls", async () => {
		const open = async (staticData: IDataObject) =>
			await SweepBudget.open({
				memory: new StaticDataMemory(staticData, {
					store: 'workflow static data',
					namespace: 'workflow',
				}),
				key: `${BUDGET_PREFIX}${CREDENTIAL_ID}`,
				workflow: 'wfSweep',
				readUsage: async () => undefined,
				now: () => Date.now(),
			});
		const quiet = await open({});
		const staticData: IDataObject = {};
		await readSites(staticData, 4);
		const afterReads = await open(staticData);
		expect(quiet.grant.hardRemaining - afterReads.grant.hardRemaining).toBe(4);
	});

	it('keeps its output and warns when the ledger cannot be written', async () => {
		// Shared memory without its credential: the ledger is out of reach, the read is not.
		const { output, ctx } = await readSites({}, 1, 'shared');
		expect(output[0]).toEqual([{ json: { id: SITE_ID, name: 'HQ' }, pairedItem: { item: 0 } }]);
		expect(ctx.addExecutionHints).toHaveBeenCalledWith(
			expect.objectContaining({
				type: 'warning',
				message: expect.stringContaining('not recorded in the API budget ledger'),
			}),
		);
	});

	it('records nothing when the node made no call', async () => {
		const staticData: IDataObject = {};
		const ctx = createExecuteContext({
			params: {
				resource: 'site',
				operation: 'get',
				site: { __rl: true, mode: 'id', value: 'bad' },
			},
			staticData,
			continueOnFail: true,
		});
		await new Mist().execute.call(ctx);
		expect(await ledgerIn(staticData)).toBeUndefined();
	});
});
