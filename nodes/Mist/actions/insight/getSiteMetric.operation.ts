import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { MistClient } from '../../../shared/transport/MistClient';
import { resolveSiteId } from '../../../shared/params/scope';
import { insightProperties } from './common';
import { readInsight } from './series';

export const description = updateDisplayOptions(
	{ show: { resource: ['insight'], operation: ['getSiteMetric'] } },
	insightProperties([]),
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	const siteId = resolveSiteId(this, itemIndex);
	return await readInsight(this, itemIndex, client, `/sites/${siteId}/insights`, {
		site_id: siteId,
	});
}
