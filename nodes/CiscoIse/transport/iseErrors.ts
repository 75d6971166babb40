import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { NETWORK_FAILURES } from '../../shared/transport/mistErrors';
import { parseXml } from '../xml/reader';
import { childText, localName, toNumber } from '../xml/tree';

/** cpm-code ISE sends from a PAN or PSN when an MnT call reaches it. */
export const NOT_MNT_NODE_CPM_CODE = 34110;

/** ISE's error document: `<mnt-rest-result><http-code/><cpm-code/><description/>…`. */
export interface MntRestResult {
	httpCode?: number;
	cpmCode?: number;
	description?: string;
}

export function readMntRestResult(body: string): MntRestResult | undefined {
	if (!body.includes('mnt-rest-result')) return undefined;
	try {
		const root = parseXml(body);
		if (localName(root.name) !== 'mnt-rest-result') return undefined;
		return {
			httpCode: toNumber(childText(root, 'http-code')),
			cpmCode: toNumber(childText(root, 'cpm-code')),
			description: childText(root, 'description') || undefined,
		};
	} catch {
		// Not ISE's error document after all (for example cut off): the caller shows the raw text.
		return undefined;
	}
}

export function isNotMntNode(result: MntRestResult | undefined): boolean {
	return (
		result?.cpmCode === NOT_MNT_NODE_CPM_CODE || /not a mnt node/i.test(result?.description ?? '')
	);
}

export interface FailedIseCall {
	path: string;
	statusCode: number;
	body: string;
	attempts: number;
}

const HINTS: Record<number, { message: string; description: string }> = {
	400: {
		message: 'ISE rejected the request as invalid (400)',
		description: 'Check the MAC address, PSN and IP addresses of this operation.',
	},
	401: {
		message: 'ISE rejected the username or password (401)',
		description:
			'Check the username and password in the Cisco ISE API credential. The account must be an ISE administrator whose admin group may use the MnT REST API (for example Super Admin or MnT Admin).',
	},
	403: {
		message: 'The ISE account may not use this API (403)',
		description:
			'Give the account an admin group that includes MnT REST API access (for example MnT Admin or Super Admin).',
	},
	404: {
		message: 'ISE found nothing at this address (404)',
		description:
			'Check that the credential Host is the ISE MnT node and that nothing in between rewrites /admin/API/mnt.',
	},
};

function shortText(body: string): string {
	const flat = body.replace(/\s+/g, ' ').trim();
	return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

/** A non-2xx (or error-document) MnT answer as a NodeApiError with ISE's own description. */
export function iseApiError(node: INode, call: FailedIseCall, itemIndex?: number): NodeApiError {
	const result = readMntRestResult(call.body);
	const request = `Request: GET ${call.path}`;
	const retried = call.attempts > 1 ? `Gave up after ${call.attempts} attempts.` : '';
	if (isNotMntNode(result)) {
		return new NodeApiError(
			node,
			{ status: call.statusCode, cpmCode: NOT_MNT_NODE_CPM_CODE, path: call.path } as JsonObject,
			{
				message: `This ISE node is not a Monitoring (MnT) node (cpm-code ${NOT_MNT_NODE_CPM_CODE})`,
				description: `The Cisco ISE API credential points at a PAN or PSN. Set its Host to the MnT node: Administration → System → Deployment lists the node with the Monitoring persona (use the primary MnT). ${request}`,
				httpCode: String(call.statusCode),
				itemIndex,
			},
		);
	}
	const detail =
		result?.description ?? (result ? '' : shortText(call.body.startsWith('<') ? '' : call.body));
	const hint = HINTS[call.statusCode] ?? {
		message:
			call.statusCode >= 500
				? `ISE had a server error (${call.statusCode})`
				: `ISE answered with HTTP ${call.statusCode}`,
		description:
			call.statusCode >= 500
				? 'The MnT node failed to answer; it is often busy or restarting. Try again later.'
				: '',
	};
	const errorResponse: JsonObject = { status: call.statusCode, path: call.path, detail };
	if (result?.cpmCode !== undefined) errorResponse.cpmCode = result.cpmCode;
	return new NodeApiError(node, errorResponse, {
		message: detail ? `${hint.message}: ${detail}` : hint.message,
		description: [hint.description, retried, request].filter(Boolean).join(' '),
		httpCode: String(call.statusCode),
		itemIndex,
	});
}

/** Built without the original error, which carries the request options and so the credentials. */
export function iseNetworkError(
	node: INode,
	host: string,
	code: string,
	path: string,
	attempts: number,
	itemIndex?: number,
) {
	const what = NETWORK_FAILURES[code] ?? 'the network or TLS connection failed';
	return new NodeApiError(node, { networkError: code, path } as JsonObject, {
		message: `Could not get an answer from ISE at ${host}: ${what}`,
		description: `GET ${path} failed after ${attempts} attempt(s). Check the Host, the port, firewalls between n8n and the MnT node, and for a self-signed certificate the Ignore SSL Issues option of the credential.`,
		itemIndex,
	});
}

export function iseOperationError(
	node: INode,
	message: string,
	description?: string,
	itemIndex?: number,
) {
	return new NodeOperationError(node, message, { description, itemIndex });
}
