import type { ActiveFault, Ap, InfrastructureFaultKind, World } from '../../types';
import { apUplink } from '../apUplink';
import { makeClientEvent, makeDeviceEvent, round3 } from '../eventFactory';
import type { FaultDefinition } from './shared';
import { any, apsOf, clientsOf, names } from './shared';

type UplinkFaultKind = Extract<
	InfrastructureFaultKind,
	'ap_uplink_flap' | 'switch_port_errors' | 'poe_power_cycling' | 'fast_roaming_failure'
>;

/** The fault's AP and the switch port it hangs on; the fault remembers the port for its events. */
function uplinkOf(world: World, fault: ActiveFault) {
	const ap = apsOf(world, fault)[0] as Ap | undefined;
	const uplink = ap ? apUplink(world, ap) : undefined;
	if (uplink) {
		fault.switchId = uplink.sw.id;
		fault.portId = uplink.port.port_id;
	}
	return ap && uplink ? { ap, ...uplink } : undefined;
}

/** The switch logs the link of the AP's port going down and coming back 8 s later. */
function portDownUp(world: World, fault: ActiveFault, at: number, why: string): void {
	const uplink = uplinkOf(world, fault);
	if (!uplink) return;
	const { sw, port } = uplink;
	world.deviceEvents.push(
		makeDeviceEvent(world, sw, 'switch', 'SW_PORT_DOWN', at, `Port ${port.port_id} down (${why})`, {
			port_id: port.port_id,
			ev_type: 'warn',
		}),
		makeDeviceEvent(world, sw, 'switch', 'SW_PORT_UP', round3(at + 8), `Port ${port.port_id} up`, {
			port_id: port.port_id,
			ev_type: 'notice',
		}),
	);
	port.lastFlapped = round3(at + 8);
}

/** The AP loses its uplink (and with it PoE), leaves the cloud and boots again. */
function apDropsAndBoots(world: World, ap: Ap, at: number, reason: string): void {
	world.deviceEvents.push(
		makeDeviceEvent(
			world,
			ap,
			'ap',
			'AP_DISCONNECTED',
			round3(at + 1),
			`AP disconnected: ${reason}`,
			{
				ev_type: 'warn',
				reason,
			},
		),
		makeDeviceEvent(world, ap, 'ap', 'AP_RESTARTED', round3(at + 60), `AP restarted (${reason})`, {
			ev_type: 'warn',
			reason,
		}),
	);
	ap.bootAt = Math.round((at + 60) * 1000);
	ap.lastTrouble = { code: reason.replace(/ /g, '_'), timestamp: Math.floor(at) };
}

const portText = (world: World, fault: ActiveFault) =>
	`port ${fault.portId ?? '?'} of ${world.switches.get(fault.switchId ?? '')?.name ?? 'the switch'}`;

/** Faults of the AP's wired side (its switch port, cable, PoE) and of fast roaming between APs. */
export const UPLINK_FAULTS: Record<UplinkFaultKind, FaultDefinition> = {
	ap_uplink_flap: {
		target: 'ap',
		intervalSeconds: 600,
		eligible: any,
		apply: (world, fault) => void uplinkOf(world, fault),
		tick: (world, fault, _rng, at) => {
			const uplink = uplinkOf(world, fault);
			if (!uplink) return;
			portDownUp(world, fault, at, 'link lost');
			apDropsAndBoots(world, uplink.ap, at, 'uplink down');
		},
		sle: [],
		troubleshoot: {
			category: 'switch',
			reason: 'port_flap',
			recommendation: 'The AP uplink port flaps; test the cable and check the switch port.',
			text: (w, f) => `The uplink of ${names(apsOf(w, f))} (${portText(w, f)}) is flapping.`,
		},
		remedies: [],
	},
	switch_port_errors: {
		target: 'ap',
		eligible: any,
		apply: (world, fault) => {
			const uplink = uplinkOf(world, fault);
			// About 0.1 % of the frames received on the port fail their CRC: a damaged cable or connector.
			if (uplink) uplink.port.rxErrors = 52_000;
		},
		tick: () => undefined,
		clear: (world, fault) => {
			const uplink = uplinkOf(world, fault);
			if (uplink) uplink.port.rxErrors = undefined;
		},
		sle: [],
		troubleshoot: {
			category: 'switch',
			reason: 'bad_cable',
			recommendation: 'Input (CRC) errors on the AP port: test and replace the cable.',
			text: (w, f) => `${portText(w, f)} counts input errors from ${names(apsOf(w, f))}.`,
		},
		remedies: [],
	},
	poe_power_cycling: {
		target: 'ap',
		intervalSeconds: 900,
		eligible: any,
		apply: (world, fault) => {
			const uplink = uplinkOf(world, fault);
			// Other powered devices take the switch's PoE budget: it sheds this (low-priority) port.
			if (uplink) uplink.sw.extraPoeWatts = 360;
		},
		tick: (world, fault, _rng, at) => {
			const uplink = uplinkOf(world, fault);
			if (!uplink) return;
			portDownUp(world, fault, at, 'PoE power removed');
			apDropsAndBoots(world, uplink.ap, at, 'power loss');
		},
		clear: (world, fault) => {
			const uplink = uplinkOf(world, fault);
			if (uplink) uplink.sw.extraPoeWatts = undefined;
		},
		sle: [],
		troubleshoot: {
			category: 'ap',
			reason: 'ap_reboot',
			recommendation: 'The AP loses PoE power; check the PoE budget of its switch.',
			text: (w, f) => `${names(apsOf(w, f))} reboots: ${portText(w, f)} removes its PoE power.`,
		},
		remedies: [],
	},
	fast_roaming_failure: {
		target: 'clients',
		defaultSsid: 'Corp-Secure',
		defaultCount: 8,
		eligible: (c, f) => c.wlan.ssid === f.ssid && c.wlan.auth === 'eap',
		apply: () => undefined,
		tick: (world, fault, _rng, at) => {
			// The APs of the SSID do not share the PMK-R1 keys: every 802.11r roam fails, on any AP.
			clientsOf(world, fault).forEach((client, i) => {
				const when = round3(at + i * 3);
				world.clientEvents.push(
					makeClientEvent(world, client, 'MARVIS_EVENT_WLC_FT_KEY_NOT_FOUND', when, {
						text: 'No PMK-R1 key for the roaming client',
					}),
					makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_FBT_FAILURE', round3(when + 0.1), {
						text: 'Fast BSS transition failed',
					}),
				);
			});
		},
		sle: [],
		troubleshoot: {
			category: 'connectivity',
			reason: 'roaming_failure',
			recommendation: 'Fast roaming (802.11r) fails on this SSID; check its FT/PMK settings.',
			text: (_w, f) => `${f.clientMacs.length} clients of SSID ${f.ssid} fail to fast-roam.`,
		},
		remedies: [],
	},
};
