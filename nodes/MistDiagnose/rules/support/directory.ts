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

// One reader per field, so a step can read the one it needs without building a whole ClientInfo.
const siteOf = (record: ClientRecord) => text(record.site_id);
const hostnameOf = (record: ClientRecord) =>
	text((record as ClientStat).hostname) ?? text((record as ClientSearchResult).last_hostname);
const vlanOf = (record: ClientRecord) =>
	text((record as ClientStat).vlan_id) ?? text((record as ClientSearchResult).last_vlan);

export function clientInfo(record: ClientRecord): ClientInfo {
	const stat = record as ClientStat;
	const search = record as ClientSearchResult;
	return {
		mac: normalizeMacLoose(record.mac),
		site_id: siteOf(record),
		hostname: hostnameOf(record),
		username: text(stat.username) ?? text(search.last_username),
		vlan: vlanOf(record),
		ap: text(stat.ap_mac) ? normalizeMacLoose(String(stat.ap_mac)) : text(search.last_ap),
		ssid: text(stat.ssid) ?? text(search.last_ssid),
	};
}

/**
 * Client records by MAC. A step checks every client (its MAC, site and hostname) but looks up more
 * only for the few that failed, so fields are read from the record when asked: no object per
 * client. As in a Map, a MAC listed twice keeps its first place and its last record.
 */
export class ClientDirectory {
	private readonly records = new Map<string, ClientRecord>();

	constructor(records: ClientRecord[] = []) {
		for (const record of records) this.records.set(normalizeMacLoose(record.mac), record);
	}

	hostname(mac: string): string | undefined {
		const record = this.records.get(mac);
		return record && hostnameOf(record);
	}

	vlan(mac: string): string | undefined {
		const record = this.records.get(mac);
		return record && vlanOf(record);
	}

	/** Each client in order with its site (else `fallbackSiteId`), as health tracking checks it. */
	forEachClient(
		fallbackSiteId: string | undefined,
		visit: (mac: string, siteId: string | undefined, hostname: string | undefined) => void,
	): void {
		// forEach rather than for…of: no [key, value] array per client.
		this.records.forEach((record, mac) =>
			visit(mac, siteOf(record) ?? fallbackSiteId, hostnameOf(record)),
		);
	}

	/** MAC → VLAN of every client that has one. */
	vlans(): Record<string, string> {
		const out: Record<string, string> = {};
		for (const [mac, record] of this.records) {
			const vlan = vlanOf(record);
			if (vlan) out[mac] = vlan;
		}
		return out;
	}
}

export function clientDirectory(records: ClientRecord[] | undefined): ClientDirectory {
	return new ClientDirectory(records);
}

export function vlanByMac(directory: ClientDirectory): Record<string, string> {
	return directory.vlans();
}

/**
 * Client MAC → VLAN: the caller's own `given` map first, else the client's record. A lookup rather
 * than one merged object, which copied every client's VLAN into a new object on every run.
 */
export function vlanLookup(
	directory: ClientDirectory,
	given: Record<string, string> | undefined,
): (mac: string) => string | undefined {
	return (mac) =>
		given && Object.prototype.hasOwnProperty.call(given, mac) ? given[mac] : directory.vlan(mac);
}
