import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { MistClient } from '../../../shared/transport/MistClient';
import { optionalWebhookFields, updateFieldsProperty } from './fields';
import { maskWebhook } from './mask';
import { readWebhookId, webhookIdProperty, webhookScopeProperties, webhooksPath } from './scope';

const properties: INodeProperties[] = [
	...webhookScopeProperties,
	webhookIdProperty,
	updateFieldsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['update'] } },
	properties,
);

/** Sends only the fields the user set, so the others keep their values in Mist. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject> {
	const path = await webhooksPath(this, client, itemIndex);
	const webhookId = readWebhookId(this, itemIndex);
	const body = optionalWebhookFields(
		this,
		this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
		itemIndex,
	);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Invalid Update Fields: no field to update', {
			description: 'Add at least one field under Update Fields.',
			itemIndex,
		});
	}
	const updated = await client.request<IDataObject>({
		method: 'PUT',
		path: `${path}/${webhookId}`,
		body,
		itemIndex,
	});
	return maskWebhook(updated);
}
