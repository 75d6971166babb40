import type { Ap, Site, Switch } from '../types';
import { ApiError } from '../server/router';
import type { RequestContext, Router } from '../server/router';
import { csv, inWindow, listReply, searchReply, typeFilter, wildcard } from '../server/paging';
import {
	alarmView,
	apConfig,
	apSearchView,
	apStats,
	apStatus,
	switchConfig,
	switchSearchView,
	switchStats,
} from '../server/views';
import {
	normaliseMac,
	ok,
	parseJsonObject,
	requireDevice,
	requireOrg,
	requireSite,
	sitesOfScope,
} from './common';
import { applyRadioConfig } from '../state/remediation';

type DeviceType = 'ap' | 'switch' | 'gateway' | 'all';

function parseType(ctx: RequestContext, fallback: DeviceType): DeviceType {
	const type = (ctx.query.type ?? fallback) as DeviceType;
	if (!['ap', 'switch', 'gateway', 'all'].includes(type))
		throw new ApiError(
			400,
			`Invalid type "${ctx.query.type}": expected ap, switch, gateway or all`,
		);
	return type;
}

function devicesOf(
	ctx: RequestContext,
	sites: Site[],
	type: DeviceType,
): Array<{ ap?: Ap; sw?: Switch }> {
	const world = ctx.sim.world;
	const out: Array<{ ap?: Ap; sw?: Switch }> = [];
	for (const site of sites) {
		if (type === 'ap' || type === 'all')
			for (const id of site.apIds) out.push({ ap: world.aps.get(id) as Ap });
		if (type === 'switch' || type === 'all')
			for (const id of site.switchIds) out.push({ sw: world.switches.get(id) as Switch });
	}
	return out;
}

function statusFilter(ctx: RequestContext) {
	const status = ctx.query.status ?? 'all';
	if (!['all', 'connected', 'disconnected'].includes(status))
		throw new ApiError(400, `Invalid status "${status}": expected all, connected or disconnected`);
	return (d: { ap?: Ap; sw?: Switch }) =>
		status === 'all' || (d.ap ? apStatus(d.ap, ctx.now) : 'connected') === status;
}

