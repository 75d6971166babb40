import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { MistClient } from '../../../shared/transport/MistClient';

/** No parameters: the usage belongs to the token of the credential. */
export const description: INodeProperties[] = [];

/**
 * API calls made with this token in the current hour (Mist allows 5,000), plus what is left,
 * so a workflow can slow down before Mist answers 429.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject> {
	const usage = await client.request<IDataObject>({ path: '/self/usage', itemIndex });
	const limit = usage && typeof usage === 'object' ? usage.request_limit : undefined;
	const used = usage && typeof usage === 'object' ? usage.requests : undefined;
	if (typeof limit !== 'number' || typeof used !== 'number') {
		throw new NodeOperationError(
			this.getNode(),
			'Mist answered /self/usage without numeric request_limit and requests',
			{
				description: 'The endpoint may have changed on this cloud or API version.',
				itemIndex,
			},
		);
	}
	return {
		...usage,
		remaining: Math.max(0, limit - used),
		percentUsed: limit > 0 ? Math.round((used / limit) * 1000) / 10 : null,
	};
}
