import { sleep } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import {
	budgetExhaustedError,
	malformedJsonError,
	mistApiError,
	mistNetworkError,
	mistOperationError,
} from './mistErrors';
import type { ApiUsage } from './mistErrors';
import {
	backoffDelayMs,
	DEFAULT_RETRY_POLICY,
	networkErrorCode,
	parseRetryAfterMs,
} from './retryPolicy';
import type { RetryPolicy } from './retryPolicy';
import { emptyRequestStats } from './requestStats';
import type { RequestStats } from './requestStats';
import { mapAtMost } from '../utils/concurrency';

export type MistFunctions =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions
	| IPollFunctions;

export const MIST_CREDENTIAL = 'mistApi';
export const API_PREFIX = '/api/v1';
/** Mist's documented maximum page size; sweeps always use it to spend as few calls as possible. */
export const MAX_PAGE_SIZE = 1000;
/** Guard against a server that never stops paging. */
const MAX_PAGES = 10_000;
/** List pages read at once once their number is known: the API limit is per hour, not per second. */
const LIST_PAGES_AT_ONCE = 4;

export interface MistRequest {
	method?: IHttpRequestMethods;
	/** Path below /api/v1, e.g. `/orgs/{id}/sites`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | string[];
	itemIndex?: number;
}

export interface MistResponse<T = unknown> {
	body: T;
	headers: Record<string, unknown>;
	statusCode: number;
}

export interface PagingOptions {
	returnAll: boolean;
	/** Maximum items when returnAll is false. */
	limit?: number;
	pageSize?: number;
}

export interface BodyPagingOptions extends PagingOptions {
	/** Key of the array in the body, e.g. `results`, `users`, `aps`. */
	itemsKey: string;
}

interface RawCall {
	method: IHttpRequestMethods;
	/** Path including /api/v1 and possibly a query string (a `next` link). */
	fullPath: string;
	qs?: IDataObject;
	body?: MistRequest['body'];
	itemIndex?: number;
}

/**
 * The one place that talks to Mist: authentication via the n8n credential, retries with backoff,
 * both paging styles, and a count of every call so workflows can see their API cost.
 */
export class MistClient {
	readonly stats: RequestStats;

	private baseUrl: string | undefined;

	private credentialOrgId: string | undefined;

	constructor(
		private readonly ctx: MistFunctions,
		private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
		stats?: RequestStats,
	) {
		this.stats = stats ?? emptyRequestStats();
	}

	get node(): INode {
		return this.ctx.getNode();
	}

	async getBaseUrl(): Promise<string> {
		if (this.baseUrl === undefined) await this.loadCredentialSettings();
		return this.baseUrl as string;
	}

	/** The org id configured on the credential, or '' when none. */
	async getCredentialOrgId(): Promise<string> {
		if (this.baseUrl === undefined) await this.loadCredentialSettings();
		return this.credentialOrgId ?? '';
	}

	private async loadCredentialSettings() {
		const credentials = await this.ctx.getCredentials(MIST_CREDENTIAL);
		const cloud = String(credentials.cloud ?? 'https://api.mist.com');
		const base = cloud === 'custom' ? String(credentials.customUrl ?? '') : cloud;
		if (!/^https?:\/\/[^\s/]+/.test(base)) {
			throw mistOperationError(
				this.node,
				`The Mist API credential has an invalid URL: "${base}"`,
				'Choose a cloud, or enter a custom URL such as http://127.0.0.1:8090 (without /api/v1).',
			);
		}
		this.baseUrl = base.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
		this.credentialOrgId = String(credentials.orgId ?? '').trim();
	}

	/** Sends one request and returns the parsed body; non-2xx answers become NodeApiErrors. */
	async request<T = unknown>(request: MistRequest): Promise<T> {
		const response = await this.requestFull<T>(request);
		return response.body;
	}

	async requestFull<T = unknown>(request: MistRequest): Promise<MistResponse<T>> {
		return await this.send<T>({
			method: request.method ?? 'GET',
			fullPath: `${API_PREFIX}${request.path}`,
			qs: request.qs,
			body: request.body,
			itemIndex: request.itemIndex,
		});
	}

