import { sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MIST_CREDENTIAL } from '../../shared/transport/MistClient';
import type { MistClient } from '../../shared/transport/MistClient';
import type { ActionPlan } from '../actions/types';
import { collectCommandOutput, runtimeSocketFactory, streamUrl } from '../stream/commandStream';
import type { Guarded } from './guard';
import type { RunOptions } from './settings';

export interface ActionResult extends IDataObject {
	statusCode: number;
}

/** Stage 5: sends the change and collects what Mist answered (session output, synthetic test result). */
export async function perform(
	ctx: IExecuteFunctions,
	client: MistClient,
	{ plan, request }: Guarded,
	options: RunOptions,
	itemIndex: number,
): Promise<ActionResult> {
	const response = await client.requestFull<unknown>({
		method: request.method,
		path: request.path,
		...(request.body !== undefined ? { body: request.body as IDataObject } : {}),
		itemIndex,
	});
	const session = plan.result !== 'ok' && !plan.radioChange ? sessionOf(response.body) : undefined;
	const result: ActionResult = {
		statusCode: response.statusCode,
		...(session !== undefined ? { session } : {}),
	};
	if (plan.result === 'session') {
		Object.assign(result, await commandOutput(ctx, client, plan, session, options));
	}
	if (plan.result === 'syntheticTest') {
		if (options.syntheticWaitMs > 0) await sleep(options.syntheticWaitMs);
		result.syntheticTest = await client.request<IDataObject>({ path: request.path, itemIndex });
	}
	return result;
}

function sessionOf(answer: unknown): string | undefined {
	const session =
		answer && typeof answer === 'object' && 'session' in answer ? answer.session : undefined;
	return typeof session === 'string' ? session : undefined;
}

async function commandOutput(
	ctx: IExecuteFunctions,
	client: MistClient,
	plan: ActionPlan,
	session: string | undefined,
	options: RunOptions,
): Promise<IDataObject> {
	const channel = `/sites/${plan.siteId}/devices/${plan.deviceIds[0]}/cmd`;
	const base = await client.getBaseUrl();
	const how = `Mist streams the output over WebSocket: subscribe to ${channel} on ${streamUrl(base)}, or open the device's Utilities in the Mist portal.`;
	if (!session) return { note: `Mist answered without a session id. ${how}` };
	const factory = runtimeSocketFactory();
	if (options.commandOutputMs <= 0) {
		return { note: `Output not collected (Command Output Wait is 0). ${how}` };
	}
	if (!factory) {
		return {
			note: `This n8n runs on a Node.js without WebSocket (Node.js 22+ has it), so the output was not collected. ${how}`,
		};
	}
	const credentials = await ctx.getCredentials(MIST_CREDENTIAL);
	const output = await collectCommandOutput(factory, {
		url: streamUrl(base),
		headers: { Authorization: `Token ${String(credentials.apiToken ?? '')}` },
		channel,
		session,
		waitMs: options.commandOutputMs,
	});
	const note =
		output.lines.length === 0
			? `No output arrived within ${options.commandOutputMs / 1000} s (stream ${output.ended}). ${how}`
			: `Output collected for ${options.commandOutputMs / 1000} s (stream ${output.ended}).`;
	return { output: output.lines, note };
}
