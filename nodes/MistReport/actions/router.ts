import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as generate from './generate.operation';
import * as renderDashboard from './renderDashboard.operation';
import * as toHistoryRows from './toHistoryRows.operation';

const operations: Record<
	string,
	{ execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> }
> = {
	generate,
	renderDashboard,
	toHistoryRows,
};

/** Runs the chosen operation over all items: a report or a dashboard is built from every item at once. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = operations[operation];
	if (!handler)
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`);
	return await handler.execute.call(this);
}
