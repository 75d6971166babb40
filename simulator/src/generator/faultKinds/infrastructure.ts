import type { InfrastructureFaultKind } from '../../types';
import { makeClientEvent, makeDeviceEvent, round3 } from '../eventFactory';
import { apUplink } from '../apUplink';
import { UPLINK_FAULTS } from './infrastructureUplinks';
import type { FaultDefinition } from './shared';
import { any, realistic, clientsOf, apsOf, names, failJoin, rehomeClients } from './shared';

/** Faults of APs, switches and their links. */
export const INFRASTRUCTURE_FAULTS: Record<InfrastructureFaultKind, FaultDefinition> = {
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
				// A rebooting AP takes its own link down: its switch port shows a recent flap too.
				const uplink = apUplink(world, ap);
				if (uplink) uplink.port.lastFlapped = round3(at + 5);
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
	...UPLINK_FAULTS,
};
