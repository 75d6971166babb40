import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	limitProperty,
	returnAllProperty,
	timeRangeProperties,
} from '../../../shared/descriptions/common';
import { orgLocator, siteLocator } from '../../../shared/descriptions/locators';
import type { MistClient } from '../../../shared/transport/MistClient';
import { resolveSiteId } from '../../../shared/params/scope';
import { readTimeRange } from '../../../shared/params/readers';
import { optionalBandProperty, readOptionalBand } from './band';

const properties: INodeProperties[] = [
	{ ...orgLocator, description: 'Only used to list the sites in the Site picker' },
	siteLocator,
	optionalBandProperty,
	...timeRangeProperties,
	returnAllProperty,
	limitProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['rf'], operation: ['getRrmEvents'] } },
	properties,
);

/** One item per RRM change (channel, power, bandwidth before and after, and why). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	const siteId = resolveSiteId(this, itemIndex);
	const band = readOptionalBand(this, itemIndex);
	const qs: IDataObject = { ...readTimeRange(this, itemIndex) };
	if (band) qs.band = band;
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	// Pages take limit/page but also carry `next`, which is the reliable way on.
	return await client.getAllSearch<IDataObject>(
		{ path: `/sites/${siteId}/rrm/events`, qs, itemIndex },
		{ returnAll, limit },
	);
}