	/**
	 * List endpoints answer a bare array and describe paging in X-Page-* headers. Once the first
	 * page gives the total, the other pages are known: they are read a few at a time (the same
	 * calls, less waiting). Without a total, pages are read in turn until a short one arrives.
	 */
	async getAllList<T = IDataObject>(request: MistRequest, paging: PagingOptions): Promise<T[]> {
		const pageSize = this.pageSizeFor(paging);
		const wanted = paging.returnAll ? Infinity : (paging.limit ?? pageSize);
		const first = await this.listPage<T>(request, pageSize, 1);
		const items = [...first.batch];
		const done = (page: { batch: T[]; limit: number }) =>
			items.length >= wanted || page.batch.length === 0 || page.batch.length < page.limit;
		if (done(first)) return items.slice(0, wanted);
		if (first.total !== undefined) {
			const neededForLimit = Math.ceil(wanted / first.limit);
			const lastPage = Math.min(MAX_PAGES, Math.ceil(first.total / first.limit), neededForLimit);
			const pages = Array.from({ length: Math.max(0, lastPage - 1) }, (_, index) => index + 2);
			const rest = await mapAtMost(
				pages,
				LIST_PAGES_AT_ONCE,
				async (page) => await this.listPage<T>(request, pageSize, page),
			);
			for (const page of rest) items.push(...page.batch);
			return items.slice(0, wanted);
		}
		for (let page = 2; page <= MAX_PAGES; page++) {
			const next = await this.listPage<T>(request, pageSize, page);
			items.push(...next.batch);
			if (done(next) || (next.total !== undefined && page * next.limit >= next.total)) break;
		}
		return items.slice(0, wanted);
	}

	/** One page of a list endpoint, with the paging state its headers give. */
	private async listPage<T>(
		request: MistRequest,
		pageSize: number,
		page: number,
	): Promise<{ batch: T[]; total?: number; limit: number }> {
		const response = await this.requestFull<unknown>({
			...request,
			qs: { ...request.qs, limit: pageSize, page },
		});
		this.stats.pages++;
		const batch = this.expectArray<T>(response.body, request.path, request.itemIndex);
		const echoedPage = headerNumber(response.headers, 'x-page-page');
		if (echoedPage !== undefined && echoedPage !== page) {
			throw mistOperationError(
				this.node,
				`Mist answered page ${echoedPage} when page ${page} was asked for ${request.path}`,
				'Paging stopped to avoid an endless loop. Try again; if it persists, report it.',
				request.itemIndex,
			);
		}
		return {
			batch,
			total: headerNumber(response.headers, 'x-page-total'),
			limit: headerNumber(response.headers, 'x-page-limit') || pageSize,
		};
	}

	/**
	 * Search endpoints answer `{results, next}`; `next` is a ready-made relative URL (with an opaque
	 * search_after cursor) that is followed as given. A cursor seen twice stops with an error.
	 */
	async getAllSearch<T = IDataObject>(request: MistRequest, paging: PagingOptions): Promise<T[]> {
		const pageSize = this.pageSizeFor(paging);
		const items: T[] = [];
		const seenCursors = new Set<string>();
		let response = await this.requestFull<unknown>({
			...request,
			qs: { ...request.qs, limit: pageSize },
		});
		for (let page = 1; page <= MAX_PAGES; page++) {
			this.stats.pages++;
			const body = this.expectObject(response.body, request.path, request.itemIndex);
			const batch = this.expectArray<T>(
				body.results ?? [],
				`${request.path} results`,
				request.itemIndex,
			);
			items.push(...batch);
			if (!paging.returnAll && items.length >= (paging.limit ?? 0))
				return items.slice(0, paging.limit);
			const next = typeof body.next === 'string' ? body.next : '';
			if (!next || batch.length === 0) break;
			if (seenCursors.has(next)) {
				throw mistOperationError(
					this.node,
					`Mist returned the same paging cursor twice for ${request.path}`,
					'Paging stopped to avoid an endless loop. Narrow the time range or try again.',
					request.itemIndex,
				);
			}
			seenCursors.add(next);
			response = await this.send<unknown>({
				method: 'GET',
				fullPath: await this.relativeNext(next, request),
				itemIndex: request.itemIndex,
			});
		}
		return items;
	}

