import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { MistClient } from '../../../shared/transport/MistClient';
import { ALL_SCOPES, siteSleProperties } from './common';
import { classifierProperty } from './descriptions';
import { readTimeRange } from '../../../shared/params/readers';
import { readClassifier, resolveSleTarget } from './target';

export const description = updateDisplayOptions(
	{ show: { resource: ['sle'], operation: ['getClassifierDetails'] } },
	siteSleProperties(ALL_SCOPES, [classifierProperty(true)]),
);

/** Samples and impact of one classifier of the metric. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject> {
	const target = resolveSleTarget(this, itemIndex, ALL_SCOPES);
	const classifier = readClassifier(this, itemIndex, true) as string;
	const details = await client.request<IDataObject>({
		path: `${target.basePath}/classifier/${classifier}/summary`,
		qs: readTimeRange(this, itemIndex),
		itemIndex,
	});
	return { scope: target.scope, scope_id: target.scopeId, ...details };
}
