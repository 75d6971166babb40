import {
	explainFailure,
	failureCodeInfo,
	knownFailureCodes,
	parseFailureCode,
} from '../../../nodes/CiscoIse/failureCodes';
import type { FailureCategory } from '../../../nodes/CiscoIse/failureCodes';

describe('Cisco ISE › failure codes', () => {
	it.each<[number, FailureCategory]>([
		[22056, 'account'],
		[22040, 'credentials'],
		[22063, 'credentials'],
		[24408, 'credentials'],
		[24415, 'account'],
		[24409, 'account'],
		[24206, 'account'],
		[24412, 'account'],
		[24446, 'identity_store'],
		[12321, 'certificate_eap'],
		[12309, 'certificate_eap'],
		[11007, 'radius_nad_config'],
		[11036, 'radius_nad_config'],
		[11213, 'coa'],
		[5417, 'coa'],
		[5400, 'other'],
		[5411, 'supplicant'],
		[5434, 'supplicant'],
		[5440, 'supplicant'],
		[5449, 'supplicant'],
		[5442, 'overload'],
	])('maps %i to %s with a cause and a fix', (code, category) => {
		const info = failureCodeInfo(code);
		expect(info).toMatchObject({ code, category });
		expect(info?.cause.length).toBeGreaterThan(20);
		expect(info?.fix.length).toBeGreaterThan(20);
	});

	it('has one entry per code, each with ISE text', () => {
		const codes = knownFailureCodes().map((info) => info.code);
		expect(new Set(codes).size).toBe(codes.length);
		for (const info of knownFailureCodes()) expect(info.text).not.toBe('');
	});

	it.each<[string | number | null | undefined, number | null]>([
		['22056 Subject not found in the applicable identity store(s)', 22056],
		['  24408 User authentication against Active Directory failed', 24408],
		['5411 Supplicant stopped responding to ISE', 5411],
		['Authentication failed: 22040 Wrong password or invalid shared secret', 22040],
		['Reason 12345 is not known, but 12321 is', 12321],
		['Something without a code', null],
		['123456789 too long to be a code', null],
		['', null],
		[24415, 24415],
		[-1, null],
		[null, null],
		[undefined, null],
	])('parses the code of %p as %p', (input, expected) => {
		expect(parseFailureCode(input)).toBe(expected);
	});

	it('explains a known failure reason text', () => {
		const text = '22056 Subject not found in the applicable identity store(s)';
		expect(explainFailure(text)).toEqual({
			code: 22056,
			known: true,
			category: 'account',
			reason: text,
			cause: expect.stringContaining('could not find this user'),
			fix: expect.stringContaining('identity source sequence'),
		});
	});

	it('explains a bare code with ISE text', () => {
		expect(explainFailure(5442)).toMatchObject({
			code: 5442,
			known: true,
			category: 'overload',
			reason: '5442 RADIUS request dropped due to system overload',
		});
	});

	it('gives a generic cause that quotes the original text for an unknown code', () => {
		const text = '99999 Something new in ISE 3.4';
		expect(explainFailure(text)).toEqual({
			code: 99999,
			known: false,
			category: 'unknown',
			reason: text,
			cause: `ISE reported "${text}", a failure this package has no plain-language explanation for.`,
			fix: expect.stringContaining('Live Logs'),
		});
	});

	it('handles text without any code', () => {
		expect(explainFailure('Authentication failed')).toMatchObject({
			code: null,
			known: false,
			category: 'unknown',
			reason: 'Authentication failed',
		});
	});
});
