/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * The n8n installer against a stand-in `npm` on PATH (no registry, no download): a deterministic
 * failure is reported in one line and not repeated; a transient one is tried once more; a finished
 * install is reused; every install step runs `npm ci` from the committed lock file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { versionSpec } from '../../../scripts/e2e/config';
import { ensureN8nInstalled, InstallError, lockFile } from '../../../scripts/e2e/install';

const HEADERS_FAILURE = [
	'gyp http GET https://nodejs.org/download/release/v20.20.2/node-v20.20.2-headers.tar.gz',
	'gyp ERR! configure error',
	'npm error code 1',
].join('\n');

let work: string;
let calls: string;
const saved = {
	PATH: process.env.PATH,
	cache: process.env.N8N_E2E_CACHE,
	delay: process.env.N8N_E2E_INSTALL_RETRY_DELAY_MS,
};

/**
 * A fake npm: logs its arguments, answers `config get registry`, and for `ci` plays the scenario
 * in $FAKE_NPM_SCRIPT (one line per call: "fail-headers", "fail-timeout" or "ok").
 */
function writeFakeNpm(scenario: string[]): void {
	const bin = path.join(work, 'bin');
	fs.mkdirSync(bin, { recursive: true });
	fs.writeFileSync(path.join(work, 'scenario'), scenario.join('\n') + '\n');
	const script = `#!/bin/sh
echo "$*" >> "${calls}"
if [ "$1" = "config" ]; then echo "https://registry.example/"; exit 0; fi
step=$(head -n 1 "${work}/scenario"); sed -i 1d "${work}/scenario"
case "$step" in
  fail-headers) printf '%s\\n' "${HEADERS_FAILURE.replace(/\n/g, '\\n')}"; exit 1;;
  fail-timeout) echo "npm error code ETIMEDOUT"; exit 1;;
  ok) mkdir -p node_modules/n8n && echo '{"version":"2.8.4"}' > node_modules/n8n/package.json; exit 0;;
esac
exit 3
`;
	fs.writeFileSync(path.join(bin, 'npm'), script, { mode: 0o755 });
	process.env.PATH = `${bin}${path.delimiter}${saved.PATH}`;
}

const npmCalls = () =>
	fs
		.readFileSync(calls, 'utf8')
		.trim()
		.split('\n')
		.filter((line) => !line.startsWith('config'));

beforeEach(() => {
	work = fs.mkdtempSync(path.join(os.tmpdir(), 'install-test-'));
	calls = path.join(work, 'calls.log');
	fs.writeFileSync(calls, '');
	process.env.N8N_E2E_CACHE = path.join(work, 'cache');
	process.env.N8N_E2E_INSTALL_RETRY_DELAY_MS = '10';
});

afterEach(() => {
	process.env.PATH = saved.PATH;
	for (const [key, value] of [
		['N8N_E2E_CACHE', saved.cache],
		['N8N_E2E_INSTALL_RETRY_DELAY_MS', saved.delay],
	] as const) {
		if (value === undefined) delete process.env[key];
		else process.env[key] = value;
	}
	fs.rmSync(work, { recursive: true, force: true });
});

it('says in one line that the Node headers are missing, and does not repeat the install', async () => {
	writeFakeNpm(['fail-headers', 'ok']);
	const failure = await ensureN8nInstalled(versionSpec('2.8.4')).catch((error: unknown) => error);
	expect(failure).toBeInstanceOf(InstallError);
	expect((failure as InstallError).message).toMatch(
		/^n8n 2\.8\.4 could not be installed: the native build of sqlite3 could not get the Node\.js headers/,
	);
	expect((failure as InstallError).message.split('\n')).toHaveLength(1);
	expect(fs.readFileSync((failure as InstallError).logFile, 'utf8')).toContain(
		'gyp ERR! configure error',
	);
	expect(npmCalls()).toHaveLength(1);
});

it('tries a registry timeout once more, then installs with npm ci from the lock file and reuses it next time', async () => {
	writeFakeNpm(['fail-timeout', 'ok']);
	const installation = await ensureN8nInstalled(versionSpec('2.8.4'));
	expect(npmCalls()).toEqual([
		expect.stringMatching(/^ci --no-audit/),
		expect.stringMatching(/^ci --no-audit/),
	]);
	expect(fs.readFileSync(path.join(installation.dir, 'package-lock.json'), 'utf8')).toBe(
		fs.readFileSync(lockFile('2.8.4'), 'utf8'),
	);

	await ensureN8nInstalled(versionSpec('2.8.4'));
	expect(npmCalls()).toHaveLength(2);
});

it('names the registry it could not reach when the timeout repeats', async () => {
	writeFakeNpm(['fail-timeout', 'fail-timeout']);
	await expect(ensureN8nInstalled(versionSpec('2.8.4'))).rejects.toThrow(
		/the npm registry https:\/\/registry\.example\/ did not answer in time \(ETIMEDOUT\)/,
	);
	expect(npmCalls()).toHaveLength(2);
});
