import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode } from 'n8n-workflow';

/** Mist durations: a number and a unit, e.g. 10m, 1h, 1d, 1w. */
const MIST_DURATION = /^(\d+)([mhdw])$/;
const UNIT_SECONDS: Record<string, number> = { m: 60, h: 3600, d: 86400, w: 604800 };

export function durationSeconds(value: string): number | undefined {
	const match = MIST_DURATION.exec(value.trim());
	if (!match) return undefined;
	return Number(match[1]) * UNIT_SECONDS[match[2]];
}

/**
 * Accepts an n8n date-time (ISO string, luxon DateTime, JS Date) or epoch seconds/milliseconds,
 * and returns epoch seconds as Mist expects.
 */
export function toEpochSeconds(
	node: INode,
	value: unknown,
	field: string,
	itemIndex?: number,
): number {
	if (value instanceof Date && !Number.isNaN(value.getTime()))
		return Math.floor(value.getTime() / 1000);
	if (DateTime.isDateTime(value) && value.isValid) return Math.floor(value.toSeconds());
	if (typeof value === 'number' && Number.isFinite(value))
		return value > 1e11 ? Math.floor(value / 1000) : Math.floor(value);
	if (typeof value === 'string' && value.trim() !== '') {
		const text = value.trim();
		if (/^\d+$/.test(text)) return toEpochSeconds(node, Number(text), field, itemIndex);
		const parsed = DateTime.fromISO(text, { setZone: true });
		if (parsed.isValid) return Math.floor(parsed.toSeconds());
		const rfc = DateTime.fromRFC2822(text);
		if (rfc.isValid) return Math.floor(rfc.toSeconds());
		throw new NodeOperationError(
			node,
			`Invalid ${field}: "${text.slice(0, 60)}" is not a date-time`,
			{
				description:
					'Use an ISO date-time such as 2026-11-25T08:00:00Z, an n8n date expression, or epoch seconds.',
				itemIndex,
			},
		);
	}
	throw new NodeOperationError(node, `Invalid ${field}: it is empty`, {
		description:
			'Use an ISO date-time such as 2026-11-25T08:00:00Z, an n8n date expression, or epoch seconds.',
		itemIndex,
	});
}

export interface TimeRangeInput {
	/** `duration` (a Mist duration ending now) or `range` (start and end). */
	mode: string;
	duration?: string;
	start?: unknown;
	end?: unknown;
}

/** Converts the node's time range parameters into Mist query parameters, with errors naming the field. */
export function timeRangeQuery(
	node: INode,
	input: TimeRangeInput,
	itemIndex?: number,
): IDataObject {
	if (input.mode === 'range') {
		const start = toEpochSeconds(node, input.start, 'Start', itemIndex);
		const end =
			input.end === undefined || input.end === ''
				? Math.floor(Date.now() / 1000)
				: toEpochSeconds(node, input.end, 'End', itemIndex);
		if (end <= start) {
			throw new NodeOperationError(node, 'Invalid End: it must be later than Start', {
				description: `Start is ${DateTime.fromSeconds(start).toISO()}, End is ${DateTime.fromSeconds(end).toISO()}.`,
				itemIndex,
			});
		}
		return { start, end };
	}
	const duration = String(input.duration ?? '').trim();
	if (durationSeconds(duration) === undefined) {
		throw new NodeOperationError(node, `Invalid Duration: "${duration}" is not a Mist duration`, {
			description: 'Use a number followed by m, h, d or w, e.g. 10m, 1h, 1d or 1w.',
			itemIndex,
		});
	}
	return { duration };
}
