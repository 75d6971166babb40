/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * Puts the built package into an n8n user folder exactly where `npm install n8n-nodes-juniper-mist`
 * in ~/.n8n/nodes would, so node types are `n8n-nodes-juniper-mist.<name>` as users get them.
 */
import fs from 'node:fs';
import path from 'node:path';

import { PACKAGE_NAME, REPO_ROOT } from './config';
import { runGroup } from './processes';

interface PackageJson {
	name: string;
	files?: string[];
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
	const entryPoints = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])].map((f) => path.join(root, f));
	const missing = entryPoints.find((f) => !fs.existsSync(f));
	if (missing) return `${path.relative(root, missing)} is missing`;
	const builtAt = Math.min(...entryPoints.map((f) => fs.statSync(f).mtimeMs));
	const sourceDirs = ['nodes', 'credentials', 'icons'].map((d) => path.join(root, d));
	const newestSource = Math.max(...sourceDirs.map(newestMtime), fs.statSync(path.join(root, 'package.json')).mtimeMs);
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
	process.stderr.write(`[e2e] ${problem}: running npm run build\n`);
	const result = await runGroup({
		command: 'npm',
		args: ['run', 'build'],
		cwd: root,
		env: process.env,
		inheritStdio: true,
		timeoutMs: 5 * 60_000,
	});
	if (result.exitCode !== 0) throw new Error(`npm run build failed with exit code ${result.exitCode}`);
	// A source saved while tsc ran makes dist/ look stale again; that is not worth failing for.
	const still = distProblem(root);
	if (still?.includes('missing')) throw new Error(`npm run build finished but ${still}`);
	if (still) process.stderr.write(`[e2e] warning: a source changed during the build (${still})\n`);
}

/** The files `npm pack` would ship: package.json, README/LICENSE, and what `files` lists. */
function packedEntries(root: string, pkg: PackageJson): string[] {
	const always = fs.readdirSync(root).filter((f) => /^(readme|license|licence)(\..*)?$/i.test(f));
	const listed = (pkg.files ?? ['dist']).filter((f) => fs.existsSync(path.join(root, f)));
	return ['package.json', ...always, ...listed];
}

/**
 * Copies the package into <userFolder>/.n8n/nodes/node_modules/<name>. n8n finds it there by the
 * n8n-nodes-* glob; its runtime imports (n8n-workflow, lodash, zod…) resolve from n8n itself.
 */
export function installPackageInto(userFolder: string, root = REPO_ROOT): string {
	const pkg = readPackageJson(root);
	if (pkg.name !== PACKAGE_NAME) throw new Error(`package.json names ${pkg.name}, expected ${PACKAGE_NAME}`);
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', pkg.name);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	for (const entry of packedEntries(root, pkg)) {
		fs.cpSync(path.join(root, entry), path.join(target, entry), { recursive: true });
	}
	return target;
}
