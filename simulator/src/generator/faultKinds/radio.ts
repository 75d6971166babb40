import type { RadioFaultKind, Client } from '../../types';
import { makeRrmEvent } from '../eventFactory';
import type { FaultDefinition } from './shared';
import { any, connected, clientsOf, apsOf, names, healthyRadio, rehomeClients } from './shared';
import { AIRTIME_FAULTS } from './radioAirtime';

/** Faults of the radio environment and the clients it serves: coverage, SNR, retries, channels, load. */
export const RADIO_FAULTS: Record<RadioFaultKind, FaultDefinition> = {
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
	...AIRTIME_FAULTS,
};
