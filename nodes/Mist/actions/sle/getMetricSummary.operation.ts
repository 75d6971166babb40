import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { MistClient } from '../../../shared/transport/MistClient';
import { ALL_SCOPES, siteSleProperties } from './common';
import { readTimeRange } from '../../../shared/params/readers';
import { resolveSleTarget } from './target';

export const description = updateDisplayOptions(
	{ show: { resource: ['sle'], operation: ['getMetricSummary'] } },
	siteSleProperties(ALL_SCOPES, []),
);

/** The metric's samples, its classifiers with their impact, and the overall impact. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject> {
	const target = resolveSleTarget(this, itemIndex, ALL_SCOPES);
	const summary = await client.request<IDataObject>({
		path: `${target.basePath}/summary`,
		qs: readTimeRange(this, itemIndex),
		itemIndex,
	});
	return { scope: target.scope, scope_id: target.scopeId, metric: target.metric, ...summary };
}
