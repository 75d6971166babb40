import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { MistClient } from '../../../shared/transport/MistClient';
import { maskWebhook } from './mask';
import { readWebhookId, webhookIdProperty, webhookScopeProperties, webhooksPath } from './scope';

const properties: INodeProperties[] = [...webhookScopeProperties, webhookIdProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject> {
	const path = await webhooksPath(this, client, itemIndex);
	const webhookId = readWebhookId(this, itemIndex);
	return maskWebhook(
		await client.request<IDataObject>({ path: `${path}/${webhookId}`, itemIndex }),
	);
}
