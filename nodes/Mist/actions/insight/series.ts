import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { MistClient } from '../../../shared/transport/MistClient';
import { readInterval, readTimeRange, requireName } from '../../../shared/params/readers';

export function readInsightMetric(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireName(
		ctx,
		ctx.getNodeParameter('insightMetric', itemIndex, ''),
		'Metric',
		itemIndex,
		'num_clients',
	);
}

/** Mist writes `rt` timestamps as "2020-11-01 20:00:00+00:00"; returns epoch seconds. */
function parseRt(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value !== 'string') return undefined;
	const parsed = DateTime.fromISO(value.trim().replace(' ', 'T'), { setZone: true });
	return parsed.isValid ? Math.floor(parsed.toSeconds()) : undefined;
}

/**
 * One item per sample. Timestamps come from `rt` when Mist sends it, otherwise from start + i × interval,
 * which is how Mist lays out the results of a time series.
 */
export function splitSeries(
	ctx: IExecuteFunctions,
	body: IDataObject,
	metric: string,
	itemIndex: number,
): IDataObject[] {
	const results = body.results;
	if (!Array.isArray(results)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Mist answered the ${metric} insight without a results list`,
			{
				description: 'Turn off Split Into Points to see the raw answer.',
				itemIndex,
			},
		);
	}
	const rt = Array.isArray(body.rt) ? body.rt : [];
	const start = Number(body.start);
	const interval = Number(body.interval);
	return results.map((value, index) => {
		let timestamp = parseRt(rt[index]);
		if (timestamp === undefined && Number.isFinite(start) && Number.isFinite(interval))
			timestamp = start + index * interval;
		return { timestamp: timestamp ?? null, [metric]: value as IDataObject };
	});
}

/** Reads one insight time series and shapes it as the user asked. */
export async function readInsight(
	ctx: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
	pathPrefix: string,
	labels: IDataObject,
): Promise<IDataObject[]> {
	const metric = readInsightMetric(ctx, itemIndex);
	const qs = { ...readInterval(ctx, itemIndex), ...readTimeRange(ctx, itemIndex) };
	const body = await client.request<IDataObject>({
		path: `${pathPrefix}/${metric}`,
		qs,
		itemIndex,
	});
	const split = ctx.getNodeParameter('splitIntoPoints', itemIndex, false) as boolean;
	if (split)
		return splitSeries(ctx, body, metric, itemIndex).map((point) => ({ ...labels, ...point }));
	return [{ ...labels, metric, ...body }];
}
