import type { Rng } from '../prng';
import type {
	ActiveFault,
	Alarm,
	Ap,
	Client,
	FaultKind,
	RadioState,
	SimulatorProfile,
	World,
} from '../types';
import {
	makeClientEvent,
	makeDeviceEvent,
	makeNacEvent,
	makeRrmEvent,
	round3,
} from './eventFactory';
import { isDualStack } from './realism';

type Remedy = 'restart' | 'disconnect' | 'rrm';

export interface AlarmSpec {
	type: string;
	group: string;
	severity: string;
	/** `/const/alarm_defs` display; defaults to the type with spaces. */
	display?: string;
	/** `/const/alarm_defs` fields: what the payload names (default aps, hostnames, ssids). */
	fields?: string[];
	/** Fields of the alarm beyond the defaults (aps, hostnames, ssids, switches). */
	details?: (world: World, fault: ActiveFault, rng: Rng) => Partial<Alarm>;
	/** The alarm stays open when the fault clears. */
	survivesClear?: boolean;
	/** Real payloads of this type carry neither group nor severity (they live in /const/alarm_defs). */
	severityOnlyInDefs?: boolean;
}

export interface FaultDefinition {
	/** What the fault names: clients anywhere on the site, clients of one AP, one AP, or a switch port. */
	target: 'clients' | 'apClients' | 'ap' | 'switch';
	defaultSsid?: string;
	defaultVlan?: number;
	defaultCount?: number;
	intervalSeconds?: number;
	eligible: (client: Client, fault: ActiveFault) => boolean;
	apply: (world: World, fault: ActiveFault, rng: Rng, now: number) => void;
	/** One occurrence at `at` (epoch seconds): append the fault's events. */
	tick: (world: World, fault: ActiveFault, rng: Rng, at: number) => void;
	clear?: (world: World, fault: ActiveFault, now: number) => void;
	alarm?: AlarmSpec;
	/** Alarms only the realistic profile raises. */
	realisticAlarms?: AlarmSpec[];
	sle: Array<{ metric: string; classifier: string; drop: number }>;
	troubleshoot: {
		category: string;
		reason: string;
		recommendation: string;
		text: (world: World, fault: ActiveFault) => string;
	};
	remedies: Remedy[];
}

const any = () => true;
const realistic = (world: World) => world.behaviour.profile === 'realistic';
const connected = (c: Client) => c.connected;

function clientsOf(world: World, fault: ActiveFault): Client[] {
	return fault.clientMacs.map((m) => world.clients.get(m)).filter((c): c is Client => !!c);
}

function apsOf(world: World, fault: ActiveFault): Ap[] {
	return fault.apIds.map((id) => world.aps.get(id)).filter((a): a is Ap => !!a);
}

function names(list: Array<{ hostname?: string; name?: string }>): string {
	return list.map((x) => x.hostname ?? x.name).join(', ');
}

function failJoin(world: World, fault: ActiveFault) {
	for (const client of clientsOf(world, fault)) client.connected = false;
}

function dropIp(world: World, fault: ActiveFault) {
	for (const client of clientsOf(world, fault)) {
		client.savedIp = client.savedIp ?? client.ip;
		client.ip = undefined;
	}
}

/** Moves every client of `ap` to the other online APs of its site, nearest first. */
export function rehomeClients(world: World, ap: Ap, keep = 0): void {
	const site = world.sitesById.get(ap.siteId);
	if (!site) return;
	const others = site.apIds
		.map((id) => world.aps.get(id) as Ap)
		.filter((a) => a.id !== ap.id && a.offlineSince === undefined)
		.sort((a, b) => Math.hypot(a.x - ap.x, a.y - ap.y) - Math.hypot(b.x - ap.x, b.y - ap.y));
	if (!others.length) return;
	const clients = site.clientMacs
		.map((m) => world.clients.get(m) as Client)
		.filter((c) => c.apId === ap.id);
	clients.slice(keep).forEach((client, i) => {
		const target = others[i % Math.min(3, others.length)];
		client.apId = target.id;
		client.x = target.x + ((i * 37) % 160) - 80;
		client.y = target.y + ((i * 53) % 160) - 80;
	});
}

function healthyRadio(radio: RadioState, band: '24' | '5'): void {
	radio.util_tx = 6;
	radio.util_rx_in_bss = 8;
	radio.util_rx_other_bss = 4;
	radio.util_non_wifi = 1;
	radio.util_all = 19;
	radio.noise_floor = band === '24' ? -93 : -96;
}

