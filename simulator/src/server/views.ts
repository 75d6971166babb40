import type {
	Alarm,
	Ap,
	Client,
	ClientEvent,
	DeviceEvent,
	RadioState,
	Site,
	SimulatorProfile,
	Switch,
	World,
} from '../types';
import { apUplink } from '../generator/apUplink';
import { bssidOf } from '../generator/radio';
import { REAL_TYPE_CODES } from '../generator/clientEventCatalog';
import {
	realApStatExtras,
	realClientStatExtras,
	realLldpExtras,
	realRadioStatExtras,
} from './realViews';

/** Response shapes, named and typed as in the Mist OpenAPI spec. */

export function apStatus(ap: Ap, now: number): 'connected' | 'disconnected' {
	if (ap.offlineSince !== undefined) return 'disconnected';
	if (ap.rebootingUntil !== undefined && now < ap.rebootingUntil) return 'disconnected';
	return 'connected';
}

export function apLastSeen(ap: Ap, now: number): number {
	if (ap.offlineSince !== undefined) return Math.floor(ap.offlineSince / 1000);
	if (ap.rebootingUntil !== undefined && now < ap.rebootingUntil)
		return Math.floor((ap.rebootStartedAt ?? now) / 1000);
	return Math.floor(now / 1000) - 5;
}

export function siteView(world: World, site: Site) {
	return {
		id: site.id,
		name: site.name,
		org_id: world.orgId,
		timezone: site.timezone,
		country_code: site.country_code,
		address: site.address,
		latlng: site.latlng,
		rftemplate_id: null,
		alarmtemplate_id: null,
		networktemplate_id: null,
		sitegroup_ids: [],
		notes: null,
		created_time: site.createdAt,
		modified_time: site.createdAt,
	};
}

export function siteSearchView(world: World, site: Site) {
	return {
		id: site.id,
		site_id: site.id,
		org_id: world.orgId,
		name: site.name,
		timezone: site.timezone,
		country_code: site.country_code,
		auto_upgrade_enabled: false,
		auto_upgrade_version: 'custom',
		honeypot_enabled: false,
		vna_enabled: true,
		wifi_enabled: true,
		timestamp: site.createdAt,
	};
}

function radioStat(radio: RadioState, numClients: number, up: boolean, extras: object) {
	// Extras last throughout these views: V8 builds a literal that starts with a spread in
	// dictionary mode, ~20 times slower, and a 1,000-AP page is 30,000 such objects.
	return {
		channel: radio.channel,
		bandwidth: radio.bandwidth,
		power: radio.power,
		noise_floor: radio.noise_floor,
		num_clients: up ? numClients : 0,
		num_wlans: 4,
		util_all: radio.util_all,
		util_tx: radio.util_tx,
		util_rx_in_bss: radio.util_rx_in_bss,
		util_rx_other_bss: radio.util_rx_other_bss,
		util_non_wifi: radio.util_non_wifi,
		util_unknown_wifi: radio.util_unknown_wifi,
		util_undecodable_wifi: radio.util_undecodable_wifi,
		tx_bytes: numClients * 52_000_000,
		rx_bytes: numClients * 31_000_000,
		tx_pkts: numClients * 61_000,
		rx_pkts: numClients * 48_000,
		usage: radio.channel > 14 ? '5' : '24',
		dynamic_chaining_enabled: false,
		...extras,
	};
}

export function clientsOfAp(world: World, ap: Ap): Client[] {
	const site = world.sitesById.get(ap.siteId);
	if (!site) return [];
	const out: Client[] = [];
	for (const mac of site.clientMacs) {
		const c = world.clients.get(mac);
		if (c && c.connected && c.apId === ap.id) out.push(c);
	}
	return out;
}

