import type { IDataObject } from 'n8n-workflow';
import pick from 'lodash/pick';

/** Device search results: identity, firmware, addressing and where the AP is cabled. */
export const DEVICE_SEARCH_FIELDS = [
	'mac',
	'type',
	'hostname',
	'last_hostname',
	'model',
	'version',
	'site_id',
	'ip',
	'ext_ip',
	'uptime',
	'lldp_system_name',
	'lldp_port_id',
	'power_constrained',
	'mxtunnel_status',
	'last_config_status',
	'timestamp',
];

/** Device stats: health at a glance (status, load, last trouble, clients). */
export const DEVICE_STAT_FIELDS = [
	'id',
	'mac',
	'name',
	'type',
	'model',
	'version',
	'serial',
	'site_id',
	'status',
	'ip',
	'ext_ip',
	'uptime',
	'last_seen',
	'num_clients',
	'cpu_util',
	'mem_used_kb',
	'mem_total_kb',
	'power_constrained',
	'last_trouble',
];

/** Per radio, the RF facts that explain most Wi-Fi complaints. */
export const RADIO_FIELDS = [
	'channel',
	'bandwidth',
	'power',
	'noise_floor',
	'num_clients',
	'util_all',
	'util_non_wifi',
	'disabled',
];

/** Device events: what happened to which device, and on which port. */
export const DEVICE_EVENT_FIELDS = [
	'type',
	'timestamp',
	'mac',
	'device_type',
	'device_name',
	'model',
	'site_id',
	'port_id',
	'reason',
	'text',
];

export const simplifyDeviceSearch = (record: IDataObject): IDataObject =>
	pick(record, DEVICE_SEARCH_FIELDS);
export const simplifyDeviceEvent = (record: IDataObject): IDataObject =>
	pick(record, DEVICE_EVENT_FIELDS);

export function simplifyDeviceStat(record: IDataObject): IDataObject {
	const simple = pick(record, DEVICE_STAT_FIELDS);
	const radios = record.radio_stat;
	if (radios && typeof radios === 'object' && !Array.isArray(radios)) {
		const reduced: IDataObject = {};
		for (const [band, stat] of Object.entries(radios as IDataObject)) {
			if (stat && typeof stat === 'object') reduced[band] = pick(stat as IDataObject, RADIO_FIELDS);
		}
		simple.radio_stat = reduced;
	}
	return simple;
}
