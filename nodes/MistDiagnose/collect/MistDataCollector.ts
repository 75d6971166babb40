import type { IDataObject, INode } from 'n8n-workflow';
import isEqual from 'lodash/isEqual';
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
import { durationSeconds } from '../../shared/params/timeRange';
import type { MistClient } from '../../shared/transport/MistClient';
import {
	ALARM_DEFINITIONS_PATH,
	alarmDefinitionsSchema,
	lacksDefinition,
	toAlarmDefinitions,
	withAlarmDefinitions,
} from '../../shared/alarmDefinitions';
import type { AlarmDefinition } from '../../shared/alarmDefinitions';
import { countBy } from '../rules/support/collections';
import { deviceNameMap } from '../rules/support/deviceNames';
import { dedupeClientEvents } from '../rules/support/dedupe';
import { createEventClassifier, unclassifiedEventTypes } from '../rules/support/eventClassifier';
import type { EventCatalogueEntry } from '../rules/support/eventClassifier';
import type { SlowDataCache } from '../slowCache';
import type { BudgetGate } from '../../shared/budget/governor';
import { readWindowEvents } from './eventHistory';
import { readOnce } from './executionReads';
import type { ExecutionReads } from './executionReads';
import { EventTypeFilter } from './typeFilter';

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
const typeCountSchema = z
	.object({
		results: z
			.array(z.object({ type: z.string().nullish(), count: z.number() }).passthrough())
			.nullish(),
	})
	.passthrough();

/** The event searches that take a `type` filter, and the shape of their answers. */
interface TypedSearch {
	kind: 'clients' | 'nac_clients' | 'devices';
	what: string;
	schema: z.ZodTypeAny;
}
const CLIENT_EVENTS: TypedSearch = {
	kind: 'clients',
	what: 'client events',
	schema: clientEventListSchema,
};
const NAC_EVENTS: TypedSearch = {
	kind: 'nac_clients',
	what: 'NAC client events',
	schema: clientEventListSchema,
};
const DEVICE_EVENTS: TypedSearch = {
	kind: 'devices',
	what: 'device events',
	schema: deviceEventListSchema,
};

export interface SiteSummary {
	id: string;
	name?: string | null;
	timezone?: string | null;
}

export type TimeWindow = IDataObject;

/** Where earlier sweeps' event reads are remembered (see eventHistory.ts), and the sweep's clock. */
export interface EventHistoryScope {
	/** The credential and org the events belong to. */
	key: string;
	nowMs: number;
}

const HOUR = 3_600_000;
/** The oldest copy of slow-changing data a sweep short of budget still uses. */
const STALE_MAX_AGE = 7 * 24 * HOUR;
/** How old kept AP names may be when no step of the execution reads the AP stats. */
const AP_NAMES_MAX_AGE = HOUR / 4;
/** Unchanged AP names are written again once the kept copy is this old (a third of the max age). */
const AP_NAMES_REWRITE_AFTER = AP_NAMES_MAX_AGE / 3;
/** A page of the org's device stats (the size sweeps ask for). */
const DEVICES_PER_PAGE = 1000;

/**
 * The site ids the data this execution has read so far names (events, device stats, triage
 * items), per execution's shared reads, so a site the cached list lacks is noticed (sitesSeenInData).
 */
const sitesNamedByData = new WeakMap<ExecutionReads, Set<string>>();

function namedSites(reads: ExecutionReads): Set<string> {
	let named = sitesNamedByData.get(reads);
	if (!named) sitesNamedByData.set(reads, (named = new Set()));
	return named;
}

/** The execution's shared read of the org's device stats of one type. */
const deviceStatsRead = (type: 'ap' | 'switch' | 'gateway') => `deviceStats:${type}`;
/** The slow cache's AP names (lower-case MAC → name), kept from the last AP stats read. */
const AP_NAMES_KEY = 'apNames';

/** The keys under which the drill-down reads of a site are shared, so a budget can tell what is read. */
export const clientSearchRead = (siteId: string) => `clientSearch:${siteId}`;
export const clientStatsRead = (siteId: string) => `clientStats:${siteId}`;
export const sleSummaryRead = (siteId: string, metric: string) => `sleSummary:${siteId}:${metric}`;

/**
 * Fetches the Mist data the diagnosis steps declare (for a sweep and for triage alike), each data
 * set at most once per execution (so "All Steps" shares them), always with the largest page size.
 * Per-site calls exist only for drill-down into sites that org-wide signals found degraded.
 */
