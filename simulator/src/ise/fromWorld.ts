/**
 * Mirrors a Mist simulator world in ISE: every client of an 802.1X WLAN becomes an ISE endpoint,
 * with failed authentications for the clients of `radius_reject`, `expired_certificate` and
 * `wrong_password` faults, and no recent record for those of `radius_unreachable` (ISE never heard
 * them). PSK clients (including `wrong_psk`) never reach ISE, so they are left out.
 */
import type { World } from '../types';
import {
	buildIseScenario,
	type BuildIseScenarioOptions,
	type IseClientInput,
	type IseClientKind,
	type IseScenario,
} from './scenario';

/** Fault kinds ISE sees as authentication failures; other faults leave the RADIUS exchange healthy. */
const AUTH_FAULTS: readonly IseClientKind[] = [
	'radius_reject',
	'expired_certificate',
	'wrong_password',
	'radius_unreachable',
];

export function iseScenarioFromWorld(
	world: World,
	options: BuildIseScenarioOptions = {},
): IseScenario {
	const faultKindByMac = new Map<string, IseClientKind>();
	for (const fault of world.faults) {
		if (!fault.active || !AUTH_FAULTS.includes(fault.kind)) continue;
		for (const mac of fault.clientMacs) faultKindByMac.set(mac, fault.kind);
	}
	const inputs: IseClientInput[] = [];
	for (const client of world.clients.values()) {
		if (client.wlan.auth !== 'eap') continue;
		const ap = world.aps.get(client.apId);
		inputs.push({
			mac: client.mac,
			username: client.username,
			kind: faultKindByMac.get(client.mac) ?? 'healthy',
			ip: client.ip ?? client.savedIp,
			ssid: client.wlan.ssid,
			networkDeviceName: ap?.name,
			eapType: client.wlan.eapType,
		});
	}
	return buildIseScenario(inputs, options);
}
