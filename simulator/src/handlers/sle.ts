import type { Ap, Client, Site } from '../types';
import { ApiError } from '../server/router';
import type { RequestContext, Router } from '../server/router';
import { bodyPage, timeWindow } from '../server/paging';
import { normaliseMac, ok, requireOrg, requireSite } from './common';
import {
	SLE_METRICS,
	classifierDrop,
	findMetric,
	impactedAps,
	impactedClients,
	sleValue,
} from './sleModel';
import type { SleMetric } from './sleModel';

interface Scope {
	site: Site;
	kind: string;
	ap?: Ap;
	client?: Client;
}

function resolveScope(ctx: RequestContext): Scope {
	const site = requireSite(ctx);
	const { scope, scope_id: scopeId } = ctx.params;
	const world = ctx.sim.world;
	switch (scope) {
		case 'site':
			if (scopeId !== site.id)
				throw new ApiError(404, `scope_id ${scopeId} must be the site id for scope "site"`);
			return { site, kind: scope };
		case 'ap': {
			const ap = world.aps.get(scopeId) ?? world.apsByMac.get(normaliseMac(scopeId));
			if (!ap || ap.siteId !== site.id)
				throw new ApiError(404, `AP ${scopeId} not found in site ${site.id}`);
			return { site, kind: scope, ap };
		}
		case 'client': {
			const client = world.clients.get(normaliseMac(scopeId));
			if (!client || client.siteId !== site.id)
				throw new ApiError(404, `Client ${scopeId} not found in site ${site.id}`);
			return { site, kind: scope, client };
		}
		case 'switch':
		case 'gateway':
			throw new ApiError(404, `No ${scope} SLE data for ${scopeId} in the simulator`);
		default:
			throw new ApiError(
				400,
				`Invalid scope "${scope}": expected site, ap, switch, gateway or client`,
			);
	}
}

function requireMetric(name: string): SleMetric {
	const metric = findMetric(name);
	if (!metric) throw new ApiError(404, `Unknown SLE metric "${name}"`);
	return metric;
}

function sampleWindow(ctx: RequestContext) {
	const window = timeWindow(ctx.query, ctx.now);
	const interval = window.end - window.start > 7 * 86400 ? 86400 : 3600;
	const count = Math.max(1, Math.min(400, Math.ceil((window.end - window.start) / interval)));
	return { ...window, interval, count };
}

/** Clients and APs an SLE view counts, narrowed to the scope entity. */
function population(ctx: RequestContext, scope: Scope) {
	const world = ctx.sim.world;
	const clients = scope.site.clientMacs.map((m) => world.clients.get(m) as Client);
	if (scope.client) return { clients: [scope.client], apCount: 1 };
	if (scope.ap) return { clients: clients.filter((c) => c.apId === scope.ap?.id), apCount: 1 };
	return { clients, apCount: scope.site.apIds.length };
}

function scopedImpact(ctx: RequestContext, scope: Scope, metric: string, classifier?: string) {
	const world = ctx.sim.world;
	let users = impactedClients(world, scope.site, metric, classifier);
	let aps = impactedAps(world, scope.site, metric, classifier);
	if (scope.ap) {
		users = users.filter((c) => c.apId === scope.ap?.id);
		aps = aps.filter((a) => a.id === scope.ap?.id);
	}
	if (scope.client) {
		users = users.filter((c) => c.mac === scope.client?.mac);
		aps = aps.filter((a) => a.id === scope.client?.apId);
	}
	return { users, aps };
}

function impactBlock(ctx: RequestContext, scope: Scope, metric: string, classifier?: string) {
	const { users, aps } = scopedImpact(ctx, scope, metric, classifier);
	const pop = population(ctx, scope);
	return {
		num_users: users.length,
		num_aps: aps.length,
		total_users: Math.max(pop.clients.length, users.length),
		total_aps: pop.apCount,
	};
}

function scopedValue(ctx: RequestContext, scope: Scope, metric: string): number {
	const site = sleValue(ctx.sim.world, scope.site, metric);
	if (scope.kind === 'site') return site;
	const impacted = scopedImpact(ctx, scope, metric);
	return impacted.users.length || impacted.aps.length ? site : Math.max(site, 0.99);
}

