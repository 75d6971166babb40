import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { limitProperty, returnAllProperty } from '../../../shared/descriptions/common';
import { orgLocator, siteLocator } from '../../../shared/descriptions/locators';
import type { MistClient } from '../../../shared/transport/MistClient';
import { resolveSiteId } from '../../../shared/params/scope';
import { bandProperty, readBand } from './band';

const properties: INodeProperties[] = [
	{ ...orgLocator, description: 'Only used to list the sites in the Site picker' },
	siteLocator,
	bandProperty,
	returnAllProperty,
	limitProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['rf'], operation: ['getRrmNeighbors'] } },
	properties,
);

/** One item per AP with the neighbor APs it hears on the band and their RSSI. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	const siteId = resolveSiteId(this, itemIndex);
	const band = readBand(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const neighbors = await client.getAllSearch<IDataObject>(
		{ path: `/sites/${siteId}/rrm/neighbors/band/${band}`, itemIndex },
		{ returnAll, limit },
	);
	return neighbors.map((entry) => ({ ...entry, band }));
}
