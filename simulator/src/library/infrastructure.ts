import { deviceIdFromMac } from '../generator/world';
import type { ActiveFault, World } from '../types';
import type { LibraryScenario } from './types';

const apNameOf = (world: World, apId: string) => world.aps.get(apId)?.name;
const apDeviceId = (world: World, apId: string) => deviceIdFromMac(world.aps.get(apId)?.mac ?? '');

const switchDeviceId = (world: World, fault: ActiveFault) =>
	deviceIdFromMac(world.switches.get(fault.switchId ?? '')?.mac ?? '');
/** The switch and port the scenario's AP hangs on (the fault resolves them from the AP's LLDP). */
const apPort = (world: World, faults: ActiveFault[]) => ({
	switch_name: world.switches.get(faults[0].switchId ?? '')?.name,
	port_id: faults[0].portId,
});
const cableTestOnApPort = {
	operation: 'cableTest',
	parameters: (world: World, faults: ActiveFault[]) => ({
		device_id: switchDeviceId(world, faults[0]),
		port: faults[0].portId,
	}),
};

export const INFRASTRUCTURE_SCENARIOS: LibraryScenario[] = [
	{
		id: 'ap-offline',
		family: 'infrastructure',
		title: 'An AP dropped off the network: it no longer reaches the Mist cloud',
		faults: [{ kind: 'ap_offline' }],
		expect: {
			rule: 'ap_offline',
			level: 'ap',
			scope: (world, faults) => ({ ap_name: apNameOf(world, faults[0].apIds[0]) }),
			severity: 'critical',
			fix: { manual: /PoE|uplink/i },
		},
	},
	{
		id: 'association-failures-one-ap',
		family: 'infrastructure',
		title: 'Many clients fail to associate with one AP; its neighbours serve them fine',
		faults: [{ kind: 'association_failure', count: 6 }],
		expect: {
			rule: 'association_failures_ap',
			level: 'ap',
			scope: (world, faults) => ({ ap_name: apNameOf(world, faults[0].apIds[0]) }),
			severity: 'major',
			fix: {
				operation: 'restartDevice',
				parameters: (world, faults) => ({ device_id: apDeviceId(world, faults[0].apIds[0]) }),
			},
		},
	},
	{
		id: 'ap-uplink-flapping',
		family: 'infrastructure',
		title: "An AP's switch port flaps: the AP drops off, reboots and its clients fall off with it",
		faults: [{ kind: 'ap_uplink_flap' }],
		expect: {
			rule: 'switch_port_flap',
			level: 'switch_port',
			scope: apPort,
			severity: 'major',
			fix: cableTestOnApPort,
			cause: /flap|link/i,
		},
	},
	{
		id: 'switch-port-errors',
		family: 'infrastructure',
		title: "CRC/input errors on an AP's switch port: a damaged cable",
		faults: [{ kind: 'switch_port_errors' }],
		expect: {
			rule: 'switch_port_bad_cable',
			level: 'switch_port',
			scope: apPort,
			severity: 'major',
			fix: cableTestOnApPort,
			cause: /cable/i,
		},
	},
	{
		id: 'poe-power-cycling',
		family: 'infrastructure',
		title: 'An AP keeps rebooting: its switch runs out of PoE budget and cuts the port',
		faults: [{ kind: 'poe_power_cycling' }],
		expect: {
			rule: 'switch_port_poe',
			level: 'switch_port',
			scope: apPort,
			severity: 'major',
			fix: { manual: /PoE/ },
			cause: /PoE/,
		},
	},
	{
		id: 'fast-roaming-failures',
		family: 'infrastructure',
		title: 'Fast roaming (802.11r) fails on one SSID: the FT keys are not found on the next AP',
		faults: [{ kind: 'fast_roaming_failure', count: 8 }],
		expect: {
			rule: 'fast_roaming_failures_ssid',
			level: 'ssid',
			scope: (_world, faults) => ({ ssid: faults[0].ssid }),
			severity: 'major',
			fix: { manual: /802\.11r|FT|PMK/ },
			cause: /roam/i,
		},
	},
];
