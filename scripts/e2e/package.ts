/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * Puts the built package into an n8n user folder exactly where `npm install n8n-nodes-juniper-mist`
 * in ~/.n8n/nodes would, so node types are `n8n-nodes-juniper-mist.<name>` as users get them.
 */
import fs from 'node:fs';
import path from 'node:path';

import { PACKAGE_NAME, REPO_ROOT, TEST_OUTPUT_DIR } from './config';
import { harnessLog } from './log';
import { cleanEnv } from './install';
import { runGroup } from './processes';

interface PackageJson {
	name: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

function readPackageJson(root: string): PackageJson {
	return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson;
}

function newestMtime(dir: string): number {
	if (!fs.existsSync(dir)) return 0;
	let newest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile()) continue;
		const full = path.join(entry.parentPath, entry.name);
		newest = Math.max(newest, fs.statSync(full).mtimeMs);
	}
	return newest;
}

/** Why dist/ cannot be used as is (missing or older than a source file), or undefined when it can. */
export function distProblem(root = REPO_ROOT): string | undefined {
	const pkg = readPackageJson(root);
	const entryPoints = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])].map((f) =>
		path.join(root, f),
	);
	const missing = entryPoints.find((f) => !fs.existsSync(f));
	if (missing) return `${path.relative(root, missing)} is missing`;
	const builtAt = Math.min(...entryPoints.map((f) => fs.statSync(f).mtimeMs));
	const sourceDirs = ['nodes', 'credentials', 'icons'].map((d) => path.join(root, d));
	const newestSource = Math.max(
		...sourceDirs.map(newestMtime),
		fs.statSync(path.join(root, 'package.json')).mtimeMs,
	);
	if (newestSource > builtAt) return 'dist/ is older than the sources';
	return undefined;
}

/** Runs `npm run build` when dist/ is missing or stale (N8N_E2E_SKIP_BUILD=1 makes that an error). */
export async function ensurePackageBuilt(root = REPO_ROOT): Promise<void> {
	const problem = distProblem(root);
	if (!problem) return;
	if (process.env.N8N_E2E_SKIP_BUILD === '1') {
		throw new Error(`The package is not built (${problem}); run npm run build first`);
	}
	harnessLog(`${problem}: running npm run build`);
	const result = await runGroup({
		command: 'npm',
		args: ['run', 'build'],
		cwd: root,
		env: process.env,
		inheritStdio: true,
		timeoutMs: 5 * 60_000,
	});
	if (result.exitCode !== 0)
		throw new Error(`npm run build failed with exit code ${result.exitCode}`);
	// A source saved while tsc ran makes dist/ look stale again; that is not worth failing for.
	const still = distProblem(root);
	if (still?.includes('missing')) throw new Error(`npm run build finished but ${still}`);
	if (still) harnessLog(`warning: a source changed during the build (${still})`);
}

/** What n8n writes to ~/.n8n/nodes/package.json when it creates that folder. */
const N8N_NODES_MANIFEST = { name: 'installed-nodes', private: true, dependencies: {} };

/** The command the README gives for installing by hand, with the package name as users type it. */
export const BY_HAND_INSTALL_ARGS = ['install', PACKAGE_NAME];

/** Packs the built package as npm would publish it (`npm pack`), into a fresh folder; returns the tarball. */
export async function packPackage(destination: string, root = REPO_ROOT): Promise<string> {
	fs.mkdirSync(destination, { recursive: true });
	const result = await runGroup({
		command: 'npm',
		args: ['pack', '--pack-destination', destination, '--silent'],
		cwd: root,
		env: cleanEnv(undefined),
		stdoutFile: path.join(destination, 'pack.log'),
		timeoutMs: 120_000,
	});
	const tarball = fs.readdirSync(destination).find((file) => file.endsWith('.tgz'));
	if (result.exitCode !== 0 || !tarball)
		throw new Error(`npm pack failed (exit ${result.exitCode}): ${result.stdout.slice(-500)}`);
	return path.join(destination, tarball);
}

/**
 * Installs a packed tarball into `<n8nFolder>/nodes` with the README's by-hand command
 * (`npm install <package>`, the tarball standing in for the registry name), offline: the package
 * has no dependencies and its n8n-workflow peer is optional, so npm needs nothing from the registry.
 */
export async function installTarballByHand(n8nFolder: string, tarball: string): Promise<string> {
	const nodesDir = path.join(n8nFolder, 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	// n8n keeps this manifest in ~/.n8n/nodes; without one npm would climb to the nearest project above.
	const manifest = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(manifest))
		fs.writeFileSync(manifest, JSON.stringify(N8N_NODES_MANIFEST, null, 2));
	const args = BY_HAND_INSTALL_ARGS.map((arg) => (arg === PACKAGE_NAME ? tarball : arg));
	const logFile = path.join(n8nFolder, 'package-install.log');
	const result = await runGroup({
		command: 'npm',
		args: [...args, '--offline', '--no-audit', '--no-fund'],
		cwd: nodesDir,
		env: cleanEnv(undefined),
		stdoutFile: logFile,
		stderrFile: logFile,
		timeoutMs: 120_000,
	});
	if (result.exitCode !== 0)
		throw new Error(
			`npm ${args.join(' ')} in ${nodesDir} failed (exit ${result.exitCode}): ${fs.readFileSync(logFile, 'utf8').slice(-800)}`,
		);
	return path.join(nodesDir, 'node_modules', PACKAGE_NAME);
}

/** What `npm pack` reads: a change to any of these makes a new tarball. */
function packInputsStamp(root: string): string {
	const mtimeOf = (entry: string) => {
		if (!fs.existsSync(entry)) return 0;
		return fs.statSync(entry).isDirectory() ? newestMtime(entry) : fs.statSync(entry).mtimeMs;
	};
	const inputs = ['dist', 'workflows', 'package.json', 'index.js', 'README.md', 'LICENSE'];
	return String(Math.round(Math.max(...inputs.map((entry) => mtimeOf(path.join(root, entry))))));
}

/**
 * The package packed and installed with the README's command once per build, in
 * test-output/e2e-package/<stamp>/.n8n/nodes: every n8n of the run copies that folder.
 */
async function installedPackageTemplate(root: string): Promise<string> {
	const base = path.join(TEST_OUTPUT_DIR, '..', 'e2e-package');
	const template = path.join(base, packInputsStamp(root));
	const n8nFolder = path.join(template, '.n8n');
	if (fs.existsSync(path.join(template, 'complete'))) return path.join(n8nFolder, 'nodes');
	fs.rmSync(base, { recursive: true, force: true });
	await installTarballByHand(n8nFolder, await packPackage(path.join(template, 'pack'), root));
	fs.writeFileSync(path.join(template, 'complete'), '');
	return path.join(n8nFolder, 'nodes');
}

/**
 * Puts the package into <userFolder>/.n8n/nodes the way a user does: packed, then installed with
 * the README's command (done once per build, then copied). n8n finds it there by the n8n-nodes-*
 * glob; its runtime imports (n8n-workflow, lodash, zod…) resolve from n8n itself.
 */
export async function installPackageInto(userFolder: string, root = REPO_ROOT): Promise<string> {
	const pkg = readPackageJson(root);
	if (pkg.name !== PACKAGE_NAME)
		throw new Error(`package.json names ${pkg.name}, expected ${PACKAGE_NAME}`);
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.cpSync(await installedPackageTemplate(root), nodesDir, { recursive: true });
	return path.join(nodesDir, 'node_modules', PACKAGE_NAME);
}
