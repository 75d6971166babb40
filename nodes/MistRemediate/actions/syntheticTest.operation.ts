import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { SYNTHETIC_TEST_TYPES } from '../../shared/findings/operations';
import { deviceField, fieldReader, siteFields, zeroIsUnset } from './fields';
import { deviceUtility } from './plans';
import type { ActionOption, ActionParameters, ActionPlan, NodeParameters } from './types';

export const option: ActionOption<'syntheticTest'> = {
	name: 'Run Synthetic Test',
	value: 'syntheticTest',
	action: 'Run a synthetic test',
	description: 'DHCP, DNS, RADIUS, cURL or ARP test from a device, with its result',
};

const forType = (type: string) => ({ show: { syntheticType: [type] } });

const properties: INodeProperties[] = [
	...siteFields,
	deviceField,
	{
		displayName: 'Test Type',
		name: 'syntheticType',
		type: 'options',
		options: [
			{ name: 'ARP', value: 'arp' },
			{ name: 'cURL', value: 'curl' },
			{ name: 'DHCP', value: 'dhcp' },
			{ name: 'DNS', value: 'dns' },
			{ name: 'RADIUS', value: 'radius' },
		],
		default: 'dhcp',
	},
	{
		displayName: 'VLAN ID',
		name: 'vlanId',
		type: 'number',
		default: 0,
		description: 'VLAN to test on (needed for APs); 0 means none',
	},
	{
		displayName: 'Host Name',
		name: 'hostname',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'www.example.com',
		description: 'Name to resolve',
		displayOptions: forType('dns'),
	},
	{
		displayName: 'IP Address',
		name: 'ip',
		type: 'string',
		default: '',
		placeholder: '192.168.3.5',
		description: 'Address to resolve with ARP',
		displayOptions: forType('arp'),
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://www.example.com',
		displayOptions: forType('curl'),
	},
	{
		displayName: 'RADIUS User Name',
		name: 'radiusUsername',
		type: 'string',
		required: true,
		default: '',
		displayOptions: forType('radius'),
	},
	{
		displayName: 'RADIUS Password',
		name: 'radiusPassword',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'Sent to Mist for the test only; never shown in the output',
		displayOptions: forType('radius'),
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['syntheticTest'] } },
	properties,
);

export function readParameters(
	ctx: IExecuteFunctions,
	itemIndex: number,
): NodeParameters<'syntheticTest'> {
	const field = fieldReader(ctx, itemIndex);
	return {
		site_id: field('site'),
		device_id: field('device'),
		type: field('syntheticType', 'dhcp'),
		vlan_id: zeroIsUnset(field('vlanId', 0)),
		hostname: field('hostname'),
		ip: field('ip'),
		url: field('url'),
		username: field('radiusUsername'),
		password: field('radiusPassword'),
	};
}

/**
 * `POST /sites/{site}/devices/{device}/synthetic_test {type, …}`; the result is read back with a
 * GET after the Synthetic Test Wait.
 */
export function plan(params: ActionParameters<'syntheticTest'>): ActionPlan {
	const type = params.oneOf('type', SYNTHETIC_TEST_TYPES);
	const body: Record<string, unknown> = { type };
	const vlan = params.integer('vlan_id', 1, 4094);
	if (vlan !== undefined) body.vlan_id = vlan;
	if (type === 'dns') body.hostname = params.host('hostname');
	if (type === 'arp' && params.has('ip')) body.ip = params.host('ip');
	if (type === 'curl') body.url = httpUrl(params);
	if (type === 'radius') {
		body.username =
			params.text('username') ??
			params.fail('username', 'it is empty; a RADIUS test needs a user name');
		body.password =
			params.text('password') ??
			params.fail('password', 'it is empty; a RADIUS test needs a password');
	}
	return deviceUtility('syntheticTest', 'synthetic_test', params, body, {
		result: 'syntheticTest',
		summary: `Synthetic ${type} test from device {device}`,
	});
}

function httpUrl(params: ActionParameters<'syntheticTest'>): string {
	const text = params.text('url', 2048) ?? params.fail('url', 'it is empty');
	if (/^https?:\/\/[^\s/]+/i.test(text)) return text;
	return params.fail('url', `"${text.slice(0, 60)}" is not an http(s) URL`);
}
