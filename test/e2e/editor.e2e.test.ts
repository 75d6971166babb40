/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * Issue 8: every shipped workflow opens in the n8n editor with every node known. Headless Chromium
 * logs in as the e2e owner, opens /workflow/<id> and checks each canvas node against the marks n8n
 * puts on a node whose type is not installed. A canary workflow with a made-up node type proves
 * that those marks are still detected in this n8n version (otherwise the check could pass vacuously).
 */
import fs from 'node:fs';
import path from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { REPO_ROOT, selectedVersions } from '../../scripts/e2e/config';
import { prepareN8n } from '../../scripts/e2e/n8n';
import type { CredentialToImport, N8nInstance, RunningN8n, WorkflowJson } from '../../scripts/e2e/n8n';
import { chromiumAvailable, closeQuietly, launchChromium, recordPage, screenshot } from './browser/chromium';
import { canvasNodes, CANARY_TYPE, waitForCanvas } from './browser/editorCanvas';

const STICKY_TYPE = 'n8n-nodes-base.stickyNote';
const WORKFLOW_DIR = path.join(REPO_ROOT, 'workflows');

interface WorkflowNode {
	name: string;
	type: string;
	credentials?: Record<string, { id: string; name: string }>;
}

/** Read when the suite runs: the shipped workflows are whatever files exist then. */
function shippedWorkflows(): WorkflowJson[] {
	if (!fs.existsSync(WORKFLOW_DIR)) return [];
	return fs
		.readdirSync(WORKFLOW_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => JSON.parse(fs.readFileSync(path.join(WORKFLOW_DIR, file), 'utf8')) as WorkflowJson);
}

/** Placeholder credentials for every one the workflows reference, so the editor shows no missing credential. */
function referencedCredentials(workflows: WorkflowJson[]): CredentialToImport[] {
	const byId = new Map<string, CredentialToImport>();
	for (const workflow of workflows) {
		for (const node of workflow.nodes as WorkflowNode[]) {
			for (const [type, ref] of Object.entries(node.credentials ?? {})) byId.set(ref.id, { id: ref.id, name: ref.name, type, data: {} });
		}
	}
	return [...byId.values()];
}

function canaryWorkflow(): WorkflowJson {
	return {
		id: 'e2eEditorCanary01',
		name: 'e2e: canary with an unknown node type',
		nodes: [
			{ id: 'c0000000-0000-4000-8000-000000000001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'c0000000-0000-4000-8000-000000000002', name: 'Not Installed', type: CANARY_TYPE, typeVersion: 1, position: [240, 0], parameters: {} },
		],
		connections: { Start: { main: [[{ node: 'Not Installed', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

const elapsed = (started: number) => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const suite = chromiumAvailable('the editor browser tests') ? describe : describe.skip;
const workflows = shippedWorkflows();

suite.each(selectedVersions().map((spec) => spec.version))('shipped workflows in the n8n %s editor', (version) => {
	let n8n: N8nInstance;
	let running: RunningN8n;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		const started = Date.now();
		n8n = await prepareN8n({ version, label: 'editor' });
		const credentials = referencedCredentials(workflows);
		if (credentials.length) await n8n.importCredentials(credentials);
		for (const workflow of [...workflows, canaryWorkflow()]) await n8n.importWorkflow(workflow);
		running = await n8n.start();
		browser = await launchChromium();
		context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
		// Logged in as the e2e owner: the session cookie n8n set at owner setup.
		const [name, value] = running.cookie.split(/=(.*)/s);
		await context.addCookies([{ name, value, url: running.url }]);
		page = await context.newPage();
		recordPage(page);
		process.stderr.write(`[e2e] n8n ${version}: editor ready in ${elapsed(started)} with ${workflows.length} shipped workflow(s)\n`);
	});

	afterAll(async () => {
		await closeQuietly(context, browser);
		await n8n?.dispose();
	});

	async function open(workflowId: string): Promise<void> {
		await page.goto(`${running.url}/workflow/${workflowId}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
		await waitForCanvas(page);
	}

	it('flags the canary: an unknown node type is detected on the canvas', async () => {
		await open('e2eEditorCanary01');
		const nodes = await canvasNodes(page);
		expect(nodes.map((node) => [node.name, node.notInstalled, node.iconPlaceholder])).toEqual([
			['Start', false, false],
			['Not Installed', true, true],
		]);
	});

	it('has shipped workflows to check', () => {
		expect(workflows.length).toBeGreaterThan(0);
	});

	it.each(workflows.map((workflow) => [workflow.id, workflow]))('opens %s with every node known', async (id, workflow) => {
		const started = Date.now();
		await open(id);
		// Sticky notes are drawn without the node marks (no name or type attribute): they are not nodes to check.
		const expected = (workflow.nodes as WorkflowNode[]).filter((node) => node.type !== STICKY_TYPE).map((node) => node.name).sort();
		const nodes = (await canvasNodes(page)).filter((node) => node.type !== STICKY_TYPE);
		expect(nodes.map((node) => node.name).sort()).toEqual(expected);
		expect(nodes.filter((node) => node.unknown)).toEqual([]);
		const file = await screenshot(page, `editor-${id}-${version}`);
		process.stderr.write(`[e2e] n8n ${version}: ${id} checked in ${elapsed(started)}, ${file}\n`);
	});
});
