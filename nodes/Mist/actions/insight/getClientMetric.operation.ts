import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { MistClient } from '../../../shared/transport/MistClient';
import { requireMac } from '../../../shared/params/identifiers';
import { resolveSiteId } from '../../../shared/params/scope';
import { clientMacProperty } from '../client/descriptions';
import { insightProperties } from './common';
import { readInsight } from './series';

export const description = updateDisplayOptions(
	{ show: { resource: ['insight'], operation: ['getClientMetric'] } },
	insightProperties([clientMacProperty]),
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	const siteId = resolveSiteId(this, itemIndex);
	const mac = requireMac(
		this.getNode(),
		this.getNodeParameter('clientMac', itemIndex, ''),
		'Client MAC',
		itemIndex,
	);
	return await readInsight(this, itemIndex, client, `/sites/${siteId}/insights/client/${mac}`, {
		site_id: siteId,
		client_mac: mac,
	});
}