export class MistDataCollector {
	private readonly cache = new Map<string, Promise<unknown>>();

	private readonly typeFilter: EventTypeFilter;

	/** Client events read per type (logical events), for the report of unknown types. */
	private readonly clientEventsByType: Record<string, number> = {};

	/** Event searches that read only since the previous sweep. */
	private searchesSinceLastSweep = 0;

	/** How old the cached site list may be (keepSiteListAtMost). */
	private siteListMaxAgeMs = HOUR;

	constructor(
		private readonly client: MistClient,
		private readonly node: INode,
		readonly orgId: string,
		private readonly window: TimeWindow,
		private readonly itemIndex = 0,
		private readonly slowCache?: SlowDataCache,
		private readonly sharedReads: ExecutionReads = new Map(),
		private readonly budget?: BudgetGate,
		private readonly history?: EventHistoryScope,
	) {
		this.typeFilter = new EventTypeFilter(
			{
				countTypes: async () => await this.clientEventTypeCounts(),
				listReturnsEvents: async (types) =>
					(
						await this.client.getAllSearch(this.searchRequest(CLIENT_EVENTS, types.join(',')), {
							returnAll: false,
							limit: 1,
						})
					).length > 0,
			},
			`${orgId}:eventTypeFilter`,
			slowCache,
		);
	}

	private async cachedAcrossRuns<T>(
		key: string,
		maxAgeMs: number,
		load: () => Promise<T>,
		fresh = false,
	): Promise<T> {
		const cacheKey = `${this.orgId}:${key}`;
		const hit = fresh ? undefined : await this.slowCache?.get<T>(cacheKey, maxAgeMs);
		if (hit !== undefined) return hit;
		// Short of budget, an older copy serves rather than a fresh read.
		const stale =
			fresh || !this.budget ? undefined : await this.slowCache?.get<T>(cacheKey, STALE_MAX_AGE);
		if (stale !== undefined && !this.budget?.admit('slow', 1, `${key} (cached copy kept)`))
			return stale;
		const value = await load();
		await this.slowCache?.set(cacheKey, value);
		return value;
	}

	private once<T>(key: string, load: () => Promise<T>): Promise<T> {
		if (!this.cache.has(key)) this.cache.set(key, load());
		return this.cache.get(key) as Promise<T>;
	}

	/** How many of these shared reads no node of the execution has made (or started) yet. */
	unreadCount(keys: string[]): number {
		return keys.filter((key) => !this.sharedReads.has(key)).length;
	}

	/** Read once per execution, whichever Diagnose node of it asks first (see executionReads.ts). */
	private sharedRead<T>(key: string, load: () => Promise<T>): Promise<T> {
		return readOnce(this.sharedReads, key, load);
	}

	private validate<S extends z.ZodTypeAny>(schema: S, data: unknown, what: string): z.infer<S> {
		return parseMistShape(this.node, schema, data, what, this.itemIndex);
	}

	/** The cached site list is read again at least this often (a sweep's coverage period), at most hourly. */
	keepSiteListAtMost(maxAgeMs: number): void {
		this.siteListMaxAgeMs = Math.min(HOUR, Math.max(60_000, maxAgeMs));
	}

	/** The org's sites; `fresh` reads them again instead of taking the workflow's copy. */
	sites(fresh = false): Promise<SiteSummary[]> {
		return this.once('sites', async () =>
			this.cachedAcrossRuns(
				'sites',
				this.siteListMaxAgeMs,
				async () => {
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
				},
				fresh,
			),
		);
	}

	/**
	 * The org's sites, read again when the data this execution has already read (events, AP stats,
	 * triage items) names a site the cached list lacks: a branch added since is swept at once, not
	 * when the cached list expires.
	 */
	async sitesSeenInData(): Promise<SiteSummary[]> {
		const sites = await this.sites();
		const named = sitesNamedByData.get(this.sharedReads);
		if (!named?.size) return sites;
		const known = new Set(sites.map((site) => site.id));
		const unknown = [...named].filter((siteId) => !known.has(siteId));
		if (unknown.length === 0) return sites;
		// Ids a fresh list lacked too (a deleted site's old events) do not cost a read every sweep.
		const notSites = `${this.orgId}:notSites`;
		const checked = new Set((await this.slowCache?.get<string[]>(notSites, HOUR)) ?? []);
		if (unknown.every((siteId) => checked.has(siteId))) return sites;
		this.cache.delete('sites');
		const fresh = await this.sites(true);
		const listed = new Set(fresh.map((site) => site.id));
		await this.slowCache?.set(notSites, [
			...new Set([...checked, ...unknown.filter((siteId) => !listed.has(siteId))]),
		]);
		return fresh;
	}

