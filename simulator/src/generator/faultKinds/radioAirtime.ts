import type { Rng } from '../../prng';
import type { ActiveFault, Ap, Client, RadioFaultKind, RadioState, World } from '../../types';
import { makeDeviceEvent, makeRrmEvent } from '../eventFactory';
import type { FaultDefinition } from './shared';
import { any, apsOf, clientsOf, healthyRadio, names } from './shared';

/** The channel a non-Wi-Fi source sits on, and the one a crowd of APs shares, in the library. */
export const INTERFERED_CHANNEL = 36;
export const CROWDED_CHANNEL = 149;
/** A DFS channel (radar detection required). */
export const DFS_CHANNEL = 100;

/** Airtime of a radio from its parts, as Mist's util_all adds them up. */
function setAirtime(
	radio: RadioState,
	parts: { tx: number; rxInBss: number; otherBss: number; nonWifi: number },
): void {
	radio.util_tx = parts.tx;
	radio.util_rx_in_bss = parts.rxInBss;
	radio.util_rx_other_bss = parts.otherBss;
	radio.util_non_wifi = parts.nonWifi;
	radio.util_all = parts.tx + parts.rxInBss + parts.otherBss + parts.nonWifi;
}

function clientsOnAp(world: World, ap: Ap): Client[] {
	const site = world.sitesById.get(ap.siteId);
	return (site?.clientMacs ?? [])
		.map((mac) => world.clients.get(mac) as Client)
		.filter((client) => client.apId === ap.id && client.connected);
}

const restore5 = (world: World, fault: ActiveFault) =>
	apsOf(world, fault).forEach((ap) => healthyRadio(ap.radios.band_5, '5'));

/** Radio faults that name a channel: what uses its airtime (own, other BSS, non-Wi-Fi), radar. */
export const AIRTIME_FAULTS: Record<
	Extract<
		RadioFaultKind,
		'non_wifi_channel' | 'co_channel_congestion' | 'coverage_hole' | 'radar_hits'
	>,
	FaultDefinition
> = {
	// A non-Wi-Fi source (video sender, microwave link) on channel 36 near this AP: most of the
	// airtime is non-Wi-Fi, the AP's own traffic is small, and its 5 GHz clients hear noise.
	non_wifi_channel: {
		target: 'ap',
		intervalSeconds: 1200,
		eligible: any,
		apply: (world, fault, rng) => {
			for (const ap of apsOf(world, fault)) {
				const radio = ap.radios.band_5;
				radio.channel = INTERFERED_CHANNEL;
				radio.noise_floor = rng.int(-78, -74);
				setAirtime(radio, {
					tx: rng.int(2, 5),
					rxInBss: rng.int(1, 4),
					otherBss: rng.int(1, 3),
					nonWifi: rng.int(55, 68),
				});
				for (const client of clientsOnAp(world, ap).filter((c) => c.band === '5'))
					client.snr = rng.int(8, 14);
			}
		},
		tick: (world, fault, _rng, at) => {
			for (const ap of apsOf(world, fault))
				world.rrmEvents.push(makeRrmEvent(ap, '5', 'interference-ap-non-wifi', at));
		},
		clear: restore5,
		sle: [
			{ metric: 'capacity', classifier: 'non-wifi-interference', drop: 0.12 },
			{ metric: 'throughput', classifier: 'capacity', drop: 0.04 },
		],
		troubleshoot: {
			category: 'ap',
			reason: 'non_wifi_interference',
			recommendation: 'Non-Wi-Fi energy on the channel; move the radio to another channel.',
			text: (w, f) => `${names(apsOf(w, f))} spend most airtime on non-Wi-Fi energy.`,
		},
		remedies: ['rrm'],
	},
	// Too many APs on one channel hear each other: the airtime goes to other BSSs.
	co_channel_congestion: {
		target: 'ap',
		intervalSeconds: 1200,
		eligible: any,
		apply: (world, fault, rng) => {
			for (const ap of apsOf(world, fault)) {
				const radio = ap.radios.band_5;
				radio.channel = CROWDED_CHANNEL;
				radio.bandwidth = 80;
				setAirtime(radio, {
					tx: rng.int(5, 8),
					rxInBss: rng.int(5, 8),
					otherBss: rng.int(42, 50),
					nonWifi: rng.int(0, 2),
				});
			}
		},
		tick: (world, fault, _rng, at) => {
			for (const ap of apsOf(world, fault))
				world.rrmEvents.push(makeRrmEvent(ap, '5', 'interference-ap-co-channel', at));
		},
		clear: restore5,
		sle: [{ metric: 'capacity', classifier: 'wifi-interference', drop: 0.05 }],
		troubleshoot: {
			category: 'ap',
			reason: 'high_channel_utilization',
			recommendation: 'Neighbouring APs share the channel; spread them over more channels.',
			text: (w, f) => `${names(apsOf(w, f))} share channel ${CROWDED_CHANNEL} with neighbours.`,
		},
		remedies: ['rrm'],
	},
	// The area one AP serves is a hole: its clients hear it weakly (far corner, obstruction).
	coverage_hole: {
		target: 'apClients',
		defaultCount: 4,
		eligible: (client, fault) => client.connected && client.apId === fault.apIds[0],
		apply: (world, fault, rng) => {
			for (const client of clientsOf(world, fault)) {
				client.rssi = rng.int(-87, -82);
				client.snr = client.rssi + 95;
			}
		},
		tick: () => undefined,
		sle: [{ metric: 'coverage', classifier: 'weak-signal', drop: 0.15 }],
		troubleshoot: {
			category: 'client',
			reason: 'weak_signal',
			recommendation: 'The clients of one AP hear it weakly; raise its power or add an AP there.',
			text: (w, f) => `Clients ${names(clientsOf(w, f))} have RSSI below -80 dBm.`,
		},
		remedies: [],
	},
	// A DFS channel near a radar: the AP detects radar again and again and must leave the channel.
	radar_hits: {
		target: 'ap',
		intervalSeconds: 900,
		eligible: any,
		apply: (world, fault) => {
			for (const ap of apsOf(world, fault)) ap.radios.band_5.channel = DFS_CHANNEL;
		},
		tick: (world, fault, _rng: Rng, at) => {
			for (const ap of apsOf(world, fault))
				world.deviceEvents.push(
					makeDeviceEvent(
						world,
						ap,
						'ap',
						'AP_RADAR_DETECTED',
						at,
						`Radar detected on channel ${DFS_CHANNEL} (5 GHz); the radio left the channel`,
						{ ev_type: 'warn' },
					),
				);
		},
		clear: restore5,
		// Radar is not in the capacity SLE: the AP leaves the channel, nothing stays busy.
		sle: [],
		troubleshoot: {
			category: 'ap',
			reason: 'radar_detected',
			recommendation: 'Radar keeps hitting a DFS channel; keep the AP on non-DFS channels.',
			text: (w, f) => `${names(apsOf(w, f))} detected radar on channel ${DFS_CHANNEL}.`,
		},
		remedies: ['rrm'],
	},
};
