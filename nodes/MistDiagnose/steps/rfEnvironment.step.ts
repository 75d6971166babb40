import { diagnoseRfEnvironment } from '../rules/rfEnvironment';
import type { RfEnvironmentInput } from '../rules/rfEnvironment';
import { apsInScope, deviceNameMap, drilldownSites, sleSummaries } from './loaders';
import type { DiagnosisStepDefinition, StepNeeds } from './types';

const needs = { sleMetrics: ['capacity'] } satisfies StepNeeds;

export const rfEnvironmentStep: DiagnosisStepDefinition<'rf_environment', RfEnvironmentInput> = {
	id: 'rf_environment',
	option: { name: 'RF Environment', description: 'Channel utilisation, noise floor, interference' },
	needs,
	async load(collector, scope) {
		const aps = await apsInScope(collector, scope);
		const siteIds = await drilldownSites(collector, 'rf_environment', scope);
		return {
			input: {
				aps,
				sle: await sleSummaries(collector, siteIds, needs.sleMetrics),
				utilizationHistory: scope.baseline.rf_environment,
			},
			deviceNames: deviceNameMap(aps),
		};
	},
	diagnose: diagnoseRfEnvironment,
};
