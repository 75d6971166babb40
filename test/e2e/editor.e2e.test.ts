/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * Every shipped workflow opens in the n8n editor with every node known, and reads at fit-to-view
 * in a 1440×900 window: labels and sticky-note text big enough on screen, no node on another, on a
 * note's text or under the editor's floating buttons. Headless Chromium logs in as the e2e owner
 * and opens /workflow/<id>; n8n fits the canvas to the window on open. Two canaries prove the
 * checks still see what they look for in this n8n version: a made-up node type must be flagged as
 * unknown, and the client triage sweep as it was before issue 11 (28 nodes, text about 4 px high)
 * must fail the readability check.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { PACKAGE_NAME, REPO_ROOT, selectedVersions } from '../../scripts/e2e/config';
import { prepareN8n } from '../../scripts/e2e/n8n';
import type {
	CredentialToImport,
	N8nInstance,
	RunningN8n,
	WorkflowJson,
} from '../../scripts/e2e/n8n';
import {
	chromiumAvailable,
	closeQuietly,
	launchChromium,
	recordPage,
	screenshot,
} from './browser/chromium';
import {
	canvasLayout,
	canvasNodes,
	CANARY_TYPE,
	READABLE,
	readabilityProblems,
	waitForCanvas,
} from './browser/editorCanvas';
import type { CanvasLayout } from './browser/editorCanvas';

const STICKY_TYPE = 'n8n-nodes-base.stickyNote';
const WORKFLOW_DIR = path.join(REPO_ROOT, 'workflows');
const VIEWPORT = { width: 1440, height: 900 };
const UNREADABLE_SWEEP = path.join(__dirname, 'workflows', 'unreadable-triage-sweep.json');

