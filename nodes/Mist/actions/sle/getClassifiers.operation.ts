import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { MistClient } from '../../../shared/transport/MistClient';
import { mistOperationError } from '../../../shared/transport/mistErrors';
import { ALL_SCOPES, siteSleProperties } from './common';
import { resolveSleTarget } from './target';

// Mist's classifiers endpoint takes no time range: it lists the names, not their history.
export const description = updateDisplayOptions(
	{ show: { resource: ['sle'], operation: ['getClassifiers'] } },
	siteSleProperties(ALL_SCOPES, [], false),
);

/** One item listing the classifier names of the metric (e.g. weak-signal, asymmetry-uplink). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject> {
	const target = resolveSleTarget(this, itemIndex, ALL_SCOPES);
	const path = `${target.basePath}/classifiers`;
	const classifiers = await client.request<unknown>({ path, itemIndex });
	if (!Array.isArray(classifiers)) {
		throw mistOperationError(
			this.getNode(),
			`Mist answered ${path} with something other than a list of classifiers`,
			undefined,
			itemIndex,
		);
	}
	return { scope: target.scope, scope_id: target.scopeId, metric: target.metric, classifiers };
}
