import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { MistClient } from '../../../shared/transport/MistClient';
import { requireTopics } from '../../../shared/webhooks';
import {
	additionalFieldsProperty,
	nameProperty,
	optionalWebhookFields,
	requireWebhookName,
	requireWebhookUrl,
	topicsProperty,
	urlProperty,
} from './fields';
import { maskWebhook } from './mask';
import { webhookScopeProperties, webhooksPath } from './scope';

const properties: INodeProperties[] = [
	...webhookScopeProperties,
	nameProperty,
	urlProperty,
	topicsProperty,
	additionalFieldsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['create'] } },
	properties,
);

/** Creates an http-post webhook; the answer is returned with its secrets masked. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject> {
	const path = await webhooksPath(this, client, itemIndex);
	const body: IDataObject = {
		name: requireWebhookName(this, this.getNodeParameter('name', itemIndex, ''), itemIndex),
		type: 'http-post',
		url: requireWebhookUrl(this, this.getNodeParameter('url', itemIndex, ''), itemIndex),
		topics: requireTopics(
			this.getNode(),
			this.getNodeParameter('topics', itemIndex, []),
			itemIndex,
		),
		...optionalWebhookFields(
			this,
			this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
			itemIndex,
		),
	};
	if (body.secret === '') delete body.secret;
	const created = await client.request<IDataObject>({ method: 'POST', path, body, itemIndex });
	return maskWebhook(created);
}
