import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { toEpochSeconds } from '../../../shared/params/timeRange';

/** Marvis troubleshooting looks back at most 7 days from now. */
export const MAX_LOOKBACK_SECONDS = 7 * 86400;
/** Allowance for clock skew and for the time a workflow takes to reach this node. */
const SLACK_SECONDS = 300;

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** Optional start/end as epoch seconds, refused when they leave the last 7 days. */
export function troubleshootWindow(
	ctx: IExecuteFunctions,
	itemIndex: number,
	nowSeconds = Math.floor(Date.now() / 1000),
): IDataObject {
	const node = ctx.getNode();
	const rawStart = ctx.getNodeParameter('troubleshootStart', itemIndex, '');
	const rawEnd = ctx.getNodeParameter('troubleshootEnd', itemIndex, '');
	const qs: IDataObject = {};
	const oldest = nowSeconds - MAX_LOOKBACK_SECONDS;
	const show = (seconds: number) => DateTime.fromSeconds(seconds, { zone: 'utc' }).toISO();
	if (!isEmpty(rawStart)) {
		const start = toEpochSeconds(node, rawStart, 'Start', itemIndex);
		if (start < oldest - SLACK_SECONDS) {
			throw new NodeOperationError(
				node,
				'Invalid Start: Marvis troubleshooting covers only the last 7 days',
				{
					description: `Start is ${show(start)}; the earliest allowed is ${show(oldest)}. Choose a later Start, or leave it empty.`,
					itemIndex,
				},
			);
		}
		qs.start = Math.max(start, oldest);
	}
	if (!isEmpty(rawEnd)) {
		const end = toEpochSeconds(node, rawEnd, 'End', itemIndex);
		if (end < oldest) {
			throw new NodeOperationError(
				node,
				'Invalid End: Marvis troubleshooting covers only the last 7 days',
				{
					description: `End is ${show(end)}; the earliest allowed is ${show(oldest)}.`,
					itemIndex,
				},
			);
		}
		if (qs.start !== undefined && end <= (qs.start as number)) {
			throw new NodeOperationError(node, 'Invalid End: it must be later than Start', {
				description: `Start is ${show(qs.start as number)}, End is ${show(end)}.`,
				itemIndex,
			});
		}
		qs.end = end;
	}
	return qs;
}
