import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

/** The Timezone parameter, checked: report days and weeks and the history period column use it. */
export function readTimezone(ctx: IExecuteFunctions): string {
	const timezone = String(ctx.getNodeParameter('timezone', 0, 'UTC') || 'UTC').trim();
	if (!DateTime.now().setZone(timezone).isValid)
		throw new NodeOperationError(
			ctx.getNode(),
			`"Timezone" ${JSON.stringify(timezone)} is not an IANA time zone`,
		);
	return timezone;
}
