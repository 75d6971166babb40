import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	limitProperty,
	returnAllProperty,
	simplifyKeeping,
	timeRangeProperties,
} from '../../../shared/descriptions/common';
import { orgLocator } from '../../../shared/descriptions/locators';
import type { MistClient } from '../../../shared/transport/MistClient';
import { resolveOrgId } from '../../../shared/params/scope';
import {
	hostnameFilter,
	ipFilter,
	macFilterField,
	modelFilter,
	siteIdFilter,
} from '../../../shared/descriptions/filterFields';
import { filtersCollection, filtersQuery } from '../../../shared/descriptions/filters';
import type { FilterField } from '../../../shared/descriptions/filters';
import { readPaging, readTimeRange, simplifyIfAsked } from '../../../shared/params/readers';
import { readDeviceType } from './descriptions';
import { simplifyDeviceSearch } from './simplify';

const filterFields: FilterField[] = [
	hostnameFilter,
	ipFilter,
	{
		kind: 'text',
		query: 'lldp_system_name',
		property: {
			displayName: 'LLDP System Name',
			name: 'lldpSystemName',
			type: 'string',
			default: '',
			placeholder: 'core-sw-01',
			description: 'Name of the switch the AP is cabled to (APs only)',
		},
	},
	macFilterField,
	modelFilter,
	siteIdFilter,
	{
		kind: 'text',
		property: {
			displayName: 'Version',
			name: 'version',
			type: 'string',
			default: '',
			placeholder: '0.14.29543',
			description: 'Firmware version',
		},
	},
];

const properties: INodeProperties[] = [
	orgLocator,
	{
		displayName: 'Device Type',
		name: 'deviceType',
		type: 'options',
		options: [
			{ name: 'Access Point', value: 'ap' },
			{ name: 'Gateway', value: 'gateway' },
			{ name: 'Switch', value: 'switch' },
		],
		default: 'ap',
	},
	filtersCollection(filterFields),
	...timeRangeProperties,
	returnAllProperty,
	limitProperty,
	simplifyKeeping('identity, firmware, IP, uptime and LLDP neighbour'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['device'], operation: ['search'] } },
	properties,
);

/** APs, switches or gateways of the org seen in the time range. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	const orgId = await resolveOrgId(this, client, itemIndex);
	const qs = {
		type: readDeviceType(this, itemIndex, ['ap', 'gateway', 'switch']),
		...filtersQuery(this, itemIndex, filterFields),
		...readTimeRange(this, itemIndex),
	};
	const paging = readPaging(this, itemIndex);
	const devices = await client.getAllSearch<IDataObject>(
		{ path: `/orgs/${orgId}/devices/search`, qs, itemIndex },
		paging,
	);
	return simplifyIfAsked(this, itemIndex, devices, simplifyDeviceSearch);
}