	/** Notes the sites that data read (or items given) name, for sitesSeenInData. */
	noteSites(siteIds: Iterable<unknown>): void {
		const named = namedSites(this.sharedReads);
		for (const siteId of siteIds) if (typeof siteId === 'string' && siteId) named.add(siteId);
	}

	/** The given site ids that are not sites of the org; a cached site list is read again before saying so. */
	async unknownSiteIds(siteIds: string[]): Promise<string[]> {
		const known = (sites: SiteSummary[]) => new Set(sites.map((site) => site.id.toLowerCase()));
		const missing = (sites: SiteSummary[]) =>
			siteIds.filter((id) => !known(sites).has(id.toLowerCase()));
		if (missing(await this.sites()).length === 0) return [];
		this.cache.delete('sites');
		return missing(await this.sites(true));
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

	/**
	 * Client events of the given types only (the cost grows with failures, not with clients),
	 * one event per logical event: real Mist repeats some in up to three copies.
	 */
	clientEvents(types: string[]): Promise<ClientEvent[]> {
		return this.typedEvents(CLIENT_EVENTS, types, (events) => {
			const logical = dedupeClientEvents(events as ClientEvent[]);
			for (const [type, count] of Object.entries(countBy(logical, (event) => event.type)))
				this.clientEventsByType[type] = count;
			return logical;
		});
	}

	/** NAC (Access Assurance) client events: the same fields as client events, from their own search. */
	nacEvents(types: string[]): Promise<ClientEvent[]> {
		return this.typedEvents(NAC_EVENTS, types, (events) => events as ClientEvent[]);
	}

	deviceEvents(types: string[]): Promise<DeviceEvent[]> {
		return this.typedEvents(DEVICE_EVENTS, types, (events) => events as DeviceEvent[]);
	}

	private searchRequest(search: TypedSearch, type: string) {
		return {
			path: `/orgs/${this.orgId}/${search.kind}/events/search`,
			qs: { type, ...this.window },
			itemIndex: this.itemIndex,
		};
	}

	/** One search of one type, or of one comma list of types; validated, and read once per execution. */
	private typedEvents<T>(
		search: TypedSearch,
		types: string[],
		finish: (events: unknown[]) => T[],
	): Promise<T[]> {
		const sorted = [...new Set(types)].sort();
		return this.once(`${search.kind}Events:${sorted.join(',')}`, async () => {
			if (sorted.length === 0) return [];
			const read = async (type: string) =>
				await this.once(`${search.kind}Read:${type}`, async () => await this.search(search, type));
			return finish(
				sorted.length === 1 ? await read(sorted[0]) : await this.readTypes(search, sorted, read),
			);
		});
	}

	/**
	 * Several types: one comma list where the cloud splits it, else one read per type. An empty
	 * answer to a list is trusted only once a check that a list cannot fool agrees (see typeFilter.ts).
	 */
	private async readTypes(
		search: TypedSearch,
		types: string[],
		read: (type: string) => Promise<unknown[]>,
	): Promise<unknown[]> {
		const perType = async (only = types) => {
			const events: unknown[] = [];
			for (const type of only) events.push(...(await read(type)));
			return events;
		};
		const known = await this.typeFilter.knownMode();
		if (known === 'perType') return await perType(await this.typesWithEvents(search, types));
		const events = await read(types.join(','));
		if (events.length > 0) {
			if (!known) await this.typeFilter.learn('list', 'events');
			return events;
		}
		if (known === 'list') return events;
		const check = await this.typeFilter.runCheck();
		const listed =
			search === CLIENT_EVENTS && check.counts
				? types.filter((type) => (check.counts?.[type] ?? 0) > 0)
				: undefined;
		if (check.mode === 'perType') return await perType(listed);
		// Lists work: events counted since the empty read are read again.
		if (check.mode === 'list')
			return listed?.length ? await this.search(search, types.join(',')) : events;
		// Undecided. Client events counted: none of these types occurred, or each is read alone.
		if (listed && !check.error) return events;
		this.typeFilter.unverified(
			check.error ?? 'no client event in the window to check comma-separated type filters with',
		);
		return await perType(listed);
	}

	/** All events of one search in the window: since the previous sweep's read where there was one. */
	private async search(search: TypedSearch, type: string): Promise<unknown[]> {
		const request = this.searchRequest(search, type);
		const read = async (time: IDataObject) => {
			const events = await this.client.getAllSearch(
				{ ...request, qs: { type, ...time } },
				{ returnAll: true },
			);
			const valid = this.validate(search.schema, events, search.what) as unknown[];
			this.noteSites(valid.map((event) => (event as { site_id?: unknown } | null)?.site_id));
			return valid;
		};
		const duration = String(this.window.duration ?? '');
		const seconds = durationSeconds(duration);
		if (!this.history || seconds === undefined) return await read(this.window);
		const key = JSON.stringify([this.history.key, search.kind, type, duration]);
		const { events, since } = await readWindowEvents(
			key,
			{ duration, ms: seconds * 1000 },
			this.history.nowMs,
			read,
		);
		if (since !== undefined) this.searchesSinceLastSweep++;
		return events;
	}

	/** Per-type reads of client events skip the types the count saw no event of (when it can count). */
	private async typesWithEvents(search: TypedSearch, types: string[]): Promise<string[]> {
		if (search !== CLIENT_EVENTS) return types;
		try {
			const counts = await this.clientEventTypeCounts();
			return types.filter((type) => (counts[type] ?? 0) > 0);
		} catch {
			// Without the count every type is read: more calls, the same answer.
			return types;
		}
	}

	/** Client events per type in the window: `clients/events/count?distinct=type`, which no type filter can fool. */
	private clientEventTypeCounts(): Promise<Record<string, number>> {
		return this.once('clientEventTypeCounts', async () => {
			const answer = await this.client.request({
				path: `/orgs/${this.orgId}/clients/events/count`,
				qs: { distinct: 'type', limit: 1000, ...this.window },
				itemIndex: this.itemIndex,
			});
			const { results } = this.validate(typeCountSchema, answer, 'client event count');
			return Object.fromEntries(
				(results ?? []).filter((row) => row.type).map((row) => [row.type as string, row.count]),
			);
		});
	}

	/**
	 * What the output says about the event reads of this execution: how multi-type filters were sent
	 * and why that was trusted, and the client event types the package does not know.
	 */
	async eventReadReport(): Promise<IDataObject | undefined> {
		const filter = this.typeFilter.report();
		const incremental = this.searchesSinceLastSweep
			? { searchesSinceLastSweep: this.searchesSinceLastSweep }
			: {};
		if (!this.cache.has('catalogue') && !filter)
			return this.searchesSinceLastSweep ? incremental : filter;
		const report: IDataObject = { ...filter, ...incremental };
		if (this.cache.has('catalogue')) {
			const catalogue = await this.eventCatalogue();
			let counted: Record<string, number> = {};
			if (this.cache.has('clientEventTypeCounts'))
				counted = await this.clientEventTypeCounts().catch(() => ({}));
			const counts = { ...counted, ...this.clientEventsByType };
			const types = [...catalogue.map((entry) => entry.key), ...Object.keys(counts)];
			const unclassified = unclassifiedEventTypes(types, createEventClassifier(catalogue), counts);
			report.unclassifiedEventTypes = unclassified as unknown as IDataObject[];
		}
		return report;
	}

	alarms(): Promise<Alarm[]> {
		return this.sharedRead('alarms', async () => {
			const alarms = await this.client.getAllSearch(
				{
					path: `/orgs/${this.orgId}/alarms/search`,
					qs: { status: 'open', ...this.window },
					itemIndex: this.itemIndex,
				},
				{ returnAll: true },
			);
			const valid = this.validate(alarmListSchema, alarms, 'alarms');
			// Real alarms may omit severity and group: their type's definition tells them.
			return valid.some(lacksDefinition)
				? withAlarmDefinitions(valid, await this.alarmDefinitions())
				: valid;
		});
	}

	/** `GET /const/alarm_defs`, read once a day per workflow, only when an alarm lacks its severity or group. */
	alarmDefinitions(): Promise<AlarmDefinition[]> {
		return this.once('alarmDefinitions', async () =>
			this.cachedAcrossRuns('alarmDefinitions', 24 * HOUR, async () => {
				const definitions = await this.client.request({
					path: ALARM_DEFINITIONS_PATH,
					itemIndex: this.itemIndex,
				});
				return toAlarmDefinitions(
					this.validate(alarmDefinitionsSchema, definitions, 'alarm definitions'),
				);
			}),
		);
	}

	sitesSle(): Promise<SiteSle[]> {
		return this.sharedRead('sitesSle', async () => {
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

	/** The device stats of a type if a step of this execution already read them (no call otherwise). */
	async loadedDeviceStats(type: 'ap' | 'switch' | 'gateway'): Promise<DeviceStat[] | undefined> {
		const pending = this.sharedReads.get(deviceStatsRead(type)) as
			| Promise<DeviceStat[]>
			| undefined;
		return pending ? await pending.catch(() => undefined) : undefined;
	}

	/**
	 * AP names by lower-case MAC, for the wording of findings. A sweep whose steps read the AP stats
	 * (ten pages at 1,000 sites) names APs from them; one that only needs names (Association on its
	 * 30-second turns) takes those kept from the last read, up to 15 minutes old (a week old when
	 * the budget is short), instead of reading the ten pages for them.
	 */
	async apNames(): Promise<Record<string, string>> {
		if (!this.sharedReads.has(deviceStatsRead('ap'))) {
			const key = this.apNamesKey;
			const kept = await this.slowCache?.get<Record<string, string>>(key, AP_NAMES_MAX_AGE);
			if (kept) return kept;
			const stale = this.budget
				? await this.slowCache?.get<Record<string, string>>(key, STALE_MAX_AGE)
				: undefined;
			const pages = Math.max(1, Math.ceil(Object.keys(stale ?? {}).length / DEVICES_PER_PAGE));
			if (stale && !this.budget?.admit('slow', pages, 'AP names (cached copy kept)')) return stale;
		}
		return deviceNameMap(await this.deviceStats('ap'));
	}

	/** The slow cache's key of this org's AP names. */
	private get apNamesKey(): string {
		return `${this.orgId}:${AP_NAMES_KEY}`;
	}

	/**
	 * Keeps the AP names for apNames. Names seldom change: a copy under five minutes old with the
	 * same names is left as it is, so a 60-second sweep does not write 10,000 names every minute.
	 */
	private async keepApNames(names: Record<string, string>): Promise<void> {
		const key = this.apNamesKey;
		const kept = await this.slowCache?.get<Record<string, string>>(key, AP_NAMES_REWRITE_AFTER);
		if (!kept || !isEqual(kept, names)) await this.slowCache?.set(key, names);
	}

	deviceStats(type: 'ap' | 'switch' | 'gateway'): Promise<DeviceStat[]> {
		const read = this.sharedRead(deviceStatsRead(type), async () => {
			const stats = await this.client.getAllList(
				{
					path: `/orgs/${this.orgId}/stats/devices`,
					qs: { type, status: 'all' },
					itemIndex: this.itemIndex,
				},
				{ returnAll: true },
			);
			const valid = this.validate(deviceStatListSchema, stats, `${type} stats`);
			this.noteSites(valid.map((device) => device.site_id));
			if (type === 'ap') await this.keepApNames(deviceNameMap(valid));
			return valid;
		});
		return read;
	}

	/** Drill-down: client records (with VLANs) of one site, including clients that failed to connect. */
	siteClientSearch(siteId: string): Promise<ClientSearchResult[]> {
		return this.sharedRead(clientSearchRead(siteId), async () => {
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
		return this.sharedRead(clientStatsRead(siteId), async () => {
			const stats = await this.client.getAllList(
				{ path: `/sites/${siteId}/stats/clients`, qs: { wired: false }, itemIndex: this.itemIndex },
				{ returnAll: true },
			);
			return this.validate(clientStatListSchema, stats, 'client stats');
		});
	}

	/** Drill-down: one SLE metric's summary (with classifiers) for one site. */
	siteSleSummary(siteId: string, metric: string): Promise<SleSummary> {
		return this.sharedRead(sleSummaryRead(siteId, metric), async () => {
			const summary = await this.client.request({
				path: `/sites/${siteId}/sle/site/${siteId}/metric/${metric}/summary`,
				qs: this.window,
				itemIndex: this.itemIndex,
			});
			return this.validate(sleSummarySchema, summary, `${metric} SLE summary`);
		});
	}
}
