import type { Ap, Site } from '../types';
import { ApiError } from '../server/router';
import type { RequestContext, Router } from '../server/router';
import { hybridReply, inWindow, parseDuration, timeWindow } from '../server/paging';
import { clientsOfAp } from '../server/views';
import { FAULT_DEFINITIONS } from '../generator/faultDefinitions';
import { CHANNELS_24, CHANNELS_5 } from '../generator/catalog';
import { normaliseMac, ok, requireClient, requireDevice, requireOrg, requireSite } from './common';

const INSIGHT_METRICS = ['bytes', 'num_clients', 'client_dhcp_latency', 'rssi'];

function requireBand(ctx: RequestContext): '24' | '5' | '6' {
	const band = ctx.params.band;
	if (!['24', '5', '6'].includes(band))
		throw new ApiError(400, `Invalid band "${band}": expected 24, 5 or 6`);
	return band as '24' | '5' | '6';
}

function insightSeries(ctx: RequestContext, valueAt: (i: number) => number) {
	const w = timeWindow(ctx.query, ctx.now);
	const interval = ctx.query.interval
		? parseDuration(ctx.query.interval)
		: w.end - w.start > 86400
			? 3600
			: 600;
	const count = Math.max(1, Math.min(1000, Math.ceil((w.end - w.start) / interval)));
	// The spec marks these arrays uniqueItems; a per-sample fraction keeps samples distinct.
	const values = Array.from(
		{ length: count },
		(_, i) => Math.round((valueAt(i) + i / 1000) * 1000) / 1000,
	);
	return { start: w.start, end: w.end, interval, count, values };
}

function requireInsightMetric(metric: string): void {
	if (!INSIGHT_METRICS.includes(metric))
		throw new ApiError(
			400,
			`Invalid metric "${metric}": see /const/insight_metrics (${INSIGHT_METRICS.join(', ')})`,
		);
}

function dhcpBroken(ctx: RequestContext, site: Site): boolean {
	return ctx.sim.world.faults.some(
		(f) => f.active && f.siteId === site.id && f.kind.startsWith('dhcp_'),
	);
}

function apsOfSite(ctx: RequestContext, site: Site): Ap[] {
	return site.apIds.map((id) => ctx.sim.world.aps.get(id) as Ap);
}

