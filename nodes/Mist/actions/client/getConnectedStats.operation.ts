import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	limitProperty,
	returnAllProperty,
	simplifyKeeping,
} from '../../../shared/descriptions/common';
import { orgLocator, siteLocator } from '../../../shared/descriptions/locators';
import type { MistClient } from '../../../shared/transport/MistClient';
import { resolveSiteId } from '../../../shared/params/scope';
import { readPaging, simplifyIfAsked } from '../../../shared/params/readers';
import { simplifyClientStat } from './simplify';

const properties: INodeProperties[] = [
	{ ...orgLocator, description: 'Only used to list the sites in the Site picker' },
	siteLocator,
	returnAllProperty,
	limitProperty,
	simplifyKeeping(
		'connection and radio health (MAC, hostname, user, IP, SSID, AP, band, channel, RSSI, SNR, rates, retries, OS)',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['getConnectedStats'] } },
	properties,
);

/** Wireless clients connected to the site now, with RSSI, SNR, rates and retries. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	const siteId = resolveSiteId(this, itemIndex);
	const paging = readPaging(this, itemIndex);
	const stats = await client.getAllList<IDataObject>(
		{ path: `/sites/${siteId}/stats/clients`, itemIndex },
		paging,
	);
	return simplifyIfAsked(this, itemIndex, stats, simplifyClientStat);
}
