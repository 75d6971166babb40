/**
 * Deterministic input for the rules throughput benchmark: an org of `scale` clients, APs and sites
 * (one switch per site), about 10 % of each step's records breaching the real default thresholds,
 * turned into the input each diagnosis step's rules receive. Same seed, same data.
 */
import { Rng } from '../../simulator/src/prng';
import type { DiagnosisStep } from '../../nodes/shared/findings/types';
import type { ClientStat, DeviceStat } from '../../nodes/shared/schemas/mist.schemas';
import { DEFAULT_THRESHOLDS } from '../../nodes/MistDiagnose/rules';
import type {
	ApHealthInput,
	ApStat,
	AssociationInput,
	AuthenticationInput,
	ClientEventInput,
	DeviceEventInput,
	DhcpInput,
	DhcpServerStat,
	DiagnosisContext,
	EventCatalogueEntry,
	InfrastructureInput,
	RfEnvironmentInput,
	ClientHealthInput,
} from '../../nodes/MistDiagnose/rules';

export interface RulesScale {
	clients: number;
	aps: number;
	sites: number;
}

export const DEFAULT_RULES_SCALE: RulesScale = { clients: 100_000, aps: 10_000, sites: 1_000 };
export const DEFAULT_SEED = 20_261_205;
/** A fixed "now" (epoch seconds): events fall in the hour before it. */
export const BENCH_NOW = 1_764_236_700;
export const BREACH_SHARE = 0.1;

export interface StepInputs {
	association: AssociationInput;
	authentication: AuthenticationInput;
	dhcp: DhcpInput;
	client_health: ClientHealthInput;
	ap_health: ApHealthInput;
	rf_environment: RfEnvironmentInput;
	infrastructure: InfrastructureInput;
}

export interface RulesBenchData {
	scale: RulesScale;
	seed: number;
	clients: ClientStat[];
	aps: ApStat[];
	switches: DhcpServerStat[];
	inputs: StepInputs;
	context: DiagnosisContext;
	/** Per step: the records it judges (clients or APs) and how many of them breach. */
	breaching: Record<DiagnosisStep, { breaching: number; of: number }>;
	/** Per step: the MAC of one breaching record planted alone on the first site, so it must become a finding of its own. */
	planted: Record<DiagnosisStep, string>;
}

const T = DEFAULT_THRESHOLDS;
const hex6 = (index: number) => index.toString(16).padStart(6, '0');
const clientMac = (index: number) => `dadbfc${hex6(index + 1)}`;
const apMac = (index: number) => `5c5b35${hex6(index + 1)}`;
const switchMac = (index: number) => `d0dd49${hex6(index + 1)}`;
const pad = (index: number) => String(index + 1).padStart(4, '0');

/** Event types per step family, all of the vetted list (`eventClassifier.ts`). */
const EVENT_TYPES = {
	association: [
		'CLIENT_ASSOCIATION_FAILURE',
		'CLIENT_REASSOCIATION_FAILURE',
		'MARVIS_EVENT_CLIENT_FBT_FAILURE',
	],
	authentication: [
		'MARVIS_EVENT_CLIENT_AUTH_FAILURE',
		'MARVIS_EVENT_CLIENT_AUTH_DENIED',
		'MARVIS_EVENT_SAE_AUTH_FAILURE',
	],
	dhcp: [
		'MARVIS_EVENT_CLIENT_DHCP_FAILURE',
		'MARVIS_EVENT_CLIENT_DHCP_NAK',
		'MARVIS_EVENT_CLIENT_DHCP_STUCK',
	],
	infrastructure: ['MARVIS_DNS_FAILURE', 'CLIENT_GW_ARP_FAILURE'],
} as const;
type EventStep = keyof typeof EVENT_TYPES;
const EVENT_STEPS = Object.keys(EVENT_TYPES) as EventStep[];

