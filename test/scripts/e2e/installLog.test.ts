/**
 * An n8n install that fails says why in one line, and says whether trying again can help
 * (a deterministic failure is not repeated: it costs minutes and fails the same way).
 */
import {
	diagnoseInstallLog,
	formatElapsed,
	lastNpmError,
	lockedPackagePaths,
} from '../../../scripts/e2e/installLog';

const context = { registry: 'https://registry.npmjs.org/', nodeHeadersDir: '/usr' };

// Taken from a real `npm rebuild sqlite3` on a machine that reaches only the npm registry.
const noHeadersLog = [
	'> prebuild-install -r napi || node-gyp rebuild',
	'gyp info find Python using Python version 3.11.7 found at "/usr/bin/python3"',
	'gyp http GET https://nodejs.org/download/release/v20.20.2/node-v20.20.2-headers.tar.gz',
	'gyp WARN install got an error, rolling back install',
	'gyp ERR! configure error ',
	'gyp ERR! stack Error: This is most likely not a problem with node-gyp or the package itself and',
	'npm error code 1',
	'npm error path /cache/n8n-2.8.4/node_modules/sqlite3',
].join('\n');

describe('diagnoseInstallLog', () => {
	it.each([
		[
			'missing Node headers',
			noHeadersLog,
			/could not get the Node\.js headers.*npm_config_nodedir=\/usr/,
			false,
		],
		[
			'no Python',
			'gyp ERR! find Python\ngyp ERR! configure error',
			/needs python3, make and g\+\+/,
			false,
		],
		['no make', 'gyp ERR! stack Error: not found: make', /needs python3, make and g\+\+/, false],
		['disk full', 'npm error code ENOSPC\nnpm error syscall write', /disk is full/, false],
		[
			'registry unreachable',
			'npm error code ENOTFOUND\nnpm error request to https://registry.npmjs.org/n8n failed',
			/registry https:\/\/registry\.npmjs\.org\/ is unreachable \(ENOTFOUND\)/,
			false,
		],
		[
			'registry timeout',
			'npm error code ETIMEDOUT\nnpm error network request failed',
			/did not answer in time \(ETIMEDOUT\)/,
			true,
		],
		['connection reset', 'npm error code ECONNRESET', /ECONNRESET/, true],
		[
			'package missing on a mirror',
			'npm error code E404\nnpm error 404 Not Found - GET https://mirror/@n8n%2fagents',
			/missing from the registry.*\(E404\)/,
			false,
		],
		['damaged download', 'npm error code EINTEGRITY', /did not match its checksum/, true],
	])('%s', (_name, log, cause, transient) => {
		const diagnosis = diagnoseInstallLog(log, context);
		expect(diagnosis?.cause).toMatch(cause);
		expect(diagnosis?.transient).toBe(transient);
	});

	it('points at the Debian package when no local headers were found', () => {
		expect(diagnoseInstallLog(noHeadersLog, { registry: 'r' })?.cause).toMatch(
			/apt-get install libnode-dev/,
		);
	});

	it('does not blame the headers when node-gyp downloaded them and failed later for another reason', () => {
		const log =
			'gyp http GET https://nodejs.org/x/node-v20.20.2-headers.tar.gz\ngyp info ok\nnpm error code ETIMEDOUT';
		expect(diagnoseInstallLog(log, context)?.cause).toMatch(/ETIMEDOUT/);
	});

	it('names nothing for a log without a known cause', () => {
		expect(
			diagnoseInstallLog('npm error code 1\nnpm error something odd', context),
		).toBeUndefined();
	});
});

describe('lastNpmError', () => {
	it("keeps the last error line and skips the pointers to npm's own logs", () => {
		const log =
			'npm error code 1\nnpm error Unexpected token in JSON\nnpm error A complete log of this run can be found in: /x.log';
		expect(lastNpmError(log)).toBe('Unexpected token in JSON');
	});
});

describe('progress', () => {
	it('lists the package folders a lock file installs', () => {
		const lock = JSON.stringify({
			packages: { '': {}, 'node_modules/a': {}, 'node_modules/a/node_modules/b': {} },
		});
		expect(lockedPackagePaths(lock)).toEqual(['node_modules/a', 'node_modules/a/node_modules/b']);
	});

	it('formats elapsed time as minutes and seconds', () => {
		expect(formatElapsed(125_400)).toBe('2:05');
	});
});
