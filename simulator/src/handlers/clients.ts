import type { Client, ClientEvent, Site } from '../types';
import { ApiError } from '../server/router';
import type { RequestContext, Router } from '../server/router';
import {
	csv,
	hybridReply,
	inWindow,
	listReply,
	searchReply,
	timeWindow,
	typeFilter,
	wildcard,
} from '../server/paging';
import { clientEventView, clientSearchView, clientStats } from '../server/views';
import { normaliseMac, ok, requireClient, requireOrg, requireSite, sitesOfScope } from './common';

function clientsOfSites(ctx: RequestContext, sites: Site[]): Client[] {
	const out: Client[] = [];
	for (const site of sites)
		for (const mac of site.clientMacs) out.push(ctx.sim.world.clients.get(mac) as Client);
	return out;
}

function matchesClientFilters(ctx: RequestContext, c: Client): boolean {
	const q = ctx.query;
	const apMac = ctx.sim.world.aps.get(c.apId)?.mac;
	return (
		wildcard(q.mac && q.mac.toLowerCase().replace(/[^0-9a-f*]/g, ''), c.mac) &&
		wildcard(q.hostname, c.hostname) &&
		wildcard(q.os, c.os) &&
		wildcard(q.model, c.model) &&
		wildcard(q.device, c.family) &&
		(!q.ip || c.ip === q.ip) &&
		(!q.ssid || c.wlan.ssid === q.ssid) &&
		(!q.ap || apMac === normaliseMac(q.ap)) &&
		(!q.band || c.band === q.band) &&
		(!q.vlan || String(c.wlan.vlan) === q.vlan) &&
		(!q.username || wildcard(q.username, c.username)) &&
		(!q.text ||
			`${c.hostname} ${c.username} ${c.mac} ${c.ip ?? ''}`
				.toLowerCase()
				.includes(q.text.toLowerCase()))
	);
}

const DISTINCT_CLIENT: Record<string, (c: Client, ctx: RequestContext) => string> = {
	ssid: (c) => c.wlan.ssid,
	ap: (c, ctx) => ctx.sim.world.aps.get(c.apId)?.mac ?? '',
	band: (c) => c.band,
	os: (c) => c.os,
	vlan: (c) => String(c.wlan.vlan),
	site_id: (c) => c.siteId,
	device: (c) => c.family,
	model: (c) => c.model,
	mac: (c) => c.mac,
	hostname: (c) => c.hostname,
	wlan_id: (c) => c.wlan.id,
};

const DISTINCT_EVENT: Record<string, (e: ClientEvent) => string> = {
	type: (e) => e.type,
	ssid: (e) => e.ssid,
	band: (e) => e.band,
	channel: (e) => String(e.channel),
	proto: (e) => e.proto,
	wlan_id: (e) => e.wlan_id,
	ap: (e) => e.ap,
	site_id: (e) => e.site_id,
	mac: (e) => e.mac,
};

function countReply(
	ctx: RequestContext,
	distinct: string,
	values: string[],
	window: { start: number; end: number },
) {
	const counts = new Map<string, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	const limit = Math.min(Number(ctx.query.limit ?? 100) || 100, 1000);
	const results = [...counts.entries()]
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.slice(0, limit)
		.map(([value, count]) => ({ [distinct]: value, count }));
	return ok({ distinct, results, total: counts.size, limit, start: window.start, end: window.end });
}

function filterEvents(
	ctx: RequestContext,
	events: ClientEvent[],
	siteIds: Set<string> | undefined,
	mac?: string,
): ClientEvent[] {
	const q = ctx.query;
	const types = typeFilter(ctx);
	const ssids = csv(q.ssid);
	const bands = csv(q.band);
	const aps = csv(q.ap && normaliseMac(q.ap));
	const macFilter = mac ?? (q.mac ? normaliseMac(q.mac) : undefined);
	return events.filter(
		(e) =>
			(!siteIds || siteIds.has(e.site_id)) &&
			(!macFilter || e.mac === macFilter) &&
			(!types || types.has(e.type)) &&
			(!ssids || ssids.has(e.ssid)) &&
			(!bands || bands.has(e.band)) &&
			(!aps || aps.has(e.ap)) &&
			(!q.wlan_id || e.wlan_id === q.wlan_id) &&
			(!q.proto || e.proto === q.proto) &&
			(!q.key_mgmt || e.key_mgmt === q.key_mgmt) &&
			(!q.reason_code || String(e.reason_code) === q.reason_code),
	);
}

function siteIdSet(ctx: RequestContext): Set<string> | undefined {
	if (!ctx.params.site && !ctx.query.site_id) {
		requireOrg(ctx);
		return undefined;
	}
	return new Set(sitesOfScope(ctx).map((s) => s.id));
}

