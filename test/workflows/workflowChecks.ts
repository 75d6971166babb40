/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
/**
 * Helpers of the static checks of the shipped workflows: reading them, the node types and
 * versions this package and the cached n8n installs provide, and a scan for secrets.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const REPO = path.join(__dirname, '..', '..');
export const WORKFLOWS_DIR = path.join(REPO, 'workflows');
export const PACKAGE_NAME = 'n8n-nodes-juniper-mist';
/** The n8n versions the e2e tests run; both must know every base node a workflow uses. */

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	onError?: string;
	disabled?: boolean;
	[key: string]: unknown;
}

export interface Connection {
	node: string;
	type: string;
	index: number;
}

export interface Workflow {
	id: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, Record<string, Array<Connection[] | null>>>;
	settings?: { executionOrder?: string };
	[key: string]: unknown;
}

export function workflowFiles(): string[] {
	return fs.existsSync(WORKFLOWS_DIR)
		? fs
				.readdirSync(WORKFLOWS_DIR)
				.filter((file) => file.endsWith('.json'))
				.sort()
		: [];
}

export function readWorkflow(file: string): Workflow {
	return JSON.parse(fs.readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8')) as Workflow;
}

/** Every edge of the workflow as [from, output, to]. */
export function edges(
	workflow: Workflow,
): Array<{ from: string; output: number; to: string; input: number }> {
	return Object.entries(workflow.connections).flatMap(([from, byType]) =>
		Object.values(byType).flatMap((outputs) =>
			(outputs ?? []).flatMap((targets, output) =>
				(targets ?? []).map((target) => ({ from, output, to: target.node, input: target.index })),
			),
		),
	);
}

/** Node types of this package (`package.json` n8n.nodes) with their versions, read from the sources. */
export function packageNodeVersions(): Map<string, number[]> {
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[] };
	};
	const types = new Map<string, number[]>();
	for (const built of pkg.n8n.nodes) {
		const source = fs.readFileSync(
			path.join(REPO, built.replace(/^dist\//, '').replace(/\.js$/, '.ts')),
			'utf8',
		);
		const name = /displayName: '[^']*',\s*name: '(\w+)'/.exec(source)?.[1];
		const version = /\bversion: (\[[^\]]*\]|[\d.]+)/.exec(source)?.[1];
		if (!name || !version) throw new Error(`Cannot read the name and version of ${built}`);
		const parsed = JSON.parse(version) as number | number[];
		types.set(`${PACKAGE_NAME}.${name}`, Array.isArray(parsed) ? parsed : [parsed]);
	}
	return types;
}

const VERSIONS_SCRIPT = `
const path = require('path');
const [base, ...types] = process.argv.slice(1);
const pkg = require(path.join(base, 'package.json'));
const out = {};
for (const type of types) {
  const file = pkg.n8n.nodes.find((entry) => entry.toLowerCase().endsWith('/' + type.toLowerCase() + '.node.js'));
  if (!file) continue;
  const module = require(path.join(base, file));
  for (const NodeClass of Object.values(module)) {
    if (typeof NodeClass !== 'function') continue;
    const node = new NodeClass();
    if (node.description?.name !== type) continue;
    const versions = node.nodeVersions ? Object.keys(node.nodeVersions).map(Number) : [].concat(node.description.version);
    out[type] = versions;
  }
}
process.stdout.write(JSON.stringify(out));
`;

/** typeVersions of the given n8n-nodes-base types in one n8n install (its folder with node_modules/). */
export function baseNodeVersions(installDir: string, types: string[]): Record<string, number[]> {
	const base = path.join(installDir, 'node_modules', 'n8n-nodes-base');
	const names = types.map((type) => type.replace(/^n8n-nodes-base\./, ''));
	// A child process: n8n-nodes-base is CommonJS with its own n8n-workflow, outside jest's module registry.
	const output = execFileSync(process.execPath, ['-e', VERSIONS_SCRIPT, base, ...names], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
		timeout: 120_000,
	});
	const found = JSON.parse(output) as Record<string, number[]>;
	return Object.fromEntries(
		Object.entries(found).map(([name, versions]) => [`n8n-nodes-base.${name}`, versions]),
	);
}

const SECRET_KEY =
	/(password|passwd|secret|token|api[-_]?key|routing[-_]?key|authorization|private[-_]?key)/i;
const SECRET_VALUE: Array<[string, RegExp]> = [
	['Slack webhook', /hooks\.slack\.com\/services\/[A-Za-z0-9/]+/],
	['Slack token', /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
	['bearer or token header', /\b(Bearer|Token)\s+[A-Za-z0-9._~+/-]{16,}/],
	['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
	['AWS key', /\bAKIA[0-9A-Z]{16}\b/],
	// An Events API v2 integration key: 32 letters and digits.
	[
		'PagerDuty routing key',
		/(?<![A-Za-z0-9_-])(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{32}(?![A-Za-z0-9_-])/,
	],
	['routing key literal', /routing_key['"]?\s*:\s*['"`][^'"`]{6,}/],
	[
		'long random string',
		/(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])/,
	],
];

/** Where a workflow holds something that looks like a secret: `path: reason`. */
export function secretsIn(value: unknown, where = ''): string[] {
	if (typeof value === 'string') {
		return SECRET_VALUE.filter(([, pattern]) => pattern.test(value)).map(
			([reason]) => `${where}: ${reason}`,
		);
	}
	if (Array.isArray(value))
		return value.flatMap((entry, index) => secretsIn(entry, `${where}[${index}]`));
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, entry]) => {
			const here = where ? `${where}.${key}` : key;
			// Credentials are referenced by id and name only; the key check is for inline values.
			const inline =
				SECRET_KEY.test(key) && typeof entry === 'string' && entry !== '' && !entry.startsWith('=');
			return [
				...(inline ? [`${here}: a value under a secret-like key`] : []),
				...secretsIn(entry, here),
			];
		});
	}
	return [];
}