interface WorkflowNode {
	name: string;
	type: string;
	credentials?: Record<string, { id: string; name: string }>;
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as WorkflowJson;

/** Read when the suite runs: the shipped workflows are whatever files exist then. */
function shippedWorkflows(): WorkflowJson[] {
	if (!fs.existsSync(WORKFLOW_DIR)) return [];
	return fs
		.readdirSync(WORKFLOW_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => readJson(path.join(WORKFLOW_DIR, file)));
}

/** Placeholder credentials for every one the workflows reference, so the editor shows no missing credential. */
function referencedCredentials(workflows: WorkflowJson[]): CredentialToImport[] {
	const byId = new Map<string, CredentialToImport>();
	for (const workflow of workflows) {
		for (const node of workflow.nodes as WorkflowNode[]) {
			for (const [type, ref] of Object.entries(node.credentials ?? {}))
				byId.set(ref.id, { id: ref.id, name: ref.name, type, data: {} });
		}
	}
	return [...byId.values()];
}

function canaryWorkflow(): WorkflowJson {
	return {
		id: 'e2eEditorCanary01',
		name: 'e2e: canary with an unknown node type',
		nodes: [
			{
				id: 'c0000000-0000-4000-8000-000000000001',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'c0000000-0000-4000-8000-000000000002',
				name: 'Not Installed',
				type: CANARY_TYPE,
				typeVersion: 1,
				position: [240, 0],
				parameters: {},
			},
		],
		connections: { Start: { main: [[{ node: 'Not Installed', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Saves a workflow as the editor does (its import dialog saves through the same endpoint), keeping its id. */
async function saveWorkflow(running: RunningN8n, workflow: WorkflowJson): Promise<void> {
	const response = await fetch(`${running.url}/rest/workflows`, {
		method: 'POST',
		headers: { cookie: running.cookie, 'content-type': 'application/json' },
		body: JSON.stringify(workflow),
	});
	if (!response.ok)
		throw new Error(
			`Saving workflow ${workflow.id} failed: ${response.status} ${(await response.text()).slice(0, 300)}`,
		);
}

function figures(layout: CanvasLayout): string {
	const smallest = (values: Array<number | undefined>) =>
		Math.min(...values.filter((value): value is number => value !== undefined));
	return `zoom ${layout.zoom.toFixed(3)}, labels ≥ ${smallest(layout.nodes.map((node) => node.labelPx))} px, note text ≥ ${smallest(layout.notes.map((note) => note.bodyPx))} px`;
}

const elapsed = (started: number) => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const suite = chromiumAvailable('the editor browser tests') ? describe : describe.skip;
const workflows = shippedWorkflows();

suite.each(selectedVersions().map((spec) => spec.version))(
	'shipped workflows in the n8n %s editor',
	(version) => {
		let n8n: N8nInstance;
		let running: RunningN8n;
		let browser: Browser;
		let context: BrowserContext;
		let page: Page;

		beforeAll(async () => {
			const started = Date.now();
			n8n = await prepareN8n({ version, label: 'editor' });
			const unreadable = readJson(UNREADABLE_SWEEP);
			const credentials = referencedCredentials([...workflows, unreadable]);
			if (credentials.length) await n8n.importCredentials(credentials);
			[running, browser] = await Promise.all([n8n.start(), launchChromium()]);
			for (const workflow of [...workflows, canaryWorkflow(), unreadable])
				await saveWorkflow(running, workflow);
			context = await browser.newContext({ viewport: VIEWPORT });
			// Logged in as the e2e owner: the session cookie n8n set at owner setup.
			const [name, value] = running.cookie.split(/=(.*)/s);
			await context.addCookies([{ name, value, url: running.url }]);
			page = await context.newPage();
			recordPage(page);
			process.stderr.write(
				`[e2e] n8n ${version}: editor ready in ${elapsed(started)} with ${workflows.length} shipped workflow(s)\n`,
			);
		});

		afterAll(async () => {
			await closeQuietly(context, browser);
			await n8n?.dispose();
		});

		async function open(workflowId: string): Promise<void> {
			await page.goto(`${running.url}/workflow/${workflowId}`, {
				waitUntil: 'domcontentloaded',
				timeout: 120_000,
			});
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

		it('finds the client triage sweep as it was before issue 11 unreadable at fit-to-view', async () => {
			await open('e2eUnreadableSweep');
			const layout = await canvasLayout(page);
			await screenshot(page, `editor-e2eUnreadableSweep-${version}`);
			process.stderr.write(
				`[e2e] n8n ${version}: the old client triage sweep: ${figures(layout)}\n`,
			);
			const problems = readabilityProblems(layout);
			expect(problems).toEqual(
				expect.arrayContaining([
					expect.stringMatching(/label [\d.]+ px < /),
					expect.stringMatching(/text [\d.]+ px < /),
				]),
			);
			// The floating buttons are found, so a node under them would be seen.
			expect(layout.overlays.map((overlay) => overlay.name)).toEqual(
				expect.arrayContaining([
					'[data-test-id="canvas-controls"]',
					'[class*="_executionButtons_"]',
					'[data-test-id="node-creator-plus-button"]',
				]),
			);
		});

		it('has shipped workflows to check', () => {
			expect(workflows.length).toBeGreaterThan(0);
		});

		it.each(workflows.map((workflow) => [workflow.id, workflow]))(
			'opens %s with every node known, readable at fit-to-view',
			async (id, workflow) => {
				const started = Date.now();
				await open(id);
				// Sticky notes are drawn without the node marks (no name or type attribute): they are not nodes to check.
				const expected = (workflow.nodes as WorkflowNode[])
					.filter((node) => node.type !== STICKY_TYPE)
					.map((node) => node.name)
					.sort();
				const nodes = (await canvasNodes(page)).filter((node) => node.type !== STICKY_TYPE);
				expect(nodes.map((node) => node.name).sort()).toEqual(expected);
				expect(nodes.filter((node) => node.unknown)).toEqual([]);
				// This package's icons are files in icons/ that n8n serves from the installed package.
				expect(
					nodes
						.filter((node) => node.type.startsWith(`${PACKAGE_NAME}.`) && !node.iconLoaded)
						.map((node) => node.name),
				).toEqual([]);
				const layout = await canvasLayout(page);
				const file = await screenshot(page, `editor-${id}-${version}`);
				process.stderr.write(
					`[e2e] n8n ${version}: ${id} checked in ${elapsed(started)}: ${figures(layout)}, ${file}\n`,
				);
				expect(layout.notes).toHaveLength(
					(workflow.nodes as WorkflowNode[]).length - expected.length,
				);
				expect({ id, minimum: READABLE, problems: readabilityProblems(layout) }).toEqual({
					id,
					minimum: READABLE,
					problems: [],
				});
			},
		);
	},
);
