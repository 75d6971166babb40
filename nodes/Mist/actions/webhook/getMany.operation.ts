import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { limitProperty, returnAllProperty } from '../../../shared/descriptions/common';
import type { MistClient } from '../../../shared/transport/MistClient';
import { maskWebhook } from './mask';
import { webhookScopeProperties, webhooksPath } from './scope';

const properties: INodeProperties[] = [...webhookScopeProperties, returnAllProperty, limitProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	const path = await webhooksPath(this, client, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const webhooks = await client.getAllList<IDataObject>({ path, itemIndex }, { returnAll, limit });
	return webhooks.map(maskWebhook);
}
