import type { IDataObject, INode } from 'n8n-workflow';
import { z } from 'zod';

import {
	alarmListSchema,
	clientEventListSchema,
	clientSearchListSchema,
	clientStatListSchema,
	deviceEventListSchema,
	deviceStatListSchema,
	siteSleListSchema,
	sleSummarySchema,
} from '../../shared/schemas/mist.schemas';
import type {
	Alarm,
	ClientEvent,
	ClientSearchResult,
	ClientStat,
	DeviceEvent,
	DeviceStat,
	SiteSle,
	SleSummary,
} from '../../shared/schemas/mist.schemas';
import { parseMistShape } from '../../shared/schemas/validate';
import type { MistClient } from '../../shared/transport/MistClient';
import type { EventCatalogueEntry } from '../rules/support/eventClassifier';

const siteListSchema = z.array(
	z
		.object({ id: z.string(), name: z.string().nullish(), timezone: z.string().nullish() })
		.passthrough(),
);
const catalogueSchema = z.array(
	z
		.object({ key: z.string(), group: z.string().nullish(), display: z.string().nullish() })
		.passthrough(),
);

export interface SiteSummary {
	id: string;
	name?: string | null;
	timezone?: string | null;
}

export type TimeWindow = IDataObject;

/**
 * Slow-changing data (site list, event catalogue) kept between node executions of the same
 * workflow, so that a flowchart of seven steps asks Mist for them once an hour, not seven times.
 */
export interface SlowDataCache {
	get<T>(key: string, maxAgeMs: number): T | undefined;
	set(key: string, value: unknown): void;
}

const HOUR = 3_600_000;

/**
 * Fetches the Mist data the diagnosis steps declare (for a sweep and for triage alike), each data
 * set at most once per execution (so "All Steps" shares them), always with the largest page size.
 * Per-site calls exist only for drill-down into sites that org-wide signals found degraded.
 */
export class MistDataCollector {
	private readonly cache = new Map<string, Promise<unknown>>();

	constructor(
		private readonly client: MistClient,
		private readonly node: INode,
		readonly orgId: string,
		private readonly window: TimeWindow,
		private readonly itemIndex = 0,
		private readonly slowCache?: SlowDataCache,
	) {}

	private async cachedAcrossRuns<T>(
		key: string,
		maxAgeMs: number,
		load: () => Promise<T>,
	): Promise<T> {
		const cacheKey = `${this.orgId}:${key}`;
		const hit = this.slowCache?.get<T>(cacheKey, maxAgeMs);
		if (hit !== undefined) return hit;
		const value = await load();
		this.slowCache?.set(cacheKey, value);
		return value;
	}

	private once<T>(key: string, load: () => Promise<T>): Promise<T> {
		if (!this.cache.has(key)) this.cache.set(key, load());
		return this.cache.get(key) as Promise<T>;
	}

	private validate<S extends z.ZodTypeAny>(schema: S, data: unknown, what: string): z.infer<S> {
		return parseMistShape(this.node, schema, data, what, this.itemIndex);
	}

	sites(): Promise<SiteSummary[]> {
		return this.once('sites', async () =>
			this.cachedAcrossRuns('sites', HOUR, async () => {
				const sites = await this.client.getAllList(
					{ path: `/orgs/${this.orgId}/sites`, itemIndex: this.itemIndex },
					{ returnAll: true },
				);
				// Only what diagnosis reads, so the cache stays small.
				return this.validate(siteListSchema, sites, 'sites').map(({ id, name, timezone }) => ({
					id,
					name,
					timezone,
				}));
			}),
		);
	}

	eventCatalogue(): Promise<EventCatalogueEntry[]> {
		return this.once('catalogue', async () =>
			this.cachedAcrossRuns('catalogue', 24 * HOUR, async () => {
				const entries = await this.client.request({
					path: '/const/client_events',
					itemIndex: this.itemIndex,
				});
				return this.validate(catalogueSchema, entries, 'client event catalogue').map(
					({ key, group, display }) => ({
						key,
						group,
						display,
					}),
				);
			}),
		);
	}

	/** Client events of the given types only: the cost grows with failures, not with clients. */
	clientEvents(types: string[]): Promise<ClientEvent[]> {
		const sorted = [...new Set(types)].sort();
		return this.once(`clientEvents:${sorted.join(',')}`, async () => {
			if (sorted.length === 0) return [];
			const events = await this.client.getAllSearch(
				{
					path: `/orgs/${this.orgId}/clients/events/search`,
					qs: { type: sorted.join(','), ...this.window },
					itemIndex: this.itemIndex,
				},
				{ returnAll: true },
			);
			return this.validate(clientEventListSchema, events, 'client events');
		});
	}

