import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as acknowledge from './acknowledge.operation';
import * as evaluate from './evaluate.operation';
import * as getIncidents from './getIncidents.operation';

const operations: Record<
	string,
	{ execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> }
> = {
	acknowledge,
	evaluate,
	getIncidents,
};

/** Runs the chosen operation once over all items: incidents are a state of the whole run, not of one item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = operations[operation];
	if (!handler)
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`);
	return await handler.execute.call(this);
}
