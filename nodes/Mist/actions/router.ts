import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { recordCallsInBudget } from '../../shared/budget/recordCalls';
import { MistClient } from '../../shared/transport/MistClient';
import { forEachItem, runOperation } from '../../shared/utils/perItem';
import { resources } from './resources';

/**
 * Runs the chosen operation once per input item. One client serves the whole execution, so its
 * call count is the execution's API cost (added to each item with Include Request Stats), and
 * what it records in the token's API budget ledger once the items are done.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const client = new MistClient(this);
	const output = await forEachItem(this, async (itemIndex) => {
		const records = await runOperation(this, resources, itemIndex, client);
		const includeStats = this.getNodeParameter('includeRequestStats', itemIndex, false) as boolean;
		return includeStats
			? records.map((record) => ({ ...record, _requestStats: { ...client.stats } }))
			: records;
	});
	await recordCallsInBudget(this, client.stats);
	return output;
}
