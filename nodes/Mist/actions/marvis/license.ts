import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

const LICENSE_WORDS = /licen[cs]|subscription|marvis/i;

/**
 * Mist refuses troubleshooting with a 403 when the org has no Marvis subscription (or the token
 * lacks access); some clouds answer 400 naming the license. Say so plainly instead of a generic error.
 */
export function explainMarvisRefusal(node: INode, error: unknown, itemIndex: number): unknown {
	if (!(error instanceof NodeApiError)) return error;
	const response = (error.errorResponse ?? {}) as JsonObject;
	const detail = typeof response.detail === 'string' ? response.detail : '';
	const status = error.httpCode;
	if (status !== '403' && !(status === '400' && LICENSE_WORDS.test(detail))) return error;
	return new NodeApiError(node, { ...response, status: Number(status) } as JsonObject, {
		message: `Marvis troubleshooting is not available (${status})${detail ? `: ${detail}` : ''}`,
		description:
			'Mist refused the troubleshoot call. It needs a Marvis subscription license on the org, and an API token with at least observer access to that org. Check the org subscriptions in the Mist portal (Organization > Subscriptions).',
		httpCode: status ?? undefined,
		itemIndex,
	});
}
