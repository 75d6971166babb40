import type { Ap, Client, Site, World } from '../types';
import { ApiError } from '../server/router';
import type { RequestContext } from '../server/router';
import { CHANNELS_24, CHANNELS_5 } from '../generator/catalog';
import { FAULT_DEFINITIONS } from '../generator/faultDefinitions';
import { clearFault } from '../generator/faults';
import {
	healthyJoin,
	insertSorted,
	makeClientEvent,
	makeDeviceEvent,
	round3,
} from '../generator/eventFactory';

/** State changes caused by remediation calls, so the fix is visible on the next read. */

export function record(
	ctx: RequestContext,
	action: string,
	effect: string,
	extra: { siteId?: string; target?: string } = {},
): void {
	ctx.sim.world.remediations.push({
		at: ctx.now,
		action,
		method: ctx.method,
		path: ctx.path,
		body: ctx.body,
		effect,
		...extra,
	});
}

function faultsOn(world: World, predicate: (f: World['faults'][number]) => boolean) {
	return world.faults.filter((f) => f.active && predicate(f));
}

export function restartAp(ctx: RequestContext, ap: Ap): string {
	const world = ctx.sim.world;
	const now = ctx.now;
	const rebootMs = world.settings.rebootSeconds * 1000;
	const wasOffline = ap.offlineSince !== undefined;
	const cleared: string[] = [];
	for (const fault of faultsOn(
		world,
		(f) => f.apIds.includes(ap.id) && FAULT_DEFINITIONS[f.kind].remedies.includes('restart'),
	)) {
		clearFault(world, fault, 'restart', now);
		cleared.push(fault.kind);
	}
	ap.offlineSince = undefined;
	ap.rebootStartedAt = now;
	ap.rebootingUntil = now + rebootMs;
	ap.bootAt = now + rebootMs;
	const nowSec = round3(now / 1000);
	insertSorted(
		world.deviceEvents,
		makeDeviceEvent(world, ap, 'ap', 'AP_RESTART_BY_USER', nowSec, 'AP restart requested by API', {
			ev_type: 'notice',
		}),
	);
	insertSorted(
		world.deviceEvents,
		makeDeviceEvent(
			world,
			ap,
			'ap',
			'AP_CONNECTED',
			round3((now + rebootMs) / 1000),
			'AP connected to the cloud',
			{ ev_type: 'notice' },
		),
	);
	world.version++;
	return `${ap.name} restarting for ${world.settings.rebootSeconds}s${wasOffline ? ' (was offline)' : ''}${cleared.length ? `; cleared ${cleared.join(', ')}` : ''}`;
}

/** The client drops and re-associates at once; transient client faults on it clear. */
export function disconnectClient(ctx: RequestContext, client: Client): string {
	const world = ctx.sim.world;
	const cleared: string[] = [];
	for (const fault of faultsOn(
		world,
		(f) =>
			f.clientMacs.includes(client.mac) &&
			FAULT_DEFINITIONS[f.kind].remedies.includes('disconnect'),
	)) {
		fault.clientMacs = fault.clientMacs.filter((m) => m !== client.mac);
		cleared.push(fault.kind);
		if (fault.clientMacs.length === 0) clearFault(world, fault, 'disconnect', ctx.now);
	}
	const stillFailing = faultsOn(world, (f) => f.clientMacs.includes(client.mac));
	const nowSec = round3(ctx.now / 1000);
	insertSorted(
		world.clientEvents,
		makeClientEvent(world, client, 'CLIENT_DEAUTHENTICATED', nowSec, {
			text: 'Client disconnected by API request',
		}),
	);
	if (stillFailing.length === 0) {
		if (client.savedIp) client.ip = client.savedIp;
		client.savedIp = undefined;
		client.connected = true;
		client.assocAt = ctx.now + 500;
		for (const event of healthyJoin(world, client, round3(nowSec + 0.5)))
			insertSorted(world.clientEvents, event);
	}
	world.version++;
	return `${client.hostname} disconnected${stillFailing.length ? ` (still affected by ${stillFailing.map((f) => f.kind).join(', ')})` : ' and re-associated'}${cleared.length ? `; cleared ${cleared.join(', ')}` : ''}`;
}