const CATALOGUE: EventCatalogueEntry[] = Object.values(EVENT_TYPES)
	.flat()
	.map((key) => ({ key, display: key.toLowerCase().replace(/_/g, ' ') }));

const WLANS = [
	{ ssid: 'Corp', vlan: '10' },
	{ ssid: 'Guest', vlan: '20' },
];

/** The first site holds the planted records only: nothing else breaches there, so each stands alone. */
const PLANT_SITE = 0;

/**
 * Exactly BREACH_SHARE of `count` records, less the one planted, drawn among the `eligible` ones
 * (a partial Fisher-Yates shuffle), so the share holds at small scales too.
 */
function breachSet(rng: Rng, count: number, eligible: (index: number) => boolean): Set<number> {
	const candidates: number[] = [];
	for (let index = 0; index < count; index++) if (eligible(index)) candidates.push(index);
	const wanted = Math.min(candidates.length, Math.max(0, Math.round(count * BREACH_SHARE) - 1));
	for (let k = 0; k < wanted; k++) {
		const pick = k + Math.floor(rng.next() * (candidates.length - k));
		[candidates[k], candidates[pick]] = [candidates[pick], candidates[k]];
	}
	return new Set(candidates.slice(0, wanted));
}

function site(index: number, rng: Rng) {
	return { id: rng.uuid(), name: `Site-${pad(index)}` };
}

function radio(rng: Rng, channel: number, clients: number) {
	return {
		channel,
		bandwidth: channel > 14 ? 40 : 20,
		power: rng.int(8, 17),
		num_clients: clients,
		// Healthy: at or below each limit (a limit itself is not a breach).
		util_all: rng.int(5, T.channelUtilPercent.warn - 5),
		util_tx: rng.int(1, 10),
		util_rx_in_bss: rng.int(1, 10),
		util_rx_other_bss: rng.int(0, 10),
		util_non_wifi: rng.int(0, T.nonWifiUtilPercent.warn - 5),
		noise_floor: rng.int(-98, T.noiseFloorDbm.warn - 3),
	};
}

function switchOf(index: number, siteId: string, siteName: string, apCount: number, rng: Rng) {
	const exhausted = index !== PLANT_SITE && rng.chance(BREACH_SHARE);
	const leased = (size: number) =>
		exhausted
			? Math.ceil(size * T.dhcpPoolUsage.warn) + rng.int(1, 10)
			: rng.int(50, Math.floor(size * T.dhcpPoolUsage.warn));
	const sw: DhcpServerStat = {
		id: `00000000-0000-0000-1000-${switchMac(index)}`,
		mac: switchMac(index),
		name: `${siteName}-SW-01`,
		site_id: siteId,
		type: 'switch',
		model: 'EX4100-48MP',
		status: 'connected',
		uptime: rng.int(86_400, 8_640_000),
		last_seen: BENCH_NOW - 5,
		dhcpd_stat: Object.fromEntries(
			WLANS.map((wlan) => [`vlan${wlan.vlan}`, { num_ips: 250, num_leased: leased(250) }]),
		),
		ports: Array.from({ length: apCount + 2 }, (_, port) => ({
			port_id: `ge-0/0/${port}`,
			up: true,
			speed: 1000,
			rx_pkts: 48_000_000,
			tx_pkts: 61_000_000,
			rx_errors: 0,
			tx_errors: 0,
		})),
		module_stat: [{ poe: { max_power: 370, power_draw: 14.5 * apCount } }],
	};
	return sw;
}

