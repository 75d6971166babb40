import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { splitCommaList } from '../../shared/params/lists';
import { deviceConnected } from './checks';
import { deviceField, fieldReader, siteFields } from './fields';
import { planBase } from './plans';
import type { ActionOption, ActionParameters, ActionPlan, NodeParameters } from './types';

export const option: ActionOption<'restartDevice'> = {
	name: 'Restart Device',
	value: 'restartDevice',
	action: 'Restart devices',
	description: 'Restart one or more APs or switches',
};

const properties: INodeProperties[] = [
	...siteFields,
	deviceField,
	{
		displayName: 'More Device IDs',
		name: 'moreDeviceIds',
		type: 'string',
		default: '',
		placeholder: '00000000-0000-0000-1000-5c5b350e0061',
		description: 'Further devices of the same site to restart in one request, comma-separated IDs',
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['restartDevice'] } },
	properties,
);

export function readParameters(
	ctx: IExecuteFunctions,
	itemIndex: number,
): NodeParameters<'restartDevice'> {
	const field = fieldReader(ctx, itemIndex);
	const more = splitCommaList(field('moreDeviceIds'));
	const devices =
		more.length > 0 ? { device_ids: [field('device'), ...more] } : { device_id: field('device') };
	return { site_id: field('site'), ...devices };
}

/** `POST /sites/{site}/devices/{id}/restart`; several: `POST …/devices/restart {device_ids}`. */
export function plan(params: ActionParameters<'restartDevice'>): ActionPlan {
	const siteId = params.uuid('site_id');
	const ids = [
		...new Set(
			params.has('device_ids') ? params.uuidList('device_ids') : [params.uuid('device_id')],
		),
	];
	const single = ids.length === 1;
	return {
		...planBase('restartDevice', siteId),
		summary: single ? `Restart device ${ids[0]}` : `Restart ${ids.length} devices`,
		method: 'POST',
		path: single
			? `/sites/${siteId}/devices/${ids[0]}/restart`
			: `/sites/${siteId}/devices/restart`,
		...(single ? {} : { body: { device_ids: ids } }),
		deviceIds: ids,
		restartsDevices: ids,
		targets: ids.map((id) => `restartDevice:device:${id}`),
	};
}

export const verification = deviceConnected;