export function apStats(world: World, ap: Ap, now: number) {
	const status = apStatus(ap, now);
	const up = status === 'connected';
	const clients = up ? clientsOfAp(world, ap) : [];
	const n5 = clients.filter((c) => c.band === '5').length;
	const config = world.deviceConfigOverrides.get(ap.id);
	const realistic = world.behaviour.profile === 'realistic';
	const uplink = apUplink(world, ap);
	return {
		id: ap.id,
		mac: ap.mac,
		name: ap.name,
		type: 'ap' as const,
		model: ap.model,
		serial: ap.serial,
		hw_rev: 'B01',
		version: ap.version,
		org_id: world.orgId,
		site_id: ap.siteId,
		map_id: ap.mapId,
		x: ap.x,
		y: ap.y,
		status,
		uptime: up ? Math.max(0, Math.floor((now - ap.bootAt) / 1000)) : 0,
		last_seen: apLastSeen(ap, now),
		num_clients: clients.length,
		num_wlans: 4,
		ip: ap.ip,
		ext_ip: '203.0.113.10',
		cpu_util: up ? ap.cpuUtil : null,
		mem_total_kb: 1_000_000,
		mem_used_kb: up ? 420_000 : null,
		power_src: 'PoE 802.3at',
		power_constrained: false,
		power_opmode: '[20] 6GHz/5GHz/2.4GHz radios enabled',
		// Real APs report their last trouble even when healthy (stats-devices-ap.json: code "07").
		last_trouble:
			ap.lastTrouble ??
			(realistic ? { code: '07', timestamp: Math.floor(ap.bootAt / 1000) - 86400 } : undefined),
		port_stat: {
			eth0: {
				up,
				speed: 1000,
				full_duplex: true,
				tx_bytes: 1_200_000_000,
				rx_bytes: 3_400_000_000,
				tx_pkts: 4_100_000,
				rx_pkts: 5_200_000,
				rx_errors: 0,
				...(realistic ? { tx_peak_bps: 26_484, rx_peak_bps: 17_585 } : {}),
			},
		},
		lldp_stat: {
			system_name: uplink?.sw.name ?? 'switch',
			port_id: uplink?.port.port_id ?? 'ge-0/0/1',
			power_draw: 14500,
			power_allocated: 25500,
			...(realistic ? realLldpExtras(world, ap) : {}),
		},
		radio_stat: {
			band_24: radioStat(
				ap.radios.band_24,
				clients.length - n5,
				up,
				realistic ? realRadioStatExtras(ap, '24') : {},
			),
			band_5: radioStat(ap.radios.band_5, n5, up, realistic ? realRadioStatExtras(ap, '5') : {}),
		},
		radio_config: {
			band_24: {
				channel: ap.radios.band_24.channel,
				bandwidth: ap.radios.band_24.bandwidth,
				power: ap.radios.band_24.power,
				disabled: false,
			},
			band_5: {
				channel: ap.radios.band_5.channel,
				bandwidth: ap.radios.band_5.bandwidth,
				power: ap.radios.band_5.power,
				disabled: false,
			},
			scanning_enabled: true,
		},
		tx_bps: clients.reduce((s, c) => s + c.txBps, 0),
		rx_bps: clients.reduce((s, c) => s + c.rxBps, 0),
		locating: false,
		modified_time: Math.floor(world.createdAt / 1000),
		created_time: Math.floor(world.createdAt / 1000) - 86400 * 30,
		...(realistic ? realApStatExtras(ap, clients, now, up) : {}),
		...(config?.notes ? { notes: String(config.notes) } : {}),
	};
}

export function apConfig(world: World, ap: Ap) {
	const override = world.deviceConfigOverrides.get(ap.id) ?? {};
	return {
		id: ap.id,
		mac: ap.mac,
		name: ap.name,
		type: 'ap' as const,
		model: ap.model,
		serial: ap.serial,
		org_id: world.orgId,
		site_id: ap.siteId,
		map_id: ap.mapId,
		x: ap.x,
		y: ap.y,
		height: 3,
		orientation: 0,
		created_time: Math.floor(world.createdAt / 1000) - 86400 * 30,
		modified_time: Math.floor(world.createdAt / 1000),
		...override,
		radio_config: {
			band_24: {
				channel: ap.radios.band_24.channel,
				bandwidth: ap.radios.band_24.bandwidth,
				power: ap.radios.band_24.power,
				disabled: false,
			},
			band_5: {
				channel: ap.radios.band_5.channel,
				bandwidth: ap.radios.band_5.bandwidth,
				power: ap.radios.band_5.power,
				disabled: false,
			},
			...((override.radio_config as Record<string, unknown>) ?? {}),
		},
	};
}

export function apSearchView(world: World, ap: Ap, now: number) {
	const up = apStatus(ap, now) === 'connected';
	const uplink = apUplink(world, ap);
	return {
		mac: ap.mac,
		hostname: [ap.name],
		last_hostname: ap.name,
		model: ap.model,
		version: ap.version,
		org_id: world.orgId,
		site_id: ap.siteId,
		ip: ap.ip,
		ext_ip: '203.0.113.10',
		uptime: up ? Math.max(0, Math.floor((now - ap.bootAt) / 1000)) : 0,
		band_24_channel: ap.radios.band_24.channel,
		band_24_power: ap.radios.band_24.power,
		band_24_bandwidth: String(ap.radios.band_24.bandwidth),
		band_5_channel: ap.radios.band_5.channel,
		band_5_power: ap.radios.band_5.power,
		band_5_bandwidth: String(ap.radios.band_5.bandwidth),
		lldp_system_name: uplink?.sw.name ?? 'switch',
		lldp_port_id: uplink?.port.port_id ?? 'ge-0/0/1',
		power_constrained: false,
		power_opmode: '[20] 6GHz/5GHz/2.4GHz radios enabled',
		mxtunnel_status: 'down',
		wlans: [],
		sku: `${ap.model}-WW`,
		timestamp: up ? Math.floor(now / 1000) : apLastSeen(ap, now),
	};
}

