import type { IWebhookFunctions } from 'n8n-workflow';

import { ALARM_DEFINITIONS_PATH, parseAlarmDefinitions } from '../../shared/alarmDefinitions';
import { API_PREFIX, MIST_CREDENTIAL, MistClient } from '../../shared/transport/MistClient';
import { needsAlarmDefinition, withAlarmSeverity } from '../engine/alarmSeverity';
import type { DefinitionsLookup } from '../engine/alarmSeverity';
import { cachedAlarmDefinitions } from '../engine/definitionCache';
import type { MistEventItem } from '../engine/envelope';

/** Mist is waiting for the delivery's answer: the lookup must not hold it for long. */
export const DEFINITIONS_TIMEOUT_MS = 5000;

function logContext(ctx: IWebhookFunctions) {
	return { workflowId: ctx.getWorkflow().id, node: ctx.getNode().name };
}

async function lookupDefinitions(ctx: IWebhookFunctions): Promise<DefinitionsLookup> {
	let baseUrl: string;
	try {
		baseUrl = await new MistClient(ctx).getBaseUrl();
	} catch {
		// With "Use Existing Webhook" the node has no credential: nothing can be read.
		ctx.logger.debug('Mist Trigger has no Mist API credential to read /const/alarm_defs with');
		return { failure: 'this trigger has no Mist API credential to read it with' };
	}
	const read = async () => {
		const body: unknown = await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			MIST_CREDENTIAL,
			{
				method: 'GET',
				url: `${baseUrl}${API_PREFIX}${ALARM_DEFINITIONS_PATH}`,
				json: true,
				timeout: DEFINITIONS_TIMEOUT_MS,
			},
		);
		const definitions = parseAlarmDefinitions(body);
		if (!definitions) throw new Error('the answer is not a list of alarm definitions');
		return definitions;
	};
	return await cachedAlarmDefinitions(baseUrl, read, {
		onFailure: (failure) =>
			ctx.logger.warn(
				`Mist Trigger could not read /const/alarm_defs (${failure}); alarms without a severity are passed on with severity "unknown"`,
				logContext(ctx),
			),
	});
}

/**
 * Gives every alarm its severity: its own, else its type's from `/const/alarm_defs` (read only when
 * an alarm lacks its severity or group, at most once an hour per cloud), else "unknown".
 */
export async function addAlarmSeverities(
	ctx: IWebhookFunctions,
	items: MistEventItem[],
): Promise<MistEventItem[]> {
	const lookup = items.some(needsAlarmDefinition) ? await lookupDefinitions(ctx) : undefined;
	return items.map((item) => withAlarmSeverity(item, lookup));
}
