import type { ClientStat } from '../../shared/schemas/mist.schemas';
import { diagnoseClientHealth } from '../rules/clientHealth';
import type { ClientHealthInput } from '../rules/clientHealth';
import { drilldownSites, sleSummaries } from './loaders';
import type { DiagnosisStepDefinition, StepNeeds } from './types';

const needs = { sleMetrics: ['coverage'] } satisfies StepNeeds;

export const clientHealthStep: DiagnosisStepDefinition<'client_health', ClientHealthInput> = {
	id: 'client_health',
	option: { name: 'Client Health', description: 'RSSI, SNR, retries of connected clients' },
	needs,
	async load(collector, scope) {
		const siteIds = await drilldownSites(collector, 'client_health', scope);
		const clients: ClientStat[] = [];
		for (const siteId of siteIds) {
			clients.push(
				...(await collector.siteClientStats(siteId)).map((client) => ({
					...client,
					site_id: client.site_id ?? siteId,
				})),
			);
		}
		return { input: { clients, sle: await sleSummaries(collector, siteIds, needs.sleMetrics) } };
	},
	diagnose: diagnoseClientHealth,
};
