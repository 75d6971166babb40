import type { IExecuteFunctions } from 'n8n-workflow';

import { openMemory } from '../memory/open';
import type { RequestStats } from '../transport/requestStats';
import { warnInOutputPane } from '../utils/hints';
import { BUDGET_PREFIX } from './governor';
import { currentLedger, recordedUnpaced } from './ledger';
import type { BudgetLedger } from './ledger';

/**
 * Records the Mist calls of a node that does not sweep (a Juniper Mist read, a remediation) in
 * the token's API budget ledger, so that the sweeps' pacing counts them before the next
 * `/self/usage` reconcile does. The ledger lives where the node's Memory says (the workflow's
 * global static data, as Mist Diagnose keeps it, or the shared Data Tables). A ledger that cannot
 * be written costs a warning, never the node's result.
 */
export async function recordCallsInBudget(
	ctx: IExecuteFunctions,
	stats: RequestStats,
	now = Date.now(),
): Promise<void> {
	if (stats.calls <= 0) return;
	try {
		const memory = await openMemory(ctx, { staticData: 'global' });
		const credentialId = ctx.getNode().credentials?.mistApi?.id ?? 'unsaved';
		const workflow = ctx.getWorkflow()?.id ?? 'unsaved';
		await memory.update<BudgetLedger, void>(`${BUDGET_PREFIX}${credentialId}`, (stored) => ({
			value: recordedUnpaced(currentLedger(stored, now), workflow, stats.calls),
			result: undefined,
		}));
	} catch (error) {
		warnInOutputPane(
			ctx,
			`This node's Mist calls were not recorded in the API budget ledger: ${(error as Error).message}`,
		);
	}
}