export function registerDeviceRoutes(router: Router): void {
	router.get('/orgs/:org/devices/search', (ctx) => {
		const sites = sitesOfScope(ctx);
		const type = parseType(ctx, 'ap');
		const q = ctx.query;
		const world = ctx.sim.world;
		return searchReply(ctx, {
			defaultDuration: '1d',
			filter: () =>
				devicesOf(ctx, sites, type === 'all' ? 'ap' : type)
					.filter((d) => {
						const dev = (d.ap ?? d.sw) as Ap | Switch;
						return (
							wildcard(q.hostname, dev.name) &&
							(!q.mac || dev.mac === normaliseMac(q.mac)) &&
							wildcard(q.model, dev.model) &&
							(!q.version || dev.version === q.version) &&
							(!q.ip || dev.ip === q.ip) &&
							(!q.band_5_channel || String(d.ap?.radios.band_5.channel) === q.band_5_channel) &&
							(!q.band_24_channel || String(d.ap?.radios.band_24.channel) === q.band_24_channel)
						);
					})
					.map((d) =>
						d.ap
							? apSearchView(world, d.ap, ctx.now)
							: switchSearchView(world, d.sw as Switch, ctx.now),
					),
		});
	});

	router.get('/sites/:site/devices', (ctx) => {
		const site = requireSite(ctx);
		const world = ctx.sim.world;
		const devices = devicesOf(ctx, [site], parseType(ctx, 'ap')).filter((d) =>
			wildcard(ctx.query.name, (d.ap ?? d.sw)?.name),
		);
		return listReply(ctx, devices, (d) =>
			d.ap ? apConfig(world, d.ap) : switchConfig(world, d.sw as Switch),
		);
	});
	router.get('/sites/:site/devices/:device', (ctx) => {
		const device = requireDevice(ctx, requireSite(ctx));
		return ok(
			device.ap
				? apConfig(ctx.sim.world, device.ap)
				: switchConfig(ctx.sim.world, device.sw as Switch),
		);
	});
	router.put('/sites/:site/devices/:device', (ctx) => {
		const site = requireSite(ctx);
		const device = requireDevice(ctx, site);
		const body = parseJsonObject(ctx, 'Device update');
		if (!device.ap) return ok(switchConfig(ctx.sim.world, device.sw as Switch));
		applyRadioConfig(ctx, site, device.ap, body);
		return ok(apConfig(ctx.sim.world, device.ap));
	});

	const stats = (ctx: RequestContext) => {
		const sites = sitesOfScope(ctx);
		const world = ctx.sim.world;
		const q = ctx.query;
		const devices = devicesOf(ctx, sites, parseType(ctx, 'ap'))
			.filter(statusFilter(ctx))
			.filter((d) => !q.mac || (d.ap ?? d.sw)?.mac === normaliseMac(q.mac));
		return listReply(ctx, devices, (d) =>
			d.ap ? apStats(world, d.ap, ctx.now) : switchStats(world, d.sw as Switch, ctx.now),
		);
	};
	router.get('/orgs/:org/stats/devices', stats);
	router.get('/sites/:site/stats/devices', stats);
	router.get('/sites/:site/stats/devices/:device', (ctx) => {
		const device = requireDevice(ctx, requireSite(ctx));
		return ok(
			device.ap
				? apStats(ctx.sim.world, device.ap, ctx.now)
				: switchStats(ctx.sim.world, device.sw as Switch, ctx.now),
		);
	});

	const deviceEvents = (ctx: RequestContext) => {
		const siteIds =
			ctx.params.site || ctx.query.site_id
				? new Set(sitesOfScope(ctx).map((s) => s.id))
				: (requireOrg(ctx), undefined);
		const q = ctx.query;
		const types = typeFilter(ctx);
		const deviceType = q.device_type;
		return searchReply(ctx, {
			filter: (w) =>
				inWindow(ctx.sim.world.deviceEvents, w).filter(
					(e) =>
						(!siteIds || siteIds.has(e.site_id)) &&
						(!types || types.has(e.type)) &&
						(!q.mac || e.mac === normaliseMac(q.mac)) &&
						(!deviceType || deviceType === 'all' || e.device_type === deviceType) &&
						(!q.model || e.model === q.model) &&
						(!q.text || e.text.toLowerCase().includes(q.text.toLowerCase())),
				),
		});
	};
	router.get('/orgs/:org/devices/events/search', deviceEvents);
	router.get('/sites/:site/devices/events/search', deviceEvents);

	const alarms = (ctx: RequestContext) => {
		const siteIds =
			ctx.params.site || ctx.query.site_id
				? new Set(sitesOfScope(ctx).map((s) => s.id))
				: (requireOrg(ctx), undefined);
		const q = ctx.query;
		const types = csv(q.type);
		const statuses = csv(q.status);
		const severities = csv(q.severity);
		const groups = csv(q.group);
		return searchReply(ctx, {
			filter: (w) =>
				ctx.sim.world.alarms
					.filter((a) => a.last_seen >= w.start && a.timestamp <= w.end)
					.filter(
						(a) =>
							(!siteIds || siteIds.has(a.site_id)) &&
							(!types || types.has(a.type)) &&
							(!statuses || statuses.has(a.status)) &&
							(!severities || severities.has(a.severity)) &&
							(!groups || groups.has(a.group)) &&
							(q.acked === undefined || String(a.acked) === q.acked),
					),
			map: alarmView,
		});
	};
	router.get('/orgs/:org/alarms/search', alarms);
	router.get('/sites/:site/alarms/search', alarms);

	const ack = (ctx: RequestContext) => {
		const siteId = ctx.params.site ? requireSite(ctx).id : (requireOrg(ctx), undefined);
		const alarm = ctx.sim.world.alarms.find(
			(a) => a.id === ctx.params.alarm && (!siteId || a.site_id === siteId),
		);
		if (!alarm) throw new ApiError(404, `Alarm ${ctx.params.alarm} not found`);
		const body = parseJsonObject(ctx, 'Alarm ack');
		alarm.acked = true;
		alarm.acked_time = Math.floor(ctx.now / 1000);
		if (typeof body.note === 'string') alarm.note = body.note;
		ctx.sim.world.version++;
		return ok();
	};
	router.post('/orgs/:org/alarms/:alarm/ack', ack);
	router.post('/sites/:site/alarms/:alarm/ack', ack);
}
