import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	limitProperty,
	returnAllProperty,
	simplifyKeeping,
} from '../../../shared/descriptions/common';
import { deviceLocator, orgLocator, siteLocator } from '../../../shared/descriptions/locators';
import type { MistClient } from '../../../shared/transport/MistClient';
import { resolveDeviceId, resolveOrgId, resolveSiteId } from '../../../shared/params/scope';
import { macFilterField, siteIdFilter } from '../../../shared/descriptions/filterFields';
import { filtersCollection, filtersQuery } from '../../../shared/descriptions/filters';
import type { FilterField } from '../../../shared/descriptions/filters';
import { readPaging } from '../../../shared/params/readers';
import { deviceTypeWithAllProperty, readDeviceType } from './descriptions';
import { simplifyDeviceStat } from './simplify';

const SCOPES = ['device', 'org', 'site'];
const STATUSES = ['all', 'connected', 'disconnected'];
const showFor = (...scope: string[]) => ({ show: { scope } });

const filterFields: FilterField[] = [macFilterField, siteIdFilter];

const properties: INodeProperties[] = [
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'One Device', value: 'device', description: 'Full stats of one device' },
			{ name: 'Organization', value: 'org', description: 'Devices of every site of the org' },
			{ name: 'Site', value: 'site', description: 'Devices of one site' },
		],
		default: 'site',
	},
	{
		...orgLocator,
		description:
			'The Mist org. With Scope Site or One Device it only fills the Site picker. Leave empty to use the default org ID of the credential.',
	},
	{ ...siteLocator, displayOptions: showFor('site', 'device') },
	{ ...deviceLocator, displayOptions: showFor('device') },
	{ ...deviceTypeWithAllProperty, displayOptions: showFor('org', 'site') },
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'All', value: 'all' },
			{ name: 'Connected', value: 'connected' },
			{ name: 'Disconnected', value: 'disconnected' },
		],
		default: 'all',
		displayOptions: showFor('org', 'site'),
	},
	{ ...filtersCollection(filterFields), displayOptions: showFor('org') },
	{ ...returnAllProperty, displayOptions: showFor('org', 'site') },
	{ ...limitProperty, displayOptions: { show: { scope: ['org', 'site'], returnAll: [false] } } },
	simplifyKeeping(
		'status, uptime, load, clients, last trouble and per-radio channel, power, noise and utilisation',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['device'], operation: ['getStats'] } },
	properties,
);

/** Live stats (status, uptime, load, radios, ports) of the devices of an org or a site, or of one device. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject | IDataObject[]> {
	const scope = String(this.getNodeParameter('scope', itemIndex, 'site'));
	if (!SCOPES.includes(scope)) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid Scope: "${scope.slice(0, 40)}" is not Organization, Site or One Device`,
			{ itemIndex },
		);
	}
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	if (scope === 'device') {
		const siteId = resolveSiteId(this, itemIndex);
		const deviceId = resolveDeviceId(this, itemIndex);
		const stats = await client.request<IDataObject>({
			path: `/sites/${siteId}/stats/devices/${deviceId}`,
			qs: { fields: '*' },
			itemIndex,
		});
		return simplify ? simplifyDeviceStat(stats) : stats;
	}
	const status = String(this.getNodeParameter('status', itemIndex, 'all'));
	if (!STATUSES.includes(status)) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid Status: "${status.slice(0, 40)}" is not one of ${STATUSES.join(', ')}`,
			{ itemIndex },
		);
	}
	const qs: IDataObject = {
		type: readDeviceType(this, itemIndex, ['all', 'ap', 'gateway', 'switch']),
		status,
	};
	const path =
		scope === 'org'
			? `/orgs/${await resolveOrgId(this, client, itemIndex)}/stats/devices`
			: `/sites/${resolveSiteId(this, itemIndex)}/stats/devices`;
	if (scope === 'org') Object.assign(qs, filtersQuery(this, itemIndex, filterFields));
	const paging = readPaging(this, itemIndex);
	const stats = await client.getAllList<IDataObject>({ path, qs, itemIndex }, paging);
	return simplify ? stats.map(simplifyDeviceStat) : stats;
}
