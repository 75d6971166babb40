import type { FilterField } from './filters';

/**
 * Filters used by several operations. One definition each, so a name always means the same thing;
 * the `name` is the n8n parameter and `query` the Mist query parameter.
 */

export const apMacFilter: FilterField = {
	kind: 'mac',
	query: 'ap',
	property: {
		displayName: 'AP MAC',
		name: 'apMac',
		type: 'string',
		default: '',
		placeholder: '5c5b350e0001',
		description: 'MAC address of the access point',
	},
};

export const bandFilter: FilterField = {
	kind: 'choice',
	property: {
		displayName: 'Band',
		name: 'band',
		type: 'options',
		options: [
			{ name: '2.4 GHz', value: '24' },
			{ name: '5 GHz', value: '5' },
			{ name: '6 GHz', value: '6' },
		],
		default: '5',
		description: 'Radio band',
	},
};

export const hostnameFilter: FilterField = {
	kind: 'text',
	property: {
		displayName: 'Hostname',
		name: 'hostname',
		type: 'string',
		default: '',
		placeholder: 'laptop-*',
		description: 'Full or partial hostname; * is a wildcard',
	},
};

export const ipFilter: FilterField = {
	kind: 'text',
	property: {
		displayName: 'IP Address',
		name: 'ip',
		type: 'string',
		default: '',
		placeholder: '10.0.0.12',
	},
};

export const macFilterField: FilterField = {
	kind: 'mac',
	property: {
		displayName: 'MAC',
		name: 'mac',
		type: 'string',
		default: '',
		placeholder: '5c5b35*',
		description: 'Full or partial MAC address, with or without separators; * is a wildcard',
	},
};

export const modelFilter: FilterField = {
	kind: 'text',
	property: {
		displayName: 'Model',
		name: 'model',
		type: 'string',
		default: '',
		placeholder: 'AP43',
	},
};

export const protoFilter: FilterField = {
	kind: 'choice',
	property: {
		displayName: 'Protocol',
		name: 'proto',
		type: 'options',
		options: [
			{ name: '802.11a', value: 'a' },
			{ name: '802.11ac (Wi-Fi 5)', value: 'ac' },
			{ name: '802.11ax (Wi-Fi 6)', value: 'ax' },
			{ name: '802.11b', value: 'b' },
			{ name: '802.11be (Wi-Fi 7)', value: 'be' },
			{ name: '802.11g', value: 'g' },
			{ name: '802.11n (Wi-Fi 4)', value: 'n' },
		],
		default: 'ax',
	},
};

export const reasonCodeFilter: FilterField = {
	kind: 'integer',
	query: 'reason_code',
	property: {
		displayName: 'Reason Code',
		name: 'reasonCode',
		type: 'number',
		default: 0,
		description: 'IEEE 802.11 reason code of association and disassociation events',
	},
};

export const siteIdFilter: FilterField = {
	kind: 'uuid',
	query: 'site_id',
	property: {
		displayName: 'Site ID',
		name: 'siteId',
		type: 'string',
		default: '',
		placeholder: '978c48e6-6ef6-11e6-8bbf-02e208b2d34f',
		description: 'Only this site of the org',
	},
};

export const ssidFilter: FilterField = {
	kind: 'text',
	property: {
		displayName: 'SSID',
		name: 'ssid',
		type: 'string',
		default: '',
		placeholder: 'Corp-WiFi',
	},
};

export const wlanIdFilter: FilterField = {
	kind: 'uuid',
	query: 'wlan_id',
	property: {
		displayName: 'WLAN ID',
		name: 'wlanId',
		type: 'string',
		default: '',
		placeholder: 'be22bba7-8e22-e1cf-5185-b880816fe2cf',
	},
};
