import { diagnoseDhcp } from '../rules/dhcp';
import type { DhcpInput } from '../rules/dhcp';
import { categoriesOfStep } from '../rules/support/eventClassifier';
import { alarmsInScope, clientFailureEvents, clientsOfFailingSites, inScope } from './loaders';
import type { DiagnosisStepDefinition, StepNeeds } from './types';

const needs = { eventCategories: categoriesOfStep('dhcp') } satisfies StepNeeds;

export const dhcpStep: DiagnosisStepDefinition<'dhcp', DhcpInput> = {
	id: 'dhcp',
	option: { name: 'DHCP', description: 'Lease failures, NAKs, exhausted pools' },
	needs,
	async load(collector, scope) {
		const { catalogue, events } = await clientFailureEvents(
			collector,
			scope,
			needs.eventCategories,
		);
		// VLANs of the failing clients come from the client records of the sites with DHCP (v4)
		// failures only: DHCPv6 failures alone are dual-stack noise, not worth a drill-down.
		const clients = await clientsOfFailingSites(collector, scope, events, catalogue, [
			'dhcp_failure',
		]);
		const dhcpServers = [
			...(await collector.deviceStats('switch')),
			...(await collector.deviceStats('gateway')),
		].filter((device) => inScope(scope, device.site_id));
		return {
			input: {
				events,
				catalogue,
				clients,
				dhcpServers,
				alarms: await alarmsInScope(collector, scope),
				baseline: scope.baseline.dhcp,
			},
		};
	},
	diagnose: diagnoseDhcp,
};
