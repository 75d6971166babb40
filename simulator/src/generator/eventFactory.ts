import type {
	Ap,
	Client,
	ClientEvent,
	DeviceEvent,
	NacEvent,
	RrmEvent,
	Switch,
	World,
} from '../types';
import { bssidOf } from './radio';

/** Human text for the client event types the simulator emits (also served by /const/client_events). */
export const CLIENT_EVENT_TEXT: Record<string, string> = {
	CLIENT_ASSOCIATION: 'Client associated',
	CLIENT_AUTHENTICATED: 'Client authenticated',
	CLIENT_IP_ASSIGNED: 'Client got an IP address from DHCP',
	CLIENT_DNS_OK: 'Client DNS lookups succeeded',
	CLIENT_DEAUTHENTICATED: 'Client deauthenticated',
	CLIENT_ASSOCIATION_FAILURE: 'Client association failed',
	MARVIS_EVENT_CLIENT_AUTH_FAILURE: 'Client authentication failed',
	REPEATED_AUTH_FAILURES: 'Client failed to authenticate repeatedly',
	MARVIS_EVENT_CLIENT_DHCP_STUCK: 'DHCP server did not answer the client (stuck in DHCP discover)',
	MARVIS_EVENT_CLIENT_DHCP_FAILURE: 'Client failed to obtain an IP address via DHCP',
	MARVIS_EVENT_CLIENT_DHCP_NAK: 'DHCP server sent a NAK to the client',
};

/**
 * A client event keeps only what is specific to the moment (time, type, AP, channel, text) and
 * reads the client's stable facts through the client: a 100,000-client org has 400,000 of them.
 */
class CompactClientEvent implements ClientEvent {
	type_code?: number;
	reason_code?: number;
	status_code?: number;
	has_pcap?: boolean;
	pcap_url?: string;

	constructor(
		readonly timestamp: number,
		readonly type: string,
		private readonly client: Client,
		readonly ap: string,
		readonly bssid: string,
		readonly channel: number,
		public text: string,
	) {}

	get mac() {
		return this.client.mac;
	}

	get site_id() {
		return this.client.siteId;
	}

	get ssid() {
		return this.client.wlan.ssid;
	}

	get wlan_id() {
		return this.client.wlan.id;
	}

	get band() {
		return this.client.band;
	}

	get proto() {
		return this.client.proto;
	}

	get key_mgmt() {
		return this.client.wlan.akmSuite;
	}

	get rssi() {
		return this.client.rssi;
	}
}

export function makeClientEvent(
	world: World,
	client: Client,
	type: string,
	timestamp: number,
	extra?: Partial<ClientEvent>,
): ClientEvent {
	const ap = world.aps.get(client.apId) as Ap;
	const radio = client.band === '5' ? ap.radios.band_5 : ap.radios.band_24;
	const event = new CompactClientEvent(
		timestamp,
		type,
		client,
		ap.mac,
		bssidOf(ap, client.band),
		radio.channel,
		CLIENT_EVENT_TEXT[type] ?? type,
	);
	if (extra) {
		if (extra.text !== undefined) event.text = extra.text;
		if (extra.reason_code !== undefined) event.reason_code = extra.reason_code;
		if (extra.status_code !== undefined) event.status_code = extra.status_code;
		if (extra.type_code !== undefined) event.type_code = extra.type_code;
	}
	return event;
}

/** The four events of a healthy join (association, authentication, DHCP, DNS). */
export function healthyJoin(world: World, client: Client, at: number): ClientEvent[] {
	return [
		makeClientEvent(world, client, 'CLIENT_ASSOCIATION', at),
		makeClientEvent(world, client, 'CLIENT_AUTHENTICATED', round3(at + 0.21)),
		makeClientEvent(world, client, 'CLIENT_IP_ASSIGNED', round3(at + 1.08), {
			text: `Client got IP ${client.ip ?? ''} via DHCP`,
		}),
		makeClientEvent(world, client, 'CLIENT_DNS_OK', round3(at + 1.42)),
	];
}

const PERMIT_ATTRIBUTES = new Map<number, string[]>();

function permitAttributes(vlan: number): string[] {
	let attrs = PERMIT_ATTRIBUTES.get(vlan);
	if (!attrs) {
		attrs = ['Tunnel-Type=VLAN', 'Tunnel-Medium-Type=IEEE-802', `Tunnel-Private-Group-Id=${vlan}`];
		PERMIT_ATTRIBUTES.set(vlan, attrs);
	}
	return [...attrs];
}

export function makeNacEvent(
	world: World,
	client: Client,
	type: string,
	timestamp: number,
	authType: string,
): NacEvent {
	const ap = world.aps.get(client.apId) as Ap;
	const permit = type === 'NAC_CLIENT_PERMIT';
	return {
		timestamp,
		type,
		mac: client.mac,
		site_id: client.siteId,
		org_id: world.orgId,
		username: client.username,
		auth_type: authType,
		ap: ap.mac,
		bssid: bssidOf(ap, client.band),
		ssid: client.wlan.ssid,
		vlan: String(client.wlan.vlan),
		nas_vendor: 'juniper-mist',
		port_type: 'wireless',
		client_type: 'wireless',
		nacrule_matched: permit,
		resp_attrs: permit ? permitAttributes(client.wlan.vlan) : [],
		random_mac: client.randomMac ? 'true' : 'false',
	};
}

export function makeDeviceEvent(
	world: World,
	device: Pick<Ap | Switch, 'mac' | 'name' | 'model' | 'siteId'>,
	deviceType: DeviceEvent['device_type'],
	type: string,
	timestamp: number,
	text: string,
	extra: Partial<DeviceEvent> = {},
): DeviceEvent {
	const site = world.sitesById.get(device.siteId);
	return {
		timestamp,
		type,
		mac: device.mac,
		site_id: device.siteId,
		org_id: world.orgId,
		device_type: deviceType,
		device_name: device.name,
		model: device.model,
		text,
		site_name: site?.name ?? '',
		...extra,
	};
}

export function round3(value: number): number {
	return Math.round(value * 1000) / 1000;
}

/** Inserts keeping ascending timestamp order (appends are the common case). */
export function insertSorted<T extends { timestamp: number }>(list: T[], item: T): void {
	let i = list.length;
	while (i > 0 && list[i - 1].timestamp > item.timestamp) i--;
	list.splice(i, 0, item);
}

/** An RRM event that records the radio as it is (before and after alike): history and fault markers. */
export function makeRrmEvent(ap: Ap, band: '24' | '5', event: string, at: number): RrmEvent {
	const radio = band === '5' ? ap.radios.band_5 : ap.radios.band_24;
	return {
		timestamp: Math.floor(at),
		site_id: ap.siteId,
		ap_id: ap.id,
		band,
		event,
		channel: radio.channel,
		pre_channel: radio.channel,
		power: radio.power,
		pre_power: radio.power,
		bandwidth: radio.bandwidth,
		pre_bandwidth: radio.bandwidth,
		usage: band,
		pre_usage: band,
	};
}
