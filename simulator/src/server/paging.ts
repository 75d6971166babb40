import { createHash } from 'crypto';
import { ApiError } from './router';
import type { Reply, RequestContext } from './router';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
const DURATION_UNITS: Record<string, number> = { m: 60, h: 3600, d: 86400, w: 604800 };

export function parseLimit(query: Record<string, string>, fallback = DEFAULT_LIMIT): number {
	if (query.limit === undefined || query.limit === '') return fallback;
	const limit = Number(query.limit);
	if (!Number.isInteger(limit) || limit < 0)
		throw new ApiError(400, `Invalid limit "${query.limit}": expected a non-negative integer`);
	if (limit > MAX_LIMIT)
		throw new ApiError(400, `Invalid limit ${limit}: the maximum is ${MAX_LIMIT}`);
	return limit === 0 ? fallback : limit;
}

export function parsePage(query: Record<string, string>): number {
	if (query.page === undefined || query.page === '') return 1;
	const page = Number(query.page);
	if (!Number.isInteger(page) || page < 1)
		throw new ApiError(400, `Invalid page "${query.page}": expected an integer >= 1`);
	return page;
}

export function parseDuration(text: string): number {
	const match = /^(\d+)([mhdw])$/.exec(text.trim());
	if (!match)
		throw new ApiError(
			400,
			`Invalid duration "${text}": expected a number followed by m, h, d or w (e.g. 1d)`,
		);
	return Number(match[1]) * DURATION_UNITS[match[2]];
}

function parseTime(text: string, nowSec: number, name: string): number {
	const value = text.trim();
	if (value === 'now') return Math.floor(nowSec);
	if (/^-\d+[mhdw]$/.test(value)) return Math.floor(nowSec - parseDuration(value.slice(1)));
	const num = Number(value);
	if (value === '' || !Number.isFinite(num) || num < 0)
		throw new ApiError(
			400,
			`Invalid ${name} "${text}": expected epoch seconds or a relative time like -1d`,
		);
	// Accept epoch milliseconds as well, as Mist does.
	return Math.floor(num > 1e11 ? num / 1000 : num);
}

/** Resolves start/end/duration (default 1d) to epoch seconds. */
export function timeWindow(
	query: Record<string, string>,
	nowMs: number,
	defaultDuration = '1d',
): { start: number; end: number } {
	const nowSec = nowMs / 1000;
	const duration = parseDuration(query.duration ?? defaultDuration);
	let start = query.start !== undefined ? parseTime(query.start, nowSec, 'start') : undefined;
	let end = query.end !== undefined ? parseTime(query.end, nowSec, 'end') : undefined;
	if (start === undefined && end === undefined) end = Math.ceil(nowSec);
	if (start === undefined) start = (end as number) - duration;
	if (end === undefined) end = query.duration !== undefined ? start + duration : Math.ceil(nowSec);
	if (start > end)
		throw new ApiError(400, `Invalid time range: start ${start} is after end ${end}`);
	return { start, end };
}

/** List endpoints: bare array, paging in X-Page-* headers. */
export function listReply<T>(
	ctx: RequestContext,
	items: T[],
	map: (item: T) => unknown = (x) => x,
): Reply {
	const limit = parseLimit(ctx.query);
	const page = parsePage(ctx.query);
	const slice = items.slice((page - 1) * limit, page * limit);
	return {
		status: 200,
		body: slice.map(map),
		headers: {
			'X-Page-Total': String(items.length),
			'X-Page-Limit': String(limit),
			'X-Page-Page': String(page),
		},
	};
}

/** Endpoints that page with page/limit and report paging in the body. */
export function bodyPage<T>(
	ctx: RequestContext,
	items: T[],
): { slice: T[]; page: number; limit: number; total: number } {
	const limit = parseLimit(ctx.query);
	const page = parsePage(ctx.query);
	return { slice: items.slice((page - 1) * limit, page * limit), page, limit, total: items.length };
}

const CACHE_SIZE = 32;

function cursorChecksum(key: string, offset: number): string {
	return createHash('sha1').update(`${key}|${offset}`).digest('hex').slice(0, 10);
}

export function encodeCursor(key: string, offset: number): string {
	return Buffer.from(JSON.stringify([offset, cursorChecksum(key, offset)])).toString('base64url');
}

function decodeCursor(key: string, cursor: string): number {
	try {
		const [offset, sum] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
			number,
			string,
		];
		if (Number.isInteger(offset) && offset >= 0 && sum === cursorChecksum(key, offset))
			return offset;
	} catch {
		// fall through to the error below
	}
	throw new ApiError(
		400,
		'Invalid search_after: use the `next` link returned by the previous page',
	);
}

export interface SearchOptions<T> {
	/** Items matching the filters and the time window, in ascending timestamp order. */
	filter: (window: { start: number; end: number }) => T[];
	map?: (item: T) => unknown;
	defaultDuration?: string;
	/** Whether the body carries `total` (every search endpoint except a few hybrids). */
	withTotal?: boolean;
	/** Extra body fields (e.g. `page` for alarms). */
	extra?: Record<string, unknown>;
}

