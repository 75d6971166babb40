/** Shared types of the simulated Mist world. Field names follow the Mist API where they surface in responses. */

/**
 * `realistic` (the default) reproduces what real tenants return (test/fixtures/real-shapes/);
 * `spec` answers only what the Mist OpenAPI spec describes, as the simulator did before.
 */
export type SimulatorProfile = 'realistic' | 'spec';

/** Behaviours of a running simulator: the profile, and quirks a test can switch on (off by default). */
export interface Behaviour {
	profile: SimulatorProfile;
	/** Event searches take `type=A,B` as one literal type, so a comma list matches nothing. */
	literalTypeLists: boolean;
	/** Signature headers on webhook deliveries: both (default), or only the v1 `X-Mist-Signature`. */
	webhookSignatures: 'both' | 'v1';
}

export type CredentialFaultKind =
	| 'radius_reject'
	| 'wrong_psk'
	| 'expired_certificate'
	| 'radius_unreachable'
	| 'wrong_password'
	| 'psk_changed';

export type NetworkServiceFaultKind =
	| 'dhcp_unresponsive'
	| 'dhcp_nak'
	| 'dhcp_pool_exhausted'
	| 'dhcp_nak_storm'
	| 'dns_unreachable'
	| 'gateway_unreachable';

export type RadioFaultKind =
	| 'weak_coverage'
	| 'low_snr'
	| 'high_retries'
	| 'high_channel_utilisation'
	| 'high_noise_floor'
	| 'overloaded_ap'
	| 'non_wifi_channel'
	| 'co_channel_congestion'
	| 'coverage_hole'
	| 'radar_hits';

export type InfrastructureFaultKind =
	| 'association_failure'
	| 'ap_offline'
	| 'ap_rebooting'
	| 'switch_port_flap'
	| 'ap_uplink_flap'
	| 'switch_port_errors'
	| 'poe_power_cycling'
	| 'fast_roaming_failure';

export type FaultKind =
	| CredentialFaultKind
	| NetworkServiceFaultKind
	| RadioFaultKind
	| InfrastructureFaultKind;

export interface Scale {
	sites: number;
	apsPerSite: number;
	clientsPerSite: number;
}

export interface ScenarioSite {
	name: string;
	timezone?: string;
	country?: string;
	/** Overrides of the scale for this site. */
	aps?: number;
	clients?: number;
}

export interface ScenarioFault {
	kind: FaultKind;
	site: string;
	/** AP name (e.g. "HQ-AP-03"). */
	ap?: string;
	/** Client hostnames; a hostname that does not exist is given to a suitable generated client. */
	clients?: string[];
	/** How many clients are affected when `clients` does not name them. */
	count?: number;
	ssid?: string;
	vlan?: number;
	switch?: string;
	port?: string;
	/** Seconds between two occurrences of the fault's events (default 300). */
	intervalSeconds?: number;
}

export interface ScenarioSettings {
	/** Real seconds an AP stays offline after a restart. */
	rebootSeconds?: number;
	/** How far back the generated history reaches, in hours (default 24). */
	historyHours?: number;
}

export interface Scenario {
	name?: string;
	seed?: number;
	org?: { id?: string; name?: string };
	scale?: Partial<Scale>;
	sites?: ScenarioSite[];
	settings?: ScenarioSettings;
	faults?: ScenarioFault[];
}

export interface Wlan {
	id: string;
	ssid: string;
	auth: 'eap' | 'psk';
	/** EAP method used by most clients of an 802.1X WLAN. */
	eapType?: 'eap-tls' | 'eap-peap';
	vlan: number;
	akmSuite: string;
}

export interface RadioState {
	channel: number;
	bandwidth: number;
	power: number;
	noise_floor: number;
	util_all: number;
	util_tx: number;
	util_rx_in_bss: number;
	util_rx_other_bss: number;
	util_non_wifi: number;
	util_unknown_wifi: number;
	util_undecodable_wifi: number;
}

