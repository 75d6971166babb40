import { randomUUID } from 'crypto';
import type { Webhook } from '../types';
import { ApiError } from '../server/router';
import type { RequestContext, Router } from '../server/router';
import { listReply, searchReply } from '../server/paging';
import { deliver } from '../state/webhooks';
import { ok, parseJsonObject, requireOrg, requireSite } from './common';
import { WEBHOOK_TOPICS } from './consts';

const TYPES = ['http-post', 'splunk', 'google-pubsub', 'aws-sns', 'oauth2'];

function scopeOf(ctx: RequestContext): { siteId?: string } {
	if (ctx.params.site) return { siteId: requireSite(ctx).id };
	requireOrg(ctx);
	return {};
}

function inScope(webhook: Webhook, scope: { siteId?: string }): boolean {
	return scope.siteId ? webhook.site_id === scope.siteId : !webhook.site_id;
}

function requireWebhook(ctx: RequestContext): Webhook {
	const scope = scopeOf(ctx);
	const webhook = ctx.sim.world.webhooks.get(ctx.params.webhook);
	if (!webhook || !inScope(webhook, scope))
		throw new ApiError(404, `Webhook ${ctx.params.webhook} not found`);
	return webhook;
}

/** Validates a create/update body; `partial` allows omitting required fields on PUT. */
function validate(
	body: Record<string, unknown>,
	scope: { siteId?: string },
	partial: boolean,
): Partial<Webhook> {
	const out: Partial<Webhook> = {};
	if (body.url !== undefined || !partial) {
		if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url))
			throw new ApiError(400, 'url is required and must be an http(s) URL');
		out.url = body.url;
	}
	if (body.topics !== undefined || !partial) {
		if (
			!Array.isArray(body.topics) ||
			body.topics.length === 0 ||
			body.topics.some((t) => typeof t !== 'string')
		)
			throw new ApiError(400, 'topics must be a non-empty array of topic names');
		const known = new Set(WEBHOOK_TOPICS.map((t) => t.key));
		const unknown = (body.topics as string[]).filter((t) => !known.has(t));
		if (unknown.length) throw new ApiError(400, `Unknown topics: ${unknown.join(', ')}`);
		out.topics = body.topics as string[];
	}
	if (body.type !== undefined) {
		if (typeof body.type !== 'string' || !TYPES.includes(body.type))
			throw new ApiError(400, `type must be one of ${TYPES.join(', ')}`);
		out.type = body.type;
	}
	if (body.secret !== undefined) {
		if (body.secret !== null && typeof body.secret !== 'string')
			throw new ApiError(400, 'secret must be a string');
		out.secret = body.secret as string | null;
	}
	if (body.enabled !== undefined) out.enabled = body.enabled === true;
	if (body.verify_cert !== undefined) out.verify_cert = body.verify_cert === true;
	if (body.single_event_per_message !== undefined)
		out.single_event_per_message = body.single_event_per_message === true;
	if (body.name !== undefined) out.name = body.name === null ? null : String(body.name);
	if (body.headers !== undefined) {
		if (typeof body.headers !== 'object' || body.headers === null || Array.isArray(body.headers))
			throw new ApiError(400, 'headers must be an object of strings');
		if (JSON.stringify(body.headers).length > 1000)
			throw new ApiError(400, 'headers must be under 1000 bytes in total');
		out.headers = body.headers as Record<string, string>;
	}
	void scope;
	return out;
}

/** Mist never echoes webhook secrets in full. */
function view(webhook: Webhook) {
	return { ...webhook, site_id: webhook.site_id, secret: webhook.secret ? '********' : null };
}

export function registerWebhookRoutes(router: Router): void {
	for (const base of ['/orgs/:org/webhooks', '/sites/:site/webhooks']) {
		router.get(base, (ctx) => {
			const scope = scopeOf(ctx);
			return listReply(
				ctx,
				[...ctx.sim.world.webhooks.values()].filter((w) => inScope(w, scope)),
				view,
			);
		});
		router.post(base, (ctx) => {
			const scope = scopeOf(ctx);
			const fields = validate(parseJsonObject(ctx, 'Webhook'), scope, false);
			const nowSec = Math.floor(ctx.now / 1000);
			const webhook: Webhook = {
				id: randomUUID(),
				org_id: ctx.sim.world.orgId,
				...(scope.siteId ? { site_id: scope.siteId } : {}),
				for_site: !!scope.siteId,
				name: null,
				type: 'http-post',
				url: '',
				secret: null,
				topics: [],
				enabled: true,
				verify_cert: true,
				headers: {},
				single_event_per_message: false,
				created_time: nowSec,
				modified_time: nowSec,
				...fields,
			};
			ctx.sim.world.webhooks.set(webhook.id, webhook);
			return ok(view(webhook));
		});
		router.get(`${base}/:webhook`, (ctx) => ok(view(requireWebhook(ctx))));
		router.put(`${base}/:webhook`, (ctx) => {
			const webhook = requireWebhook(ctx);
			Object.assign(webhook, validate(parseJsonObject(ctx, 'Webhook'), scopeOf(ctx), true), {
				modified_time: Math.floor(ctx.now / 1000),
			});
			return ok(view(webhook));
		});
		router.delete(`${base}/:webhook`, (ctx) => {
			const webhook = requireWebhook(ctx);
			ctx.sim.world.webhooks.delete(webhook.id);
			return ok();
		});
		router.post(`${base}/:webhook/ping`, async (ctx) => {
			const webhook = requireWebhook(ctx);
			// The spec requires site_id on ping events; an org webhook reports the org's first site.
			const siteId = webhook.site_id ?? ctx.sim.world.sites[0]?.id;
			await deliver(
				ctx.sim.world,
				webhook,
				'ping',
				[
					{
						id: randomUUID(),
						name: webhook.name ?? 'ping',
						...(siteId ? { site_id: siteId } : {}),
						timestamp: Math.floor(ctx.now / 1000),
					},
				],
				ctx.sim.now,
			);
			return ok();
		});
		router.get(`${base}/:webhook/events/search`, (ctx) => {
			const webhook = requireWebhook(ctx);
			const q = ctx.query;
			return searchReply(ctx, {
				filter: (w) =>
					ctx.sim.world.deliveries
						.filter(
							(d) => d.webhookId === webhook.id && d.at / 1000 >= w.start && d.at / 1000 <= w.end,
						)
						.filter(
							(d) =>
								(!q.topic || d.topic === q.topic) &&
								(!q.status || d.status === q.status) &&
								(!q.status_code || String(d.statusCode) === q.status_code),
						)
						.map((d) => ({
							id: d.id,
							webhook_id: webhook.id,
							org_id: webhook.org_id,
							...(webhook.site_id ? { site_id: webhook.site_id } : {}),
							req_url: d.url,
							req_headers: 'Content-Type: application/json\nUser-Agent: Mist-webhook',
							req_payload: d.requestBody,
							resp_body: d.responseBody,
							resp_headers: '',
							status: d.status,
							status_code: d.statusCode,
							...(d.error ? { error: d.error } : {}),
							topic: d.topic,
							timestamp: d.at / 1000,
						})),
			});
		});
	}
}
