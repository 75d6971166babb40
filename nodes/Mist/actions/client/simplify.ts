import type { IDataObject } from 'n8n-workflow';
import pick from 'lodash/pick';

/**
 * What a network engineer reads first about a client: who it is, where it is connected,
 * and how well. Fields Mist omits are simply absent.
 */

/** Client search results: identity and the last known connection (history arrays are dropped). */
export const CLIENT_SEARCH_FIELDS = [
	'mac',
	'site_id',
	'last_hostname',
	'last_username',
	'last_ip',
	'last_ssid',
	'last_ap',
	'last_vlan',
	'band',
	'protocol',
	'last_os',
	'last_model',
	'last_device',
	'mfg',
	'timestamp',
];

/** Connected-client stats: connection, radio quality and traffic health. */
export const CLIENT_STAT_FIELDS = [
	'mac',
	'site_id',
	'hostname',
	'username',
	'ip',
	'ssid',
	'wlan_id',
	'vlan_id',
	'ap_mac',
	'ap_id',
	'band',
	'channel',
	'proto',
	'rssi',
	'snr',
	'tx_rate',
	'rx_rate',
	'tx_retries',
	'rx_retries',
	'tx_pkts',
	'rx_pkts',
	'idle_time',
	'uptime',
	'last_seen',
	'os',
	'manufacture',
];

/** Client events: what happened, when, where and why. */
export const CLIENT_EVENT_FIELDS = [
	'type',
	'timestamp',
	'mac',
	'site_id',
	'ap',
	'ssid',
	'wlan_id',
	'band',
	'channel',
	'proto',
	'reason_code',
	'status_code',
	'text',
];

/** Client sessions: one connection from join to leave. */
export const CLIENT_SESSION_FIELDS = [
	'mac',
	'site_id',
	'ap',
	'ssid',
	'wlan_id',
	'band',
	'connect',
	'disconnect',
	'duration',
	'tags',
	'client_username',
	'client_manufacture',
	'timestamp',
];

export const simplifyClientSearch = (record: IDataObject): IDataObject =>
	pick(record, CLIENT_SEARCH_FIELDS);
export const simplifyClientStat = (record: IDataObject): IDataObject =>
	pick(record, CLIENT_STAT_FIELDS);
export const simplifyClientEvent = (record: IDataObject): IDataObject =>
	pick(record, CLIENT_EVENT_FIELDS);
export const simplifyClientSession = (record: IDataObject): IDataObject =>
	pick(record, CLIENT_SESSION_FIELDS);
