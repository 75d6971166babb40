import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orgLocator, siteLocator } from '../../../shared/descriptions/locators';
import type { MistClient } from '../../../shared/transport/MistClient';
import { resolveSiteId } from '../../../shared/params/scope';
import { BANDS } from './band';

const properties: INodeProperties[] = [
	{ ...orgLocator, description: 'Only used to list the sites in the Site picker' },
	siteLocator,
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return one item per AP and band (ap_id, band, channel, bandwidth, power, usage) instead of the full plan with band metrics and RF template',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['rf'], operation: ['getCurrentChannelPlan'] } },
	properties,
);

/** The plan keys each band by AP id: band_24: { <ap_id>: {channel, bandwidth, power, usage, …} }. */
export function flattenChannelPlan(plan: IDataObject, siteId: string): IDataObject[] {
	const rows: IDataObject[] = [];
	for (const band of BANDS) {
		const perAp = plan[`band_${band}`];
		if (!perAp || typeof perAp !== 'object' || Array.isArray(perAp)) continue;
		for (const [apId, radio] of Object.entries(perAp as Record<string, IDataObject>)) {
			rows.push({
				site_id: siteId,
				ap_id: apId,
				band,
				channel: radio?.channel ?? null,
				bandwidth: radio?.bandwidth ?? null,
				power: radio?.power ?? null,
				usage: radio?.usage ?? null,
			});
		}
	}
	return rows;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	const siteId = resolveSiteId(this, itemIndex);
	const plan = await client.request<IDataObject>({
		path: `/sites/${siteId}/rrm/current`,
		itemIndex,
	});
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return simplify ? flattenChannelPlan(plan ?? {}, siteId) : [{ site_id: siteId, ...plan }];
}
