/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * The package as a user gets it: `npm pack` ships the nodes, the credentials and the shipped
 * workflows, and the README's by-hand command (`cd ~/.n8n/nodes && npm install
 * n8n-nodes-juniper-mist`) installs it on Node 20 without pulling n8n-workflow (whose newest
 * versions need Node 24). Every other e2e suite loads the package installed by the same route.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { PACKAGE_NAME, REPO_ROOT } from '../../scripts/e2e/config';
import { BY_HAND_INSTALL_ARGS, installTarballByHand, packPackage } from '../../scripts/e2e/package';
import { runGroup } from '../../scripts/e2e/processes';

let work: string;
let tarball: string;

beforeAll(async () => {
	work = fs.mkdtempSync(path.join(os.tmpdir(), 'package-install-'));
	tarball = await packPackage(path.join(work, 'pack'));
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

async function tarballFiles(): Promise<string[]> {
	const listing = path.join(work, 'listing.txt');
	const result = await runGroup({
		command: 'tar',
		args: ['tzf', tarball],
		env: process.env,
		stdoutFile: listing,
		timeoutMs: 60_000,
	});
	expect(result.exitCode).toBe(0);
	return result.stdout
		.split('\n')
		.filter(Boolean)
		.map((entry) => entry.replace(/^package\//, ''));
}

it('ships every shipped workflow, the built nodes and credentials, and no sources or tests', async () => {
	const files = await tarballFiles();
	const workflows = fs
		.readdirSync(path.join(REPO_ROOT, 'workflows'))
		.filter((file) => file.endsWith('.json'));
	expect(workflows.length).toBeGreaterThan(0);
	for (const workflow of workflows) expect(files).toContain(`workflows/${workflow}`);
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(entry);
	expect(
		files.filter(
			(file) =>
				/^(nodes|credentials|test|simulator|scripts)\//.test(file) ||
				(file.endsWith('.ts') && !file.endsWith('.d.ts')),
		),
	).toEqual([]);
});

it("is installed by the README's by-hand command with nothing but itself, offline", async () => {
	const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
	expect(readme).toContain(`cd ~/.n8n/nodes && npm ${BY_HAND_INSTALL_ARGS.join(' ')}`);

	// A project above the user folder must stay untouched: npm installs into ~/.n8n/nodes, not the nearest project.
	const project = path.join(work, 'project');
	fs.mkdirSync(project, { recursive: true });
	fs.writeFileSync(path.join(project, 'package.json'), '{"name":"some-project","private":true}');
	const n8nFolder = path.join(project, 'home', '.n8n');
	const installed = await installTarballByHand(n8nFolder, tarball);
	expect(fs.readFileSync(path.join(project, 'package.json'), 'utf8')).toBe(
		'{"name":"some-project","private":true}',
	);
	expect(fs.existsSync(path.join(project, 'node_modules'))).toBe(false);
	expect(
		fs
			.readdirSync(path.join(n8nFolder, 'nodes', 'node_modules'))
			.filter((entry) => !entry.startsWith('.')),
	).toEqual([PACKAGE_NAME]);
	const manifest = JSON.parse(
		fs.readFileSync(path.join(installed, 'package.json'), 'utf8'),
	) as Record<string, unknown>;
	expect(manifest.dependencies).toBeUndefined();
	expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	expect(
		fs.existsSync(path.join(installed, 'dist', 'nodes', 'MistDiagnose', 'MistDiagnose.node.js')),
	).toBe(true);
	expect(fs.readdirSync(path.join(installed, 'workflows')).length).toBeGreaterThan(0);
});
