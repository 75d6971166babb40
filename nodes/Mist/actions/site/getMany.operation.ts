import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	limitProperty,
	returnAllProperty,
	simplifyProperty,
} from '../../../shared/descriptions/common';
import { orgLocator } from '../../../shared/descriptions/locators';
import type { MistClient } from '../../../shared/transport/MistClient';
import { simplifyIfAsked } from '../../../shared/params/readers';
import { resolveOrgId } from '../../../shared/params/scope';
import { simplifySite } from './simplify';

const properties: INodeProperties[] = [
	orgLocator,
	returnAllProperty,
	limitProperty,
	simplifyProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['site'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	const orgId = await resolveOrgId(this, client, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const sites = await client.getAllList<IDataObject>(
		{ path: `/orgs/${orgId}/sites`, itemIndex },
		{ returnAll, limit },
	);
	return simplifyIfAsked(this, itemIndex, sites, simplifySite);
}
