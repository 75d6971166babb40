import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	limitProperty,
	returnAllProperty,
	simplifyKeeping,
	timeRangeProperties,
} from '../../../shared/descriptions/common';
import type { MistClient } from '../../../shared/transport/MistClient';
import { macFilterField, modelFilter } from '../../../shared/descriptions/filterFields';
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
import { deviceTypeWithAllProperty, readDeviceType } from './descriptions';
import { simplifyDeviceEvent } from './simplify';

const filterFields: FilterField[] = [
	macFilterField,
	modelFilter,
	{
		kind: 'text',
		property: {
			displayName: 'Text',
			name: 'text',
			type: 'string',
			default: '',
			placeholder: 'ge-0/0/17',
			description: 'Words of the event message',
		},
	},
];

const properties: INodeProperties[] = [
	scopeProperty,
	...scopedLocators,
	{
		displayName: 'Event Type Names or IDs',
		name: 'eventTypes',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getDeviceEventTypes' },
		default: [],
		description:
			'Only these event types; none means all. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		...deviceTypeWithAllProperty,
		// Only the org endpoint filters by device type, and it defaults to APs when the filter is absent.
		description: 'Kind of device whose events to return',
		displayOptions: { show: { scope: ['org'] } },
	},
	filtersCollection(filterFields),
	...timeRangeProperties,
	returnAllProperty,
	limitProperty,
	simplifyKeeping('type, time, device, model, port, reason and text'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['device'], operation: ['searchEvents'] } },
	properties,
);

/** Events of APs, switches and gateways (port down, reboots, config, radio changes) in the time range. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	const { scope, basePath } = await resolveScope(this, client, itemIndex);
	const qs: IDataObject = {
		...readTypeList(this, itemIndex, 'eventTypes', 'Event Type Names or IDs'),
		...filtersQuery(this, itemIndex, filterFields, scope),
		...readTimeRange(this, itemIndex),
	};
	if (scope === 'org')
		qs.device_type = readDeviceType(this, itemIndex, ['all', 'ap', 'gateway', 'switch']);
	const paging = readPaging(this, itemIndex);
	const events = await client.getAllSearch<IDataObject>(
		{ path: `${basePath}/devices/events/search`, qs, itemIndex },
		paging,
	);
	return simplifyIfAsked(this, itemIndex, events, simplifyDeviceEvent);
}
