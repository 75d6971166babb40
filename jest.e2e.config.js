/**
 * End-to-end suites: a real n8n (each version of scripts/e2e/config.ts, or N8N_E2E_VERSIONS) runs
 * the built package against the Mist simulator. Run with --runInBand; see scripts/e2e/README.md.
 */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: '<rootDir>/scripts/e2e/jestEnvironment.ts',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/test/e2e/**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	// Installs n8n when the cache lacks it (minutes, once) and builds the package when dist/ is stale.
	globalSetup: '<rootDir>/scripts/e2e/jestGlobalSetup.ts',
	testTimeout: 10 * 60 * 1000,
	maxWorkers: 1,
	verbose: true,
};
