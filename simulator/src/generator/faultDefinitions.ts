import type { FaultKind, SimulatorProfile } from '../types';
import type { AlarmSpec, FaultDefinition } from './faultKinds/shared';
import { CREDENTIAL_FAULTS } from './faultKinds/credentials';
import { INFRASTRUCTURE_FAULTS } from './faultKinds/infrastructure';
import { NETWORK_SERVICE_FAULTS } from './faultKinds/networkServices';
import { RADIO_FAULTS } from './faultKinds/radio';

export type { AlarmSpec, FaultDefinition } from './faultKinds/shared';
export { rehomeClients } from './faultKinds/shared';

/** Every fault the simulator can inject, one file per family under faultKinds/. */
export const FAULT_DEFINITIONS: Record<FaultKind, FaultDefinition> = {
	...CREDENTIAL_FAULTS,
	...NETWORK_SERVICE_FAULTS,
	...RADIO_FAULTS,
	...INFRASTRUCTURE_FAULTS,
};

/** The alarms a fault raises under a profile. */
export function alarmSpecsOf(kind: FaultKind, profile: SimulatorProfile): AlarmSpec[] {
	const definition = FAULT_DEFINITIONS[kind];
	return [
		...(definition.alarm ? [definition.alarm] : []),
		...(profile === 'realistic' ? (definition.realisticAlarms ?? []) : []),
	];
}