export function registerClientRoutes(router: Router): void {
	const searchClients = (ctx: RequestContext) => {
		const sites = sitesOfScope(ctx);
		const world = ctx.sim.world;
		return searchReply(ctx, {
			filter: (w) =>
				clientsOfSites(ctx, sites)
					.filter((c) => c.assocAt / 1000 <= w.end && matchesClientFilters(ctx, c))
					.sort((a, b) => a.assocAt - b.assocAt),
			map: (c) => clientSearchView(world, c),
		});
	};
	router.get('/orgs/:org/clients/search', searchClients);
	router.get('/sites/:site/clients/search', searchClients);

	router.get('/sites/:site/stats/clients', (ctx) => {
		const site = requireSite(ctx);
		if (ctx.query.wired === 'true') return listReply(ctx, []);
		const connected = clientsOfSites(ctx, [site]).filter(
			(c) => c.connected && matchesClientFilters(ctx, c),
		);
		return listReply(ctx, connected, (c) => clientStats(ctx.sim.world, c, ctx.now));
	});
	router.get('/sites/:site/stats/clients/:mac', (ctx) => {
		const site = requireSite(ctx);
		const client = requireClient(ctx, site);
		if (!client.connected) throw new ApiError(404, `Client ${ctx.params.mac} is not connected`);
		return ok(clientStats(ctx.sim.world, client, ctx.now));
	});

	router.get('/orgs/:org/clients/count', (ctx) => {
		const sites = sitesOfScope(ctx);
		const distinct = ctx.query.distinct ?? 'device';
		const pick = DISTINCT_CLIENT[distinct];
		if (!pick)
			throw new ApiError(
				400,
				`Invalid distinct "${distinct}": expected one of ${Object.keys(DISTINCT_CLIENT).join(', ')}`,
			);
		const window = timeWindow(ctx.query, ctx.now);
		return countReply(
			ctx,
			distinct,
			clientsOfSites(ctx, sites)
				.filter((c) => matchesClientFilters(ctx, c))
				.map((c) => pick(c, ctx)),
			window,
		);
	});

	const searchEvents = (ctx: RequestContext) => {
		const siteIds = siteIdSet(ctx);
		const profile = ctx.sim.world.behaviour.profile;
		return searchReply(ctx, {
			filter: (w) => filterEvents(ctx, inWindow(ctx.sim.world.clientEvents, w), siteIds),
			map: (event) => clientEventView(event, profile),
		});
	};
	router.get('/orgs/:org/clients/events/search', searchEvents);
	router.get('/sites/:site/clients/events/search', searchEvents);

	router.get('/orgs/:org/clients/events/count', (ctx) => {
		const siteIds = siteIdSet(ctx);
		const distinct = ctx.query.distinct ?? 'type';
		const pick = DISTINCT_EVENT[distinct];
		if (!pick)
			throw new ApiError(
				400,
				`Invalid distinct "${distinct}": expected one of ${Object.keys(DISTINCT_EVENT).join(', ')}`,
			);
		const window = timeWindow(ctx.query, ctx.now);
		return countReply(
			ctx,
			distinct,
			filterEvents(ctx, inWindow(ctx.sim.world.clientEvents, window), siteIds).map(pick),
			window,
		);
	});

	router.get('/sites/:site/clients/:mac/events', (ctx) => {
		const site = requireSite(ctx);
		const client = requireClient(ctx, site);
		const window = timeWindow(ctx.query, ctx.now);
		const events = filterEvents(
			ctx,
			inWindow(ctx.sim.world.clientEvents, window),
			new Set([site.id]),
			client.mac,
		);
		return hybridReply(ctx, events, window, true, (event) =>
			clientEventView(event, ctx.sim.world.behaviour.profile),
		);
	});

	const searchSessions = (ctx: RequestContext) => {
		const siteIds = siteIdSet(ctx);
		const q = ctx.query;
		return searchReply(ctx, {
			filter: (w) =>
				inWindow(ctx.sim.world.sessions, w).filter(
					(s) =>
						(!siteIds || siteIds.has(s.site_id)) &&
						(!q.ap || s.ap === normaliseMac(q.ap)) &&
						(!q.ssid || s.ssid === q.ssid) &&
						(!q.band || s.band === q.band) &&
						(!q.wlan_id || s.wlan_id === q.wlan_id) &&
						(!q.client_manufacture || s.client_manufacture === q.client_manufacture),
				),
		});
	};
	router.get('/orgs/:org/clients/sessions/search', searchSessions);
	router.get('/sites/:site/clients/sessions/search', searchSessions);

	const searchNac = (ctx: RequestContext) => {
		const siteIds = siteIdSet(ctx);
		const q = ctx.query;
		const types = typeFilter(ctx);
		return searchReply(ctx, {
			filter: (w) =>
				inWindow(ctx.sim.world.nacEvents, w).filter(
					(e) =>
						(!siteIds || siteIds.has(e.site_id)) &&
						(!types || types.has(e.type)) &&
						(!q.mac || e.mac === normaliseMac(q.mac)) &&
						(!q.username || wildcard(q.username, e.username)) &&
						(!q.ssid || e.ssid === q.ssid) &&
						(!q.ap || e.ap === normaliseMac(q.ap)) &&
						(!q.auth_type || e.auth_type === q.auth_type) &&
						(!q.vlan || e.vlan === q.vlan),
				),
		});
	};
	router.get('/orgs/:org/nac_clients/events/search', searchNac);
	router.get('/sites/:site/nac_clients/events/search', searchNac);
}
