import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deviceField, fieldReader, siteFields } from './fields';
import { deviceUtility } from './plans';
import type { ActionOption, ActionParameters, ActionPlan, NodeParameters } from './types';

export const option: ActionOption<'arp'> = {
	name: 'ARP Table',
	value: 'arp',
	action: 'Show the ARP table of a device',
	description: 'Start an ARP table dump on a device',
};

const properties: INodeProperties[] = [...siteFields, deviceField];

export const description = updateDisplayOptions({ show: { operation: ['arp'] } }, properties);

export function readParameters(ctx: IExecuteFunctions, itemIndex: number): NodeParameters<'arp'> {
	const field = fieldReader(ctx, itemIndex);
	return { site_id: field('site'), device_id: field('device') };
}

/** `POST /sites/{site}/devices/{device}/arp`; Mist answers with a session and streams the table. */
export function plan(params: ActionParameters<'arp'>): ActionPlan {
	return deviceUtility('arp', 'arp', params, undefined, {
		summary: 'Show the ARP table of device {device}',
	});
}
