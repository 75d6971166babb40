/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
import type { IncomingMessage, ServerResponse } from 'http';
import { advanceFaults } from '../generator/faults';
import { checkAuth, spendBudget, tooManyRequests } from './auth';
import type { FaultInjection, SimContext } from './context';
import { queryOf } from './context';
import { ApiError } from './router';
import type { Reply, Router } from './router';

const HANG_MS = 60_000;

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function send(res: ServerResponse, reply: Reply): void {
	// Encoded once: a 1,000-AP page is 3 MB, and measuring then writing the string encodes it twice.
	const payload = Buffer.from(reply.body === undefined ? '' : JSON.stringify(reply.body), 'utf8');
	res.writeHead(reply.status, {
		'Content-Type': 'application/json',
		'Content-Length': payload.length,
		...(reply.headers ?? {}),
	});
	res.end(payload);
}

function error(status: number, detail: string, headers?: Record<string, string>): Reply {
	return { status, body: { detail }, headers };
}

/** The single request entry point: control API, injected faults, auth, budget, routing, call log. */
export function createListener(sim: SimContext, mist: Router, control: Router) {
	return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const { path, query } = queryOf(req);
		const method = (req.method ?? 'GET').toUpperCase();
		let raw = '';
		try {
			raw = await readBody(req);
		} catch {
			return;
		}
		const now = sim.now();
		if (path.startsWith('/__sim/')) {
			advanceFaults(sim.world, now);
			send(res, await dispatch(sim, control, method, path, query, raw, now));
			return;
		}
		if (sim.latencyMs > 0) await new Promise((r) => setTimeout(r, sim.latencyMs));
		const log = (status: number) =>
			sim.calls.push({ method, path, query: redact(query), status, at: sim.now() });

		const injection = takeInjection(sim, path, (kind) => kind !== 'truncate');
		if (injection) {
			switch (injection.kind) {
				case 'reset':
					log(0);
					req.socket.destroy();
					return;
				case 'timeout': {
					log(0);
					sim.hanging.add(req.socket);
					const timer = setTimeout(() => req.socket.destroy(), HANG_MS);
					req.socket.on('close', () => {
						clearTimeout(timer);
						sim.hanging.delete(req.socket);
					});
					return;
				}
				case 'truncated': {
					// The real answer, cut in half after promising its full length.
					const reply = await dispatch(
						sim,
						mist,
						method,
						path.slice('/api/v1'.length),
						query,
						raw,
						now,
						path,
					);
					log(reply.status);
					const full = JSON.stringify(reply.body ?? { detail: 'empty' });
					res.writeHead(reply.status, {
						'Content-Type': 'application/json',
						'Content-Length': Buffer.byteLength(full),
						...(reply.headers ?? {}),
					});
					res.write(full.slice(0, Math.max(1, Math.floor(full.length / 2))));
					setTimeout(() => res.destroy(), 10);
					return;
				}
				case '429': {
					log(429);
					const headers: Record<string, string> =
						injection.retryAfterSeconds !== undefined
							? { 'Retry-After': String(injection.retryAfterSeconds) }
							: {};
					send(res, error(429, tooManyRequests(sim), headers));
					return;
				}
				default: {
					const status = Number(injection.kind);
					log(status);
					send(
						res,
						error(status, status === 503 ? 'Service Unavailable' : 'Internal Server Error'),
					);
					return;
				}
			}
		}

		const authFailure = checkAuth(sim, req.headers.authorization);
		if (authFailure) {
			log(authFailure.status);
			send(res, authFailure);
			return;
		}
		if (!path.startsWith('/api/v1/')) {
			log(404);
			send(res, error(404, `Unknown path ${path}`));
			return;
		}
		const throttled = spendBudget(sim, now);
		if (throttled) {
			log(429);
			send(res, throttled);
			return;
		}
		advanceFaults(sim.world, now);
		const reply = await dispatch(
			sim,
			mist,
			method,
			path.slice('/api/v1'.length),
			query,
			raw,
			now,
			path,
		);
		log(reply.status);
		// A cut body counts only on a GET that succeeded, so `count` says how many bodies arrive cut.
		const cut =
			method === 'GET' &&
			reply.status === 200 &&
			takeInjection(sim, path, (kind) => kind === 'truncate');
		if (cut) sendCut(res, reply);
		else send(res, reply);
	};
}

/** A complete 200 whose JSON stops in the middle (content type still JSON), as seen from real clouds. */
function sendCut(res: ServerResponse, reply: Reply): void {
	const full = JSON.stringify(reply.body ?? {});
	const cut = full.slice(0, Math.max(1, Math.floor(full.length / 2)));
	res.writeHead(200, {
		'Content-Type': 'application/json',
		'Content-Length': Buffer.byteLength(cut),
		...(reply.headers ?? {}),
	});
	res.end(cut);
}

async function dispatch(
	sim: SimContext,
	router: Router,
	method: string,
	routePath: string,
	query: Record<string, string>,
	raw: string,
	now: number,
	fullPath = routePath,
): Promise<Reply> {
	const match = router.match(method, routePath);
	if (match === undefined) return error(404, `Unknown path ${fullPath}`);
	if (match === 405) return error(405, `Method "${method}" not allowed.`);
	let body: unknown;
	if (raw.trim() !== '') {
		try {
			body = JSON.parse(raw);
		} catch {
			return error(400, 'JSON parse error - request body is not valid JSON');
		}
	}
	try {
		return await match.handler({
			sim,
			method,
			path: fullPath,
			params: match.params,
			query,
			body,
			now,
		});
	} catch (e) {
		if (e instanceof ApiError) return error(e.status, e.detail);
		return error(500, `Simulator error: ${(e as Error).message}`);
	}
}

function takeInjection(
	sim: SimContext,
	path: string,
	applies: (kind: FaultInjection['kind']) => boolean,
) {
	const index = sim.injections.findIndex(
		(i) => applies(i.kind) && (!i.regex || i.regex.test(path)),
	);
	if (index < 0) return undefined;
	const injection = sim.injections[index];
	injection.remaining--;
	if (injection.remaining <= 0) sim.injections.splice(index, 1);
	return injection;
}

/** The call log never holds secrets, even if a caller puts one in the query string. */
function redact(query: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(query))
		out[k] = /token|secret|password|key/i.test(k) ? '[redacted]' : v;
	return out;
}