export interface Ap {
	id: string;
	mac: string;
	name: string;
	model: string;
	serial: string;
	siteId: string;
	mapId: string;
	x: number;
	y: number;
	ip: string;
	version: string;
	cpuUtil: number;
	/** Epoch ms of the last boot (uptime derives from it). */
	bootAt: number;
	/** Manually forced offline (ap_offline fault): epoch ms of the last contact. */
	offlineSince?: number;
	/** Restart in progress until this epoch ms. */
	rebootingUntil?: number;
	rebootStartedAt?: number;
	radios: { band_24: RadioState; band_5: RadioState };
	lastTrouble?: { code: string; timestamp: number };
}

export interface SwitchPort {
	port_id: string;
	up: boolean;
	speed: number;
	lastFlapped?: number;
	neighborMac?: string;
	/** Input errors (CRC, framing) counted since the port came up. */
	rxErrors?: number;
	/** The port's PoE was cut: the powered device lost its power. */
	poeOff?: boolean;
}

export interface Switch {
	id: string;
	mac: string;
	name: string;
	model: string;
	serial: string;
	siteId: string;
	ip: string;
	version: string;
	bootAt: number;
	ports: SwitchPort[];
	/** Watts the PoE ports draw beyond the connected APs (other powered devices); budget stress. */
	extraPoeWatts?: number;
	/** DHCP scopes served by the switch, keyed by network name. */
	dhcpd: Record<string, { num_ips: number; num_leased: number; vlan: number }>;
}

export interface Client {
	mac: string;
	hostname: string;
	username: string;
	os: string;
	manufacture: string;
	family: string;
	model: string;
	siteId: string;
	apId: string;
	wlan: Wlan;
	band: '24' | '5';
	rssi: number;
	snr: number;
	txPkts: number;
	rxPkts: number;
	txRetries: number;
	rxRetries: number;
	txBps: number;
	rxBps: number;
	txRate: number;
	rxRate: number;
	idleTime: number;
	/** Epoch ms of the current association. */
	assocAt: number;
	ip?: string;
	x: number;
	y: number;
	proto: 'ac' | 'ax' | 'n';
	isGuest: boolean;
	randomMac: boolean;
	/** False for clients that currently fail to join (auth or association failures). */
	connected: boolean;
	/** IP address to restore when a DHCP fault on the client clears. */
	savedIp?: string;
}

export interface Site {
	id: string;
	name: string;
	index: number;
	timezone: string;
	country_code: string;
	address: string;
	latlng: { lat: number; lng: number };
	mapId: string;
	createdAt: number;
	wlans: Wlan[];
	apIds: string[];
	switchIds: string[];
	clientMacs: string[];
}

export interface ClientEvent {
	timestamp: number;
	type: string;
	mac: string;
	site_id: string;
	ap: string;
	bssid: string;
	ssid: string;
	wlan_id: string;
	band: '24' | '5';
	channel: number;
	proto: string;
	key_mgmt: string;
	text: string;
	type_code?: number;
	reason_code?: number;
	status_code?: number;
	/** Realistic profile: signal strength when the event happened. */
	rssi?: number;
	/** Realistic profile: one of the up to three copies Mist returns of an auth failure. */
	has_pcap?: boolean;
	pcap_url?: string;
}

export interface NacEvent {
	timestamp: number;
	type: string;
	mac: string;
	site_id: string;
	org_id: string;
	username: string;
	auth_type: string;
	ap: string;
	bssid: string;
	ssid: string;
	vlan: string;
	nas_vendor: string;
	port_type: 'wireless';
	client_type: 'wireless';
	nacrule_matched: boolean;
	resp_attrs: string[];
	random_mac: 'true' | 'false';
}

