import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forEachItem, runOperation } from '../../shared/utils/perItem';
import { IseClient } from '../transport/IseClient';
import { resources } from './resources';

/** Runs the chosen operation once per input item with one ISE client for the whole execution. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const client = new IseClient(this);
	return await forEachItem(
		this,
		async (itemIndex) => await runOperation(this, resources, itemIndex, client),
	);
}
