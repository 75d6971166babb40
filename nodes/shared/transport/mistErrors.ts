import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

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
		description: 'Check the org, site, device or client id: it may have been deleted or belong to another org.',
	},
	429: {
		message: 'Mist rate limit reached (429)',
		description:
			'A Mist token allows 5,000 API calls per hour, shared by every workflow that uses it. Lower the schedule frequency, narrow the scope, or use a second token.',
	},
};

/** Turns a non-2xx Mist answer into a NodeApiError carrying Mist's own `detail` and the status. */
export function mistApiError(node: INode, call: FailedCall, itemIndex?: number, extraDescription?: string): NodeApiError {
	const detail = mistDetail(call.body);
	const hint = HINTS[call.statusCode] ?? {
		message:
			call.statusCode >= 500
				? `Mist had a server error (${call.statusCode})`
				: `Mist answered with HTTP ${call.statusCode}`,
		description:
			call.statusCode >= 500 ? 'The Mist cloud failed to answer; it is usually transient. Try again later.' : '',
	};
	const message = detail ? `${hint.message}: ${detail}` : hint.message;
	const description = [hint.description, extraDescription, `Request: ${call.method} ${call.path}`]
		.filter(Boolean)
		.join(' ');
	const errorResponse: JsonObject = { status: call.statusCode, detail, method: call.method, path: call.path };
	return new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: String(call.statusCode),
		itemIndex,
	});
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
export function mistNetworkError(node: INode, host: string, code: string, method: string, path: string, itemIndex?: number) {
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

export function mistOperationError(node: INode, message: string, description?: string, itemIndex?: number) {
	return new NodeOperationError(node, message, { description, itemIndex });
}
