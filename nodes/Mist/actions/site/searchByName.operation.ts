import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	limitProperty,
	returnAllProperty,
	simplifyProperty,
} from '../../../shared/descriptions/common';
import { orgLocator } from '../../../shared/descriptions/locators';
import type { MistClient } from '../../../shared/transport/MistClient';
import { resolveOrgId } from '../../../shared/params/scope';
import { simplifySite } from './simplify';

const properties: INodeProperties[] = [
	orgLocator,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'HQ-*',
		description: 'Site name to look for; Mist accepts * as a wildcard',
	},
	returnAllProperty,
	limitProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['site'], operation: ['searchByName'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	const orgId = await resolveOrgId(this, client, itemIndex);
	const name = String(this.getNodeParameter('name', itemIndex, '')).trim();
	if (!name) {
		throw new NodeOperationError(this.getNode(), 'Invalid Name: it is empty', {
			description: 'Enter the site name, or a pattern such as HQ-*.',
			itemIndex,
		});
	}
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const sites = await client.getAllSearch<IDataObject>(
		{ path: `/orgs/${orgId}/sites/search`, qs: { name }, itemIndex },
		{ returnAll, limit },
	);
	return simplify ? sites.map(simplifySite) : sites;
}
