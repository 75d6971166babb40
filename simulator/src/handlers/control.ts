import { ApiError, Router } from '../server/router';
import { resetBudget } from '../server/auth';
import type { FaultInjection } from '../server/context';
import type { Behaviour, World } from '../types';
import { apStatus } from '../server/views';
import { fireTopic } from '../state/webhooks';
import { ok } from './common';

function isValidRegex(pattern: string): boolean {
	try {
		new RegExp(pattern);
		return true;
	} catch {
		return false;
	}
}

const INJECTION_KINDS = ['429', '500', '503', 'timeout', 'reset', 'truncated', 'truncate'];

export function validateInjection(raw: unknown): FaultInjection {
	const f = raw as FaultInjection;
	if (!f || typeof f !== 'object' || !INJECTION_KINDS.includes(String(f.kind)))
		throw new ApiError(400, `kind must be one of ${INJECTION_KINDS.join(', ')}`);
	if (f.pathPattern !== undefined && !isValidRegex(f.pathPattern))
		throw new ApiError(400, `pathPattern "${f.pathPattern}" is not a valid regular expression`);
	if (f.count !== undefined && (!Number.isInteger(f.count) || f.count < 1))
		throw new ApiError(400, 'count must be a positive integer');
	return { ...f, kind: String(f.kind) as FaultInjection['kind'] };
}

export type Quirks = Partial<Pick<Behaviour, 'literalTypeLists' | 'webhookSignatures'>>;

/** Checks a quirks object (`POST /__sim/quirks`, `setQuirks`): only known keys with valid values. */
export function validateQuirks(raw: unknown): Quirks {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw))
		throw new ApiError(400, 'quirks must be a JSON object');
	const quirks = raw as Record<string, unknown>;
	for (const key of Object.keys(quirks)) {
		if (key !== 'literalTypeLists' && key !== 'webhookSignatures') {
			throw new ApiError(
				400,
				`Unknown quirk "${key}": expected literalTypeLists or webhookSignatures`,
			);
		}
	}
	if (quirks.literalTypeLists !== undefined && typeof quirks.literalTypeLists !== 'boolean') {
		throw new ApiError(400, 'literalTypeLists must be true or false');
	}
	if (
		quirks.webhookSignatures !== undefined &&
		quirks.webhookSignatures !== 'both' &&
		quirks.webhookSignatures !== 'v1'
	) {
		throw new ApiError(400, 'webhookSignatures must be "both" or "v1"');
	}
	return quirks as Quirks;
}

/** Applies quirks to a running world; cached search results are dropped since filters change. */
export function applyQuirks(world: World, quirks: Quirks): void {
	if (quirks.literalTypeLists !== undefined)
		world.behaviour.literalTypeLists = quirks.literalTypeLists;
	if (quirks.webhookSignatures !== undefined)
		world.behaviour.webhookSignatures = quirks.webhookSignatures;
	world.version++;
}

/** `/__sim/*`: harness controls, unauthenticated, not logged, free of budget. */
export function controlRouter(): Router {
	const router = new Router();
	router.get('/__sim/calls', (ctx) => {
		const since = ctx.query.since ? Number(ctx.query.since) : 0;
		return ok(ctx.sim.calls.filter((c) => c.at >= since));
	});
	router.delete('/__sim/calls', (ctx) => {
		ctx.sim.calls.length = 0;
		return ok();
	});
	router.post('/__sim/faults', (ctx) => {
		const f = validateInjection(ctx.body);
		ctx.sim.injections.push({
			...f,
			remaining: f.count ?? 1,
			regex: f.pathPattern ? new RegExp(f.pathPattern) : undefined,
		});
		return ok({ queued: ctx.sim.injections.length });
	});
	router.post('/__sim/webhooks/fire', async (ctx) => {
		const body = ctx.body as { topic?: unknown; events?: unknown };
		if (!body || typeof body.topic !== 'string') throw new ApiError(400, 'topic is required');
		if (body.events !== undefined && !Array.isArray(body.events))
			throw new ApiError(400, 'events must be an array');
		const deliveries = await fireTopic(
			ctx.sim.world,
			body.topic,
			body.events as object[] | undefined,
			ctx.sim.now,
		);
		return ok(deliveries);
	});
	router.get('/__sim/webhooks/deliveries', (ctx) => ok(ctx.sim.world.deliveries));
	router.post('/__sim/quirks', (ctx) => {
		applyQuirks(ctx.sim.world, validateQuirks(ctx.body));
		return ok(ctx.sim.world.behaviour);
	});
	router.post('/__sim/budget/reset', (ctx) => {
		resetBudget(ctx.sim, ctx.now);
		return ok();
	});
	router.get('/__sim/state', (ctx) => {
		const world = ctx.sim.world;
		return ok({
			org: { id: world.orgId, name: world.orgName },
			behaviour: world.behaviour,
			budget: { limit: ctx.sim.budgetPerHour, used: ctx.sim.budget.requests },
			sites: world.sites.map((site) => ({
				id: site.id,
				name: site.name,
				timezone: site.timezone,
				clients: site.clientMacs.length,
				connectedClients: site.clientMacs.filter((m) => world.clients.get(m)?.connected).length,
				aps: site.apIds.map((id) => {
					const ap = world.aps.get(id);
					return (
						ap && {
							id: ap.id,
							mac: ap.mac,
							name: ap.name,
							status: apStatus(ap, ctx.now),
							channel24: ap.radios.band_24.channel,
							channel5: ap.radios.band_5.channel,
						}
					);
				}),
			})),
			clients: world.clients.size,
			faults: world.faults.map((f) => ({
				id: f.id,
				kind: f.kind,
				site: f.siteName,
				active: f.active,
				aps: f.apIds.map((id) => world.aps.get(id)?.name),
				clients: f.clientMacs.map((m) => ({ mac: m, hostname: world.clients.get(m)?.hostname })),
				...(f.ssid ? { ssid: f.ssid } : {}),
				...(f.vlan !== undefined ? { vlan: f.vlan } : {}),
				...(f.portId ? { port: f.portId } : {}),
				...(f.clearedBy ? { clearedBy: f.clearedBy, clearedAt: f.clearedAt } : {}),
			})),
			injections: ctx.sim.injections.map((i) => ({
				kind: i.kind,
				pathPattern: i.pathPattern,
				remaining: i.remaining,
				retryAfterSeconds: i.retryAfterSeconds,
			})),
			remediations: world.remediations,
			webhooks: world.webhooks.size,
			deliveries: world.deliveries.length,
		});
	});
	return router;
}
