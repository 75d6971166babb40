import type { ActionOperation, ActionPlan, JsonBody } from './types';
import type { ParameterReader } from './parameters';

type PlanBase = Pick<
	ActionPlan,
	'operation' | 'siteId' | 'deviceIds' | 'clientMacs' | 'restartsDevices' | 'disruptive' | 'result'
>;

/** What most plans share: one site, nothing restarted, a change that answers with a plain ok. */
export function planBase(operation: ActionOperation, siteId: string): PlanBase {
	return {
		operation,
		siteId,
		deviceIds: [],
		clientMacs: [],
		restartsDevices: [],
		disruptive: true,
		result: 'ok',
	};
}

/** `client_mac`, or `client_macs` (a list); at least one, each once. */
export function clientMacs(params: ParameterReader<'client_mac' | 'client_macs'>): string[] {
	const macs = params.has('client_macs')
		? params.macList('client_macs')
		: [params.mac('client_mac')];
	return [...new Set(macs)];
}

interface UtilityOptions {
	/** Default false: device utilities only read. */
	disruptive?: boolean;
	/** Default `session`: Mist streams the command output. */
	result?: ActionPlan['result'];
	/** Appended to the cooldown key, e.g. the port. */
	target?: string;
	/** `{device}` is replaced by the device id (and later by its name, when known). */
	summary: string;
}

/** A `POST /sites/{site}/devices/{device}/{utility}` (ping, ARP, cable test …). */
export function deviceUtility(
	operation: ActionOperation,
	utility: string,
	params: ParameterReader<'site_id' | 'device_id'>,
	body: JsonBody | undefined,
	options: UtilityOptions,
): ActionPlan {
	const siteId = params.uuid('site_id');
	const deviceId = params.uuid('device_id');
	return {
		...planBase(operation, siteId),
		summary: options.summary.replace('{device}', deviceId),
		method: 'POST',
		path: `/sites/${siteId}/devices/${deviceId}/${utility}`,
		...(body ? { body } : {}),
		deviceIds: [deviceId],
		targets: [`${operation}:device:${deviceId}${options.target ? `:${options.target}` : ''}`],
		disruptive: options.disruptive ?? false,
		result: options.result ?? 'session',
	};
}
