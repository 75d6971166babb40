import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { MistClient } from '../../../shared/transport/MistClient';
import { readWebhookId, webhookIdProperty, webhookScopeProperties, webhooksPath } from './scope';

const properties: INodeProperties[] = [...webhookScopeProperties, webhookIdProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['ping'] } },
	properties,
);

/** Asks Mist to send a `ping` event to the webhook's URL, to test the receiver. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject> {
	const path = await webhooksPath(this, client, itemIndex);
	const webhookId = readWebhookId(this, itemIndex);
	await client.request({ method: 'POST', path: `${path}/${webhookId}/ping`, itemIndex });
	return { id: webhookId, pinged: true };
}
