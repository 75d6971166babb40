import { createHmac } from 'crypto';

import {
	describeSignatureFailure,
	signBody,
	verifySignature,
} from '../../../../nodes/MistTrigger/engine/signature';

const SECRET = 'dummy-signing-secret-0123456789';
const body = Buffer.from(
	JSON.stringify({ topic: 'alarms', events: [{ id: 'a1', type: 'device_down' }] }),
);

describe('Mist Trigger › signature', () => {
	it('signs like Mist: hex HMAC-SHA256 of the raw body', () => {
		const expected = createHmac('sha256', SECRET).update(body).digest('hex');
		expect(signBody(body, SECRET)).toBe(expected);
		expect(expected).toMatch(/^[0-9a-f]{64}$/);
	});

	it('accepts a correct signature, in either case and with stray whitespace', () => {
		const signature = signBody(body, SECRET);
		expect(verifySignature(body, signature, SECRET)).toEqual({ valid: true });
		expect(verifySignature(body, ` ${signature.toUpperCase()} `, SECRET)).toEqual({ valid: true });
	});

	it.each([
		['missing (undefined)', undefined, 'missing'],
		['missing (empty)', '', 'missing'],
		['not hex', 'z'.repeat(64), 'malformed'],
		['too short', 'ab'.repeat(31), 'malformed'],
		['too long', 'ab'.repeat(33), 'malformed'],
		['the SHA-1 length', 'ab'.repeat(20), 'malformed'],
		['a prefixed value', `sha256=${'ab'.repeat(32)}`, 'malformed'],
		['sent twice', ['ab'.repeat(32), 'cd'.repeat(32)], 'malformed'],
		['a number', 42, 'missing'],
	])('refuses a header that is %s', (_label, header, reason) => {
		expect(verifySignature(body, header, SECRET)).toEqual({ valid: false, reason });
	});

	it('refuses a signature made with another secret', () => {
		expect(verifySignature(body, signBody(body, 'another-secret'), SECRET)).toEqual({
			valid: false,
			reason: 'mismatch',
		});
	});

	it('refuses a correct signature of a different body (one byte changed)', () => {
		const tampered = Buffer.from(body.toString().replace('device_down', 'device_dowN'));
		expect(verifySignature(tampered, signBody(body, SECRET), SECRET)).toEqual({
			valid: false,
			reason: 'mismatch',
		});
	});

	it('verifies the exact bytes: re-serialised JSON with other spacing does not pass', () => {
		const reformatted = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 2));
		expect(verifySignature(reformatted, signBody(body, SECRET), SECRET).valid).toBe(false);
	});

	it.each(['missing', 'malformed', 'mismatch'] as const)(
		'explains a %s signature without mentioning the secret',
		(reason) => {
			const text = describeSignatureFailure(reason);
			expect(text).toContain('X-Mist-Signature-v2');
			expect(text).not.toContain(SECRET);
		},
	);
});
