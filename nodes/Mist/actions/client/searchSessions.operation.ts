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
	ssidFilter,
	wlanIdFilter,
} from '../../../shared/descriptions/filterFields';
import { filtersCollection, filtersQuery } from '../../../shared/descriptions/filters';
import type { FilterField } from '../../../shared/descriptions/filters';
import { readPaging, readTimeRange, simplifyIfAsked } from '../../../shared/params/readers';
import { scopedLocators, scopeProperty } from '../../../shared/descriptions/scope';
import { resolveScope } from '../../../shared/params/scope';
import { simplifyClientSession } from './simplify';

const clientText = (
	displayName: string,
	name: string,
	query: string,
	placeholder: string,
): FilterField => ({
	kind: 'text',
	query,
	property: { displayName, name, type: 'string', default: '', placeholder },
});

/** Filters of …/clients/sessions/search (org and site take the same ones; the spec has no MAC filter). */
const filterFields: FilterField[] = [
	apMacFilter,
	bandFilter,
	clientText('Client Family', 'clientFamily', 'client_family', 'iPhone'),
	clientText('Client Manufacturer', 'clientManufacturer', 'client_manufacture', 'Apple'),
	clientText('Client Model', 'clientModel', 'client_model', 'iPhone 8'),
	clientText('Client OS', 'clientOs', 'client_os', 'Windows 10'),
	clientText('Client Username', 'clientUsername', 'client_username', 'john.doe'),
	clientText('PSK Name', 'pskName', 'psk_name', 'iot'),
	ssidFilter,
	wlanIdFilter,
];

const properties: INodeProperties[] = [
	scopeProperty,
	...scopedLocators,
	filtersCollection(filterFields),
	...timeRangeProperties,
	returnAllProperty,
	limitProperty,
	simplifyKeeping(
		'MAC, AP, SSID, band, connect and disconnect times, duration, tags, username and manufacturer',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['searchSessions'] } },
	properties,
);

/** Wireless client sessions (connect to disconnect) that ended in the time range. */
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
	const sessions = await client.getAllSearch<IDataObject>(
		{ path: `${basePath}/clients/sessions/search`, qs, itemIndex },
		paging,
	);
	return simplifyIfAsked(this, itemIndex, sessions, simplifyClientSession);
}