export interface DeviceEvent {
	timestamp: number;
	type: string;
	mac: string;
	site_id: string;
	org_id: string;
	device_type: 'ap' | 'switch' | 'gateway';
	device_name: string;
	model: string;
	text: string;
	ev_type?: 'notice' | 'warn';
	port_id?: string;
	reason?: string;
	site_name: string;
}

export interface Session {
	timestamp: number;
	mac: string;
	site_id: string;
	org_id: string;
	ap: string;
	band: string;
	ssid: string;
	wlan_id: string;
	connect: number;
	disconnect: number;
	duration: number;
	client_manufacture: string;
	tags: string[];
}

export interface Alarm {
	id: string;
	type: string;
	group: string;
	severity: string;
	site_id: string;
	org_id: string;
	count: number;
	timestamp: number;
	last_seen: number;
	status: 'open' | 'resolved';
	acked: boolean;
	acked_time?: number;
	note?: string;
	resolved_time?: number;
	aps?: string[];
	hostnames?: string[];
	ssids?: string[];
	bssids?: string[];
	switches?: string[];
	/** Fault that raised it (for clearing). */
	faultId: string;
	/** Realistic profile: group and severity are left out of the payload, as in Juniper's real sample. */
	severityOnlyInDefs?: boolean;
}

export interface RrmEvent {
	timestamp: number;
	site_id: string;
	ap_id: string;
	band: '24' | '5';
	event: string;
	channel: number;
	pre_channel: number;
	power: number;
	pre_power: number;
	bandwidth: number;
	pre_bandwidth: number;
	usage: string;
	pre_usage: string;
}

/** A scenario fault resolved against the generated world. */
export interface ActiveFault {
	id: string;
	kind: FaultKind;
	siteId: string;
	siteName: string;
	apIds: string[];
	clientMacs: string[];
	ssid?: string;
	vlan?: number;
	switchId?: string;
	portId?: string;
	intervalSeconds: number;
	/** Epoch seconds of the last generated occurrence. */
	lastTickAt: number;
	active: boolean;
	clearedAt?: number;
	clearedBy?: string;
}

export interface RemediationRecord {
	at: number;
	action: string;
	method: string;
	path: string;
	siteId?: string;
	target?: string;
	body?: unknown;
	effect: string;
}

export interface Webhook {
	id: string;
	org_id: string;
	site_id?: string;
	for_site: boolean;
	name: string | null;
	type: string;
	url: string;
	secret: string | null;
	topics: string[];
	enabled: boolean;
	verify_cert: boolean;
	headers: Record<string, string>;
	single_event_per_message: boolean;
	created_time: number;
	modified_time: number;
}

export interface WebhookDelivery {
	id: string;
	webhookId: string;
	url: string;
	topic: string;
	status: 'success' | 'failure';
	statusCode: number;
	error?: string;
	at: number;
	events: number;
	requestBody: string;
	responseBody: string;
}

export interface World {
	seed: number;
	behaviour: Behaviour;
	orgId: string;
	orgName: string;
	createdAt: number;
	settings: Required<ScenarioSettings>;
	sites: Site[];
	sitesById: Map<string, Site>;
	aps: Map<string, Ap>;
	apsByMac: Map<string, Ap>;
	switches: Map<string, Switch>;
	clients: Map<string, Client>;
	clientEvents: ClientEvent[];
	nacEvents: NacEvent[];
	deviceEvents: DeviceEvent[];
	sessions: Session[];
	alarms: Alarm[];
	rrmEvents: RrmEvent[];
	faults: ActiveFault[];
	remediations: RemediationRecord[];
	webhooks: Map<string, Webhook>;
	deliveries: WebhookDelivery[];
	/** Radio config stored through PUT /sites/{site}/devices/{id}, keyed by AP id. */
	deviceConfigOverrides: Map<string, Record<string, unknown>>;
	/** Epoch seconds of the last background (healthy traffic) occurrence. */
	backgroundTickAt: number;
	/** Bumped whenever event arrays change, to invalidate cached search results. */
	version: number;
}
