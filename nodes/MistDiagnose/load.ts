import type { IDataObject } from 'n8n-workflow';

import type { DegradedSite } from '../shared/diagnosis/degradedSites';
import { degradedSites } from '../shared/diagnosis/degradedSites';
import { createEventClassifier } from '../shared/diagnosis/eventClassifier';
import type { ClientEventDefinition } from '../shared/diagnosis/eventClassifier';
import type { DiagnosisThresholds } from '../shared/diagnosis/thresholds';
import type { DiagnosisStep } from '../shared/findings/types';
import type { ClientEvent, DeviceStat } from '../shared/schemas/mist.schemas';
import type { SweepCollector } from './collect/SweepCollector';
import { AP_EVENT_TYPES, INFRA_EVENT_TYPES, NAC_FAILURE_TYPES, STEP_EVENT_CATEGORIES, STEP_SLE_METRICS } from './steps';

export interface LoadOptions {
	thresholds: DiagnosisThresholds;
	/** Most sites to drill into per step; the worst degraded first. */
	maxDrilldownSites: number;
	/** Drill into every site instead of only SLE-degraded ones (small orgs). */
	drillAllSites: boolean;
	/** Only these sites (empty: all). */
	siteFilter: Set<string>;
	baseline: IDataObject;
}

/** Everything a step function receives, plus the names the node uses in summaries. */
export interface LoadedStep {
	input: Record<string, unknown>;
	siteNames: Record<string, string>;
	deviceNames: Record<string, string>;
}

const inScope = (options: LoadOptions, siteId: string | null | undefined) =>
	options.siteFilter.size === 0 || (!!siteId && options.siteFilter.has(siteId));

/** Failure event types of the step's families, read from the catalogue so new Mist types are included. */
function failureTypes(step: DiagnosisStep, catalogue: ClientEventDefinition[]): string[] {
	const categories = STEP_EVENT_CATEGORIES[step] ?? [];
	const classify = createEventClassifier(catalogue);
	return catalogue.map((entry) => entry.key).filter((key) => categories.includes(classify(key).category));
}

/**
 * Org-wide event searches may answer without `site_id` (the spec omits it); the reporting AP
 * tells the site, from the org AP inventory, which the AP steps load anyway.
 */
async function attributeSites<T extends { site_id?: string | null; ap?: string | null }>(collector: SweepCollector, events: T[]): Promise<T[]> {
	if (events.every((event) => event.site_id)) return events;
	const siteByAp = new Map((await collector.deviceStats('ap')).map((ap) => [ap.mac.toLowerCase(), ap.site_id ?? undefined]));
	return events.map((event) => (event.site_id || !event.ap ? event : { ...event, site_id: siteByAp.get(String(event.ap).toLowerCase()) }));
}

function deviceNameMap(devices: DeviceStat[]): Record<string, string> {
	return Object.fromEntries(devices.filter((device) => device.name).map((device) => [device.mac.toLowerCase(), String(device.name)]));
}

async function drilldownSites(collector: SweepCollector, step: DiagnosisStep, options: LoadOptions): Promise<string[]> {
	if (options.drillAllSites) {
		const sites = await collector.sites();
		return sites.map((site) => site.id).filter((id) => inScope(options, id)).slice(0, options.maxDrilldownSites);
	}
	const degraded: DegradedSite[] = degradedSites(await collector.sitesSle(), options.thresholds);
	return degraded
		.filter((site) => site.steps.includes(step) && inScope(options, site.site_id))
		.slice(0, options.maxDrilldownSites)
		.map((site) => site.site_id);
}

async function sleSummaries(collector: SweepCollector, step: DiagnosisStep, siteIds: string[]) {
	const metrics = STEP_SLE_METRICS[step] ?? [];
	const out = [];
	for (const siteId of siteIds) {
		for (const metric of metrics) out.push({ site_id: siteId, metric, summary: await collector.siteSleSummary(siteId, metric) });
	}
	return out;
}