export const FAULT_DEFINITIONS: Record<FaultKind, FaultDefinition> = {
	radius_reject: {
		target: 'clients',
		defaultSsid: 'Corp-Secure',
		defaultCount: 12,
		eligible: (c, f) => c.wlan.ssid === f.ssid && c.wlan.auth === 'eap',
		apply: (world, fault) => failJoin(world, fault),
		tick: (world, fault, _rng, at) => {
			for (const client of clientsOf(world, fault)) {
				world.clientEvents.push(
					makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_AUTH_FAILURE', at, {
						text: '802.1X authentication failed: RADIUS server answered Access-Reject',
						reason_code: 23,
					}),
				);
				world.nacEvents.push(
					makeNacEvent(
						world,
						client,
						'NAC_CLIENT_DENY',
						round3(at + 0.05),
						client.wlan.eapType ?? 'eap-peap',
					),
				);
			}
		},
		alarm: { type: 'dot1x_failure', group: 'marvis', severity: 'critical' },
		sle: [
			{ metric: 'failed-to-connect', classifier: 'authorization', drop: 0.16 },
			{ metric: 'time-to-connect', classifier: 'authorization', drop: 0.05 },
		],
		troubleshoot: {
			category: 'connectivity',
			reason: 'auth_failure',
			recommendation:
				'Check the RADIUS server / identity provider: many users of this SSID are rejected.',
			text: (w, f) =>
				`${f.clientMacs.length} clients on SSID ${f.ssid} failed 802.1X authentication (RADIUS Access-Reject).`,
		},
		remedies: [],
	},
	wrong_psk: {
		target: 'clients',
		defaultSsid: 'Guest-PSK',
		defaultCount: 1,
		eligible: (c, f) => c.wlan.ssid === f.ssid && c.wlan.auth === 'psk',
		apply: (world, fault) => failJoin(world, fault),
		tick: (world, fault, _rng, at) => {
			for (const client of clientsOf(world, fault)) {
				for (let i = 0; i < 3; i++) {
					world.clientEvents.push(
						makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_AUTH_FAILURE', round3(at + i * 4), {
							text: 'PSK authentication failed: 4-way handshake failed (wrong passphrase)',
							reason_code: 15,
						}),
					);
				}
				// No public evidence shows REPEATED_AUTH_FAILURES as a client event (it is an alarm type).
				if (realistic(world)) continue;
				world.clientEvents.push(
					makeClientEvent(world, client, 'REPEATED_AUTH_FAILURES', round3(at + 12), {
						text: 'Client failed PSK authentication repeatedly',
					}),
				);
			}
		},
		alarm: { type: 'psk_failure', group: 'marvis', severity: 'warn' },
		sle: [{ metric: 'failed-to-connect', classifier: 'authorization', drop: 0.02 }],
		troubleshoot: {
			category: 'client',
			reason: 'psk_failure',
			recommendation:
				'The client uses a wrong pre-shared key; update the passphrase on the device.',
			text: (w, f) =>
				`Client ${names(clientsOf(w, f))} repeatedly failed PSK authentication on ${f.ssid}.`,
		},
		remedies: [],
	},
	expired_certificate: {
		target: 'clients',
		defaultCount: 2,
		eligible: (c) => c.wlan.auth === 'eap' && c.wlan.eapType === 'eap-tls',
		apply: (world, fault) => {
			failJoin(world, fault);
			fault.ssid = clientsOf(world, fault)[0]?.wlan.ssid;
		},
		tick: (world, fault, _rng, at) => {
			for (const client of clientsOf(world, fault)) {
				world.nacEvents.push(
					makeNacEvent(world, client, 'NAC_CLIENT_CERT_CHECK_FAILURE', at, 'eap-tls'),
				);
				world.clientEvents.push(
					makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_AUTH_FAILURE', round3(at + 0.1), {
						text: 'EAP-TLS authentication failed: client certificate expired',
						reason_code: 23,
					}),
				);
			}
		},
		alarm: { type: 'dot1x_failure', group: 'marvis', severity: 'critical' },
		sle: [{ metric: 'failed-to-connect', classifier: 'authorization', drop: 0.03 }],
		troubleshoot: {
			category: 'client',
			reason: 'certificate_expired',
			recommendation: 'Renew the client certificates used for EAP-TLS.',
			text: (w, f) => `EAP-TLS clients ${names(clientsOf(w, f))} present an expired certificate.`,
		},
		remedies: [],
	},
	dhcp_unresponsive: {
		target: 'clients',
		defaultVlan: 20,
		defaultCount: 10,
		eligible: (c, f) => c.wlan.vlan === f.vlan,
		apply: (world, fault) => dropIp(world, fault),
		tick: (world, fault, _rng, at) => {
			for (const client of clientsOf(world, fault)) {
				world.clientEvents.push(
					makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_DHCP_STUCK', at, {
						text: `DHCP discover unanswered on VLAN ${fault.vlan}`,
					}),
				);
				world.clientEvents.push(
					makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_DHCP_FAILURE', round3(at + 30)),
				);
				if (realistic(world) && isDualStack(client.family)) {
					const text = `No DHCPv6 reply on VLAN ${fault.vlan}`;
					world.clientEvents.push(
						makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_DHCPV6_FAILURE', round3(at + 32), {
							text,
						}),
					);
				}
			}
		},
		alarm: { type: 'dhcp_failure', group: 'marvis', severity: 'critical' },
		sle: [
			{ metric: 'failed-to-connect', classifier: 'DHCP', drop: 0.12 },
			{ metric: 'time-to-connect', classifier: 'DHCP', drop: 0.08 },
		],
		troubleshoot: {
			category: 'connectivity',
			reason: 'dhcp_failure',
			recommendation:
				'The DHCP server for this VLAN does not answer; check the server and the IP helper on the VLAN interface.',
			text: (w, f) =>
				`${f.clientMacs.length} clients on VLAN ${f.vlan} are stuck in DHCP (server unresponsive).`,
		},
		remedies: ['disconnect'],
	},
	dhcp_nak: {
		target: 'clients',
		defaultCount: 1,
		eligible: connected,
		apply: (world, fault) => dropIp(world, fault),
		tick: (world, fault, _rng, at) => {
			for (const client of clientsOf(world, fault)) {
				world.clientEvents.push(
					makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_DHCP_NAK', at, {
						text: 'DHCP server sent DHCPNAK for the requested address',
					}),
				);
				if (realistic(world)) {
					// Refused its old lease, the client keeps using that address as if it were static.
					const text = 'Traffic from the previously leased address was blocked';
					world.clientEvents.push(
						makeClientEvent(
							world,
							client,
							'MARVIS_EVENT_CLIENT_STATIC_IP_BLOCKED',
							round3(at + 3),
							{ text },
						),
					);
				}
			}
		},
		sle: [{ metric: 'failed-to-connect', classifier: 'DHCP', drop: 0.01 }],
		troubleshoot: {
			category: 'client',
			reason: 'dhcp_nak',
			recommendation:
				'The client requests an address the DHCP server refuses (NAK); reconnect it to restart DHCP.',
			text: (w, f) => `Client ${names(clientsOf(w, f))} receives DHCP NAKs.`,
		},
		remedies: ['disconnect'],
	},
	dhcp_pool_exhausted: {
		target: 'clients',
		defaultVlan: 30,
		defaultCount: 5,
		eligible: (c, f) => c.wlan.vlan === f.vlan,
		apply: (world, fault) => {
			dropIp(world, fault);
			const site = world.sitesById.get(fault.siteId);
			const sw = site && world.switches.get(site.switchIds[0]);
			const scope = sw?.dhcpd[`vlan${fault.vlan}`];
			if (sw && scope) {
				fault.switchId = sw.id;
				scope.num_ips = Math.max(scope.num_leased, 16);
				scope.num_leased = scope.num_ips;
			}
		},
		tick: (world, fault, _rng, at) => {
			for (const client of clientsOf(world, fault)) {
				world.clientEvents.push(
					makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_DHCP_FAILURE', at, {
						text: `No free lease in the DHCP pool of VLAN ${fault.vlan}`,
					}),
				);
			}
		},
		alarm: { type: 'dhcp_failure', group: 'marvis', severity: 'critical' },
		sle: [{ metric: 'failed-to-connect', classifier: 'DHCP', drop: 0.06 }],
		troubleshoot: {
			category: 'connectivity',
			reason: 'dhcp_pool_exhausted',
			recommendation: 'Enlarge the DHCP scope or shorten the lease time for this VLAN.',
			text: (w, f) =>
				`The DHCP pool of VLAN ${f.vlan} is exhausted; ${f.clientMacs.length} clients got no address.`,
		},
		remedies: [],
	},
	association_failure: {
		target: 'apClients',
		defaultCount: 4,
		eligible: (c, f) => c.apId === f.apIds[0],
		apply: (world, fault) => failJoin(world, fault),
		tick: (world, fault, _rng, at) => {
			for (const client of clientsOf(world, fault)) {
				if (realistic(world) && client.wlan.auth === 'eap') {
					// 802.1X clients arrive by fast transition (802.11r) from a neighbour AP, which fails first.
					const noKey = { text: 'No PMK-R1 key for the roaming client' };
					world.clientEvents.push(
						makeClientEvent(
							world,
							client,
							'MARVIS_EVENT_WLC_FT_KEY_NOT_FOUND',
							round3(at - 2),
							noKey,
						),
						makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_FBT_FAILURE', round3(at - 1.9), {
							text: 'Fast BSS transition failed',
						}),
					);
				}
				world.clientEvents.push(
					makeClientEvent(world, client, 'CLIENT_ASSOCIATION_FAILURE', at, {
						text: 'Association rejected by the AP',
						status_code: 17,
						reason_code: 17,
					}),
				);
			}
		},
		sle: [
			{ metric: 'failed-to-connect', classifier: 'association', drop: 0.05 },
			{ metric: 'time-to-connect', classifier: 'association', drop: 0.03 },
		],
		troubleshoot: {
			category: 'ap',
			reason: 'association_failure',
			recommendation:
				'Clients fail to associate to this AP; check its radio configuration or restart it.',
			text: (w, f) => `Clients of ${names(apsOf(w, f))} fail to associate.`,
		},
		remedies: ['disconnect', 'restart'],
	},
	weak_coverage: {
		target: 'clients',
		defaultCount: 5,
		eligible: connected,
		apply: (world, fault, rng) => {
			for (const client of clientsOf(world, fault)) {
				client.rssi = rng.int(-88, -82);
				client.snr = client.rssi + 95;
			}
		},
		tick: () => undefined,
		sle: [
			{ metric: 'coverage', classifier: 'weak-signal', drop: 0.18 },
			{ metric: 'throughput', classifier: 'coverage', drop: 0.05 },
		],
		troubleshoot: {
			category: 'client',
			reason: 'weak_signal',
			recommendation: 'Clients are far from any AP; add coverage or raise the AP transmit power.',
			text: (w, f) => `Clients ${names(clientsOf(w, f))} have RSSI below -80 dBm.`,
		},
		remedies: [],
	},
	low_snr: {
		target: 'clients',
		defaultCount: 5,
		eligible: connected,
		apply: (world, fault, rng) => {
			for (const client of clientsOf(world, fault)) {
				client.rssi = rng.int(-76, -70);
				client.snr = rng.int(8, 14);
			}
		},
		tick: () => undefined,
		sle: [{ metric: 'throughput', classifier: 'coverage', drop: 0.08 }],
		troubleshoot: {
			category: 'client',
			reason: 'low_snr',
			recommendation: 'Signal-to-noise ratio is low; look for interference near these clients.',
			text: (w, f) => `Clients ${names(clientsOf(w, f))} have SNR below 15 dB.`,
		},
		remedies: [],
	},
	high_retries: {
		target: 'clients',
		defaultCount: 5,
		eligible: connected,
		apply: (world, fault, rng) => {
			for (const client of clientsOf(world, fault)) {
				client.txRetries = Math.round(client.txPkts * rng.float(0.25, 0.35, 3));
				client.rxRetries = Math.round(client.rxPkts * rng.float(0.2, 0.3, 3));
			}
		},
		tick: () => undefined,
		sle: [{ metric: 'throughput', classifier: 'capacity', drop: 0.07 }],
		troubleshoot: {
			category: 'client',
			reason: 'high_retries',
			recommendation: 'More than 20% of frames are retried; check interference and client drivers.',
			text: (w, f) => `Clients ${names(clientsOf(w, f))} retry more than 20% of their frames.`,
		},
		remedies: [],
	},
	high_channel_utilisation: {
		target: 'ap',
		intervalSeconds: 1200,
		eligible: any,
		apply: (world, fault, rng) => {
			for (const ap of apsOf(world, fault)) {
				const r5 = ap.radios.band_5;
				r5.util_rx_other_bss = rng.int(45, 55);
				r5.util_tx = rng.int(12, 18);
				r5.util_rx_in_bss = rng.int(15, 20);
				r5.util_all = r5.util_tx + r5.util_rx_in_bss + r5.util_rx_other_bss + r5.util_non_wifi;
				const r24 = ap.radios.band_24;
				r24.util_rx_other_bss = rng.int(45, 55);
				r24.util_all = r24.util_tx + r24.util_rx_in_bss + r24.util_rx_other_bss + r24.util_non_wifi;
			}
		},
		tick: (world, fault, _rng, at) => {
			for (const ap of apsOf(world, fault))
				world.rrmEvents.push(makeRrmEvent(ap, '5', 'interference-ap-co-channel', at));
		},
		clear: (world, fault) =>
			apsOf(world, fault).forEach(
				(ap) => (healthyRadio(ap.radios.band_5, '5'), healthyRadio(ap.radios.band_24, '24')),
			),
		// The co-channel neighbour is an unknown AP on the wired network: Mist reports it as a rogue.
		realisticAlarms: [
			{
				type: 'rogue-ap-detected',
				group: 'security',
				severity: 'warn',
				display: 'Rogue AP detected',
				fields: ['aps', 'bssids', 'ssids'],
				survivesClear: true,
				severityOnlyInDefs: true,
				details: (world, fault, rng) => ({
					aps: apsOf(world, fault).map((ap) => ap.mac),
					bssids: [`00024a${rng.hex(6)}`, `5c5b35${rng.hex(6)}`],
					ssids: ['FreeWiFi', `${fault.siteName}-Guest`],
					hostnames: undefined,
				}),
			},
		],
		sle: [
			{ metric: 'capacity', classifier: 'wifi-interference', drop: 0.2 },
			{ metric: 'throughput', classifier: 'capacity', drop: 0.06 },
		],
		troubleshoot: {
			category: 'ap',
			reason: 'high_channel_utilization',
			recommendation:
				'Co-channel interference keeps the channel busy; run RRM optimisation or change channels.',
			text: (w, f) =>
				`${names(apsOf(w, f))} channel utilisation is above 70% (co-channel interference).`,
		},
		remedies: ['rrm'],
	},
	high_noise_floor: {
		target: 'ap',
		intervalSeconds: 1200,
		eligible: any,
		apply: (world, fault, rng) => {
			for (const ap of apsOf(world, fault)) {
				ap.radios.band_24.noise_floor = rng.int(-76, -72);
				ap.radios.band_24.util_non_wifi = rng.int(25, 35);
				ap.radios.band_24.util_all += ap.radios.band_24.util_non_wifi;
				ap.radios.band_5.noise_floor = rng.int(-79, -77);
			}
		},
		tick: (world, fault, _rng, at) => {
			for (const ap of apsOf(world, fault))
				world.rrmEvents.push(makeRrmEvent(ap, '24', 'interference-ap-non-wifi', at));
		},
		clear: (world, fault) =>
			apsOf(world, fault).forEach(
				(ap) => (healthyRadio(ap.radios.band_5, '5'), healthyRadio(ap.radios.band_24, '24')),
			),
		sle: [{ metric: 'capacity', classifier: 'non-wifi-interference', drop: 0.15 }],
		troubleshoot: {
			category: 'ap',
			reason: 'non_wifi_interference',
			recommendation:
				'A non-Wi-Fi source raises the noise floor; find the source or move the AP to another channel.',
			text: (w, f) => `${names(apsOf(w, f))} noise floor is above -80 dBm.`,
		},
		remedies: ['rrm'],
	},
	overloaded_ap: {
		target: 'ap',
		eligible: any,
		apply: (world, fault) => {
			const ap = apsOf(world, fault)[0];
			const site = world.sitesById.get(fault.siteId);
			if (!ap || !site) return;
			const movable = site.clientMacs
				.map((m) => world.clients.get(m) as Client)
				.filter((c) => c.apId !== ap.id && !world.aps.get(c.apId)?.offlineSince);
			const have = site.clientMacs.filter((m) => world.clients.get(m)?.apId === ap.id).length;
			movable.slice(0, Math.max(0, 56 - have)).forEach((client, i) => {
				client.apId = ap.id;
				client.x = ap.x + ((i * 29) % 200) - 100;
				client.y = ap.y + ((i * 43) % 200) - 100;
			});
		},
		tick: () => undefined,
		clear: (world, fault) => apsOf(world, fault).forEach((ap) => rehomeClients(world, ap, 20)),
		sle: [{ metric: 'capacity', classifier: 'client-count', drop: 0.1 }],
		troubleshoot: {
			category: 'ap',
			reason: 'excessive_clients',
			recommendation: 'Too many clients on one AP; restart it to rebalance, or add an AP nearby.',
			text: (w, f) => `${names(apsOf(w, f))} serves more than 50 clients.`,
		},
		remedies: ['restart'],
	},
	ap_offline: {
		target: 'ap',
		intervalSeconds: 900,
		eligible: any,
		apply: (world, fault, _rng, now) => {
			for (const ap of apsOf(world, fault)) {
				ap.offlineSince = now - 40 * 60_000;
				ap.lastTrouble = { code: 'unreachable', timestamp: Math.floor(ap.offlineSince / 1000) };
				rehomeClients(world, ap);
				world.deviceEvents.push(
					makeDeviceEvent(
						world,
						ap,
						'ap',
						'AP_DISCONNECTED',
						round3(ap.offlineSince / 1000),
						'AP disconnected from the cloud',
						{
							ev_type: 'warn',
							reason: 'no heartbeat',
						},
					),
				);
			}
		},
		tick: () => undefined,
		clear: (world, fault, now) => {
			for (const ap of apsOf(world, fault)) {
				ap.offlineSince = undefined;
				ap.bootAt = now;
			}
		},
		alarm: { type: 'ap_offline', group: 'infrastructure', severity: 'critical' },
		sle: [{ metric: 'ap-availability', classifier: 'ap-unreachable', drop: 0.12 }],
		troubleshoot: {
			category: 'ap',
			reason: 'ap_disconnect',
			recommendation:
				'The AP lost its connection to the cloud; check its switch port and PoE, then restart it.',
			text: (w, f) => `${names(apsOf(w, f))} is offline.`,
		},
		remedies: ['restart'],
	},
	ap_rebooting: {
		target: 'ap',
		intervalSeconds: 900,
		eligible: any,
		apply: () => undefined,
		tick: (world, fault, _rng, at) => {
			for (const ap of apsOf(world, fault)) {
				ap.bootAt = Math.round(at * 1000) + 90_000;
				ap.lastTrouble = { code: 'watchdog', timestamp: Math.floor(at) };
				world.deviceEvents.push(
					makeDeviceEvent(world, ap, 'ap', 'AP_RESTARTED', at, 'AP restarted (watchdog reset)', {
						ev_type: 'warn',
						reason: 'watchdog',
					}),
				);
			}
		},
		alarm: { type: 'device_restarted', group: 'infrastructure', severity: 'warn' },
		sle: [
			{ metric: 'ap-availability', classifier: 'ap-reboot', drop: 0.04 },
			{ metric: 'ap-health', classifier: 'ap-reboot', drop: 0.05 },
		],
		troubleshoot: {
			category: 'ap',
			reason: 'ap_reboot',
			recommendation:
				'The AP restarts repeatedly; restart it cleanly and check firmware and power.',
			text: (w, f) => `${names(apsOf(w, f))} rebooted repeatedly in the last hour.`,
		},
		remedies: ['restart'],
	},
	switch_port_flap: {
		target: 'switch',
		intervalSeconds: 600,
		eligible: any,
		apply: () => undefined,
		tick: (world, fault, _rng, at) => {
			const sw = fault.switchId ? world.switches.get(fault.switchId) : undefined;
			if (!sw) return;
			const port = sw.ports.find((p) => p.port_id === fault.portId);
			world.deviceEvents.push(
				makeDeviceEvent(world, sw, 'switch', 'SW_PORT_DOWN', at, `Port ${fault.portId} down`, {
					port_id: fault.portId,
					ev_type: 'warn',
				}),
			);
			world.deviceEvents.push(
				makeDeviceEvent(
					world,
					sw,
					'switch',
					'SW_PORT_UP',
					round3(at + 8),
					`Port ${fault.portId} up`,
					{ port_id: fault.portId, ev_type: 'notice' },
				),
			);
			if (port) port.lastFlapped = round3(at + 8);
		},
		sle: [],
		troubleshoot: {
			category: 'switch',
			reason: 'port_flap',
			recommendation:
				'The port goes down and up repeatedly; check the cable and the connected device.',
			text: (w, f) =>
				`Port ${f.portId} on ${w.switches.get(f.switchId ?? '')?.name ?? 'the switch'} is flapping.`,
		},
		remedies: [],
	},
};

/** The alarms a fault raises under a profile. */
export function alarmSpecsOf(kind: FaultKind, profile: SimulatorProfile): AlarmSpec[] {
	const definition = FAULT_DEFINITIONS[kind];
	return [
		...(definition.alarm ? [definition.alarm] : []),
		...(profile === 'realistic' ? (definition.realisticAlarms ?? []) : []),
	];
}
