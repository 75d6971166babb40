import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	limitProperty,
	returnAllProperty,
	timeRangeProperties,
} from '../../../shared/descriptions/common';
import { orgLocator } from '../../../shared/descriptions/locators';
import { MAX_PAGE_SIZE } from '../../../shared/transport/MistClient';
import type { MistClient } from '../../../shared/transport/MistClient';
import { resolveOrgId } from '../../../shared/params/scope';
import { clientEventTypesProperty } from './descriptions';
import {
	apMacFilter,
	bandFilter,
	protoFilter,
	reasonCodeFilter,
	siteIdFilter,
	ssidFilter,
	wlanIdFilter,
} from '../../../shared/descriptions/filterFields';
import { filtersCollection, filtersQuery } from '../../../shared/descriptions/filters';
import type { FilterField } from '../../../shared/descriptions/filters';
import { readPaging, readTimeRange, readTypeList } from '../../../shared/params/readers';

const DISTINCT = ['band', 'channel', 'proto', 'ssid', 'type', 'wlan_id'];

const filterFields: FilterField[] = [
	apMacFilter,
	bandFilter,
	protoFilter,
	reasonCodeFilter,
	siteIdFilter,
	ssidFilter,
	wlanIdFilter,
];

const properties: INodeProperties[] = [
	orgLocator,
	{
		displayName: 'Count By',
		name: 'distinct',
		type: 'options',
		options: [
			{ name: 'Band', value: 'band' },
			{ name: 'Channel', value: 'channel' },
			{ name: 'Event Type', value: 'type' },
			{ name: 'Protocol', value: 'proto' },
			{ name: 'SSID', value: 'ssid' },
			{ name: 'WLAN ID', value: 'wlan_id' },
		],
		default: 'type',
		description: 'The field whose distinct values are counted; one item per value',
	},
	clientEventTypesProperty,
	filtersCollection(filterFields),
	...timeRangeProperties,
	returnAllProperty,
	{ ...limitProperty, description: 'Max number of distinct values to return' },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['countEvents'] } },
	properties,
);

/** Client events of the org in the time range, counted per distinct value of one field. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	const orgId = await resolveOrgId(this, client, itemIndex);
	const distinct = String(this.getNodeParameter('distinct', itemIndex, 'type'));
	if (!DISTINCT.includes(distinct)) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid Count By: "${distinct.slice(0, 40)}" is not one of ${DISTINCT.join(', ')}`,
			{
				itemIndex,
			},
		);
	}
	const paging = readPaging(this, itemIndex);
	// The count endpoint is not paged: `limit` caps the number of distinct values in one answer.
	const limit = paging.returnAll
		? MAX_PAGE_SIZE
		: Math.min(paging.limit ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
	const qs = {
		distinct,
		...readTypeList(this, itemIndex, 'eventTypes', 'Event Type Names or IDs'),
		...filtersQuery(this, itemIndex, filterFields),
		...readTimeRange(this, itemIndex),
		limit,
	};
	const response = await client.request<IDataObject>({
		path: `/orgs/${orgId}/clients/events/count`,
		qs,
		itemIndex,
	});
	const results =
		response && Array.isArray(response.results) ? (response.results as IDataObject[]) : undefined;
	if (!results) {
		throw new NodeOperationError(
			this.getNode(),
			'Mist answered the event count without a results list',
			{
				description: 'The endpoint may not exist on this cloud or API version.',
				itemIndex,
			},
		);
	}
	return results.slice(0, limit).map((result) => ({ distinct, ...result }));
}
