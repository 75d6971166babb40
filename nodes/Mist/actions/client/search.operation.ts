import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	limitProperty,
	returnAllProperty,
	simplifyKeeping,
	timeRangeProperties,
} from '../../../shared/descriptions/common';
import type { MistClient } from '../../../shared/transport/MistClient';
import {
	apMacFilter,
	bandFilter,
	hostnameFilter,
	ipFilter,
	macFilterField,
	modelFilter,
	siteIdFilter,
	ssidFilter,
} from '../../../shared/descriptions/filterFields';
import { filtersCollection, filtersQuery } from '../../../shared/descriptions/filters';
import type { FilterField } from '../../../shared/descriptions/filters';
import { readPaging, readTimeRange, simplifyIfAsked } from '../../../shared/params/readers';
import { scopedLocators, scopeProperty } from '../../../shared/descriptions/scope';
import { resolveScope } from '../../../shared/params/scope';
import { simplifyClientSearch } from './simplify';

/** Filters of GET /orgs/{id}/clients/search; the site variant lacks band, site, username and VLAN. */
const filterFields: FilterField[] = [
	apMacFilter,
	{ ...bandFilter, scopes: ['org'] },
	{
		kind: 'text',
		query: 'device',
		property: {
			displayName: 'Device Family',
			name: 'deviceFamily',
			type: 'string',
			default: '',
			placeholder: 'iPhone',
			description: 'Kind of client device as Mist fingerprints it, e.g. Mac, iPhone',
		},
	},
	hostnameFilter,
	ipFilter,
	macFilterField,
	modelFilter,
	{
		kind: 'text',
		property: {
			displayName: 'OS',
			name: 'os',
			type: 'string',
			default: '',
			placeholder: 'Windows 10',
			description: 'Operating system, e.g. Sonoma, Windows 10',
		},
	},
	{ ...siteIdFilter, scopes: ['org'] },
	ssidFilter,
	{
		kind: 'text',
		property: {
			displayName: 'Text',
			name: 'text',
			type: 'string',
			default: '',
			description: 'Full or partial MAC, hostname, username, PSK name or IP address',
		},
	},
	{
		kind: 'text',
		scopes: ['org'],
		property: {
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			placeholder: 'john.doe',
			description: 'Full or partial 802.1X username',
		},
	},
	{
		kind: 'text',
		scopes: ['org'],
		property: { displayName: 'VLAN', name: 'vlan', type: 'string', default: '', placeholder: '10' },
	},
];

const properties: INodeProperties[] = [
	scopeProperty,
	...scopedLocators,
	filtersCollection(filterFields),
	...timeRangeProperties,
	returnAllProperty,
	limitProperty,
	simplifyKeeping(
		'identity and last connection (MAC, hostname, user, IP, SSID, AP, VLAN, band, OS, model)',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['search'] } },
	properties,
);

/** Wireless clients seen in the time range, with their last known connection. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	const { scope, basePath } = await resolveScope(this, client, itemIndex);
	const qs = {
		...filtersQuery(this, itemIndex, filterFields, scope),
		...readTimeRange(this, itemIndex),
	};
	const paging = readPaging(this, itemIndex);
	const clients = await client.getAllSearch<IDataObject>(
		{ path: `${basePath}/clients/search`, qs, itemIndex },
		paging,
	);
	return simplifyIfAsked(this, itemIndex, clients, simplifyClientSearch);
}