/** Watts an AP draws over PoE, and the PoE budget of the simulated switch model. */
const AP_POE_WATTS = 14.5;
const SWITCH_POE_BUDGET_WATTS = 370;

function poeBudget(sw: Switch) {
	const powered = sw.ports.filter((p) => p.neighborMac && p.up && !p.poeOff).length;
	return {
		max_power: SWITCH_POE_BUDGET_WATTS,
		power_draw: Math.round((powered * AP_POE_WATTS + (sw.extraPoeWatts ?? 0)) * 10) / 10,
		status: 'AC',
	};
}

export function switchStats(world: World, sw: Switch, now: number) {
	return {
		id: sw.id,
		mac: sw.mac,
		name: sw.name,
		hostname: sw.name,
		type: 'switch' as const,
		model: sw.model,
		serial: sw.serial,
		version: sw.version,
		org_id: world.orgId,
		site_id: sw.siteId,
		status: 'connected',
		uptime: Math.floor((now - sw.bootAt) / 1000),
		last_seen: Math.floor(now / 1000) - 5,
		ip: sw.ip,
		dhcpd_stat: Object.fromEntries(
			Object.entries(sw.dhcpd).map(([name, d]) => [
				name,
				{ num_ips: d.num_ips, num_leased: d.num_leased },
			]),
		),
		clients_stats: {
			total: { num_aps: [sw.ports.filter((p) => p.neighborMac).length], num_wired_clients: 2 },
		},
		cpu_stat: { idle: 88, system: 4, user: 8, usage: 12, interrupt: 0, load_avg: [0.4, 0.5, 0.5] },
		memory_stat: { usage: 41 },
		ports: sw.ports.map((p) => ({
			port_id: p.port_id,
			mac: sw.mac,
			port_mac: sw.mac,
			neighbor_mac: p.neighborMac ?? '',
			org_id: world.orgId,
			site_id: sw.siteId,
			up: p.up,
			speed: p.speed,
			full_duplex: true,
			...(p.lastFlapped !== undefined ? { last_flapped: p.lastFlapped } : {}),
			rx_pkts: p.up ? 48_000_000 : 0,
			tx_pkts: p.up ? 61_000_000 : 0,
			rx_errors: p.rxErrors ?? (p.lastFlapped !== undefined ? 37 : 0),
			tx_errors: 0,
			...(p.neighborMac ? { poe_on: !p.poeOff, power_draw: p.poeOff ? 0 : AP_POE_WATTS } : {}),
		})),
		module_stat: [{ poe: poeBudget(sw) }],
	};
}

export function switchConfig(world: World, sw: Switch) {
	return {
		id: sw.id,
		mac: sw.mac,
		name: sw.name,
		type: 'switch' as const,
		model: sw.model,
		serial: sw.serial,
		org_id: world.orgId,
		site_id: sw.siteId,
		created_time: Math.floor(world.createdAt / 1000) - 86400 * 60,
		modified_time: Math.floor(world.createdAt / 1000),
	};
}

export function switchSearchView(world: World, sw: Switch, now: number) {
	return {
		type: 'switch' as const,
		mac: sw.mac,
		hostname: [sw.name],
		last_hostname: sw.name,
		model: sw.model,
		version: sw.version,
		org_id: world.orgId,
		site_id: sw.siteId,
		ip: sw.ip,
		uptime: Math.floor((now - sw.bootAt) / 1000),
		managed: true,
		role: 'access',
		timestamp: Math.floor(now / 1000),
	};
}

