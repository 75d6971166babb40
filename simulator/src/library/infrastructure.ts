import { deviceIdFromMac } from '../generator/world';
import type { World } from '../types';
import type { LibraryScenario } from './types';

const apNameOf = (world: World, apId: string) => world.aps.get(apId)?.name;
const apDeviceId = (world: World, apId: string) => deviceIdFromMac(world.aps.get(apId)?.mac ?? '');

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
];
