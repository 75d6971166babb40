import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deviceField, fieldReader, hostField, siteFields } from './fields';
import { deviceUtility } from './plans';
import type { ActionOption, ActionParameters, ActionPlan, NodeParameters } from './types';

export const option: ActionOption<'traceroute'> = {
	name: 'Traceroute From Device',
	value: 'traceroute',
	action: 'Traceroute from a device',
	description: 'Trace the route to a host from a device',
};

const properties: INodeProperties[] = [...siteFields, deviceField, hostField];

export const description = updateDisplayOptions(
	{ show: { operation: ['traceroute'] } },
	properties,
);

export function readParameters(
	ctx: IExecuteFunctions,
	itemIndex: number,
): NodeParameters<'traceroute'> {
	const field = fieldReader(ctx, itemIndex);
	return { site_id: field('site'), device_id: field('device'), host: field('host') };
}

/** `POST /sites/{site}/devices/{device}/traceroute {host}`; Mist answers with a session. */
export function plan(params: ActionParameters<'traceroute'>): ActionPlan {
	const host = params.host('host');
	return deviceUtility(
		'traceroute',
		'traceroute',
		params,
		{ host },
		{ summary: `Traceroute to ${host} from device {device}` },
	);
}
