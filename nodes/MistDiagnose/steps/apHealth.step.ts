import { diagnoseApHealth } from '../rules/apHealth';
import type { ApHealthInput } from '../rules/apHealth';
import { alarmsInScope, apsInScope, deviceEventsInScope } from './loaders';
import { deviceNameMap } from '../rules/support/deviceNames';
import type { DiagnosisStepDefinition, StepNeeds } from './types';

/** Device events that reveal AP instability. */
const needs = {
	deviceEventTypes: [
		'AP_DISCONNECTED',
		'AP_DISCONNECTED_LONG',
		'AP_REBOOTED',
		'AP_RESTARTED',
		'AP_RESTART_BY_USER',
	],
} satisfies StepNeeds;

export const apHealthStep: DiagnosisStepDefinition<'ap_health', ApHealthInput> = {
	id: 'ap_health',
	option: { name: 'AP Health', description: 'AP offline, reboots, CPU, client load' },
	needs,
	async load(collector, scope) {
		const aps = await apsInScope(collector, scope);
		const deviceEvents = await deviceEventsInScope(collector, scope, needs.deviceEventTypes);
		// Switches in every site: an AP's LLDP neighbour tells which port to bounce.
		const switches = await collector.deviceStats('switch');
		return {
			input: { aps, switches, deviceEvents, alarms: await alarmsInScope(collector, scope) },
			deviceNames: deviceNameMap([...aps, ...switches]),
		};
	},
	diagnose: diagnoseApHealth,
};
