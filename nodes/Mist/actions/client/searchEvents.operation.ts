import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	limitProperty,
	returnAllProperty,
	simplifyKeeping,
	timeRangeProperties,
} from '../../../shared/descriptions/common';
import type { MistClient } from '../../../shared/transport/MistClient';
import { clientEventTypesProperty } from './descriptions';
import {
	apMacFilter,
	bandFilter,
	protoFilter,
	reasonCodeFilter,
	ssidFilter,
	wlanIdFilter,
} from '../../../shared/descriptions/filterFields';
import { filtersCollection, filtersQuery } from '../../../shared/descriptions/filters';
import type { FilterField } from '../../../shared/descriptions/filters';
import {
	readPaging,
	readTimeRange,
	readTypeList,
	simplifyIfAsked,
} from '../../../shared/params/readers';
import { scopedLocators, scopeProperty } from '../../../shared/descriptions/scope';
import { resolveScope } from '../../../shared/params/scope';
import { simplifyClientEvent } from './simplify';

/** Filters of …/clients/events/search. Mist has no MAC filter here: use Get Client Events for one client. */
export const clientEventFilterFields: FilterField[] = [
	apMacFilter,
	bandFilter,
	protoFilter,
	reasonCodeFilter,
	ssidFilter,
	wlanIdFilter,
];

const properties: INodeProperties[] = [
	scopeProperty,
	...scopedLocators,
	clientEventTypesProperty,
	filtersCollection(clientEventFilterFields),
	...timeRangeProperties,
	returnAllProperty,
	limitProperty,
	simplifyKeeping(
		'type, time, AP, SSID, band, channel, protocol, reason and status codes, and text',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['searchEvents'] } },
	properties,
);

/** Association, authentication, DHCP, DNS… events of wireless clients in the time range. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	const { scope, basePath } = await resolveScope(this, client, itemIndex);
	const qs = {
		...readTypeList(this, itemIndex, 'eventTypes', 'Event Type Names or IDs'),
		...filtersQuery(this, itemIndex, clientEventFilterFields, scope),
		...readTimeRange(this, itemIndex),
	};
	const paging = readPaging(this, itemIndex);
	const events = await client.getAllSearch<IDataObject>(
		{ path: `${basePath}/clients/events/search`, qs, itemIndex },
		paging,
	);
	return simplifyIfAsked(this, itemIndex, events, simplifyClientEvent);
}
