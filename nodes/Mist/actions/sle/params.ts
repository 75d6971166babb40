import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { durationSeconds, timeRangeQuery } from '../../../shared/utils/timeRange';

/** Reads the shared Time Range parameters of the item and turns them into Mist query parameters. */
export function readTimeRange(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return timeRangeQuery(
		ctx.getNode(),
		{
			mode: ctx.getNodeParameter('timeRangeMode', itemIndex, 'duration') as string,
			duration: ctx.getNodeParameter('duration', itemIndex, '1d') as string,
			start: ctx.getNodeParameter('start', itemIndex, ''),
			end: ctx.getNodeParameter('end', itemIndex, ''),
		},
		itemIndex,
	);
}

/** Metric and classifier names go into URL paths: letters, digits, dash, underscore and dot only. */
const NAME = /^[a-z0-9][a-z0-9_.-]{0,79}$/i;

export function requireName(ctx: IExecuteFunctions, value: unknown, field: string, itemIndex: number, example: string): string {
	const text = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value).trim();
	if (NAME.test(text)) return text;
	const shown = text === '' ? 'it is empty' : `"${text.slice(0, 60)}" is not a valid name`;
	throw new NodeOperationError(ctx.getNode(), `Invalid ${field}: ${shown}`, {
		description: `Use a Mist name made of letters, digits, "-" and "_", e.g. ${example}.`,
		itemIndex,
	});
}

/** One of a fixed set of values; expressions can produce anything, so check before it reaches the URL. */
export function requireOneOf(
	ctx: IExecuteFunctions,
	value: unknown,
	allowed: readonly string[],
	field: string,
	itemIndex: number,
): string {
	const text = String(value ?? '').trim();
	if (allowed.includes(text)) return text;
	throw new NodeOperationError(ctx.getNode(), `Invalid ${field}: "${text.slice(0, 60)}" is not one of ${allowed.join(', ')}`, {
		itemIndex,
	});
}

/** Optional aggregation interval (e.g. 10m, 1h); empty leaves Mist's default. */
export function readInterval(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const interval = String(ctx.getNodeParameter('interval', itemIndex, '') ?? '').trim();
	if (interval === '') return {};
	if (durationSeconds(interval) === undefined) {
		throw new NodeOperationError(ctx.getNode(), `Invalid Interval: "${interval.slice(0, 60)}" is not a Mist duration`, {
			description: 'Use a number followed by m, h, d or w, e.g. 10m or 1h, or leave it empty for the Mist default.',
			itemIndex,
		});
	}
	return { interval };
}