export function clientStats(world: World, client: Client, now: number) {
	const ap = world.aps.get(client.apId) as Ap;
	const radio = client.band === '5' ? ap.radios.band_5 : ap.radios.band_24;
	return {
		mac: client.mac,
		site_id: client.siteId,
		hostname: client.hostname,
		...(client.ip ? { ip: client.ip } : {}),
		ap_mac: ap.mac,
		ap_id: ap.id,
		bssid: bssidOf(ap, client.band),
		ssid: client.wlan.ssid,
		wlan_id: client.wlan.id,
		band: client.band,
		channel: radio.channel,
		proto: client.proto,
		key_mgmt: client.wlan.akmSuite,
		rssi: client.rssi,
		snr: client.snr,
		tx_rate: client.txRate,
		rx_rate: client.rxRate,
		tx_pkts: client.txPkts,
		rx_pkts: client.rxPkts,
		tx_bytes: client.txPkts * 780,
		rx_bytes: client.rxPkts * 910,
		tx_retries: client.txRetries,
		rx_retries: client.rxRetries,
		tx_bps: client.txBps,
		rx_bps: client.rxBps,
		idle_time: client.idleTime,
		assoc_time: Math.floor(client.assocAt / 1000),
		uptime: Math.max(0, Math.floor((now - client.assocAt) / 1000)),
		last_seen: Math.floor(now / 1000) - client.idleTime,
		vlan_id: String(client.wlan.vlan),
		...(client.username ? { username: client.username } : {}),
		is_guest: client.isGuest,
		os: client.os,
		manufacture: client.manufacture,
		family: client.family,
		model: client.model,
		map_id: ap.mapId,
		x: client.x,
		y: client.y,
		num_locating_aps: 3,
		power_saving: false,
		dual_band: true,
		type: 'regular',
		...(world.behaviour.profile === 'realistic' ? realClientStatExtras(client) : {}),
	};
}

export function clientSearchView(world: World, client: Client) {
	const ap = world.aps.get(client.apId) as Ap;
	return {
		mac: client.mac,
		org_id: world.orgId,
		site_id: client.siteId,
		site_ids: [client.siteId],
		last_hostname: client.hostname,
		hostname: [client.hostname],
		...(client.ip ? { last_ip: client.ip, ip: [client.ip] } : { ip: [] }),
		last_ssid: client.wlan.ssid,
		ssid: [client.wlan.ssid],
		last_ap: ap.mac,
		ap: [ap.mac],
		last_vlan: client.wlan.vlan,
		vlan: [client.wlan.vlan],
		last_wlan_id: client.wlan.id,
		wlan_id: [client.wlan.id],
		...(client.username ? { last_username: client.username, username: [client.username] } : {}),
		last_os: client.os,
		os: [client.os],
		last_model: client.model,
		model: client.model,
		last_device: client.family,
		device: [client.family],
		mfg: client.manufacture,
		band: client.band,
		protocol: client.proto,
		random_mac: client.randomMac,
		timestamp: Math.floor(client.assocAt / 1000),
	};
}

/**
 * Client event as Mist returns it. Both profiles add `mac`, `reason_code` and `status_code`, which
 * real responses carry and the spec omits; the realistic profile adds `site_id`, `rssi`,
 * `has_pcap`/`pcap_url` and known `type_code`s (test/fixtures/real-shapes/client-events-search.md).
 */
export function clientEventView(event: ClientEvent, profile: SimulatorProfile) {
	const realistic = profile === 'realistic';
	const typeCode = event.type_code ?? (realistic ? REAL_TYPE_CODES[event.type] : undefined);
	return {
		timestamp: event.timestamp,
		type: event.type,
		mac: event.mac,
		...(realistic ? { site_id: event.site_id } : {}),
		ap: event.ap,
		bssid: event.bssid,
		ssid: event.ssid,
		wlan_id: event.wlan_id,
		band: event.band,
		channel: event.channel,
		proto: event.proto,
		key_mgmt: event.key_mgmt,
		text: event.text,
		...(realistic && event.rssi !== undefined ? { rssi: event.rssi } : {}),
		...(typeCode !== undefined ? { type_code: typeCode } : {}),
		...(event.reason_code !== undefined ? { reason_code: event.reason_code } : {}),
		...(event.status_code !== undefined ? { status_code: event.status_code } : {}),
		...(realistic && event.has_pcap !== undefined ? { has_pcap: event.has_pcap } : {}),
		...(realistic && event.pcap_url !== undefined ? { pcap_url: event.pcap_url } : {}),
	};
}

export function deviceEventView(event: DeviceEvent) {
	return event;
}

/** An alarm as search results show it; types whose real payload lacks group and severity leave them out. */
export function alarmView(alarm: Alarm) {
	// `faultId` and `severityOnlyInDefs` are simulator bookkeeping, not Mist fields.
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { faultId, severityOnlyInDefs, ...rest } = alarm;
	if (!severityOnlyInDefs) return rest;
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { group, severity, ...withoutSeverity } = rest;
	return withoutSeverity;
}
