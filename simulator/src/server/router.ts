import type { SimContext } from './context';

export interface Reply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export interface RequestContext {
	sim: SimContext;
	method: string;
	path: string;
	params: Record<string, string>;
	query: Record<string, string>;
	body: unknown;
	/** Simulator clock, epoch ms. */
	now: number;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

/** Thrown by handlers; becomes a Mist-style `{detail}` error response. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly detail: string,
	) {
		super(detail);
	}
}

interface Route {
	method: string;
	segments: string[];
	literals: number;
	handler: Handler;
}

/** Minimal path router: `:name` segments capture, routes with more literal segments win. */
export class Router {
	private readonly routes: Route[] = [];

	add(method: string, pattern: string, handler: Handler): this {
		const segments = pattern.split('/').filter(Boolean);
		this.routes.push({
			method,
			segments,
			literals: segments.filter((s) => !s.startsWith(':')).length,
			handler,
		});
		return this;
	}

	get(pattern: string, handler: Handler): this {
		return this.add('GET', pattern, handler);
	}

	post(pattern: string, handler: Handler): this {
		return this.add('POST', pattern, handler);
	}

	put(pattern: string, handler: Handler): this {
		return this.add('PUT', pattern, handler);
	}

	delete(pattern: string, handler: Handler): this {
		return this.add('DELETE', pattern, handler);
	}

	/** Returns the handler and params, `405` when only the method differs, or undefined. */
	match(
		method: string,
		path: string,
	): { handler: Handler; params: Record<string, string> } | 405 | undefined {
		const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
		let best: { route: Route; params: Record<string, string> } | undefined;
		let pathMatched = false;
		for (const route of this.routes) {
			const params = matchSegments(route.segments, parts);
			if (!params) continue;
			pathMatched = true;
			if (route.method !== method) continue;
			if (!best || route.literals > best.route.literals) best = { route, params };
		}
		if (best) return { handler: best.route.handler, params: best.params };
		return pathMatched ? 405 : undefined;
	}
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
	if (pattern.length !== parts.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < pattern.length; i++) {
		if (pattern[i].startsWith(':')) params[pattern[i].slice(1)] = parts[i];
		else if (pattern[i] !== parts[i]) return undefined;
	}
	return params;
}
