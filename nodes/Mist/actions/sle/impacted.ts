import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { MistClient } from '../../../shared/transport/MistClient';
import type { SleScope } from './descriptions';
import { readTimeRange } from '../../../shared/params/readers';
import { readClassifier, resolveSleTarget } from './target';

/** Impacted users and impacted APs page the same way: limit/page in, total_count in the body. */
export async function listImpacted(
	ctx: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
	scopes: readonly SleScope[],
	endpoint: 'impacted-users' | 'impacted-aps',
	itemsKey: 'users' | 'aps',
): Promise<IDataObject[]> {
	const target = resolveSleTarget(ctx, itemIndex, scopes);
	const classifier = readClassifier(ctx, itemIndex, false);
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (ctx.getNodeParameter('limit', itemIndex) as number);
	const qs: IDataObject = { ...readTimeRange(ctx, itemIndex) };
	if (classifier) qs.classifier = classifier;
	const entries = await client.getAllBodyPaged<IDataObject>(
		{ path: `${target.basePath}/${endpoint}`, qs, itemIndex },
		{ returnAll, limit, itemsKey },
	);
	return entries.map((entry) => ({
		...entry,
		metric: target.metric,
		classifier: classifier ?? null,
	}));
}
