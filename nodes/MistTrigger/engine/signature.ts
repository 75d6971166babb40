import { createHmac, timingSafeEqual } from 'crypto';

/** Mist's SHA-256 signature header (the older X-Mist-Signature is SHA-1 and is not used). */
export const SIGNATURE_HEADER = 'x-mist-signature-v2';

export type SignatureFailure = 'missing' | 'malformed' | 'mismatch';

export type SignatureCheck = { valid: true } | { valid: false; reason: SignatureFailure };

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** The hex HMAC-SHA256 that Mist puts in X-Mist-Signature-v2 for this body. */
export function signBody(rawBody: Buffer | string, secret: string): string {
	return createHmac('sha256', secret).update(rawBody).digest('hex');
}

/**
 * Checks X-Mist-Signature-v2 against the raw request bytes. The comparison is constant-time and
 * only runs on a well-formed 64-digit hex value, so a wrong length never reaches timingSafeEqual.
 */
export function verifySignature(rawBody: Buffer, header: unknown, secret: string): SignatureCheck {
	const values = Array.isArray(header) ? header : [header];
	if (values.length !== 1 || typeof values[0] !== 'string' || values[0].trim() === '') {
		return { valid: false, reason: values.length > 1 ? 'malformed' : 'missing' };
	}
	const received = values[0].trim();
	if (!SHA256_HEX.test(received)) return { valid: false, reason: 'malformed' };
	const expected = Buffer.from(signBody(rawBody, secret), 'hex');
	const actual = Buffer.from(received, 'hex');
	if (actual.length !== expected.length) return { valid: false, reason: 'malformed' };
	return timingSafeEqual(actual, expected) ? { valid: true } : { valid: false, reason: 'mismatch' };
}

/** What the sender is told: enough to fix a setup, nothing about the secret. */
export function describeSignatureFailure(reason: SignatureFailure): string {
	switch (reason) {
		case 'missing':
			return 'Missing X-Mist-Signature-v2 header: the Mist webhook needs a secret (and type http-post) to sign its deliveries';
		case 'malformed':
			return 'Malformed X-Mist-Signature-v2 header: expected one hex HMAC-SHA256 value';
		case 'mismatch':
			return 'Invalid X-Mist-Signature-v2 signature: the body was not signed with the secret this trigger expects';
	}
}
