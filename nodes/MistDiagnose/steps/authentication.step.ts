import { diagnoseAuthentication } from '../rules/authentication';
import type { AuthenticationInput } from '../rules/authentication';
import { categoriesOfStep } from '../rules/support/eventClassifier';
import { alarmsInScope, clientFailureEvents, nacFailureEvents } from './loaders';
import type { DiagnosisStepDefinition, StepNeeds } from './types';

const needs = {
	eventCategories: categoriesOfStep('authentication'),
	nacEventTypes: [
		'NAC_CLIENT_CERT_CHECK_FAILURE',
		'NAC_CLIENT_DENY',
		'NAC_IDP_AUTHC_FAILURE',
		'NAC_IDP_UNREACHABLE',
	],
} satisfies StepNeeds;

export const authenticationStep: DiagnosisStepDefinition<'authentication', AuthenticationInput> = {
	id: 'authentication',
	option: { name: 'Authentication', description: 'RADIUS, PSK, certificate and IdP failures' },
	needs,
	async load(collector, scope) {
		const { catalogue, events } = await clientFailureEvents(
			collector,
			scope,
			needs.eventCategories,
		);
		const nac = await nacFailureEvents(collector, scope, needs.nacEventTypes);
		return {
			input: {
				events: [...events, ...nac],
				catalogue,
				alarms: await alarmsInScope(collector, scope),
				baseline: scope.baseline.authentication,
			},
		};
	},
	diagnose: diagnoseAuthentication,
};
