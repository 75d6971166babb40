import type { DiagnosisStep } from '../../shared/findings/types';
import type { ClientEvent, ClientSearchResult } from '../../shared/schemas/mist.schemas';
import { clientSearchRead } from '../collect/MistDataCollector';
import type { MistDataCollector } from '../collect/MistDataCollector';
import type { SleSummaryInput } from '../rules/signals/sleClassifiers';
import { apResolver } from '../rules/support/apIndex';
import { degradedSites } from '../rules/support/degradedSites';
import { createEventClassifier } from '../rules/support/eventClassifier';
import type { EventCatalogueEntry, EventCategory } from '../rules/support/eventClassifier';
import { rotationSlice } from '../coverage';
import type { SweepScope } from './types';

// Loaders the steps share. Each reads through the collector, so the steps of one run share calls.

/** Whether a site passes the Site IDs option (empty: every site). */
export const inScope = (scope: SweepScope, siteId: string | null | undefined) =>
	scope.siteFilter.size === 0 || (!!siteId && scope.siteFilter.has(siteId));

export async function sitesInScope(collector: MistDataCollector, scope: SweepScope) {
	return (await collector.sitesSeenInData()).filter((site) => inScope(scope, site.id));
}

export async function alarmsInScope(collector: MistDataCollector, scope: SweepScope) {
	return (await collector.alarms()).filter((alarm) => inScope(scope, alarm.site_id));
}

export async function apsInScope(collector: MistDataCollector, scope: SweepScope) {
	return (await collector.deviceStats('ap')).filter((ap) => inScope(scope, ap.site_id));
}

export async function deviceEventsInScope(
	collector: MistDataCollector,
	scope: SweepScope,
	types: string[],
) {
	return (await collector.deviceEvents(types)).filter((event) => inScope(scope, event.site_id));
}

/**
 * Real org-wide event searches carry `site_id`, which is used as given; events without it (the
 * spec omits it) get the site of the reporting AP, from the org AP inventory (the AP steps load it anyway).
 */
async function attributeSites(
	collector: MistDataCollector,
	events: ClientEvent[],
): Promise<ClientEvent[]> {
	if (events.every((event) => event.site_id)) return events;
	const resolveAp = apResolver(await collector.deviceStats('ap'));
	return events.map((event) =>
		event.site_id || !event.ap
			? event
			: { ...event, site_id: resolveAp({ mac: event.ap })?.ap?.site_id ?? undefined },
	);
}

/** Failure event types of the given families, read from the catalogue so new Mist types are included. */
function failureTypes(categories: EventCategory[], catalogue: EventCatalogueEntry[]): string[] {
	const classify = createEventClassifier(catalogue);
	return catalogue
		.map((entry) => entry.key)
		.filter((key) => categories.includes(classify(key).category));
}

/** Client failure events of the given families in scope, with the catalogue the rules classify them by. */
export async function clientFailureEvents(
	collector: MistDataCollector,
	scope: SweepScope,
	categories: EventCategory[],
) {
	const catalogue = await collector.eventCatalogue();
	const events = await attributeSites(
		collector,
		await collector.clientEvents(failureTypes(categories, catalogue)),
	);
	return { catalogue, events: events.filter((event) => inScope(scope, event.site_id)) };
}

/**
 * Client records (they carry the VLAN events lack) of the sites where events of the given
 * categories failed, at most `maxDrilldownSites` of them: one client search per failing site.
 */
export async function clientsOfFailingSites(
	collector: MistDataCollector,
	scope: SweepScope,
	events: ClientEvent[],
	catalogue: EventCatalogueEntry[],
	categories: EventCategory[],
): Promise<ClientSearchResult[]> {
	const classify = createEventClassifier(catalogue);
	const failingSites = [
		...new Set(
			events
				.filter((event) => categories.includes(classify(event.type).category))
				.map((event) => event.site_id)
				.filter((id): id is string => !!id),
		),
	].slice(0, scope.maxDrilldownSites);
	const clients: ClientSearchResult[] = [];
	const affordable = affordableSites(collector, scope, 'client search', failingSites, (siteId) => [
		clientSearchRead(siteId),
	]);
	for (const siteId of affordable) clients.push(...(await collector.siteClientSearch(siteId)));
	return clients;
}

/** NAC failure events in scope (they answer without `site_id` too). */
export async function nacFailureEvents(
	collector: MistDataCollector,
	scope: SweepScope,
	types: string[],
) {
	return (await attributeSites(collector, await collector.nacEvents(types))).filter((event) =>
		inScope(scope, event.site_id),
	);
}

/** Sites to drill into for a step: every site in scope, or the SLE-degraded ones whose drop the step explains. */
export async function drilldownSites(
	collector: MistDataCollector,
	step: DiagnosisStep,
	scope: SweepScope,
	readsPerSite: (siteId: string) => string[],
): Promise<string[]> {
	let siteIds: string[];
	if (scope.drillAllSites) {
		const sites = await collector.sites();
		siteIds = sites
			.map((site) => site.id)
			.filter((id) => inScope(scope, id))
			.slice(0, scope.maxDrilldownSites);
	} else {
		siteIds = degradedSites(await collector.sitesSle(), scope.thresholds)
			.filter((site) => site.steps.includes(step) && inScope(scope, site.site_id))
			.slice(0, scope.maxDrilldownSites)
			.map((site) => site.site_id);
	}
	return affordableSites(collector, scope, `${step} drill-down`, siteIds, readsPerSite);
}

/**
 * The sites in scope whose client stats rotating coverage reads this sweep besides `drilled`
 * (coverage.ts), as far as the API budget affords after the degraded sites' drill-downs.
 */
export async function rotationSites(
	collector: MistDataCollector,
	scope: SweepScope,
	drilled: string[],
	readsPerSite: (siteId: string) => string[],
): Promise<string[]> {
	const coverage = scope.coverage;
	if (!coverage) return [];
	const slice = rotationSlice(
		(await sitesInScope(collector, scope)).map((site) => site.id),
		coverage.record,
		coverage.nowMs,
		coverage.periodMs,
		new Set(drilled),
	);
	return affordableSites(collector, scope, 'client health coverage', slice, readsPerSite);
}

/**
 * The sites (worst first) whose drill-down the sweep's API budget affords: a read another step
 * of the execution already made costs nothing; the sites left out are reported as skipped.
 */
function affordableSites(
	collector: MistDataCollector,
	scope: SweepScope,
	what: string,
	siteIds: string[],
	readsPerSite: (siteId: string) => string[],
): string[] {
	const budget = scope.budget;
	if (!budget) return siteIds;
	return siteIds.filter((siteId) =>
		budget.admit(
			'drillDown',
			collector.unreadCount(readsPerSite(siteId)),
			`${what} of site ${siteId}`,
		),
	);
}

/** The given SLE metrics' summaries (with classifiers) of each site. */
export async function sleSummaries(
	collector: MistDataCollector,
	siteIds: string[],
	metrics: string[],
): Promise<SleSummaryInput[]> {
	const out: SleSummaryInput[] = [];
	for (const siteId of siteIds) {
		for (const metric of metrics)
			out.push({
				site_id: siteId,
				metric,
				summary: await collector.siteSleSummary(siteId, metric),
			});
	}
	return out;
}