async function clientFailureEvents(collector: SweepCollector, step: DiagnosisStep, options: LoadOptions) {
	const catalogue = await collector.eventCatalogue();
	const events = await attributeSites(collector, await collector.clientEvents(failureTypes(step, catalogue)));
	return { catalogue, events: events.filter((event) => inScope(options, event.site_id)) as ClientEvent[] };
}

/** Loads what one step needs, org-wide, with drill-down only into degraded sites. */
export async function loadStep(collector: SweepCollector, step: DiagnosisStep, options: LoadOptions): Promise<LoadedStep> {
	const sites = (await collector.sites()).filter((site) => inScope(options, site.id));
	const siteNames = Object.fromEntries(sites.map((site) => [site.id, String(site.name ?? site.id)]));
	const loaded = (input: Record<string, unknown>, deviceNames: Record<string, string> = {}): LoadedStep => ({
		input: { sites, ...input },
		siteNames,
		deviceNames,
	});
	const alarms = async () => (await collector.alarms()).filter((alarm) => inScope(options, alarm.site_id));
	const aps = async () => (await collector.deviceStats('ap')).filter((ap) => inScope(options, ap.site_id));

	switch (step) {
		case 'association': {
			const { catalogue, events } = await clientFailureEvents(collector, step, options);
			// Association problems concentrate on APs: name them (the inventory also attributes events to sites).
			return loaded({ events, catalogue }, deviceNameMap(await collector.deviceStats('ap')));
		}
		case 'authentication': {
			const { catalogue, events } = await clientFailureEvents(collector, step, options);
			const nac = (await attributeSites(collector, (await collector.nacEvents(NAC_FAILURE_TYPES)) as ClientEvent[])).filter((event) =>
				inScope(options, event.site_id),
			);
			return loaded({ events: [...events, ...nac], catalogue, alarms: await alarms(), baseline: options.baseline.authentication });
		}
		case 'dhcp': {
			const { catalogue, events } = await clientFailureEvents(collector, step, options);
			// VLANs of the failing clients come from the client records of the sites with failures only.
			const failingSites = [...new Set(events.map((event) => event.site_id).filter((id): id is string => !!id))].slice(0, options.maxDrilldownSites);
			const clients = [];
			for (const siteId of failingSites) clients.push(...(await collector.siteClientSearch(siteId)));
			const dhcpServers = [...(await collector.deviceStats('switch')), ...(await collector.deviceStats('gateway'))].filter((device) =>
				inScope(options, device.site_id),
			);
			return loaded({ events, catalogue, clients, dhcpServers, alarms: await alarms(), baseline: options.baseline.dhcp });
		}
		case 'client_health': {
			const siteIds = await drilldownSites(collector, step, options);
			const clients = [];
			for (const siteId of siteIds) {
				clients.push(...(await collector.siteClientStats(siteId)).map((client) => ({ ...client, site_id: client.site_id ?? siteId })));
			}
			return loaded({ clients, sle: await sleSummaries(collector, step, siteIds) });
		}
		case 'ap_health': {
			const apStats = await aps();
			const deviceEvents = (await collector.deviceEvents(AP_EVENT_TYPES)).filter((event) => inScope(options, event.site_id));
			const switches = await collector.deviceStats('switch');
			return loaded({ aps: apStats, switches, deviceEvents, alarms: await alarms() }, deviceNameMap([...apStats, ...switches]));
		}
		case 'rf_environment': {
			const apStats = await aps();
			const siteIds = await drilldownSites(collector, step, options);
			return loaded(
				{ aps: apStats, sle: await sleSummaries(collector, step, siteIds), utilizationHistory: options.baseline.rf_environment },
				deviceNameMap(apStats),
			);
		}
		case 'infrastructure': {
			const { catalogue, events } = await clientFailureEvents(collector, step, options);
			const switches = await collector.deviceStats('switch');
			const deviceEvents = (await collector.deviceEvents(INFRA_EVENT_TYPES)).filter((event) => inScope(options, event.site_id));
			return loaded(
				{ events, catalogue, deviceEvents, alarms: await alarms(), latencyHistory: options.baseline.infrastructure },
				deviceNameMap(switches),
			);
		}
	}
}
