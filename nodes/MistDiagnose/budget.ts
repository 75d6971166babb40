import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { BUDGET_PREFIX, SweepBudget } from '../shared/budget/governor';
import type { MistMemory } from '../shared/memory/types';
import { wholeNumberInRange } from '../shared/params/readers';
import { warnInOutputPane } from '../shared/utils/hints';
import type { MistClient } from '../shared/transport/MistClient';
import { readOnce } from './collect/executionReads';
import type { ExecutionReads } from './collect/executionReads';

/**
 * The sweep's API budget, opened by the first Diagnose node of the execution and shared by the
 * others (their options must agree; the first one's count). The ledger is one document per Mist
 * credential in the node's Memory: with Memory "Shared", every workflow and worker on the token
 * writes the same one. Undefined when Pace to API Budget is off.
 */
export async function openSweepBudget(
	ctx: IExecuteFunctions,
	client: MistClient,
	memory: MistMemory,
	reads: ExecutionReads,
	options: IDataObject,
): Promise<SweepBudget | undefined> {
	if (options.paceToBudget === false) return undefined;
	const reserve = wholeNumberInRange(
		ctx.getNode(),
		options.budgetReserve ?? 500,
		'API Budget Reserve',
		0,
		1e6,
	);
	const sharePercent = wholeNumberInRange(
		ctx.getNode(),
		options.budgetShare ?? 0,
		'API Budget Share (%)',
		0,
		100,
	);
	const credentialId = ctx.getNode().credentials?.mistApi?.id ?? 'unsaved';
	let budget: SweepBudget;
	try {
		budget = await readOnce(reads, 'sweepBudget', async () =>
			SweepBudget.open({
				memory,
				key: `${BUDGET_PREFIX}${credentialId}`,
				workflow: ctx.getWorkflow()?.id ?? 'unsaved',
				readUsage: async () => await client.apiUsage(),
				now: () => Date.now(),
				policy: { reserve, ...(sharePercent > 0 ? { share: sharePercent / 100 } : {}) },
			}),
		);
	} catch (error) {
		// A ledger the memory cannot give costs the pacing of this run, not the sweep.
		warnInOutputPane(ctx, `The API budget ledger could not be read: ${(error as Error).message}`);
		return undefined;
	}
	budget.attach(client.stats);
	return budget;
}

/** Records the node's calls in the ledger; a ledger that cannot be written costs a warning, not the sweep. */
export async function recordSweepBudget(ctx: IExecuteFunctions, budget: SweepBudget | undefined) {
	try {
		await budget?.record();
	} catch (error) {
		warnInOutputPane(ctx, `The API budget ledger was not updated: ${(error as Error).message}`);
	}
}
