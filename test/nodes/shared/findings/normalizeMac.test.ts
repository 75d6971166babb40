import { normalizeMacLoose } from '../../../../nodes/shared/findings/fingerprint';

/** The regex version `normalizeMacLoose` replaced (for speed); both must agree on every input. */
function reference(value: string): string {
	const hex = value
		.trim()
		.toLowerCase()
		.replace(/[:\-.\s]/g, '');
	return /^[0-9a-f]{12}$/.test(hex) ? hex : value.trim().toLowerCase();
}

const CASES = [
	'5c5b35d0077b',
	'5C5B35D0077B',
	'5c:5b:35:d0:07:7b',
	'5C-5B-35-D0-07-7B',
	'5c5b.35d0.077b',
	'  5c:5b:35:d0:07:7b\n',
	'5c 5b 35 d0 07 7b',
	'5c\u00a05b35d0077b',
	'\u30005c5b35d0077b\ufeff',
	'5c5b35d0077',
	'5c5b35d0077b0',
	'5c5b35d0077g',
	'  Not A MAC  ',
	'',
	'   ',
	'::::',
	'ZZ:5b:35:d0:07:7b',
	'5c_5b_35_d0_07_7b',
	'İ5c5b35d0077b',
	'ＡＢ5b35d0077b',
	'\u212a5b35d0077b',
];

describe('normalizeMacLoose', () => {
	it.each(CASES)('%j gives what the regex version gave', (value) => {
		expect(normalizeMacLoose(value)).toBe(reference(value));
	});

	it('agrees with the regex version on every single character around a MAC', () => {
		for (let code = 0; code < 0x10000; code++) {
			const char = String.fromCharCode(code);
			for (const value of [`${char}5c5b35d0077b`, `5c5b35${char}d0077`, `5c5b35d0077b${char}`]) {
				if (normalizeMacLoose(value) !== reference(value)) {
					throw new Error(`differs on U+${code.toString(16)} in ${JSON.stringify(value)}`);
				}
			}
		}
	});
});
