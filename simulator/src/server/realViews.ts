/**
 * Fields of device and client stats that the real samples carry (test/fixtures/real-shapes/
 * stats-devices-ap.json, site-stats-clients.json) and the spec-only views leave out. Only the
 * realistic profile adds them; their values are plausible constants or derive from the world.
 */
import type { Ap, Client, World } from '../types';
import { apUplink } from '../generator/apUplink';
import { bssidOf } from '../generator/radio';

/** Map pixels per metre (the real client sample: x 695.34 px = x_m 24.09 m). */
const PIXELS_PER_METRE = 28.87;

export function realApStatExtras(ap: Ap, clients: Client[], now: number, up: boolean) {
	const seen = Math.floor(now / 1000);
	const gateway = ap.ip.replace(/\.\d+$/, '.1');
	return {
		auto_upgrade_stat: { lastcheck: seen - 3600 },
		ble_stat: {
			beacon_enabled: false,
			beacon_rate: 0,
			eddystone_uid_enabled: false,
			eddystone_url_enabled: false,
			ibeacon_enabled: false,
			power: 8,
		},
		config_reverted: false,
		cpu_system: up ? 21_921_854 : null,
		cpu_user: up ? 7_496_631 : null,
		env_stat: { ambient_temp: 41, cpu_temp: 55, humidity: 12, pressure: 968, attitude: 0 },
		inactive_wired_vlans: [],
		ip_stat: {
			ip: ap.ip,
			netmask: '255.255.255.0',
			gateway,
			dhcp_server: gateway,
			dns: ['10.0.0.53'],
		},
		mount: 'faceup',
		notes: '',
		power_budget: 8400,
		switch_redundancy: { num_redundant_aps: 1 },
		tx_bytes: clients.length * 52_000_000,
		rx_bytes: clients.length * 31_000_000,
		tx_pkts: clients.length * 61_000,
		rx_pkts: clients.length * 48_000,
	};
}

/** The radio's MAC, which real `radio_stat.band_*` entries name. */
export function realRadioStatExtras(ap: Ap, band: '24' | '5') {
	return { mac: bssidOf(ap, band) };
}

/** LLDP neighbour details the real AP sample carries beside system_name and port_id. */
export function realLldpExtras(world: World, ap: Ap) {
	const uplink = apUplink(world, ap);
	const site = world.sitesById.get(ap.siteId);
	const sw = uplink?.sw ?? (site ? world.switches.get(site.switchIds[0]) : undefined);
	return {
		chassis_id: sw ? sw.mac.replace(/(..)(?=.)/g, '$1:') : '',
		lldp_med_supported: false,
		mgmt_addr: sw?.ip ?? '',
		mgmt_addrs: sw ? [sw.ip] : [],
		port_desc: uplink?.port.port_id ?? 'ge-0/0/1',
		power_request_count: 1,
		power_requested: 25_500,
		system_desc: 'Juniper Networks, Inc. ex4100-48p Ethernet Switch, kernel JUNOS 22.4R3-S2.11',
	};
}

/** Client stats fields of the real sample that the spec-only view leaves out. */
export function realClientStatExtras(client: Client) {
	return {
		annotation: 'unknown',
		group: '',
		x_m: Math.round((client.x / PIXELS_PER_METRE) * 1e6) / 1e6,
		y_m: Math.round((client.y / PIXELS_PER_METRE) * 1e6) / 1e6,
	};
}
