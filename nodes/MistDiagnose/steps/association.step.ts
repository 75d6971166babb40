import { diagnoseAssociation } from '../rules/association';
import type { AssociationInput } from '../rules/association';
import { categoriesOfStep } from '../rules/support/eventClassifier';
import { clientFailureEvents, deviceNameMap } from './loaders';
import type { DiagnosisStepDefinition, StepNeeds } from './types';

const needs = { eventCategories: categoriesOfStep('association') } satisfies StepNeeds;

export const associationStep: DiagnosisStepDefinition<'association', AssociationInput> = {
	id: 'association',
	option: { name: 'Association', description: 'Clients failing to associate' },
	needs,
	async load(collector, scope) {
		const { catalogue, events } = await clientFailureEvents(
			collector,
			scope,
			needs.eventCategories,
		);
		// Association problems concentrate on APs: name them (the inventory also attributes events to sites).
		return {
			input: { events, catalogue },
			deviceNames: deviceNameMap(await collector.deviceStats('ap')),
		};
	},
	diagnose: diagnoseAssociation,
};
