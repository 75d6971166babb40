import type { IDataObject } from 'n8n-workflow';

export const MASK = '********';

/** Fields of a Mist webhook that hold credentials of the receiver. */
const SECRET_FIELDS = ['secret', 'splunk_token', 'oauth2_client_secret', 'oauth2_password'];
/** Custom headers often carry the receiver's credentials too. */
const SENSITIVE_HEADER = /auth|token|secret|key|password|cookie/i;

const isSet = (value: unknown) => typeof value === 'string' && value !== '';

/**
 * Mist returns webhook secrets in clear; they must not reach the workflow's output. A set secret
 * becomes "********" (so the user still sees that one is configured); null or empty stays as is.
 */
export function maskWebhook(webhook: IDataObject): IDataObject {
	const masked: IDataObject = { ...webhook };
	for (const field of SECRET_FIELDS) {
		if (isSet(masked[field])) masked[field] = MASK;
	}
	const headers = masked.headers;
	if (headers && typeof headers === 'object' && !Array.isArray(headers)) {
		masked.headers = Object.fromEntries(
			Object.entries(headers as IDataObject).map(([name, value]) => [
				name,
				SENSITIVE_HEADER.test(name) && isSet(value) ? MASK : value,
			]),
		);
	}
	return masked;
}