function classifierEntry(
	ctx: RequestContext,
	scope: Scope,
	metric: string,
	classifier: string,
	totals: number[],
) {
	const share = Math.min(1, classifierDrop(ctx.sim.world, scope.site, metric, classifier));
	const impacted = scopedImpact(ctx, scope, metric, classifier);
	const applies = scope.kind === 'site' || impacted.users.length > 0 || impacted.aps.length > 0;
	const degraded = totals.map((t) => (applies ? Math.round(t * share * 100) / 100 : 0));
	return {
		name: classifier,
		interval: 3600,
		x_label: 'seconds',
		y_label: 'user-minutes',
		impact: impactBlock(ctx, scope, metric, classifier),
		samples: { total: totals, degraded, duration: degraded },
	};
}

function totalsFor(ctx: RequestContext, scope: Scope, count: number): number[] {
	const users = population(ctx, scope).clients.length;
	return Array.from(
		{ length: count },
		(_, i) => Math.round(users * 60 * (0.9 + ((i * 7) % 10) / 50) * 100) / 100,
	);
}

/** What every impact answer starts with: the window, the metric, the classifier asked for, no failure filter. */
function impactHead(ctx: RequestContext, metric: string) {
	const w = timeWindow(ctx.query, ctx.now);
	return {
		start: w.start,
		end: w.end,
		metric,
		classifier: ctx.query.classifier ?? '',
		failure: '',
	};
}

/** Body paging fields of the impacted-users and impacted-aps answers. */
function pageFields(page: { page: number; limit: number; total: number }) {
	return { page: page.page, limit: page.limit, total_count: page.total };
}

function breakdown<T>(
	items: T[],
	key: (item: T) => string,
	name: (item: T) => string,
	extra: (k: string) => Record<string, string>,
) {
	const groups = new Map<string, { name: string; degraded: number; total: number }>();
	for (const item of items) {
		const k = key(item);
		const g = groups.get(k) ?? { name: name(item), degraded: 0, total: 0 };
		g.degraded += 45;
		g.total += 60;
		groups.set(k, g);
	}
	return [...groups.entries()].map(([k, g]) => ({
		...extra(k),
		name: g.name,
		degraded: g.degraded,
		total: g.total,
		duration: g.degraded,
	}));
}

