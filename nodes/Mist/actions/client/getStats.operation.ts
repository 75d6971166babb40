import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orgLocator, siteLocator } from '../../../shared/descriptions/locators';
import type { MistClient } from '../../../shared/transport/MistClient';
import { resolveSiteId } from '../../../shared/params/scope';
import { clientMacProperty } from './descriptions';
import { simplifyKeeping } from '../../../shared/descriptions/common';
import { readClientMac } from '../../../shared/params/readers';
import { simplifyClientStat } from './simplify';

const properties: INodeProperties[] = [
	{ ...orgLocator, description: 'Only used to list the sites in the Site picker' },
	siteLocator,
	clientMacProperty,
	simplifyKeeping(
		'connection and radio health (MAC, hostname, user, IP, SSID, AP, band, channel, RSSI, SNR, rates, retries, OS)',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['getStats'] } },
	properties,
);

/** Current stats of one connected wireless client. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject> {
	const siteId = resolveSiteId(this, itemIndex);
	const mac = readClientMac(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const stats = await client.request<IDataObject>({
		path: `/sites/${siteId}/stats/clients/${mac}`,
		itemIndex,
	});
	return simplify ? simplifyClientStat(stats) : stats;
}
