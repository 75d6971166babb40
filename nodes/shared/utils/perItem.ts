import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError } from './errors';

/** What a resource/operation node offers the router: operations by resource, each run per item. */
export interface OperationTable<Client> {
	[resource: string]: {
		operations: Record<
			string,
			{
				execute(
					this: IExecuteFunctions,
					itemIndex: number,
					client: Client,
				): Promise<IDataObject | IDataObject[]>;
			}
		>;
	};
}

/** Finds the item's resource/operation handler and runs it; an unknown pair is an error naming both. */
export async function runOperation<Client>(
	ctx: IExecuteFunctions,
	table: OperationTable<Client>,
	itemIndex: number,
	client: Client,
): Promise<IDataObject[]> {
	const resource = ctx.getNodeParameter('resource', itemIndex) as string;
	const operation = ctx.getNodeParameter('operation', itemIndex) as string;
	const handler = table[resource]?.operations[operation];
	if (!handler) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" is not supported for "${resource}"`,
			{ itemIndex },
		);
	}
	const result = await handler.execute.call(ctx, itemIndex, client);
	return Array.isArray(result) ? result : [result];
}

/**
 * The per-item loop of every resource/operation node: each item's records are paired with it;
 * with Continue On Fail a failure stays with its item, otherwise the first one stops the node.
 */
export async function forEachItem(
	ctx: IExecuteFunctions,
	run: (itemIndex: number) => Promise<IDataObject[]>,
): Promise<INodeExecutionData[][]> {
	const output: INodeExecutionData[] = [];
	const count = ctx.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		let records: IDataObject[] = [];
		let failure: Error | undefined;
		try {
			records = await run(itemIndex);
		} catch (error) {
			failure = error as Error;
		}
		if (failure) {
			output.push(itemFailure(ctx, itemIndex, failure));
			continue;
		}
		output.push(
			...ctx.helpers.constructExecutionMetaData(ctx.helpers.returnJsonArray(records), {
				itemData: { item: itemIndex },
			}),
		);
	}
	return [output];
}

/**
 * A failed item, the same on every node: without Continue On Fail the error stops the node (as an
 * n8n error naming the item); with it, the item becomes `{ error, description, …context }` paired
 * with the input item, for the caller to put on the output it keeps failures on.
 */
export function itemFailure(
	ctx: IExecuteFunctions,
	itemIndex: number,
	failure: Error | string,
	context: IDataObject = {},
): INodeExecutionData {
	const error =
		typeof failure === 'string'
			? new NodeOperationError(ctx.getNode(), failure, { itemIndex })
			: failure;
	if (!ctx.continueOnFail()) throw asNodeError(ctx.getNode(), error, itemIndex);
	return {
		json: {
			error: error.message,
			description: (error as { description?: string | null }).description ?? null,
			...context,
		},
		pairedItem: { item: itemIndex },
	};
}