export function registerRfRoutes(router: Router): void {
	router.get('/sites/:site/insights/:metric', (ctx) => {
		const site = requireSite(ctx);
		requireInsightMetric(ctx.params.metric);
		const clients = site.clientMacs.length;
		const broken = dhcpBroken(ctx, site);
		const series = insightSeries(ctx, (i) => {
			switch (ctx.params.metric) {
				case 'num_clients':
					return Math.round(clients * (0.85 + ((i * 7) % 10) / 60));
				case 'client_dhcp_latency':
					return broken ? 4200 + ((i * 13) % 900) : 35 + ((i * 3) % 20);
				case 'rssi':
					return -60 - (i % 5);
				default:
					return clients * 1_800_000 + ((i * 7919) % 100_000);
			}
		});
		return ok({
			start: series.start,
			end: series.end,
			interval: series.interval,
			limit: series.count,
			results: series.values,
		});
	});
	router.get('/sites/:site/insights/client/:mac/:metric', (ctx) => {
		const site = requireSite(ctx);
		const client = requireClient(ctx, site);
		requireInsightMetric(ctx.params.metric);
		const series = insightSeries(ctx, (i) => {
			switch (ctx.params.metric) {
				case 'rssi':
					return client.rssi - (i % 3);
				case 'client_dhcp_latency':
					return client.ip ? 30 + (i % 10) : 5000;
				case 'num_clients':
					return 1;
				default:
					return client.txBps * 600 + i;
			}
		});
		return ok({
			start: series.start,
			end: series.end,
			interval: series.interval,
			limit: series.count,
			results: series.values,
		});
	});
	router.get('/sites/:site/insights/device/:mac/:metric', (ctx) => {
		const site = requireSite(ctx);
		const ap = ctx.sim.world.apsByMac.get(normaliseMac(ctx.params.mac));
		if (!ap || ap.siteId !== site.id)
			throw new ApiError(404, `Device ${ctx.params.mac} not found in site ${site.id}`);
		requireInsightMetric(ctx.params.metric);
		const n = clientsOfAp(ctx.sim.world, ap).length;
		const series = insightSeries(ctx, (i) =>
			ctx.params.metric === 'num_clients' ? Math.max(0, n - (i % 3)) : n * 2_000_000 + i,
		);
		return ok({
			start: series.start,
			end: series.end,
			interval: series.interval,
			results: series.values.map((v) => Math.round(v)),
			rt: series.values.map((_, i) =>
				new Date((series.start + i * series.interval) * 1000).toISOString(),
			),
		});
	});

	router.get('/sites/:site/rrm/current', (ctx) => {
		const site = requireSite(ctx);
		const aps = apsOfSite(ctx, site);
		const plan = (band: '24' | '5') =>
			Object.fromEntries(
				aps.map((ap) => {
					const r = band === '5' ? ap.radios.band_5 : ap.radios.band_24;
					return [
						ap.id,
						{
							channel: r.channel,
							bandwidth: r.bandwidth,
							power: r.power,
							usage: band,
							curr_channel: r.channel,
							curr_bandwidth: r.bandwidth,
							curr_power: r.power,
							curr_usage: band,
						},
					];
				}),
			);
		const metric = (band: '24' | '5') => {
			const radios = aps.map((ap) => (band === '5' ? ap.radios.band_5 : ap.radios.band_24));
			const byChannel: Record<string, number> = {};
			const byPower: Record<string, number> = {};
			radios.forEach((r) => {
				byChannel[r.channel] = (byChannel[r.channel] ?? 0) + 1;
				byPower[r.power] = (byPower[r.power] ?? 0) + 1;
			});
			const cochannel = Object.values(byChannel).reduce((s, n) => s + (n > 1 ? n - 1 : 0), 0);
			return {
				avg_aps_per_channel:
					Math.round((radios.length / Math.max(1, Object.keys(byChannel).length)) * 100) / 100,
				channel_distribution_uniformity: 0.9,
				cochannel_neighbors: cochannel,
				density: Math.min(1, radios.length / 20),
				neighbors: Math.max(0, radios.length - 1),
				noise: Math.round(
					radios.reduce((s, r) => s + r.noise_floor, 0) / Math.max(1, radios.length),
				),
				naps_by_channel: byChannel,
				naps_by_power: byPower,
			};
		};
		return ok({
			band_24: plan('24'),
			band_5: plan('5'),
			band_24_metric: metric('24'),
			band_5_metric: metric('5'),
			rftemplate: { name: `${site.name} RF`, country_code: site.country_code },
			rftemplate_id: '00000000-0000-0000-0000-000000000000',
			rftemplate_name: `${site.name} RF`,
			status: 'ready',
			timestamp: Math.floor(ctx.now / 1000),
		});
	});
	router.get('/sites/:site/rrm/current/devices/:device/band/:band', (ctx) => {
		const site = requireSite(ctx);
		const { ap } = requireDevice(ctx, site);
		if (!ap) throw new ApiError(404, `Device ${ctx.params.device} is not an AP`);
		const band = requireBand(ctx);
		if (band === '6') return ok({ results: [] });
		const radio = band === '5' ? ap.radios.band_5 : ap.radios.band_24;
		const channels: readonly number[] = band === '5' ? CHANNELS_5 : CHANNELS_24;
		return ok({
			results: channels.map((channel) => {
				const current = channel === radio.channel;
				const busy = current ? radio.util_all / 100 : 0.1 + ((channel * 7) % 10) / 100;
				return {
					channel,
					noise: current ? radio.noise_floor : band === '5' ? -96 : -93,
					rssi: -70 - (channel % 9),
					util_score: Math.round((1 - busy) * 100) / 100,
					util_score_non_wifi: current
						? Math.round((1 - radio.util_non_wifi / 100) * 100) / 100
						: 0.98,
					util_score_other: current
						? Math.round((1 - radio.util_rx_other_bss / 100) * 100) / 100
						: 0.95,
				};
			}),
		});
	});
	router.get('/sites/:site/rrm/events', (ctx) => {
		const site = requireSite(ctx);
		const w = timeWindow(ctx.query, ctx.now);
		if (ctx.query.band && !['24', '5', '6'].includes(ctx.query.band))
			throw new ApiError(400, `Invalid band "${ctx.query.band}"`);
		const events = inWindow(ctx.sim.world.rrmEvents, w).filter(
			(e) => e.site_id === site.id && (!ctx.query.band || e.band === ctx.query.band),
		);
		// eslint-disable-next-line @typescript-eslint/no-unused-vars
		return hybridReply(ctx, events, w, false, ({ site_id, ...rest }) => rest);
	});
	router.get('/sites/:site/rrm/neighbors/band/:band', (ctx) => {
		const site = requireSite(ctx);
		requireBand(ctx);
		const w = timeWindow(ctx.query, ctx.now);
		const aps = apsOfSite(ctx, site).filter((ap) => ap.offlineSince === undefined);
		const results = aps.map((ap) => ({
			mac: ap.mac,
			neighbors: aps
				.filter((o) => o.id !== ap.id)
				.map((o) => ({
					mac: o.mac,
					rssi: Math.round(-40 - Math.hypot(o.x - ap.x, o.y - ap.y) / 25),
				}))
				.sort((a, b) => b.rssi - a.rssi),
		}));
		return hybridReply(ctx, results, w, false);
	});

	router.get('/orgs/:org/troubleshoot', (ctx) => {
		requireOrg(ctx);
		const world = ctx.sim.world;
		const w = timeWindow(ctx.query, ctx.now);
		if (w.end - w.start > 7 * 86400)
			throw new ApiError(400, 'Troubleshoot covers at most the last 7 days');
		let faults = world.faults.filter((f) => f.active);
		if (ctx.query.mac) {
			const mac = normaliseMac(ctx.query.mac);
			const client = world.clients.get(mac);
			const ap = world.apsByMac.get(mac);
			const sw = [...world.switches.values()].find((s) => s.mac === mac);
			if (!client && !ap && !sw)
				throw new ApiError(404, `No client or device with MAC ${ctx.query.mac}`);
			faults = faults.filter(
				(f) =>
					(client && (f.clientMacs.includes(mac) || f.apIds.includes(client.apId))) ||
					(ap && f.apIds.includes(ap.id)) ||
					(sw && f.switchId === sw.id),
			);
		} else if (ctx.query.site_id) {
			const site = world.sitesById.get(ctx.query.site_id);
			if (!site) throw new ApiError(404, `Site ${ctx.query.site_id} not found`);
			if (ctx.query.type && !['wan', 'wired', 'wireless'].includes(ctx.query.type))
				throw new ApiError(400, `Invalid type "${ctx.query.type}"`);
			const wired = ctx.query.type === 'wired';
			faults = faults.filter(
				(f) => f.siteId === site.id && (f.kind === 'switch_port_flap') === wired,
			);
		} else {
			throw new ApiError(400, 'Either mac or site_id is required');
		}
		return ok({
			start: w.start,
			end: w.end,
			results: faults.map((f) => {
				const t = FAULT_DEFINITIONS[f.kind].troubleshoot;
				return {
					category: t.category,
					reason: t.reason,
					recommendation: t.recommendation,
					text: t.text(world, f),
				};
			}),
		});
	});
}
