import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { HOUR_MS, hourStartOf } from '../budget/ledger';

export interface FailedCall {
	method: string;
	path: string;
	statusCode: number;
	body: unknown;
}

/** Mist puts its reason in `detail` (sometimes `message` or `error`); keep it short and token-free. */
export function mistDetail(body: unknown): string {
	if (body && typeof body === 'object') {
		const record = body as Record<string, unknown>;
		for (const key of ['detail', 'message', 'error', 'reason']) {
			const value = record[key];
			if (typeof value === 'string' && value.trim() !== '') return value.trim();
			if (Array.isArray(value) && value.length > 0) return value.map(String).join('; ');
		}
		return '';
	}
	if (typeof body === 'string') return body.trim().slice(0, 300);
	return '';
}

const HINTS: Record<number, { message: string; description: string }> = {
	400: {
		message: 'Mist rejected the request as invalid (400)',
		description: 'Check the parameters of this operation; Mist says what it did not accept above.',
	},
	401: {
		message: 'Mist rejected the API token (401)',
		description:
			'Check the API token in the Mist API credential, and that its Cloud matches the portal your org lives on: a token only works on the cloud where it was created.',
	},
	403: {
		message: 'The API token lacks the privilege for this call (403)',
		description:
			'Check the token privileges (org or site, admin, write or observer) and that the org and site belong to the account that created the token.',
	},
	404: {
		message: 'Mist found nothing at this address (404)',
		description:
			'Check the org, site, device or client id: it may have been deleted or belong to another org.',
	},
	429: {
		message: 'Mist rate limit reached (429)',
		description:
			'A Mist token allows 5,000 API calls per hour, shared by every workflow that uses it. Lower the schedule frequency, narrow the scope, or use a second token.',
	},
};

/** Mist answers errors with a JSON object carrying `detail`; anything else did not come from Mist. */
function isMistErrorBody(body: unknown): boolean {
	return (
		!!body &&
		typeof body === 'object' &&
		!Array.isArray(body) &&
		typeof (body as Record<string, unknown>).detail === 'string'
	);
}

const NOT_MIST_404 = {
	message: 'No Mist API answered at this address (404)',
	description:
		"The answer is not in Mist's format, so the request probably did not reach Mist: check the Cloud (or the Custom URL: the API address, e.g. https://api.eu.mist.com, not the manage… portal address) of the Mist API credential, and any proxy in between.",
};

/** Turns a non-2xx Mist answer into a NodeApiError carrying Mist's own `detail` and the status. */
export function mistApiError(
	node: INode,
	call: FailedCall,
	itemIndex?: number,
	extraDescription?: string,
): NodeApiError {
	const detail = mistDetail(call.body);
	const notMist = call.statusCode === 404 && !isMistErrorBody(call.body);
	const hint = (notMist ? NOT_MIST_404 : HINTS[call.statusCode]) ?? {
		message:
			call.statusCode >= 500
				? `Mist had a server error (${call.statusCode})`
				: `Mist answered with HTTP ${call.statusCode}`,
		description:
			call.statusCode >= 500
				? 'The Mist cloud failed to answer; it is usually transient. Try again later.'
				: '',
	};
	const message = detail && !notMist ? `${hint.message}: ${detail}` : hint.message;
	const description = [hint.description, extraDescription, `Request: ${call.method} ${call.path}`]
		.filter(Boolean)
		.join(' ');
	const errorResponse: JsonObject = {
		status: call.statusCode,
		detail,
		method: call.method,
		path: call.path,
	};
	return new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: String(call.statusCode),
		itemIndex,
	});
}

/** The token's use of its hourly budget, from `/self/usage`. */
export interface ApiUsage {
	requests: number;
	requestLimit: number;
}

/** Mist's budget window is the clock hour (the ledger's hour): it resets at the next full hour. */
export function nextHourlyReset(now: number): Date {
	return new Date(hourStartOf(now) + HOUR_MS);
}

/**
 * A 429 without Retry-After: the token's 5,000 calls of this hour are spent. Says so, and when the
 * budget comes back, instead of retrying for seconds a limit that lasts until the hour turns.
 */
export function budgetExhaustedError(
	node: INode,
	call: FailedCall,
	usage: ApiUsage | undefined,
	now: number,
	itemIndex?: number,
): NodeApiError {
	const reset = nextHourlyReset(now);
	const minutes = Math.max(1, Math.ceil((reset.getTime() - now) / 60_000));
	const used = usage
		? `: this token has made ${usage.requests} of its ${usage.requestLimit} calls this hour`
		: '';
	const errorResponse: JsonObject = {
		status: call.statusCode,
		detail: mistDetail(call.body),
		method: call.method,
		path: call.path,
		budgetExhausted: true,
		resetsAt: reset.toISOString(),
		...(usage ? { requests: usage.requests, requestLimit: usage.requestLimit } : {}),
	};
	return new NodeApiError(node, errorResponse, {
		message: `Mist API budget used up (429)${used}`,
		description: [
			`Mist resets the budget on the hour: at ${reset.toISOString().slice(11, 16)} UTC, in ${minutes} min. The node stopped instead of retrying, since no call can succeed before then.`,
			'Every workflow using this token shares its 5,000 calls per hour: lower the schedule frequency, narrow the scope, or give some workflows their own token.',
			`Request: ${call.method} ${call.path}`,
		].join(' '),
		httpCode: String(call.statusCode),
		itemIndex,
	});
}

/** A 200 whose body is not valid JSON, after the retries a GET gets. */
export function malformedJsonError(
	node: INode,
	path: string,
	body: string,
	retries: number,
	itemIndex?: number,
) {
	const tries = retries > 0 ? ` (the same after ${retries + 1} attempts)` : '';
	return mistOperationError(
		node,
		`Mist answered ${path} with malformed JSON${tries}`,
		`The body could not be parsed (${body.length} characters, starting "${body.slice(0, 40)}"). It may have been cut off by a proxy or a dropped connection; try again.`,
		itemIndex,
	);
}

/** Plain words for low-level network codes, shared by every node's transport. */
export const NETWORK_FAILURES: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	ETIMEDOUT: 'the request timed out',
	ECONNABORTED: 'the request timed out',
	ECONNREFUSED: 'the connection was refused',
	EPIPE: 'the connection was closed',
	EAI_AGAIN: 'the host name could not be resolved',
	ENOTFOUND: 'the host name could not be resolved',
	TLS_CERTIFICATE: 'its TLS certificate is not trusted',
};

/**
 * A network failure (reset, timeout, refused), described without the original error: it carries
 * the request headers, token included. The raw code stays out of the message because n8n would
 * replace such a message with its generic text.
 */
export function mistNetworkError(
	node: INode,
	host: string,
	code: string,
	method: string,
	path: string,
	itemIndex?: number,
) {
	const what = NETWORK_FAILURES[code] ?? 'the network failed';
	return new NodeApiError(
		node,
		{ networkError: code, method, path },
		{
			message: `Could not get an answer from Mist at ${host}: ${what}`,
			description: `The request ${method} ${path} failed at network level after retries. Check the cloud URL, proxy settings and connectivity.`,
			itemIndex,
		},
	);
}

export function mistOperationError(
	node: INode,
	message: string,
	description?: string,
	itemIndex?: number,
) {
	return new NodeOperationError(node, message, { description, itemIndex });
}
