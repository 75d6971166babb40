import { sleSummaryRead } from '../collect/MistDataCollector';
import { diagnoseRfEnvironment } from '../rules/rfEnvironment';
import type { RfEnvironmentInput } from '../rules/rfEnvironment';
import { RADAR_EVENT } from '../rules/rf/radar';
import { apsInScope, deviceEventsInScope, drilldownSites, sleSummaries } from './loaders';
import { deviceNameMap } from '../rules/support/deviceNames';
import type { DiagnosisStepDefinition, StepNeeds } from './types';

/** Radar detections: one org-wide search, the only read DFS channels need. */
const needs = { sleMetrics: ['capacity'], deviceEventTypes: [RADAR_EVENT] } satisfies StepNeeds;

export const rfEnvironmentStep: DiagnosisStepDefinition<'rf_environment', RfEnvironmentInput> = {
	id: 'rf_environment',
	option: {
		name: 'RF Environment',
		description: 'Channel utilisation, noise floor, interference, radar',
	},
	needs,
	async load(collector, scope) {
		const aps = await apsInScope(collector, scope);
		const siteIds = await drilldownSites(collector, 'rf_environment', scope, (siteId) =>
			needs.sleMetrics.map((metric) => sleSummaryRead(siteId, metric)),
		);
		return {
			input: {
				aps,
				sle: await sleSummaries(collector, siteIds, needs.sleMetrics),
				utilizationHistory: scope.baseline.rf_environment,
				deviceEvents: await deviceEventsInScope(collector, scope, needs.deviceEventTypes),
			},
			deviceNames: deviceNameMap(aps),
		};
	},
	diagnose: diagnoseRfEnvironment,
};