	/** NAC (Access Assurance) client events: the same fields as client events, from their own search. */
	nacEvents(types: string[]): Promise<ClientEvent[]> {
		const sorted = [...new Set(types)].sort();
		return this.once(`nacEvents:${sorted.join(',')}`, async () => {
			if (sorted.length === 0) return [];
			const events = await this.client.getAllSearch(
				{
					path: `/orgs/${this.orgId}/nac_clients/events/search`,
					qs: { type: sorted.join(','), ...this.window },
					itemIndex: this.itemIndex,
				},
				{ returnAll: true },
			);
			return this.validate(clientEventListSchema, events, 'NAC client events');
		});
	}

	alarms(): Promise<Alarm[]> {
		return this.once('alarms', async () => {
			const alarms = await this.client.getAllSearch(
				{
					path: `/orgs/${this.orgId}/alarms/search`,
					qs: { status: 'open', ...this.window },
					itemIndex: this.itemIndex,
				},
				{ returnAll: true },
			);
			return this.validate(alarmListSchema, alarms, 'alarms');
		});
	}

	sitesSle(): Promise<SiteSle[]> {
		return this.once('sitesSle', async () => {
			const rows = await this.client.getAllBodyPaged(
				{
					path: `/orgs/${this.orgId}/insights/sites-sle`,
					qs: { sle: 'wifi', ...this.window },
					itemIndex: this.itemIndex,
				},
				{ returnAll: true, itemsKey: 'results' },
			);
			return this.validate(siteSleListSchema, rows, 'sites SLE');
		});
	}

	deviceStats(type: 'ap' | 'switch' | 'gateway'): Promise<DeviceStat[]> {
		return this.once(`deviceStats:${type}`, async () => {
			const stats = await this.client.getAllList(
				{
					path: `/orgs/${this.orgId}/stats/devices`,
					qs: { type, status: 'all' },
					itemIndex: this.itemIndex,
				},
				{ returnAll: true },
			);
			return this.validate(deviceStatListSchema, stats, `${type} stats`);
		});
	}

	deviceEvents(types: string[]): Promise<DeviceEvent[]> {
		const sorted = [...new Set(types)].sort();
		return this.once(`deviceEvents:${sorted.join(',')}`, async () => {
			if (sorted.length === 0) return [];
			const events = await this.client.getAllSearch(
				{
					path: `/orgs/${this.orgId}/devices/events/search`,
					qs: { type: sorted.join(','), ...this.window },
					itemIndex: this.itemIndex,
				},
				{ returnAll: true },
			);
			return this.validate(deviceEventListSchema, events, 'device events');
		});
	}

	/** Drill-down: client records (with VLANs) of one site, including clients that failed to connect. */
	siteClientSearch(siteId: string): Promise<ClientSearchResult[]> {
		return this.once(`clientSearch:${siteId}`, async () => {
			const clients = await this.client.getAllSearch(
				{
					path: `/sites/${siteId}/clients/search`,
					qs: { ...this.window },
					itemIndex: this.itemIndex,
				},
				{ returnAll: true },
			);
			return this.validate(clientSearchListSchema, clients, 'client search');
		});
	}

	/** Drill-down: clients connected now on one site. */
	siteClientStats(siteId: string): Promise<ClientStat[]> {
		return this.once(`clientStats:${siteId}`, async () => {
			const stats = await this.client.getAllList(
				{ path: `/sites/${siteId}/stats/clients`, qs: { wired: false }, itemIndex: this.itemIndex },
				{ returnAll: true },
			);
			return this.validate(clientStatListSchema, stats, 'client stats');
		});
	}

	/** Drill-down: one SLE metric's summary (with classifiers) for one site. */
	siteSleSummary(siteId: string, metric: string): Promise<SleSummary> {
		return this.once(`sleSummary:${siteId}:${metric}`, async () => {
			const summary = await this.client.request({
				path: `/sites/${siteId}/sle/site/${siteId}/metric/${metric}/summary`,
				qs: this.window,
				itemIndex: this.itemIndex,
			});
			return this.validate(sleSummarySchema, summary, `${metric} SLE summary`);
		});
	}
}
