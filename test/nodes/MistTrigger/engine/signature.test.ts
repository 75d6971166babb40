import { createHmac } from 'crypto';

import {
	describeSignatureFailure,
	signBody,
	signBodySha1,
	verifyDelivery,
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

	describe('the SHA-1 X-Mist-Signature header', () => {
		const v1 = (rawBody = body, secret = SECRET) => ({
			'x-mist-signature': signBodySha1(rawBody, secret),
		});
		const v2 = (rawBody = body, secret = SECRET) => ({
			'x-mist-signature-v2': signBody(rawBody, secret),
		});

		it('signs like Mist: hex HMAC-SHA1 of the raw body', () => {
			expect(signBodySha1(body, SECRET)).toBe(
				createHmac('sha1', SECRET).update(body).digest('hex'),
			);
			expect(signBodySha1(body, SECRET)).toMatch(/^[0-9a-f]{40}$/);
		});

		it('accepts a correct SHA-1 signature when v2 is absent and the option is on', () => {
			expect(verifyDelivery(body, v1(), SECRET, true)).toEqual({ valid: true });
			const upper = { 'x-mist-signature': ` ${signBodySha1(body, SECRET).toUpperCase()} ` };
			expect(verifyDelivery(body, upper, SECRET, true)).toEqual({ valid: true });
		});

		it('refuses a correct SHA-1 signature while the option is off, saying which option', () => {
			expect(verifyDelivery(body, v1(), SECRET, false)).toEqual({
				valid: false,
				reason: 'sha1NotAccepted',
			});
			expect(describeSignatureFailure('sha1NotAccepted')).toContain('Accept SHA-1 Signatures');
		});

		it.each([
			['made with another secret', v1(body, 'another-secret'), 'sha1Mismatch'],
			['of another body', v1(Buffer.from('{"topic":"alarms","events":[]}')), 'sha1Mismatch'],
			['the SHA-256 length', { 'x-mist-signature': signBody(body, SECRET) }, 'sha1Malformed'],
			['not hex', { 'x-mist-signature': 'z'.repeat(40) }, 'sha1Malformed'],
			[
				'sent twice',
				{ 'x-mist-signature': [signBodySha1(body, SECRET), 'ab'.repeat(20)] },
				'sha1Malformed',
			],
		])('refuses a SHA-1 signature %s, even with the option on', (_label, headers, reason) => {
			expect(verifyDelivery(body, headers, SECRET, true)).toEqual({ valid: false, reason });
		});

		it('lets X-Mist-Signature-v2 decide whenever it is present: a valid SHA-1 cannot rescue a bad v2', () => {
			expect(
				verifyDelivery(body, { ...v1(), ...v2(body, 'another-secret') }, SECRET, true),
			).toEqual({
				valid: false,
				reason: 'mismatch',
			});
			expect(verifyDelivery(body, { ...v1(), 'x-mist-signature-v2': 'abc' }, SECRET, true)).toEqual(
				{ valid: false, reason: 'malformed' },
			);
			expect(verifyDelivery(body, { ...v1(body, 'x'), ...v2() }, SECRET, false)).toEqual({
				valid: true,
			});
		});

		it('reports a delivery with neither header as missing v2', () => {
			expect(verifyDelivery(body, {}, SECRET, true)).toEqual({ valid: false, reason: 'missing' });
		});

		it.each(['sha1Malformed', 'sha1Mismatch'] as const)(
			'explains a %s signature without mentioning the secret',
			(reason) => {
				const text = describeSignatureFailure(reason);
				expect(text).toContain('X-Mist-Signature');
				expect(text).not.toContain(SECRET);
			},
		);
	});
});
