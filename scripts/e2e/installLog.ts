/**
 * Reads an `npm ci` log of an n8n install: how far it got (for the progress line) and, when it
 * failed, why, in one line a person can act on. Pure functions, so the patterns are unit-tested.
 */

export interface InstallFailureCause {
	/** One line: what went wrong and what to do. */
	cause: string;
	/** True when trying again may succeed (a network hiccup); false when it would fail the same way. */
	transient: boolean;
}

interface CauseRule {
	pattern: RegExp;
	transient: boolean;
	cause: (match: RegExpMatchArray, context: DiagnoseContext) => string;
}

export interface DiagnoseContext {
	/** The registry npm used, for the message. */
	registry: string;
	/** A folder with include/node/node.h for the Node that runs n8n, when one was found. */
	nodeHeadersDir?: string;
}

function headersAdvice(context: DiagnoseContext): string {
	return context.nodeHeadersDir
		? `set npm_config_nodedir=${context.nodeHeadersDir} (the headers of the Node that runs n8n)`
		: 'install the Node.js headers (Debian: apt-get install libnode-dev) or set npm_config_nodedir to a Node.js folder that has include/node/node.h';
}

/** First match wins, so the most specific causes come first. */
const CAUSE_RULES: CauseRule[] = [
	{
		pattern: /ENOSPC|no space left on device/i,
		transient: false,
		cause: () =>
			'the disk is full (ENOSPC): an n8n install needs about 3 GB free; free some space and run again',
	},
	{
		// Without local headers node-gyp downloads them from nodejs.org, unreachable on a registry-only machine.
		pattern: /gyp http GET (\S*-headers\.tar\.gz)[\s\S]*?gyp ERR!/,
		transient: false,
		cause: (_match, context) =>
			`the native build of sqlite3 could not get the Node.js headers (node-gyp tried to download them from nodejs.org): ${headersAdvice(context)}, then run again`,
	},
	{
		pattern:
			/gyp ERR! (?:find Python|stack Error: (?:Could not find any Python|not found: make))|(?:make|g\+\+|c\+\+): (?:command )?not found/,
		transient: false,
		cause: () =>
			'the native build of sqlite3 needs python3, make and g++: install them and run again',
	},
	{
		pattern: /npm (?:ERR!|error) code (E404|ETARGET|ENOVERSIONS)/,
		transient: false,
		cause: (match, context) =>
			`a package the lock file names is missing from the registry ${context.registry} (${match[1]}); the registry may be a mirror that lacks it`,
	},
	{
		pattern: /npm (?:ERR!|error) code (EUSAGE|EBADENGINE|ELOCKVERIFY|EJSONPARSE)/,
		transient: false,
		cause: (match) => `npm refused the install (${match[1]}): see the log`,
	},
	{
		pattern: /npm (?:ERR!|error) (?:code )?(ENOTFOUND|ECONNREFUSED|EHOSTUNREACH|ENETUNREACH)\b/,
		transient: false,
		cause: (match, context) =>
			`the npm registry ${context.registry} is unreachable (${match[1]}): check the network, a proxy (npm config get proxy) or the registry setting`,
	},
	{
		pattern:
			/npm (?:ERR!|error) (?:code )?(ETIMEDOUT|ECONNRESET|EAI_AGAIN|ESOCKETTIMEDOUT|E5\d\d|EPIPE)\b/,
		transient: true,
		cause: (match, context) =>
			`the npm registry ${context.registry} did not answer in time (${match[1]})`,
	},
	{
		pattern: /npm (?:ERR!|error) (?:code )?(EINTEGRITY)\b/,
		transient: true,
		cause: () =>
			'a downloaded package did not match its checksum (EINTEGRITY): the download was damaged',
	},
];

/** Why an install failed, from its log (undefined when the log names no known cause). */
export function diagnoseInstallLog(
	log: string,
	context: DiagnoseContext,
): InstallFailureCause | undefined {
	for (const rule of CAUSE_RULES) {
		const match = log.match(rule.pattern);
		if (match) return { cause: rule.cause(match, context), transient: rule.transient };
	}
	return undefined;
}

/** The folders (relative to the install folder) of the packages a lock file installs: its `node_modules/…` entries. */
export function lockedPackagePaths(lockfileText: string): string[] {
	const lock = JSON.parse(lockfileText) as { packages?: Record<string, unknown> };
	return Object.keys(lock.packages ?? {}).filter((key) => key.startsWith('node_modules/'));
}

export function formatElapsed(ms: number): string {
	const seconds = Math.round(ms / 1000);
	return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The last line npm printed as an error (besides the pointer to its debug log), for causes no rule knows. */
export function lastNpmError(log: string): string | undefined {
	const lines = log
		.split('\n')
		.filter(
			(line) =>
				/^npm (?:error|ERR!) \S/.test(line) &&
				!/complete log of this run|^npm (?:error|ERR!) (?:code|path|command) /.test(line),
		);
	return lines
		.at(-1)
		?.replace(/^npm (?:error|ERR!) /, '')
		.trim();
}