/** Search endpoints: `{results, limit, start, end, total, next}` with an opaque search_after cursor. */
export function searchReply<T>(ctx: RequestContext, options: SearchOptions<T>): Reply {
	const limit = parseLimit(ctx.query);
	const window = timeWindow(ctx.query, ctx.now, options.defaultDuration);
	const descending = (ctx.query.sort ?? '').startsWith('-');
	const keyQuery = Object.entries(ctx.query)
		.filter(([k]) => !['search_after', 'limit', 'start', 'end', 'duration'].includes(k))
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([k, v]) => `${k}=${v}`)
		.join('&');
	const key = `${ctx.path}?${keyQuery}&start=${window.start}&end=${window.end}`;
	const version = ctx.sim.world.version;
	// Filtered result lists are cached per query so following `next` costs O(limit), not O(n), per page.
	const cache = ctx.sim.searchCache;
	let entry = cache.get(key);
	// A cursor pages through the snapshot its first page saw (like Mist's search_after); a first page is always fresh.
	if (!entry || (entry.version !== version && !ctx.query.search_after)) {
		let items = options.filter(window) as unknown[];
		if (descending) items = [...items].reverse();
		entry = { version, items };
		cache.set(key, entry);
		if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
	}
	const offset = ctx.query.search_after ? decodeCursor(key, ctx.query.search_after) : 0;
	const slice = entry.items.slice(offset, offset + limit) as T[];
	const body: Record<string, unknown> = {
		results: slice.map(options.map ?? ((x) => x)),
		limit,
		start: window.start,
		end: window.end,
		...(options.withTotal === false ? {} : { total: entry.items.length }),
		...(options.extra ?? {}),
	};
	if (offset + limit < entry.items.length) {
		const params = new URLSearchParams();
		for (const [k, v] of Object.entries(ctx.query)) {
			if (!['search_after', 'limit', 'start', 'end', 'duration'].includes(k)) params.set(k, v);
		}
		params.set('start', String(window.start));
		params.set('end', String(window.end));
		params.set('limit', String(limit));
		params.set('search_after', encodeCursor(key, offset + limit));
		body.next = `${ctx.path}?${params.toString()}`;
	}
	return { status: 200, body };
}

/** Hybrid endpoints (rrm/events, clients/{mac}/events): page+limit plus a `next` link to page+1. */
export function hybridReply<T>(
	ctx: RequestContext,
	items: T[],
	window: { start: number; end: number },
	withTotal: boolean,
	map: (item: T) => unknown = (x) => x,
): Reply {
	const limit = parseLimit(ctx.query);
	const page = parsePage(ctx.query);
	const slice = items.slice((page - 1) * limit, page * limit);
	const body: Record<string, unknown> = {
		results: slice.map(map),
		limit,
		start: window.start,
		end: window.end,
	};
	if (withTotal) body.total = items.length;
	if (page * limit < items.length) {
		const params = new URLSearchParams(ctx.query);
		params.delete('duration');
		params.set('start', String(window.start));
		params.set('end', String(window.end));
		params.set('limit', String(limit));
		params.set('page', String(page + 1));
		body.next = `${ctx.path}?${params.toString()}`;
	}
	return { status: 200, body };
}

/** Filters a timestamp-sorted array to [start, end] with binary search, so windows cost O(log n + k). */
export function inWindow<T extends { timestamp: number }>(
	items: T[],
	window: { start: number; end: number },
): T[] {
	const lower = (t: number) => {
		let lo = 0;
		let hi = items.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (items[mid].timestamp < t) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
	const upper = (t: number) => {
		let lo = 0;
		let hi = items.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (items[mid].timestamp <= t) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
	return items.slice(lower(window.start), upper(window.end));
}

/** Comma-separated filter values (Mist accepts `type=A,B`). */
export function csv(value: string | undefined): Set<string> | undefined {
	if (value === undefined || value === '') return undefined;
	return new Set(
		value
			.split(',')
			.map((v) => v.trim())
			.filter(Boolean),
	);
}

/**
 * The `type` filter of event searches. Mist documents comma lists only from spec 2604.1.4; with
 * the `literalTypeLists` quirk the whole value is one type, as an older cloud may take it.
 */
export function typeFilter(ctx: RequestContext): Set<string> | undefined {
	const value = ctx.query.type;
	if (ctx.sim.world.behaviour.literalTypeLists && value) return new Set([value.trim()]);
	return csv(value);
}

/** Mist-style wildcard match (`*` anywhere), case-insensitive. */
export function wildcard(pattern: string | undefined, value: string | undefined): boolean {
	if (pattern === undefined || pattern === '') return true;
	if (value === undefined) return false;
	if (!pattern.includes('*')) return pattern.toLowerCase() === value.toLowerCase();
	const regex = new RegExp(
		`^${pattern
			.split('*')
			.map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
			.join('.*')}$`,
		'i',
	);
	return regex.test(value);
}
