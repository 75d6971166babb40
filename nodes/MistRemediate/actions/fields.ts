import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deviceLocator, orgLocator, siteLocator } from '../../shared/descriptions/locators';
import { splitCommaList } from '../../shared/params/lists';
import type { ActionOperation, ParameterKey } from './types';

/** Fields that several operations show; each operation file lists the ones it uses. */

export const siteFields: INodeProperties[] = [
	{ ...orgLocator, description: 'Only used to list the sites in the Site picker' },
	siteLocator,
];

export const deviceField: INodeProperties = deviceLocator;

export const BAND_OPTIONS = [
	{ name: '2.4 GHz', value: '24' },
	{ name: '5 GHz', value: '5' },
	{ name: '6 GHz', value: '6' },
];

export const bandsField: INodeProperties = {
	displayName: 'Bands',
	name: 'bands',
	type: 'multiOptions',
	options: BAND_OPTIONS,
	default: ['24', '5'],
};

export const clientMacField: INodeProperties = {
	displayName: 'Client MAC',
	name: 'clientMac',
	type: 'string',
	required: true,
	default: '',
	placeholder: '5c:5b:35:0e:00:01',
	description:
		'The client MAC. Reconnect and Unauthorize also take several comma-separated MACs, sent as one bulk request.',
};

export const hostField: INodeProperties = {
	displayName: 'Host',
	name: 'host',
	type: 'string',
	required: true,
	default: '',
	placeholder: '8.8.8.8',
	description: 'Host name or IP address to reach from the device',
};

/** The node field each parameter comes from, so an error names what the user sees. */
export const FIELD_LABELS: Record<ParameterKey<ActionOperation>, string> = {
	org_id: 'Organization',
	site_id: 'Site',
	device_id: 'Device',
	device_ids: 'Device IDs',
	client_mac: 'Client MAC',
	client_macs: 'Client MAC',
	ports: 'Ports',
	port: 'Port',
	bands: 'Bands',
	txpower_only: 'TX Power Only',
	macs: 'AP MACs',
	force: 'Force',
	band: 'Band',
	channel: 'Channel',
	power: 'Power (dBm)',
	bandwidth: 'Bandwidth',
	host: 'Host',
	count: 'Count',
	type: 'Test Type',
	vlan_id: 'VLAN ID',
	hostname: 'Host Name',
	ip: 'IP Address',
	url: 'URL',
	username: 'RADIUS User Name',
	password: 'RADIUS Password',
};

export function fieldLabel(key: string): string {
	const labels: Partial<Record<string, string>> = FIELD_LABELS;
	return labels[key] ?? key;
}

/** Reads the item's node fields (locators give their value); the plan checks what comes back. */
export function fieldReader(ctx: IExecuteFunctions, itemIndex: number) {
	return (name: string, fallback: unknown = '') =>
		ctx.getNodeParameter(name, itemIndex, fallback, { extractValue: true });
}

/** Number fields where 0 means "leave unchanged". */
export const zeroIsUnset = (value: unknown) => (Number(value) === 0 ? undefined : value);

/** The Client MAC field: one MAC, or several comma-separated ones for one bulk request. */
export function clientMacParameters(
	value: unknown,
): { client_mac: unknown } | { client_macs: string[] } {
	const macs = splitCommaList(value);
	return macs.length > 1 ? { client_macs: macs } : { client_mac: macs[0] ?? '' };
}
