import { N8N_E2E_VERSIONS, selectedVersions } from '../../../scripts/e2e/config';

describe('selectedVersions', () => {
	it.each([
		['', N8N_E2E_VERSIONS.map((s) => s.version)],
		['2.8.4', ['2.8.4']],
		[' 2.41.1 , 2.8.4 ', ['2.41.1', '2.8.4']],
	])('N8N_E2E_VERSIONS=%j selects %j', (value, expected) => {
		expect(selectedVersions({ N8N_E2E_VERSIONS: value }).map((s) => s.version)).toEqual(expected);
	});

	it('refuses a version the harness does not know, naming it', () => {
		expect(() => selectedVersions({ N8N_E2E_VERSIONS: '1.0.0' })).toThrow(
			/n8n 1\.0\.0.*known: 2\.8\.4, 2\.41\.1/,
		);
	});

	it('pins exact versions only', () => {
		for (const spec of N8N_E2E_VERSIONS) expect(spec.version).toMatch(/^\d+\.\d+\.\d+$/);
	});
});
