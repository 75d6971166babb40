import { diagnoseAssociation } from '../rules/association';
import type { AssociationInput } from '../rules/association';
import { categoriesOfStep } from '../rules/support/eventClassifier';
import { clientFailureEvents } from './loaders';
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
		// Association problems concentrate on APs: name them (names kept between sweeps will do).
		return { input: { events, catalogue }, deviceNames: await collector.apNames() };
	},
	diagnose: diagnoseAssociation,
};