export function registerSleRoutes(router: Router): void {
	const base = '/sites/:site/sle/:scope/:scope_id';
	router.get(`${base}/metrics`, (ctx) => {
		resolveScope(ctx);
		const names = SLE_METRICS.map((m) => m.name);
		return ok({ enabled: names, supported: names });
	});
	router.get(`${base}/metric/:metric/classifiers`, (ctx) => {
		resolveScope(ctx);
		return ok([...requireMetric(ctx.params.metric).classifiers]);
	});
	router.get(`${base}/metric/:metric/summary`, (ctx) => {
		const scope = resolveScope(ctx);
		const metric = requireMetric(ctx.params.metric);
		const w = sampleWindow(ctx);
		const totals = totalsFor(ctx, scope, w.count);
		const value = scopedValue(ctx, scope, metric.name);
		return ok({
			start: w.start,
			end: w.end,
			sle: {
				name: metric.name,
				interval: w.interval,
				x_label: 'seconds',
				y_label: 'user-minutes',
				samples: {
					total: totals,
					degraded: totals.map((t) => Math.round(t * (1 - value) * 100) / 100),
					value: totals.map(() => value),
				},
			},
			classifiers: metric.classifiers.map((c) =>
				classifierEntry(ctx, scope, metric.name, c, totals),
			),
			impact: impactBlock(ctx, scope, metric.name),
			events: [],
		});
	});
	router.get(`${base}/metric/:metric/classifier/:classifier/summary`, (ctx) => {
		const scope = resolveScope(ctx);
		const metric = requireMetric(ctx.params.metric);
		if (!(metric.classifiers as readonly string[]).includes(ctx.params.classifier))
			throw new ApiError(404, `Unknown classifier "${ctx.params.classifier}" for ${metric.name}`);
		const w = sampleWindow(ctx);
		const totals = totalsFor(ctx, scope, w.count);
		return ok({
			start: w.start,
			end: w.end,
			metric: metric.name,
			classifier: classifierEntry(ctx, scope, metric.name, ctx.params.classifier, totals),
			impact: impactBlock(ctx, scope, metric.name, ctx.params.classifier),
			failures: [],
		});
	});
	router.get(`${base}/metric/:metric/impact-summary`, (ctx) => {
		const scope = resolveScope(ctx);
		const metric = requireMetric(ctx.params.metric);
		const world = ctx.sim.world;
		const { users } = scopedImpact(ctx, scope, metric.name, ctx.query.classifier);
		const apName = (c: Client) => world.aps.get(c.apId)?.name ?? '';
		return ok({
			...impactHead(ctx, metric.name),
			ap: breakdown(
				users,
				(c) => world.aps.get(c.apId)?.mac ?? '',
				apName,
				(k) => ({ ap_mac: k }),
			),
			band: breakdown(
				users,
				(c) => c.band,
				(c) => `${c.band === '5' ? '5' : '2.4'} GHz`,
				(k) => ({ band: k }),
			),
			wlan: breakdown(
				users,
				(c) => c.wlan.id,
				(c) => c.wlan.ssid,
				(k) => ({ wlan_id: k }),
			),
			device_type: breakdown(
				users,
				(c) => c.family,
				(c) => c.family,
				(k) => ({ device_type: k }),
			),
			device_os: breakdown(
				users,
				(c) => c.os,
				(c) => c.os,
				(k) => ({ device_os: k }),
			),
		});
	});
	router.get(`${base}/metric/:metric/impacted-users`, (ctx) => {
		const scope = resolveScope(ctx);
		const metric = requireMetric(ctx.params.metric);
		const world = ctx.sim.world;
		const { users } = scopedImpact(ctx, scope, metric.name, ctx.query.classifier);
		const page = bodyPage(ctx, users);
		return ok({
			...impactHead(ctx, metric.name),
			...pageFields(page),
			users: page.slice.map((c) => {
				const ap = world.aps.get(c.apId);
				return {
					mac: c.mac,
					name: c.hostname,
					ssid: c.wlan.ssid,
					wlan_id: c.wlan.id,
					ap_mac: ap?.mac ?? '',
					ap_name: ap?.name ?? '',
					device_type: c.family,
					device_os: c.os,
					degraded: 45,
					total: 60,
					duration: 45,
				};
			}),
		});
	});
	router.get(`${base}/metric/:metric/impacted-aps`, (ctx) => {
		const scope = resolveScope(ctx);
		if (scope.kind !== 'site')
			throw new ApiError(400, 'impacted-aps is only available for scope "site"');
		const metric = requireMetric(ctx.params.metric);
		const { aps } = scopedImpact(ctx, scope, metric.name, ctx.query.classifier);
		const page = bodyPage(ctx, aps);
		return ok({
			...impactHead(ctx, metric.name),
			...pageFields(page),
			aps: page.slice.map((ap) => ({
				ap_mac: ap.mac,
				name: ap.name,
				degraded: 45,
				total: 60,
				duration: 45,
			})),
		});
	});

	router.get('/orgs/:org/insights/sites-sle', (ctx) => {
		requireOrg(ctx);
		const kind = ctx.query.sle ?? 'wifi';
		if (!['wifi', 'wired', 'wan'].includes(kind))
			throw new ApiError(400, `Invalid sle "${kind}": expected wifi, wired or wan`);
		const w = timeWindow(ctx.query, ctx.now);
		const interval = ctx.query.interval ? Number(ctx.query.interval) : 3600;
		if (!Number.isInteger(interval) || interval <= 0)
			throw new ApiError(400, `Invalid interval "${ctx.query.interval}"`);
		const world = ctx.sim.world;
		const page = bodyPage(ctx, world.sites);
		const results = page.slice.map((site) => {
			if (kind === 'wired')
				return {
					site_id: site.id,
					num_switches: site.switchIds.length,
					num_clients: 2,
					'switch-health': 0.995,
					'switch-throughput': 0.99,
				};
			if (kind === 'wan')
				return { site_id: site.id, num_gateways: 0, num_clients: 0, 'gateway-health': 1 };
			const entry: Record<string, unknown> = {
				site_id: site.id,
				num_aps: site.apIds.length,
				num_clients: site.clientMacs.filter((m) => world.clients.get(m)?.connected).length,
			};
			for (const metric of SLE_METRICS) entry[metric.orgKey] = sleValue(world, site, metric.name);
			return entry;
		});
		return ok({
			start: w.start,
			end: w.end,
			interval,
			page: page.page,
			limit: page.limit,
			total: page.total,
			results,
		});
	});
}
