/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/** HTTP side of the alert sink: Slack, Teams, PagerDuty Events v2 and generic webhooks, plus /messages. */
import * as http from 'http';

import { renderMessagesPage } from './page';
import { validatePagerDutyEvent } from './pagerduty';
import type { RecordMessage, SinkChannel, SinkMessage } from './types';

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface HttpSinkStore {
	record: RecordMessage;
	list(): SinkMessage[];
	clear(): void;
	/** The sink's clock, for "2 min ago" on the page. */
	now?: () => number;
}

interface Reply {
	status: number;
	body: string;
	contentType: string;
	headers?: Record<string, string>;
}

/** How often the page reloads itself unless ?refresh=0. */
const PAGE_REFRESH_SECONDS = 10;

/**
 * The page needs no script, loads nothing from elsewhere, and e-mail HTML stays in its sandboxed
 * srcdoc frame (which inherits this policy).
 */
const PAGE_SECURITY_POLICY = [
	"default-src 'none'",
	"style-src 'unsafe-inline'",
	'img-src data:',
	"frame-src 'self'",
	"base-uri 'none'",
	"form-action 'none'",
].join('; ');

export function createSinkHttpServer(store: HttpSinkStore): http.Server {
	return http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= MAX_BODY_BYTES) chunks.push(chunk);
		});
		request.on('end', () => {
			const reply =
				size > MAX_BODY_BYTES
					? json(413, { ok: false, error: 'payload_too_large' })
					: route(store, request, Buffer.concat(chunks).toString('utf8'));
			response.writeHead(reply.status, { 'Content-Type': reply.contentType, ...reply.headers });
			response.end(reply.body);
		});
	});
}

function route(store: HttpSinkStore, request: http.IncomingMessage, body: string): Reply {
	const url = new URL(request.url ?? '/', 'http://sink');
	const method = request.method ?? 'GET';
	const isPage = url.pathname === '/messages' || url.pathname === '/';
	if (isPage && method === 'GET' && wantsHtml(request.headers.accept)) return page(store, url);
	if (url.pathname === '/messages') {
		if (method === 'GET') {
			const channel = url.searchParams.get('channel');
			return json(
				200,
				store.list().filter((message) => !channel || message.channel === channel),
			);
		}
		if (method === 'DELETE') {
			store.clear();
			return json(200, { ok: true });
		}
		return json(405, { ok: false, error: 'method_not_allowed' });
	}
	if (method !== 'POST') return json(405, { ok: false, error: 'method_not_allowed' });
	const contentType = request.headers['content-type'] ?? '';
	if (url.pathname === '/pagerduty/v2/enqueue') return pagerDuty(store, url.pathname, body);
	if (url.pathname.startsWith('/slack/')) return slack(store, url.pathname, body, contentType);
	if (url.pathname.startsWith('/teams/')) return teams(store, url.pathname, body);
	if (url.pathname.startsWith('/webhook/')) return webhook(store, url.pathname, body);
	return json(404, { ok: false, error: `no sink at ${url.pathname}` });
}

/**
 * A browser asks for text/html first; API clients (fetch, curl: any type) keep getting JSON.
 * HTML wins only when the Accept header names it and does not prefer JSON.
 */
export function wantsHtml(accept: string | undefined): boolean {
	const quality = (type: string) => {
		for (const range of (accept ?? '').split(',')) {
			const [name, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
			if (name !== type) continue;
			const q = params.find((param) => param.startsWith('q='));
			return q ? Number(q.slice(2)) || 0 : 1;
		}
		return 0;
	};
	const html = quality('text/html');
	return html > 0 && html >= quality('application/json');
}

function page(store: HttpSinkStore, url: URL): Reply {
	const body = renderMessagesPage(store.list(), {
		channel: url.searchParams.get('channel') || undefined,
		now: (store.now ?? Date.now)(),
		refreshSeconds: url.searchParams.get('refresh') === '0' ? 0 : PAGE_REFRESH_SECONDS,
	});
	return {
		status: 200,
		body,
		contentType: 'text/html; charset=utf-8',
		headers: {
			'Content-Security-Policy': PAGE_SECURITY_POLICY,
			'X-Content-Type-Options': 'nosniff',
			Vary: 'Accept',
		},
	};
}

/** Slack incoming webhooks answer plain-text "ok", or a 400 with a short error code. */
function slack(store: HttpSinkStore, path: string, body: string, contentType: string): Reply {
	// Slack also accepts a form post whose `payload` field holds the JSON.
	const jsonText = contentType.includes('application/x-www-form-urlencoded')
		? (new URLSearchParams(body).get('payload') ?? '')
		: body;
	const payload = parseJson(jsonText);
	if (!isObject(payload)) return text(400, 'invalid_payload');
	const hasText = typeof payload.text === 'string' && payload.text.trim() !== '';
	const hasBlocks = Array.isArray(payload.blocks) && payload.blocks.length > 0;
	const hasAttachments = Array.isArray(payload.attachments) && payload.attachments.length > 0;
	if (!hasText && !hasBlocks && !hasAttachments) return text(400, 'invalid_payload');
	if (payload.blocks !== undefined && !Array.isArray(payload.blocks))
		return text(400, 'invalid_blocks');
	save(store, 'slack', path, payload);
	return text(200, 'ok');
}

/** Teams incoming webhooks (MessageCard or Adaptive Card message) answer "1". */
function teams(store: HttpSinkStore, path: string, body: string): Reply {
	const payload = parseJson(body);
	if (!isObject(payload)) return text(400, 'Bad payload received by generic incoming webhook.');
	const isMessageCard =
		typeof payload.text === 'string' ||
		typeof payload.summary === 'string' ||
		Array.isArray(payload.sections);
	const isAdaptive = payload.type === 'message' && Array.isArray(payload.attachments);
	if (!isMessageCard && !isAdaptive) return text(400, 'Summary or Text is required.');
	save(store, 'teams', path, payload);
	return text(200, '1');
}

function webhook(store: HttpSinkStore, path: string, body: string): Reply {
	const payload = parseJson(body);
	if (payload === undefined) return json(400, { ok: false, error: 'invalid JSON body' });
	save(store, 'webhook', path, payload);
	return json(200, { ok: true });
}

function pagerDuty(store: HttpSinkStore, path: string, body: string): Reply {
	const payload = parseJson(body);
	const result = validatePagerDutyEvent(payload);
	if (!result.ok)
		return json(400, {
			status: 'invalid event',
			message: 'Event object is invalid',
			errors: result.errors,
		});
	save(store, 'pagerduty', path, payload);
	return json(202, { status: 'success', message: 'Event processed', dedup_key: result.dedupKey });
}

function save(store: HttpSinkStore, channel: SinkChannel, path: string, body: unknown): void {
	store.record({ channel, path, body });
}

function parseJson(body: string): unknown {
	try {
		return JSON.parse(body);
	} catch {
		return undefined;
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function json(status: number, value: unknown): Reply {
	return { status, body: JSON.stringify(value), contentType: 'application/json' };
}

function text(status: number, value: string): Reply {
	return { status, body: value, contentType: 'text/plain; charset=utf-8' };
}