	/**
	 * Endpoints that page with limit/page but report the total inside the body
	 * (`insights/sites-sle`, SLE impacted users and APs).
	 */
	async getAllBodyPaged<T = IDataObject>(
		request: MistRequest,
		paging: BodyPagingOptions,
	): Promise<T[]> {
		const pageSize = this.pageSizeFor(paging);
		const items: T[] = [];
		for (let page = 1; page <= MAX_PAGES; page++) {
			const response = await this.requestFull<unknown>({
				...request,
				qs: { ...request.qs, limit: pageSize, page },
			});
			this.stats.pages++;
			const body = this.expectObject(response.body, request.path, request.itemIndex);
			const batch = this.expectArray<T>(
				body[paging.itemsKey] ?? [],
				`${request.path} ${paging.itemsKey}`,
				request.itemIndex,
			);
			items.push(...batch);
			if (!paging.returnAll && items.length >= (paging.limit ?? 0))
				return items.slice(0, paging.limit);
			const total = toNumber(body.total ?? body.total_count);
			// Mist may cap the page below what was asked; the body's limit says what it used.
			const effectiveLimit = Math.min(pageSize, toNumber(body.limit) ?? pageSize);
			if (batch.length === 0 || batch.length < effectiveLimit) break;
			if (total !== undefined && items.length >= total) break;
		}
		return items;
	}

