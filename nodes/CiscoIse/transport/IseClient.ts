import { sleep } from 'n8n-workflow';
import type { IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import {
	backoffDelayMs,
	DEFAULT_RETRY_POLICY,
	networkErrorCode,
} from '../../shared/transport/retryPolicy';
import type { RetryPolicy } from '../../shared/transport/retryPolicy';
import { XmlParseError, parseXml } from '../xml/reader';
import type { XmlElement } from '../xml/reader';
import { localName } from '../xml/tree';
import { MNT_PATH, requireIseBaseUrl } from './baseUrl';
import {
	iseApiError,
	iseNetworkError,
	iseOperationError,
	isNotMntNode,
	readMntRestResult,
} from './iseErrors';

export const ISE_CREDENTIAL = 'ciscoIseApi';

/** MnT is one appliance, not a cloud: fewer, shorter retries than for Mist. */
export const ISE_RETRY_POLICY: RetryPolicy = {
	...DEFAULT_RETRY_POLICY,
	maxRateLimitRetries: 0,
	maxTransientRetries: 2,
	baseDelayMs: 1000,
	maxDelayMs: 8000,
	maxRetryAfterMs: 0,
	timeoutMs: 30_000,
};

export interface IseGetOptions {
	itemIndex?: number;
	/**
	 * Retry on 5xx and connection resets. CoA calls are GETs with side effects (a disconnect bounces
	 * the port), so they turn this off: a retry could act twice.
	 */
	retry?: boolean;
	/** Return `root: undefined` for a 404 that carries no page (ISE's way of saying "no session"). */
	allowNotFound?: boolean;
}

export interface IseXmlResponse {
	statusCode: number;
	/** The document's root element; undefined for an empty body or an allowed 404. */
	root: XmlElement | undefined;
}

interface RawResponse {
	body: unknown;
	statusCode: number;
}

/** The only HTTP path of the Cisco ISE node: Basic auth via the credential, XML answers, bounded retries. */
export class IseClient {
	/** HTTP requests sent, retries included. */
	calls = 0;

	private settings: { baseUrl: string; ignoreSsl: boolean } | undefined;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly policy: RetryPolicy = ISE_RETRY_POLICY,
	) {}

	private get node(): INode {
		return this.ctx.getNode();
	}

	private async loadSettings() {
		if (!this.settings) {
			const credentials = await this.ctx.getCredentials(ISE_CREDENTIAL);
			this.settings = {
				baseUrl: requireIseBaseUrl(this.node, credentials.host),
				ignoreSsl: credentials.ignoreSslIssues === true,
			};
		}
		return this.settings;
	}

	/** GET `/admin/API/mnt{path}` and parse the XML answer. */
	async getXml(path: string, options: IseGetOptions = {}): Promise<IseXmlResponse> {
		const { baseUrl, ignoreSsl } = await this.loadSettings();
		const fullPath = `${MNT_PATH}${path}`;
		const request: IHttpRequestOptions = {
			method: 'GET',
			url: `${baseUrl}${fullPath}`,
			headers: { Accept: 'application/xml' },
			encoding: 'text',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: this.policy.timeoutMs,
			skipSslCertificateValidation: ignoreSsl,
		};
		const retries = options.retry === false ? 0 : this.policy.maxTransientRetries;
		for (let attempt = 1; ; attempt++) {
			let raw: RawResponse;
			this.calls++;
			try {
				raw = (await this.ctx.helpers.httpRequestWithAuthentication.call(this.ctx, ISE_CREDENTIAL, {
					...request,
				})) as RawResponse;
			} catch (error) {
				const code = failureCode(error);
				if (code !== 'TLS_CERTIFICATE' && networkErrorCode(error) && attempt <= retries) {
					await sleep(backoffDelayMs(attempt - 1, this.policy));
					continue;
				}
				throw iseNetworkError(
					this.node,
					new URL(baseUrl).host,
					code,
					fullPath,
					attempt,
					options.itemIndex,
				);
			}
			const body = bodyText(raw.body);
			const status = raw.statusCode;
			// A PAN/PSN answers 34110 with a 500 every time: retrying cannot help.
			if (status >= 500 && attempt <= retries && !isNotMntNode(readMntRestResult(body))) {
				await sleep(backoffDelayMs(attempt - 1, this.policy));
				continue;
			}
			if (status === 404 && options.allowNotFound && isNoPage(body))
				return { statusCode: status, root: undefined };
			if (status < 200 || status >= 300) {
				throw iseApiError(
					this.node,
					{ path: fullPath, statusCode: status, body, attempts: attempt },
					options.itemIndex,
				);
			}
			return { statusCode: status, root: this.parse(body, fullPath, status, options.itemIndex) };
		}
	}

	private parse(
		body: string,
		path: string,
		status: number,
		itemIndex?: number,
	): XmlElement | undefined {
		const trimmed = body.trim();
		if (trimmed === '') return undefined;
		if (/^(<!doctype html|<html)/i.test(trimmed)) {
			throw iseOperationError(
				this.node,
				`ISE answered ${path} with an HTML page instead of MnT XML`,
				'A login page, proxy or the wrong node answered. Check that the credential Host is the ISE MnT node.',
				itemIndex,
			);
		}
		let root: XmlElement;
		try {
			root = parseXml(trimmed);
		} catch (error) {
			const reason = error instanceof XmlParseError ? error.message : 'the XML reader failed';
			throw iseOperationError(
				this.node,
				`ISE answered ${path} with malformed XML: ${reason}`,
				`The answer (${trimmed.length} characters) could not be read; it may have been cut off. Try again.`,
				itemIndex,
			);
		}
		// Some ISE versions send their error document with a 200.
		if (localName(root.name) === 'mnt-rest-result') {
			const result = readMntRestResult(trimmed);
			const statusCode = result?.httpCode && result.httpCode >= 400 ? result.httpCode : status;
			if (statusCode >= 400 || result?.cpmCode !== undefined) {
				throw iseApiError(this.node, { path, statusCode, body: trimmed, attempts: 1 }, itemIndex);
			}
		}
		return root;
	}
}

/** A 404 "no such record" from ISE: empty, or ISE's own error document (not a proxy's HTML page). */
function isNoPage(body: string): boolean {
	const trimmed = body.trim();
	if (trimmed === '' || /^<\?xml[^>]*\?>$/.test(trimmed)) return true;
	const result = readMntRestResult(trimmed);
	return result !== undefined && !isNotMntNode(result);
}

function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (body === undefined || body === null) return '';
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	return typeof body === 'object' ? JSON.stringify(body) : String(body);
}

/** The network failure code, with certificate problems grouped under one name. */
function failureCode(error: unknown): string {
	const transient = networkErrorCode(error);
	if (transient) return transient;
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
		const text = `${typeof candidate.code === 'string' ? candidate.code : ''} ${typeof candidate.message === 'string' ? candidate.message : ''}`;
		if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|self-signed certificate/i.test(text))
			return 'TLS_CERTIFICATE';
		if (/ENOTFOUND/.test(text)) return 'ENOTFOUND';
		current = candidate.cause;
	}
	return 'UNKNOWN';
}
