import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	limitProperty,
	returnAllProperty,
	simplifyKeeping,
	timeRangeProperties,
} from '../../../shared/descriptions/common';
import { orgLocator, siteLocator } from '../../../shared/descriptions/locators';
import type { MistClient } from '../../../shared/transport/MistClient';
import { resolveSiteId } from '../../../shared/params/scope';
import { clientEventTypesProperty, clientMacProperty } from './descriptions';
import {
	bandFilter,
	protoFilter,
	ssidFilter,
	wlanIdFilter,
} from '../../../shared/descriptions/filterFields';
import { filtersCollection, filtersQuery } from '../../../shared/descriptions/filters';
import type { FilterField } from '../../../shared/descriptions/filters';
import {
	readClientMac,
	readPaging,
	readTimeRange,
	readTypeList,
	simplifyIfAsked,
} from '../../../shared/params/readers';
import { simplifyClientEvent } from './simplify';

const filterFields: FilterField[] = [
	bandFilter,
	{
		kind: 'integer',
		property: {
			displayName: 'Channel',
			name: 'channel',
			type: 'number',
			default: 36,
			description: 'Radio channel, e.g. 1, 36, 149',
		},
	},
	protoFilter,
	ssidFilter,
	wlanIdFilter,
];

const properties: INodeProperties[] = [
	{ ...orgLocator, description: 'Only used to list the sites in the Site picker' },
	siteLocator,
	clientMacProperty,
	clientEventTypesProperty,
	filtersCollection(filterFields),
	...timeRangeProperties,
	returnAllProperty,
	limitProperty,
	simplifyKeeping(
		'type, time, AP, SSID, band, channel, protocol, reason and status codes, and text',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['getClientEvents'] } },
	properties,
);

/** Events of one wireless client at a site: the timeline to read when one user complains. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	const siteId = resolveSiteId(this, itemIndex);
	const mac = readClientMac(this, itemIndex);
	const qs = {
		...readTypeList(this, itemIndex, 'eventTypes', 'Event Type Names or IDs'),
		...filtersQuery(this, itemIndex, filterFields),
		...readTimeRange(this, itemIndex),
	};
	const paging = readPaging(this, itemIndex);
	// This endpoint takes limit/page but also answers `next`; following `next` covers both.
	const events = await client.getAllSearch<IDataObject>(
		{ path: `/sites/${siteId}/clients/${mac}/events`, qs, itemIndex },
		paging,
	);
	return simplifyIfAsked(this, itemIndex, events, (event) =>
		simplifyClientEvent({ mac, ...event }),
	);
}
