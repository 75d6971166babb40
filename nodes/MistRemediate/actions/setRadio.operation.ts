import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { BAND_LABEL } from '../../shared/findings/bands';
import { BAND_OPTIONS, deviceField, fieldReader, siteFields, zeroIsUnset } from './fields';
import { planBase } from './plans';
import type { ActionOption, ActionParameters, ActionPlan, NodeParameters } from './types';

export const option: ActionOption<'setRadio'> = {
	name: 'Set AP Radio',
	value: 'setRadio',
	action: 'Set an AP radio',
	description: 'Change the channel, power or bandwidth of one band of an AP',
};

const properties: INodeProperties[] = [
	...siteFields,
	deviceField,
	{
		displayName: 'Band',
		name: 'band',
		type: 'options',
		options: BAND_OPTIONS,
		default: '5',
	},
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'number',
		default: 0,
		description: 'New channel; 0 leaves it unchanged',
	},
	{
		displayName: 'Power (dBm)',
		name: 'power',
		type: 'number',
		default: 0,
		description: 'New TX power; 0 leaves it unchanged',
	},
	{
		displayName: 'Bandwidth',
		name: 'bandwidth',
		type: 'options',
		options: [
			{ name: '160 MHz', value: '160' },
			{ name: '20 MHz', value: '20' },
			{ name: '40 MHz', value: '40' },
			{ name: '80 MHz', value: '80' },
			{ name: 'Unchanged', value: '' },
		],
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { operation: ['setRadio'] } }, properties);

export function readParameters(
	ctx: IExecuteFunctions,
	itemIndex: number,
): NodeParameters<'setRadio'> {
	const field = fieldReader(ctx, itemIndex);
	return {
		site_id: field('site'),
		device_id: field('device'),
		band: field('band', '5'),
		channel: zeroIsUnset(field('channel', 0)),
		power: zeroIsUnset(field('power', 0)),
		bandwidth: field('bandwidth', ''),
	};
}

const BANDWIDTHS = ['20', '40', '80', '160'] as const;

/**
 * `PUT /sites/{site}/devices/{ap}` with its `radio_config`. The body is built when the action is
 * resolved, from a read of the device, so only the given fields of that band change.
 */
export function plan(params: ActionParameters<'setRadio'>): ActionPlan {
	const siteId = params.uuid('site_id');
	const deviceId = params.uuid('device_id');
	const band = params.band('band');
	const channel = params.integer('channel', 1, 233);
	const power = params.integer('power', 1, 30);
	const bandwidthText = params.has('bandwidth') ? params.oneOf('bandwidth', BANDWIDTHS) : undefined;
	if (channel === undefined && power === undefined && bandwidthText === undefined) {
		params.fail('channel', 'channel, power and bandwidth are all empty; give at least one');
	}
	const bandwidth = bandwidthText === undefined ? undefined : Number(bandwidthText);
	const parts = [
		channel !== undefined && `channel ${channel}`,
		power !== undefined && `power ${power} dBm`,
		bandwidth !== undefined && `${bandwidth} MHz`,
	].filter(Boolean);
	return {
		...planBase('setRadio', siteId),
		summary: `Set the ${BAND_LABEL[band]} radio of AP ${deviceId} to ${parts.join(', ')}`,
		method: 'PUT',
		path: `/sites/${siteId}/devices/${deviceId}`,
		deviceIds: [deviceId],
		targets: [`setRadio:device:${deviceId}:band_${band}`],
		radioChange: { band, channel, power, bandwidth },
	};
}
