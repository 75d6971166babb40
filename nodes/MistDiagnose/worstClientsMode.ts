import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	CLIENT_MEASURE_LABELS,
	worstClientsByMeasure,
} from '../shared/findings/clientMeasurements';
import { resolveOrgId } from '../shared/params/scope';
import { wholeNumberInRange } from '../shared/params/readers';
import type { MistClient } from '../shared/transport/MistClient';
import { warnInOutputPane } from '../shared/utils/hints';
import { REMEMBERED_PER_MEASURE } from './coverage';
import type { CoverageRecord, RememberedClient } from './coverage';
import { COVERAGE_MAX_AGE_MS, coverageKey } from './coverageMemory';
import { openSlowCache } from './slowCache';

/** Output item kinds of the Org's Worst Clients mode. */
export const WORST_CLIENT = 'worstClient';
export const CLIENT_COVERAGE = 'clientCoverage';

const iso = (ms: number) => new Date(ms).toISOString();

function clientItem(orgId: string, entry: RememberedClient, rank: number): IDataObject {
	return {
		kind: WORST_CLIENT,
		measure: entry.measure,
		measure_name: CLIENT_MEASURE_LABELS[entry.measure],
		rank,
		value: entry.value,
		unit: entry.unit,
		...(entry.limit !== undefined ? { limit: entry.limit } : {}),
		org_id: orgId,
		site_id: entry.siteId,
		site_name: entry.siteName ?? entry.siteId,
		client_mac: entry.mac,
		client_hostname: entry.hostname ?? null,
		ap_mac: entry.apMac ?? null,
		ap_name: entry.apName ?? null,
		measured_at: entry.measuredAt ?? null,
		site_read_at: iso(entry.readAt),
	};
}

/** How much of the org the list stands for: sites whose clients have been read, and how long ago. */
function coverageItem(orgId: string, record: CoverageRecord | undefined): IDataObject {
	const times = Object.values(record?.readAt ?? {});
	const read = times.filter((at) => at > 0);
	const summary = record
		? `The worst clients of ${read.length} of ${times.length} sites, read by client health since ${read.length ? iso(Math.min(...read)) : 'never'}.`
		: 'No client health sweep with Cover Every Site Within has run on this org with this Memory yet: nothing to list.';
	return {
		kind: CLIENT_COVERAGE,
		level: 'org',
		org_id: orgId,
		sites: times.length,
		sites_read: read.length,
		oldest_read_at: read.length ? iso(Math.min(...read)) : null,
		last_sweep_at: record ? iso(record.lastSweepAt) : null,
		summary,
	};
}

/**
 * Mode Org's Worst Clients: the clients that client health sweeps last measured worst on each site
 * (kept in the coverage record of the node's Memory), per measure, worst first. No Mist call: a
 * report or dashboard lists the whole org's worst clients, not just those of its own sweep's slice.
 * Outputs: Issues one item per client; Healthy one item on the coverage the list stands for.
 */
export async function worstClientsMode(
	this: IExecuteFunctions,
	client: MistClient,
	nowMs: number,
): Promise<INodeExecutionData[][]> {
	const perMeasure = wholeNumberInRange(
		this.getNode(),
		this.getNodeParameter('clientsPerMeasure', 0, 10),
		'Clients per Measure',
		1,
		REMEMBERED_PER_MEASURE,
	);
	const opened = await openSlowCache(this, nowMs, client);
	const orgId = await resolveOrgId(this, client, 0);
	const record = await opened.cache.get<CoverageRecord>(coverageKey(orgId), COVERAGE_MAX_AGE_MS);
	if (!record) warnInOutputPane(this, coverageItem(orgId, record).summary as string);
	const ranks = new Map<string, number>();
	const clients = (
		worstClientsByMeasure(record?.worstClients ?? [], perMeasure) as RememberedClient[]
	).map((entry) => {
		const rank = (ranks.get(entry.measure) ?? 0) + 1;
		ranks.set(entry.measure, rank);
		return { json: clientItem(orgId, entry, rank), pairedItem: { item: 0 } };
	});
	return [clients, [{ json: coverageItem(orgId, record), pairedItem: { item: 0 } }]];
}
