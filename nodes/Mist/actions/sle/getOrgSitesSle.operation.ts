import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	limitProperty,
	returnAllProperty,
	timeRangeProperties,
} from '../../../shared/descriptions/common';
import { orgLocator } from '../../../shared/descriptions/locators';
import type { MistClient } from '../../../shared/transport/MistClient';
import { resolveOrgId } from '../../../shared/params/scope';
import { intervalProperty } from './descriptions';
import { readInterval, readTimeRange, requireOneOf } from '../../../shared/params/readers';

const SLE_TYPES = ['wan', 'wifi', 'wired'] as const;

const properties: INodeProperties[] = [
	orgLocator,
	{
		displayName: 'SLE Type',
		name: 'sleType',
		type: 'options',
		options: [
			{ name: 'WAN', value: 'wan' },
			{
				name: 'Wi-Fi',
				value: 'wifi',
				description:
					'Per site: successful-connect, time-to-connect, coverage, roaming, throughput, capacity, ap-health, ap-availability',
			},
			{ name: 'Wired', value: 'wired' },
		],
		default: 'wifi',
		description: 'Which SLE family to read; each value is the 0–1 share of time the SLE was met',
	},
	intervalProperty,
	...timeRangeProperties,
	returnAllProperty,
	limitProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sle'], operation: ['getOrgSitesSle'] } },
	properties,
);

/** One item per site with its SLE success ratios: the cheapest org-wide health poll. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	const orgId = await resolveOrgId(this, client, itemIndex);
	const sle = requireOneOf(
		this,
		this.getNodeParameter('sleType', itemIndex, 'wifi'),
		SLE_TYPES,
		'SLE Type',
		itemIndex,
	);
	const qs = { sle, ...readInterval(this, itemIndex), ...readTimeRange(this, itemIndex) };
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	return await client.getAllBodyPaged<IDataObject>(
		{ path: `/orgs/${orgId}/insights/sites-sle`, qs, itemIndex },
		{ returnAll, limit, itemsKey: 'results' },
	);
}
