import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	limitProperty,
	returnAllProperty,
	timeRangeProperties,
} from '../../../shared/descriptions/common';
import type { MistClient } from '../../../shared/transport/MistClient';
import { siteIdFilter } from '../../../shared/descriptions/filterFields';
import { filtersCollection, filtersQuery } from '../../../shared/descriptions/filters';
import type { FilterField } from '../../../shared/descriptions/filters';
import { readPaging, readTimeRange, readTypeList } from '../../../shared/params/readers';
import { scopedLocators, scopeProperty } from '../../../shared/descriptions/scope';
import { resolveScope } from '../../../shared/params/scope';

/** The org and site alarm searches take different filters; each is shown only where Mist accepts it. */
const filterFields: FilterField[] = [
	{
		kind: 'boolean',
		scopes: ['site'],
		property: {
			displayName: 'Acknowledged',
			name: 'acked',
			type: 'boolean',
			default: false,
			description:
				'Whether to return only acknowledged alarms (on) or only unacknowledged ones (off)',
		},
	},
	{
		kind: 'list',
		scopes: ['site'],
		property: {
			displayName: 'Groups',
			name: 'group',
			type: 'multiOptions',
			options: [
				{ name: 'Infrastructure', value: 'infrastructure' },
				{ name: 'Marvis', value: 'marvis' },
				{ name: 'Security', value: 'security' },
			],
			default: [],
		},
	},
	{
		kind: 'list',
		scopes: ['site'],
		property: {
			displayName: 'Severities',
			name: 'severity',
			type: 'string',
			default: '',
			placeholder: 'critical,major',
			description: 'Comma-separated alarm severities, e.g. critical, major, warn, info',
		},
	},
	{ ...siteIdFilter, scopes: ['org'] },
	{
		kind: 'list',
		scopes: ['org'],
		property: {
			displayName: 'Status',
			name: 'status',
			type: 'multiOptions',
			options: [
				{ name: 'Open', value: 'open' },
				{ name: 'Resolved', value: 'resolved' },
			],
			default: [],
		},
	},
];

const properties: INodeProperties[] = [
	scopeProperty,
	...scopedLocators,
	{
		displayName: 'Alarm Type Names or IDs',
		name: 'alarmTypes',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getAlarmTypes' },
		default: [],
		description:
			'Only these alarm types; none means all. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	filtersCollection(filterFields),
	...timeRangeProperties,
	returnAllProperty,
	limitProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['alarm'], operation: ['search'] } },
	properties,
);

/** Alarms raised in the time range (device down, DHCP or auth failures, rogue APs…). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	const { scope, basePath } = await resolveScope(this, client, itemIndex);
	const qs = {
		...readTypeList(this, itemIndex, 'alarmTypes', 'Alarm Type Names or IDs'),
		...filtersQuery(this, itemIndex, filterFields, scope),
		// Always bounded: without start/end or duration the search window is Mist's choice, not the user's.
		...readTimeRange(this, itemIndex),
	};
	const paging = readPaging(this, itemIndex);
	return await client.getAllSearch<IDataObject>(
		{ path: `${basePath}/alarms/search`, qs, itemIndex },
		paging,
	);
}
