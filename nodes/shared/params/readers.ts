import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import type { PagingOptions } from '../transport/MistClient';
import { requireMac } from './identifiers';
import { splitList } from './lists';
import { durationSeconds, timeRangeQuery } from './timeRange';

/** Readers for node parameters that many operations share; each names the field when a value is bad. */

/** A number option from `min` to `max`, whole (fractions are dropped); the error names the field. */
export function wholeNumberInRange(
	node: INode,
	value: unknown,
	field: string,
	min: number,
	max: number,
): number {
	const number = Number(value);
	if (Number.isFinite(number) && number >= min && number <= max) return Math.floor(number);
	throw new NodeOperationError(
		node,
		`Invalid ${field}: "${String(value).slice(0, 40)}" is not a number from ${min} to ${max}`,
	);
}

export function readPaging(ctx: IExecuteFunctions, itemIndex: number): PagingOptions {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (returnAll) return { returnAll };
	const limit = Number(ctx.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Invalid Limit: "${String(limit)}" is not a whole number of 1 or more`,
			{
				itemIndex,
			},
		);
	}
	return { returnAll, limit };
}

/** The shared Time Range parameters as Mist query parameters (`duration`, or `start` and `end`). */
/** The records reduced by `simplifyRecord` when the Simplify toggle is on (its default), else as Mist sent them. */
export function simplifyIfAsked<T extends IDataObject>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	records: T[],
	simplifyRecord: (record: T) => IDataObject,
): IDataObject[] {
	return ctx.getNodeParameter('simplify', itemIndex, true) ? records.map(simplifyRecord) : records;
}

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

const EVENT_TYPE = /^[A-Za-z0-9_.-]+$/;

/**
 * A list of event or alarm type keys, picked in the editor or given by an expression as an array
 * or a comma-separated string. Mist takes them comma-separated in one `type` parameter.
 */
export function readTypeList(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	field: string,
): IDataObject {
	const raw = ctx.getNodeParameter(name, itemIndex, []);
	// An expression may give an array whose entries are themselves comma-separated.
	const types = splitList(Array.isArray(raw) ? raw.join(',') : raw);
	const bad = types.find((type) => !EVENT_TYPE.test(type));
	if (bad !== undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Invalid ${field}: "${bad.slice(0, 60)}" is not a Mist type key`,
			{
				description:
					'Type keys are made of letters, digits and underscores, e.g. CLIENT_ASSOCIATION_FAILURE.',
				itemIndex,
			},
		);
	}
	return types.length > 0 ? { type: [...new Set(types)].join(',') } : {};
}

/** A client MAC for a URL path: separators and case are normalised, anything else is refused. */
export function readClientMac(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireMac(
		ctx.getNode(),
		ctx.getNodeParameter('clientMac', itemIndex, ''),
		'Client MAC',
		itemIndex,
	);
}

/** Metric and classifier names go into URL paths: letters, digits, dash, underscore and dot only. */
const NAME = /^[a-z0-9][a-z0-9_.-]{0,79}$/i;

export function requireName(
	ctx: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
	example: string,
): string {
	const text =
		typeof value === 'string'
			? value.trim()
			: value === undefined || value === null
				? ''
				: String(value).trim();
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
	throw new NodeOperationError(
		ctx.getNode(),
		`Invalid ${field}: "${text.slice(0, 60)}" is not one of ${allowed.join(', ')}`,
		{
			itemIndex,
		},
	);
}

/** Optional aggregation interval (e.g. 10m, 1h); empty leaves Mist's default. */
export function readInterval(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const interval = String(ctx.getNodeParameter('interval', itemIndex, '') ?? '').trim();
	if (interval === '') return {};
	if (durationSeconds(interval) === undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Invalid Interval: "${interval.slice(0, 60)}" is not a Mist duration`,
			{
				description:
					'Use a number followed by m, h, d or w, e.g. 10m or 1h, or leave it empty for the Mist default.',
				itemIndex,
			},
		);
	}
	return { interval };
}