	private pageSizeFor(paging: PagingOptions): number {
		const size = Math.min(paging.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
		if (paging.returnAll) return size;
		return Math.max(1, Math.min(paging.limit ?? size, size));
	}

	/** Only follow `next` links that stay on the configured Mist host: they carry our token. */
	private async relativeNext(next: string, request: MistRequest): Promise<string> {
		if (next.startsWith('/')) return next;
		const base = await this.getBaseUrl();
		if (next.startsWith(`${base}/`)) return next.slice(base.length);
		throw mistOperationError(
			this.node,
			`Mist returned a paging link to another host for ${request.path}`,
			'The link was not followed, so that the API token is never sent elsewhere.',
			request.itemIndex,
		);
	}

	private async send<T>(call: RawCall): Promise<MistResponse<T>> {
		const baseUrl = await this.getBaseUrl();
		const options: IHttpRequestOptions = {
			method: call.method,
			url: `${baseUrl}${call.fullPath}`,
			qs: call.qs,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: this.policy.timeoutMs,
		};
		if (call.body !== undefined) options.body = call.body as IDataObject;
		const pathForErrors = call.fullPath.split('?')[0];
		let rateLimitAttempts = 0;
		let transientAttempts = 0;
		for (;;) {
			let raw: { body: unknown; headers: Record<string, unknown>; statusCode: number };
			this.stats.calls++;
			try {
				raw = (await this.ctx.helpers.httpRequestWithAuthentication.call(
					this.ctx,
					MIST_CREDENTIAL,
					{ ...options },
				)) as typeof raw;
			} catch (error) {
				const code = networkErrorCode(error) ?? 'network error';
				if (call.method === 'GET' && transientAttempts < this.policy.maxTransientRetries) {
					await this.wait(backoffDelayMs(transientAttempts++, this.policy));
					continue;
				}
				throw mistNetworkError(
					this.node,
					new URL(baseUrl).host,
					code,
					call.method,
					pathForErrors,
					call.itemIndex,
				);
			}
			const status = raw.statusCode;
			if (status >= 200 && status < 300) {
				const parsed = this.parseBody<T>(raw);
				// A 200 whose JSON was cut (a dropped connection, a proxy) is transient: read again.
				if (
					parsed.malformed &&
					call.method === 'GET' &&
					transientAttempts < this.policy.maxTransientRetries
				) {
					await this.wait(backoffDelayMs(transientAttempts++, this.policy));
					continue;
				}
				if (parsed.malformed)
					throw malformedJsonError(
						this.node,
						pathForErrors,
						parsed.malformed,
						transientAttempts,
						call.itemIndex,
					);
				return { body: parsed.body, headers: raw.headers ?? {}, statusCode: status };
			}
			if (status === 429) {
				this.stats.rateLimited++;
				const retryAfter = parseRetryAfterMs(headerValue(raw.headers, 'retry-after'));
				const failed = {
					method: call.method,
					path: pathForErrors,
					statusCode: status,
					body: raw.body,
				};
				if (retryAfter !== undefined) {
					if (
						rateLimitAttempts < this.policy.maxRateLimitRetries &&
						retryAfter <= this.policy.maxRetryAfterMs
					) {
						await this.wait(retryAfter);
						rateLimitAttempts++;
						continue;
					}
					throw mistApiError(
						this.node,
						failed,
						call.itemIndex,
						`Mist asks to wait ${Math.ceil(retryAfter / 1000)} s before the next call.`,
					);
				}
				// No Retry-After: Mist's hourly budget is spent. Retrying within the hour cannot succeed,
				// unless /self/usage shows calls left (a short burst limit), which backs off as before.
				const usage = await this.apiUsage();
				if (
					usage &&
					usage.requests < usage.requestLimit &&
					rateLimitAttempts < this.policy.maxRateLimitRetries
				) {
					await this.wait(backoffDelayMs(rateLimitAttempts++, this.policy));
					continue;
				}
				this.stats.budgetExhausted = true;
				throw budgetExhaustedError(this.node, failed, usage, this.policy.now(), call.itemIndex);
			}
			if (
				status >= 500 &&
				call.method === 'GET' &&
				transientAttempts < this.policy.maxTransientRetries
			) {
				await this.wait(backoffDelayMs(transientAttempts++, this.policy));
				continue;
			}
			const retried =
				transientAttempts > 0 ? `Gave up after ${transientAttempts + 1} attempts.` : undefined;
			throw mistApiError(
				this.node,
				{ method: call.method, path: pathForErrors, statusCode: status, body: raw.body },
				call.itemIndex,
				retried,
			);
		}
	}

	private async wait(ms: number) {
		this.stats.retries++;
		this.stats.waitedMs += ms;
		await sleep(ms);
	}

	/**
	 * n8n hands over unparsable JSON as a string: parse it here, and report a body that does not
	 * parse (cut off, or not JSON although it says so) instead of passing garbage on.
	 */
	private parseBody<T>(raw: { body: unknown; headers: Record<string, unknown> }): {
		body: T;
		malformed?: string;
	} {
		const { body } = raw;
		if (typeof body !== 'string') return { body: body as T };
		const contentType = String(headerValue(raw.headers, 'content-type') ?? '');
		const trimmed = body.trim();
		if (trimmed === '') return { body: undefined as T };
		if (!contentType.includes('json') && !/^[[{]/.test(trimmed)) return { body: body as T };
		try {
			return { body: JSON.parse(trimmed) as T };
		} catch {
			return { body: undefined as T, malformed: trimmed };
		}
	}

	/**
	 * The token's use of its hourly budget from `/self/usage` (one call, no retry): asked after a
	 * 429 and by the budget governor; undefined when Mist does not answer it.
	 */
	async apiUsage(): Promise<ApiUsage | undefined> {
		const baseUrl = await this.getBaseUrl();
		this.stats.calls++;
		try {
			const raw = (await this.ctx.helpers.httpRequestWithAuthentication.call(
				this.ctx,
				MIST_CREDENTIAL,
				{
					method: 'GET',
					url: `${baseUrl}${API_PREFIX}/self/usage`,
					json: true,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					timeout: this.policy.timeoutMs,
				},
			)) as { body: unknown; statusCode: number };
			const body = raw.body as Record<string, unknown> | undefined;
			const requests = toNumber(body?.requests);
			const requestLimit = toNumber(body?.request_limit);
			if (raw.statusCode !== 200 || requests === undefined || requestLimit === undefined)
				return undefined;
			return { requests, requestLimit };
		} catch {
			return undefined;
		}
	}

	private expectArray<T>(value: unknown, what: string, itemIndex?: number): T[] {
		if (Array.isArray(value)) return value as T[];
		throw mistOperationError(
			this.node,
			`Mist answered ${what} with ${describe(value)} where a list was expected`,
			'The endpoint may not exist on this cloud or API version.',
			itemIndex,
		);
	}

	private expectObject(value: unknown, what: string, itemIndex?: number): Record<string, unknown> {
		if (value && typeof value === 'object' && !Array.isArray(value))
			return value as Record<string, unknown>;
		throw mistOperationError(
			this.node,
			`Mist answered ${what} with ${describe(value)} where an object with results was expected`,
			'The endpoint may not exist on this cloud or API version.',
			itemIndex,
		);
	}
}

function describe(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'an empty body';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): unknown {
	if (!headers) return undefined;
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
	return key === undefined ? undefined : headers[key];
}

function headerNumber(
	headers: Record<string, unknown> | undefined,
	name: string,
): number | undefined {
	return toNumber(headerValue(headers, name));
}

function toNumber(value: unknown): number | undefined {
	if (Array.isArray(value)) value = value[0];
	if (value === undefined || value === null || value === '') return undefined;
	const parsed = Number(value);
	return Number.isFinite(parsed) ? parsed : undefined;
}
