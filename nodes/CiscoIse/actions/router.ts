import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError } from '../../shared/utils/errors';
import { IseClient } from '../transport/IseClient';
import { resources } from './resources';

/**
 * Runs the chosen operation once per input item with one client for the whole execution.
 * Failures stay with their item when Continue On Fail is set.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const client = new IseClient(this);
	const output: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let records: IDataObject[] = [];
		let failure: Error | undefined;
		try {
			records = await runOperation.call(this, itemIndex, client);
		} catch (error) {
			failure = error as Error;
		}
		if (failure) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), failure, itemIndex);
			output.push({
				json: { error: failure.message, description: (failure as { description?: string }).description ?? null },
				pairedItem: { item: itemIndex },
			});
			continue;
		}
		output.push(...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(records), { itemData: { item: itemIndex } }));
	}
	return [output];
}

async function runOperation(this: IExecuteFunctions, itemIndex: number, client: IseClient): Promise<IDataObject[]> {
	const resource = this.getNodeParameter('resource', itemIndex) as string;
	const operation = this.getNodeParameter('operation', itemIndex) as string;
	const handler = resources[resource]?.operations[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`, {
			itemIndex,
		});
	}
	const result = await handler.execute.call(this, itemIndex, client);
	return Array.isArray(result) ? result : [result];
}
