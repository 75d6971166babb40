import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orgLocator, siteLocator } from '../../../shared/descriptions/locators';
import type { MistClient } from '../../../shared/transport/MistClient';
import { resolveSiteId } from '../../../shared/params/scope';

const properties: INodeProperties[] = [
	{ ...orgLocator, description: 'Only used to list the sites in the Site picker' },
	siteLocator,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['site'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject> {
	const siteId = resolveSiteId(this, itemIndex);
	return await client.request<IDataObject>({ path: `/sites/${siteId}`, itemIndex });
}
