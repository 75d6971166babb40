import { createHmac, timingSafeEqual } from 'crypto';

/** Mist's SHA-256 signature header, sent with every delivery of a webhook that has a secret. */
export const SIGNATURE_HEADER = 'x-mist-signature-v2';
/** Mist's older SHA-1 signature header; Juniper's own delivery sample shows only this one. */
export const SHA1_SIGNATURE_HEADER = 'x-mist-signature';

export type SignatureFailure =
	| 'missing'
	| 'malformed'
	| 'mismatch'
	| 'sha1NotAccepted'
	| 'sha1Malformed'
	| 'sha1Mismatch';

export type SignatureCheck = { valid: true } | { valid: false; reason: SignatureFailure };

type Algorithm = 'sha256' | 'sha1';
const HEX_DIGITS: Record<Algorithm, number> = { sha256: 64, sha1: 40 };

/** The hex HMAC-SHA256 that Mist puts in X-Mist-Signature-v2 for this body. */
export function signBody(rawBody: Buffer | string, secret: string): string {
	return createHmac('sha256', secret).update(rawBody).digest('hex');
}

/** The hex HMAC-SHA1 that Mist puts in X-Mist-Signature for this body. */
export function signBodySha1(rawBody: Buffer | string, secret: string): string {
	return createHmac('sha1', secret).update(rawBody).digest('hex');
}

type HexCheck = 'valid' | 'missing' | 'malformed' | 'mismatch';

/**
 * Compares one header value with the body's HMAC. The comparison is constant-time and only runs on
 * a well-formed hex value of the algorithm's length, so a wrong length never reaches timingSafeEqual.
 */
function checkHex(
	rawBody: Buffer,
	header: unknown,
	secret: string,
	algorithm: Algorithm,
): HexCheck {
	const values = Array.isArray(header) ? header : [header];
	if (values.length !== 1 || typeof values[0] !== 'string' || values[0].trim() === '')
		return values.length > 1 ? 'malformed' : 'missing';
	const received = values[0].trim();
	if (!new RegExp(`^[0-9a-f]{${HEX_DIGITS[algorithm]}}$`, 'i').test(received)) return 'malformed';
	const expected = createHmac(algorithm, secret).update(rawBody).digest();
	const actual = Buffer.from(received, 'hex');
	if (actual.length !== expected.length) return 'malformed';
	return timingSafeEqual(actual, expected) ? 'valid' : 'mismatch';
}

/** Checks X-Mist-Signature-v2 (HMAC-SHA256) against the raw request bytes. */
export function verifySignature(rawBody: Buffer, header: unknown, secret: string): SignatureCheck {
	const result = checkHex(rawBody, header, secret, 'sha256');
	return result === 'valid' ? { valid: true } : { valid: false, reason: result };
}

/**
 * Checks a delivery's signature headers. X-Mist-Signature-v2 decides whenever it is present; the
 * SHA-1 X-Mist-Signature is consulted only when v2 is absent, and only if `acceptSha1` is on.
 */
export function verifyDelivery(
	rawBody: Buffer,
	headers: Record<string, unknown>,
	secret: string,
	acceptSha1: boolean,
): SignatureCheck {
	const v2 = headers[SIGNATURE_HEADER];
	const v1 = headers[SHA1_SIGNATURE_HEADER];
	if (checkHex(rawBody, v2, secret, 'sha256') !== 'missing' || v1 === undefined || v1 === '')
		return verifySignature(rawBody, v2, secret);
	if (!acceptSha1) return { valid: false, reason: 'sha1NotAccepted' };
	const result = checkHex(rawBody, v1, secret, 'sha1');
	if (result === 'valid') return { valid: true };
	return { valid: false, reason: result === 'mismatch' ? 'sha1Mismatch' : 'sha1Malformed' };
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
		case 'sha1NotAccepted':
			return 'Only the SHA-1 X-Mist-Signature header was sent, no X-Mist-Signature-v2: turn on the trigger option Accept SHA-1 Signatures to accept such deliveries';
		case 'sha1Malformed':
			return 'Malformed X-Mist-Signature header: expected one hex HMAC-SHA1 value';
		case 'sha1Mismatch':
			return 'Invalid X-Mist-Signature (SHA-1) signature: the body was not signed with the secret this trigger expects';
	}
}
