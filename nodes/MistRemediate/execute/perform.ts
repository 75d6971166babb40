import { sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MIST_CREDENTIAL } from '../../shared/transport/MistClient';
import type { MistClient } from '../../shared/transport/MistClient';
import type { ActionPlan, JsonBody } from '../operations/types';
import { collectCommandOutput, runtimeSocketFactory, streamUrl } from '../stream/commandStream';
import type { RunOptions } from './settings';

export interface ResolvedRequest {
	method: 'POST' | 'PUT';
	path: string;
	body?: JsonBody;
}

/**
 * The exact request of a plan. Setting a radio reads the device first and changes only the given
 * fields of that band, so everything else in its radio_config stays as it is.
 */
export async function resolveRequest(client: MistClient, plan: ActionPlan, itemIndex: number): Promise<ResolvedRequest> {
	if (!plan.radioChange) return { method: plan.method, path: plan.path, ...(plan.body !== undefined ? { body: plan.body } : {}) };
	const device = await client.request<IDataObject>({ path: plan.path, itemIndex });
	const radioConfig = (device?.radio_config && typeof device.radio_config === 'object' ? device.radio_config : {}) as IDataObject;
	const key = `band_${plan.radioChange.band}`;
	const current = (radioConfig[key] && typeof radioConfig[key] === 'object' ? radioConfig[key] : {}) as IDataObject;
	const changes: IDataObject = {};
	for (const field of ['channel', 'power', 'bandwidth'] as const) {
		const value = plan.radioChange[field];
		if (value !== undefined) changes[field] = value;
	}
	return { method: 'PUT', path: plan.path, body: { radio_config: { ...radioConfig, [key]: { ...current, ...changes } } } };
}

export interface ActionResult extends IDataObject {
	statusCode: number;
}

const SECRET_FIELDS = ['password'];

/** The body as shown in audit records: secrets masked, long lists shortened. */
export function bodySummary(body: JsonBody | undefined): unknown {
	if (body === undefined) return null;
	if (Array.isArray(body)) return body.length > 20 ? [...body.slice(0, 20), `… ${body.length - 20} more`] : body;
	return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, SECRET_FIELDS.includes(key) ? '********' : value]));
}

/** Sends the change and collects what Mist answered (session output, synthetic test result). */
export async function sendAction(
	ctx: IExecuteFunctions,
	client: MistClient,
	plan: ActionPlan,
	request: ResolvedRequest,
	options: RunOptions,
	itemIndex: number,
): Promise<ActionResult> {
	const response = await client.requestFull<unknown>({
		method: request.method,
		path: request.path,
		...(request.body !== undefined ? { body: request.body as IDataObject } : {}),
		itemIndex,
	});
	const result: ActionResult = { statusCode: response.statusCode };
	const answer = response.body;
	if (answer && typeof answer === 'object' && !Array.isArray(answer) && plan.result !== 'ok' && !plan.radioChange) {
		const session = (answer as IDataObject).session;
		if (typeof session === 'string') result.session = session;
	}
	if (plan.result === 'session') Object.assign(result, await commandOutput(ctx, client, plan, result.session as string | undefined, options));
	if (plan.result === 'syntheticTest') {
		if (options.syntheticWaitMs > 0) await sleep(options.syntheticWaitMs);
		result.syntheticTest = await client.request<IDataObject>({ path: request.path, itemIndex });
	}
	return result;
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
	if (options.commandOutputMs <= 0) return { note: `Output not collected (Command Output Wait is 0). ${how}` };
	if (!factory) return { note: `This n8n runs on a Node.js without WebSocket (Node.js 22+ has it), so the output was not collected. ${how}` };
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
