import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deviceField, fieldReader, hostField, siteFields } from './fields';
import { deviceUtility } from './plans';
import type { ActionOption, ActionParameters, ActionPlan, NodeParameters } from './types';

export const option: ActionOption<'ping'> = {
	name: 'Ping From Device',
	value: 'ping',
	action: 'Ping from a device',
	description: 'Ping a host from an AP or switch',
};

const properties: INodeProperties[] = [
	...siteFields,
	deviceField,
	hostField,
	{
		displayName: 'Count',
		name: 'count',
		type: 'number',
		default: 4,
		typeOptions: { minValue: 1, maxValue: 100 },
		description: 'Number of pings',
	},
];

export const description = updateDisplayOptions({ show: { operation: ['ping'] } }, properties);

export function readParameters(ctx: IExecuteFunctions, itemIndex: number): NodeParameters<'ping'> {
	const field = fieldReader(ctx, itemIndex);
	return {
		site_id: field('site'),
		device_id: field('device'),
		host: field('host'),
		count: field('count', 4),
	};
}

/** `POST /sites/{site}/devices/{device}/ping {host, count}`; Mist answers with a session. */
export function plan(params: ActionParameters<'ping'>): ActionPlan {
	const host = params.host('host');
	const count = params.integer('count', 1, 100);
	const body = { host, ...(count !== undefined ? { count } : {}) };
	return deviceUtility('ping', 'ping', params, body, {
		summary: `Ping ${host} from device {device}`,
	});
}
