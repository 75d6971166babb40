import type { ClientSearchResult, ClientStat } from '../../../shared/schemas/mist.schemas';
import { normalizeMacLoose } from '../../../shared/findings/fingerprint';

/** What the rules want to know about a client, from either client stats or client search. */
export interface ClientInfo {
	mac: string;
	site_id?: string;
	hostname?: string;
	username?: string;
	vlan?: string;
	ap?: string;
	ssid?: string;
}

export type ClientRecord = ClientStat | ClientSearchResult;

const text = (value: unknown) =>
	value === undefined || value === null || value === '' ? undefined : String(value);

export function clientInfo(record: ClientRecord): ClientInfo {
	const stat = record as ClientStat;
	const search = record as ClientSearchResult;
	return {
		mac: normalizeMacLoose(record.mac),
		site_id: text(record.site_id),
		hostname: text(stat.hostname) ?? text(search.last_hostname),
		username: text(stat.username) ?? text(search.last_username),
		vlan: text(stat.vlan_id) ?? text(search.last_vlan),
		ap: text(stat.ap_mac) ? normalizeMacLoose(String(stat.ap_mac)) : text(search.last_ap),
		ssid: text(stat.ssid) ?? text(search.last_ssid),
	};
}

export function clientDirectory(records: ClientRecord[] | undefined): Map<string, ClientInfo> {
	const directory = new Map<string, ClientInfo>();
	for (const record of records ?? [])
		directory.set(normalizeMacLoose(record.mac), clientInfo(record));
	return directory;
}

export function vlanByMac(directory: Map<string, ClientInfo>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [mac, info] of directory) if (info.vlan) out[mac] = info.vlan;
	return out;
}

/**
 * Client MAC → VLAN: the caller's own `given` map first, else the client's record. A lookup rather
 * than one merged object, which copied every client's VLAN into a new object on every run.
 */
export function vlanLookup(
	directory: Map<string, ClientInfo>,
	given: Record<string, string> | undefined,
): (mac: string) => string | undefined {
	return (mac) =>
		given && Object.prototype.hasOwnProperty.call(given, mac)
			? given[mac]
			: directory.get(mac)?.vlan;
}