/** Builds the org and each step's input. Only plain loops and the seeded PRNG: no Math.random. */
export function generateRulesData(
	scale: RulesScale = DEFAULT_RULES_SCALE,
	seed = DEFAULT_SEED,
): RulesBenchData {
	const rng = new Rng(seed);
	const sites = Array.from({ length: scale.sites }, (_, index) => site(index, rng));
	const siteOfAp = (index: number) => Math.floor((index * scale.sites) / scale.aps);
	const apsPerSite = Math.ceil(scale.aps / scale.sites);
	const switches = sites.map((s, index) => switchOf(index, s.id, s.name, apsPerSite, rng));
	const ofClients = () => ({ breaching: 0, of: scale.clients });
	const ofAps = () => ({ breaching: 0, of: scale.aps });
	const breaching: RulesBenchData['breaching'] = {
		association: ofClients(),
		authentication: ofClients(),
		dhcp: ofClients(),
		client_health: ofClients(),
		ap_health: ofAps(),
		rf_environment: ofAps(),
		infrastructure: ofClients(),
	};
	const planted = {} as RulesBenchData['planted'];
	const apOfClient = (index: number) => Math.floor((index * scale.aps) / scale.clients);
	const apElsewhere = (index: number) => siteOfAp(index) !== PLANT_SITE;
	const clientElsewhere = (index: number) => apElsewhere(apOfClient(index));
	const breachingAps = {
		ap_health: breachSet(rng, scale.aps, apElsewhere),
		rf_environment: breachSet(rng, scale.aps, apElsewhere),
	};
	const breachingClients = {
		client_health: breachSet(rng, scale.clients, clientElsewhere),
		...(Object.fromEntries(
			EVENT_STEPS.map((step) => [step, breachSet(rng, scale.clients, clientElsewhere)]),
		) as Record<EventStep, Set<number>>),
	};

	// APs: AP health (offline, CPU, load, reboots, disconnects) and RF (busy, noisy, non-Wi-Fi) breaches drawn independently.
	const aps: ApStat[] = [];
	const deviceEvents: DeviceEventInput[] = [];
	const clientsPerAp = Math.max(1, Math.round(scale.clients / scale.aps));
	for (let index = 0; index < scale.aps; index++) {
		const siteIndex = siteOfAp(index);
		const s = sites[siteIndex];
		const sw = switches[siteIndex];
		const port = index - Math.ceil((siteIndex * scale.aps) / scale.sites);
		const mac = apMac(index);
		const ap: ApStat = {
			id: `00000000-0000-0000-1000-${mac}`,
			mac,
			name: `${s.name}-AP-${String(port + 1).padStart(2, '0')}`,
			site_id: s.id,
			type: 'ap',
			model: 'AP45',
			status: 'connected',
			uptime: rng.int(86_400, 4_000_000),
			last_seen: BENCH_NOW - rng.int(1, 60),
			num_clients: clientsPerAp,
			cpu_util: rng.int(2, T.apCpuPercent.warn - 10),
			lldp_stat: { chassis_id: sw.mac, system_name: sw.name, port_id: `ge-0/0/${port}` },
			power_constrained: false,
			radio_stat: {
				band_24: radio(rng, rng.pick([1, 6, 11]), Math.floor(clientsPerAp / 3)),
				band_5: radio(
					rng,
					rng.pick([36, 52, 100, 149]),
					clientsPerAp - Math.floor(clientsPerAp / 3),
				),
			},
		};
		if (breachingAps.ap_health.has(index)) {
			breaching.ap_health.breaching++;
			const kind = rng.pick(['offline', 'cpu', 'load', 'reboots', 'disconnects'] as const);
			if (kind === 'offline') ap.status = 'disconnected';
			if (kind === 'cpu') ap.cpu_util = rng.int(T.apCpuPercent.warn + 1, 99);
			if (kind === 'load') ap.num_clients = rng.int(T.clientsPerAp.warn + 1, 60);
			if (kind === 'reboots' || kind === 'disconnects') {
				const limit = kind === 'reboots' ? T.apRebootsRepeated : T.apDisconnectsRepeated;
				const count = rng.int(limit, limit + 2);
				for (let n = 0; n < count; n++)
					deviceEvents.push({
						type: kind === 'reboots' ? 'AP_REBOOTED' : 'AP_DISCONNECTED',
						timestamp: BENCH_NOW - rng.int(60, 3600),
						mac,
						site_id: s.id,
						device_type: 'ap',
						text: kind === 'reboots' ? 'AP rebooted' : 'AP disconnected',
					});
			}
		}
		if (breachingAps.rf_environment.has(index)) {
			breaching.rf_environment.breaching++;
			const kind = rng.pick(['busy', 'noise', 'non_wifi'] as const);
			const radios = ap.radio_stat as {
				band_24: ReturnType<typeof radio>;
				band_5: ReturnType<typeof radio>;
			};
			if (kind === 'busy') radios.band_5.util_all = rng.int(T.channelUtilPercent.warn + 1, 95);
			if (kind === 'noise') radios.band_24.noise_floor = rng.int(T.noiseFloorDbm.warn + 1, -70);
			if (kind === 'non_wifi')
				radios.band_24.util_non_wifi = rng.int(T.nonWifiUtilPercent.warn + 1, 45);
		}
		aps.push(ap);
	}
	// Planted APs, alone on the first site: one at a CPU above the limit, one with a busy 5 GHz channel.
	aps[0].cpu_util = T.apCpuPercent.crit + 2;
	planted.ap_health = aps[0].mac;
	breaching.ap_health.breaching++;
	const plantedRf = aps[Math.min(1, aps.length - 1)];
	(plantedRf.radio_stat as { band_5: { util_all: number } }).band_5.util_all =
		T.channelUtilPercent.crit + 10;
	planted.rf_environment = plantedRf.mac;
	breaching.rf_environment.breaching++;

	// Clients: client health (weak RSSI, low SNR, high retries) and each event family drawn independently.
	const clients: ClientStat[] = [];
	const events: Record<EventStep, ClientEventInput[]> = {
		association: [],
		authentication: [],
		dhcp: [],
		infrastructure: [],
	};
	const rssi = T.rssiDataDbm;
	for (let index = 0; index < scale.clients; index++) {
		const ap = aps[apOfClient(index)];
		const wlan = rng.pick(WLANS);
		const band = rng.chance(0.7) ? '5' : '24';
		const txPkts = rng.int(2_000, 80_000);
		const rxPkts = rng.int(2_000, 80_000);
		const mac = clientMac(index);
		const client: ClientStat = {
			mac,
			site_id: ap.site_id,
			hostname: `host-${hex6(index + 1)}`,
			username: wlan.ssid === 'Corp' ? `user${index + 1}@corp.example` : undefined,
			ip: `10.${wlan.vlan}.${(index >> 8) & 255}.${index & 255}`,
			ap_mac: ap.mac,
			ap_id: ap.id,
			ssid: wlan.ssid,
			band,
			channel: band === '5' ? 36 : 6,
			rssi: rng.int(rssi.warn + 1, -40),
			snr: rng.int(T.snrDb.warn + 1, 50),
			tx_pkts: txPkts,
			rx_pkts: rxPkts,
			tx_retries: Math.floor((txPkts * rng.int(0, T.retriesPercent.warn - 2)) / 100),
			rx_retries: Math.floor((rxPkts * rng.int(0, T.retriesPercent.warn - 2)) / 100),
			last_seen: BENCH_NOW - rng.int(1, 120),
			vlan_id: wlan.vlan,
		};
		if (breachingClients.client_health.has(index)) {
			breaching.client_health.breaching++;
			const kind = rng.pick(['rssi', 'snr', 'retries'] as const);
			if (kind === 'rssi') client.rssi = rng.int(rssi.warn - 16, rssi.warn - 1);
			if (kind === 'snr') client.snr = rng.int(T.snrDb.warn - 15, T.snrDb.warn - 1);
			if (kind === 'retries')
				client.tx_retries = Math.floor((txPkts * rng.int(T.retriesPercent.warn + 1, 40)) / 100);
		}
		for (const step of EVENT_STEPS) {
			if (!breachingClients[step].has(index)) continue;
			breaching[step].breaching++;
			const count = rng.int(1, 3);
			for (let n = 0; n < count; n++) events[step].push(failureEvent(step, client, rng));
		}
		clients.push(client);
	}
	// Planted clients, alone on the first site: a weak signal, then one failure of each event family.
	const firstSite = clients.filter((client) => client.site_id === sites[PLANT_SITE].id);
	firstSite[0].rssi = rssi.crit - 5;
	planted.client_health = firstSite[0].mac;
	breaching.client_health.breaching++;
	EVENT_STEPS.forEach((step, offset) => {
		const client = firstSite[(offset + 1) % firstSite.length];
		events[step].push(failureEvent(step, client, rng, EVENT_TYPES[step][0]));
		planted[step] = client.mac;
		breaching[step].breaching++;
	});

	// Port flaps on some switches (infrastructure reads them), three downs of one port each.
	const portEvents: DeviceEventInput[] = [];
	switches.forEach((sw, index) => {
		if (index === PLANT_SITE || !rng.chance(BREACH_SHARE)) return;
		for (let n = 0; n < T.portFlapDowns; n++)
			portEvents.push({
				type: 'SW_PORT_DOWN',
				timestamp: BENCH_NOW - rng.int(60, 3600),
				mac: sw.mac,
				site_id: sw.site_id,
				device_type: 'switch',
				port_id: 'ge-0/0/1',
				text: 'Port ge-0/0/1 down',
			});
	});

	const siteList = sites.map((s) => ({ id: s.id, name: s.name }));
	const common = { sites: siteList };
	const inputs: StepInputs = {
		association: { ...common, events: events.association, catalogue: CATALOGUE, clients },
		authentication: { ...common, events: events.authentication, catalogue: CATALOGUE, clients },
		dhcp: {
			...common,
			events: events.dhcp,
			catalogue: CATALOGUE,
			clients,
			dhcpServers: switches,
		},
		client_health: { ...common, clients, apInventory: aps },
		ap_health: { ...common, aps, switches, deviceEvents },
		rf_environment: { ...common, aps },
		infrastructure: {
			...common,
			events: events.infrastructure,
			catalogue: CATALOGUE,
			clients,
			deviceEvents: portEvents,
		},
	};
	const context: DiagnosisContext = {
		org_id: '9777c1a0-6ef6-11e6-8bbf-02e208b2d34f',
		now: BENCH_NOW,
		siteNames: Object.fromEntries(siteList.map((s) => [s.id, s.name])),
		deviceNames: Object.fromEntries(
			[...aps, ...switches].map((device: DeviceStat) => [device.mac, String(device.name)]),
		),
	};
	return { scale, seed, clients, aps, switches, inputs, context, breaching, planted };
}

function failureEvent(
	step: EventStep,
	client: ClientStat,
	rng: Rng,
	type: string = rng.pick(EVENT_TYPES[step]),
): ClientEventInput {
	return {
		type,
		timestamp: BENCH_NOW - rng.int(30, 3600),
		mac: client.mac,
		site_id: client.site_id,
		ap: client.ap_mac,
		ssid: client.ssid,
		band: client.band,
		channel: client.channel,
		text: `${type.toLowerCase().replace(/_/g, ' ')}`,
		reason_code: step === 'association' ? rng.pick([1, 17, 23]) : undefined,
		rssi: client.rssi,
	};
}

/** Records a step's input holds (client, AP and switch stats, client and device events); sites and the event catalogue are context. */
export function recordsIn(input: StepInputs[DiagnosisStep]): number {
	const arrays = Object.entries(input)
		.filter(([key, value]) => key !== 'sites' && key !== 'catalogue' && Array.isArray(value))
		.map(([, value]) => (value as unknown[]).length);
	return arrays.reduce((sum, length) => sum + length, 0);
}