/** Picks new channels (unless txpower_only) and power for the site's APs and clears interference faults. */
export function optimizeRrm(
	ctx: RequestContext,
	site: Site,
	bands: string[],
	macs: string[] | undefined,
	txpowerOnly: boolean,
): string {
	const world = ctx.sim.world;
	const aps = site.apIds
		.map((id) => world.aps.get(id) as Ap)
		.filter((ap) => !macs?.length || macs.includes(ap.mac));
	const nowSec = Math.floor(ctx.now / 1000);
	aps.forEach((ap, i) => {
		for (const band of bands as Array<'24' | '5'>) {
			const radio = band === '5' ? ap.radios.band_5 : ap.radios.band_24;
			const before = { channel: radio.channel, power: radio.power };
			if (!txpowerOnly) {
				const plan = band === '5' ? CHANNELS_5 : CHANNELS_24;
				const current = plan.indexOf(radio.channel as never);
				radio.channel = plan[(Math.max(0, current) + 1 + (i % 2)) % plan.length];
			}
			radio.power =
				band === '5'
					? Math.max(8, Math.min(17, radio.power - 1))
					: Math.max(5, Math.min(12, radio.power - 1));
			world.rrmEvents.push({
				timestamp: nowSec,
				site_id: site.id,
				ap_id: ap.id,
				band,
				event: 'triggered-site_rrm',
				channel: radio.channel,
				pre_channel: before.channel,
				power: radio.power,
				pre_power: before.power,
				bandwidth: radio.bandwidth,
				pre_bandwidth: radio.bandwidth,
				usage: band,
				pre_usage: band,
			});
		}
	});
	const cleared: string[] = [];
	if (!txpowerOnly) {
		const ids = new Set(aps.map((a) => a.id));
		for (const fault of faultsOn(
			world,
			(f) =>
				f.siteId === site.id &&
				f.apIds.some((id) => ids.has(id)) &&
				FAULT_DEFINITIONS[f.kind].remedies.includes('rrm'),
		)) {
			clearFault(world, fault, 'rrm_optimize', ctx.now);
			cleared.push(fault.kind);
		}
	}
	world.version++;
	return `RRM ${txpowerOnly ? 'power' : 'channel and power'} plan applied to ${aps.length} APs on bands ${bands.join(',')}${cleared.length ? `; cleared ${cleared.join(', ')}` : ''}`;
}

/** PUT /sites/{site}/devices/{id}: radio_config changes show up in stats and RRM. */
export function applyRadioConfig(
	ctx: RequestContext,
	site: Site,
	ap: Ap,
	body: Record<string, unknown>,
): void {
	const world = ctx.sim.world;
	const radioConfig = body.radio_config as Record<string, Record<string, unknown>> | undefined;
	if (radioConfig !== undefined && (typeof radioConfig !== 'object' || radioConfig === null))
		throw new ApiError(400, 'radio_config must be an object');
	for (const [key, band] of [
		['band_24', '24'],
		['band_5', '5'],
	] as const) {
		const cfg = radioConfig?.[key];
		if (!cfg) continue;
		const radio = band === '5' ? ap.radios.band_5 : ap.radios.band_24;
		if (cfg.channel !== undefined && cfg.channel !== null) {
			const allowed: readonly number[] = band === '5' ? CHANNELS_5 : CHANNELS_24;
			if (
				!Number.isInteger(cfg.channel) ||
				(band === '24'
					? (cfg.channel as number) < 1 || (cfg.channel as number) > 13
					: !allowed.includes(cfg.channel as number))
			) {
				throw new ApiError(
					400,
					`radio_config.${key}.channel ${String(cfg.channel)} is not a valid channel`,
				);
			}
			radio.channel = cfg.channel as number;
		}
		if (cfg.power !== undefined && cfg.power !== null) {
			if (!Number.isInteger(cfg.power) || (cfg.power as number) < 3 || (cfg.power as number) > 25)
				throw new ApiError(400, `radio_config.${key}.power must be an integer between 3 and 25`);
			radio.power = cfg.power as number;
		}
		if (cfg.bandwidth !== undefined) {
			if (![20, 40, 80].includes(cfg.bandwidth as number))
				throw new ApiError(400, `radio_config.${key}.bandwidth must be 20, 40 or 80`);
			radio.bandwidth = cfg.bandwidth as number;
		}
	}
	// Identity fields are not writable; everything else is kept and echoed back by GET.
	const rest = Object.fromEntries(
		Object.entries(body).filter(
			([k]) => !['radio_config', 'id', 'mac', 'site_id', 'org_id'].includes(k),
		),
	);
	const previous = world.deviceConfigOverrides.get(ap.id) ?? {};
	world.deviceConfigOverrides.set(ap.id, {
		...previous,
		...rest,
		...(radioConfig
			? { radio_config: { ...((previous.radio_config as object) ?? {}), ...radioConfig } }
			: {}),
	});
	world.version++;
	record(ctx, 'update_device', `${ap.name} configuration updated`, {
		siteId: site.id,
		target: ap.id,
	});
}
