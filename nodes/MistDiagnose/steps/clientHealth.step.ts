import { clientStatsRead, sleSummaryRead } from '../collect/MistDataCollector';
import type { ClientStat } from '../../shared/schemas/mist.schemas';
import { diagnoseClientHealth } from '../rules/clientHealth';
import type { ClientHealthInput } from '../rules/clientHealth';
import { drilldownSites, rotationSites, sleSummaries } from './loaders';
import { deviceNameMap } from '../rules/support/deviceNames';
import type { DiagnosisStepDefinition, StepNeeds } from './types';
import { mapAtMost } from '../../shared/utils/concurrency';

const needs = { sleMetrics: ['coverage'] } satisfies StepNeeds;
const SITES_AT_ONCE = 4;

export const clientHealthStep: DiagnosisStepDefinition<'client_health', ClientHealthInput> = {
	id: 'client_health',
	option: { name: 'Client Health', description: 'RSSI, SNR, retries of connected clients' },
	needs,
	async load(collector, scope) {
		const siteIds = await drilldownSites(collector, 'client_health', scope, (siteId) => [
			clientStatsRead(siteId),
			...needs.sleMetrics.map((metric) => sleSummaryRead(siteId, metric)),
		]);
		// Healthy-looking sites too, a slice per sweep, so every site's clients are read within the period.
		const rotating = await rotationSites(collector, scope, siteIds, (siteId) => [
			clientStatsRead(siteId),
		]);
		// A few sites at a time, as the transport reads pages: 17 sites of coverage a sweep add up.
		const perSite = await mapAtMost([...siteIds, ...rotating], SITES_AT_ONCE, async (siteId) =>
			(await collector.siteClientStats(siteId)).map((client) => ({
				...client,
				site_id: client.site_id ?? siteId,
			})),
		);
		const clients: ClientStat[] = perSite.flat();
		scope.coverage?.read.push(...siteIds, ...rotating);
		// The AP inventory names each client's AP (by ap_id or ap_mac); read only when there are clients.
		const apInventory = clients.length ? await collector.deviceStats('ap') : [];
		return {
			input: {
				clients,
				apInventory,
				summarySites: rotating,
				sle: await sleSummaries(collector, siteIds, needs.sleMetrics),
			},
			deviceNames: deviceNameMap(apInventory),
		};
	},
	diagnose: diagnoseClientHealth,
};
