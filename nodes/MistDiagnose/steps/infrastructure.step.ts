import { diagnoseInfrastructure } from '../rules/infrastructure';
import type { InfrastructureInput } from '../rules/infrastructure';
import { categoriesOfStep } from '../rules/support/eventClassifier';
import {
	alarmsInScope,
	clientFailureEvents,
	clientsOfFailingSites,
	deviceEventsInScope,
} from './loaders';
import { deviceNameMap } from '../rules/support/deviceNames';
import type { DiagnosisStepDefinition, StepNeeds } from './types';

/** DNS and gateway-ARP failures of clients; device events of switch port and uplink problems. */
const needs = {
	eventCategories: categoriesOfStep('infrastructure'),
	deviceEventTypes: ['GW_DISCONNECTED', 'SW_DISCONNECTED', 'SW_PORT_DOWN', 'SW_PORT_UP'],
} satisfies StepNeeds;

export const infrastructureStep: DiagnosisStepDefinition<'infrastructure', InfrastructureInput> = {
	id: 'infrastructure',
	option: {
		name: 'Infrastructure',
		description: 'DNS and gateway reachability, latency, switch ports, connectivity drops',
	},
	needs,
	async load(collector, scope) {
		const { catalogue, events } = await clientFailureEvents(
			collector,
			scope,
			needs.eventCategories,
		);
		// VLANs of the clients failing DNS or gateway ARP (events do not carry them).
		const clients = await clientsOfFailingSites(collector, scope, events, catalogue, [
			'dns_failure',
			'arp_failure',
		]);
		const switches = await collector.deviceStats('switch');
		const deviceEvents = await deviceEventsInScope(collector, scope, needs.deviceEventTypes);
		return {
			input: {
				events,
				catalogue,
				clients,
				deviceEvents,
				alarms: await alarmsInScope(collector, scope),
				latencyHistory: scope.baseline.infrastructure,
			},
			deviceNames: deviceNameMap(switches),
		};
	},
	diagnose: diagnoseInfrastructure,
};
