/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * What the e2e tests of the shipped workflows share: the Mist simulator (demo scenario), the Cisco
 * ISE simulator mirroring its world and the alert sink, on free ports; the credentials with the
 * ids the shipped workflows reference; and the shipped JSON with the sink address pointed at the
 * sink of the test (the shipped default is the demo's 127.0.0.1:8099).
 */
import fs from 'node:fs';
import path from 'node:path';

import type { N8nInstance, RunningN8n, WorkflowJson } from '../../scripts/e2e/n8n';
import type { ExecutionSummary } from '../../scripts/e2e/restApi';
import { startSimulator } from '../../simulator/src/index';
import type { RunningSimulator } from '../../simulator/src/index';
import { iseScenarioFromWorld, startIseSimulator } from '../../simulator/src/ise/index';
import type { RunningIseSimulator } from '../../simulator/src/ise/index';
import { startAlertSink } from '../../simulator/src/sink/index';
import type { RunningAlertSink, SinkMessage } from '../../simulator/src/sink/index';

export const WORKFLOWS_DIR = path.join(__dirname, '..', '..', 'workflows');
export const DEMO_SINK_URL = 'http://127.0.0.1:8099';

export interface Services {
	sim: RunningSimulator;
	ise: RunningIseSimulator;
	sink: RunningAlertSink;
	close(): Promise<void>;
}

/** Secrets the simulators accept instead of their defaults: canaries a test can search for. */
export interface ServiceSecrets {
	mistToken?: string;
	isePassword?: string;
}

export async function startServices(secrets: ServiceSecrets = {}): Promise<Services> {
	const sim = await startSimulator({ port: 0, scenario: 'demo', token: secrets.mistToken });
	const ise = await startIseSimulator({
		port: 0,
		scenario: iseScenarioFromWorld(sim.world),
		password: secrets.isePassword,
	});
	const sink = await startAlertSink({ httpPort: 0, smtpPort: 0 });
	return {
		sim,
		ise,
		sink,
		close: async () => {
			await Promise.allSettled([sim.close(), ise.close(), sink.close()]);
		},
	};
}

/** The credentials, with the ids and names the shipped workflows reference (shared with the demo). */
export { PAGERDUTY_CANARY_ROUTING_KEY, shippedCredentials } from '../../scripts/shippedCredentials';

export interface ShippedNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	[key: string]: unknown;
}

/** A shipped workflow, its sink URLs moved to the test's sink; `patch` may change node parameters. */
export function shippedWorkflow(
	file: string,
	sink: RunningAlertSink,
	patch?: (nodes: ShippedNode[]) => void,
): WorkflowJson {
	const text = fs
		.readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8')
		.split(DEMO_SINK_URL)
		.join(sink.url);
	const workflow = JSON.parse(text) as WorkflowJson & { nodes: ShippedNode[] };
	patch?.(workflow.nodes);
	return workflow;
}

/**
 * A shipped workflow whose manual trigger is replaced by a production webhook at `path`, so that it
 * runs inside the n8n server (or a queue-mode worker), where Data Tables exist: the `n8n execute`
 * CLI has no Data Table module.
 */
export function startedByWebhook(
	file: string,
	sink: RunningAlertSink,
	copy: { id: string; path: string; trigger?: string },
	patch?: (nodes: ShippedNode[]) => void,
): WorkflowJson {
	const workflow = shippedWorkflow(file, sink, (nodes) => {
		Object.assign(nodeNamed(nodes, copy.trigger ?? 'Run now'), {
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2.1,
			webhookId: copy.path,
			parameters: { httpMethod: 'POST', path: copy.path, options: {} },
		});
		// Only the test starts the copy: a published schedule (the triage sweep's is 30 s) would
		// start runs of its own beside it.
		for (const node of nodes)
			if (node.type === 'n8n-nodes-base.scheduleTrigger') node.disabled = true;
		patch?.(nodes);
	});
	return { ...workflow, id: copy.id, name: `${String(workflow.name)} (started by a webhook)` };
}

/** The shipped sub-workflows: callers reference them by these ids, so they must be published first. */
export const ALERT_CHANNELS = { file: 'alert-channels.json', id: 'wfAlertChannels' };
export const TRIAGE_HISTORY = { file: 'client-triage-history.json', id: 'wfTriageHistory' };

export function nodeNamed(nodes: ShippedNode[], name: string): ShippedNode {
	const node = nodes.find((entry) => entry.name === name);
	if (!node) throw new Error(`No node "${name}" in the workflow`);
	return node;
}

/** The items a node of a saved execution (REST API) emitted on one output, over all its runs. */
export function outputOf(
	execution: ExecutionSummary,
	node: string,
	output = 0,
): Array<Record<string, unknown>> {
	type Runs = Record<
		string,
		Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>
	>;
	const data = execution.data as { resultData?: { runData?: Runs } } | undefined;
	return (data?.resultData?.runData?.[node] ?? []).flatMap((run) =>
		(run.data?.main?.[output] ?? []).map((item) => item.json),
	);
}

export async function simState(
	sim: RunningSimulator,
): Promise<{ remediations: Array<{ action: string; path: string }>; [key: string]: unknown }> {
	const response = await fetch(`${sim.url}/__sim/state`);
	return (await response.json()) as { remediations: Array<{ action: string; path: string }> };
}

export const byChannel = (messages: SinkMessage[], channel: SinkMessage['channel']) =>
	messages.filter((message) => message.channel === channel);

/** Waits until the sink holds at least `count` messages matching `keep` (deliveries run after the execution is saved). */
export async function waitForMessages(
	sink: RunningAlertSink,
	keep: (message: SinkMessage) => boolean,
	count = 1,
	timeoutMs = 15_000,
): Promise<SinkMessage[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = sink.messages().filter(keep);
		if (found.length >= count || Date.now() > deadline) return found;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

export const pause = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

export function logDuration(label: string, startedAt: number): void {
	process.stderr.write(`[e2e] ${label} took ${Date.now() - startedAt} ms\n`);
}

/**
 * The n8n log files (CLI commands and the server) that contain `secret`. The stdout log of an
 * `n8n execute` ends with the run's JSON, which the harness prints on purpose: only the lines
 * before it (n8n's own messages) count there, unless `withRunJson`.
 */
export function logsContaining(logDir: string, secret: string, withRunJson = false): string[] {
	return fs
		.readdirSync(logDir)
		.filter((file) => {
			const text = fs.readFileSync(path.join(logDir, file), 'utf8');
			const own = !withRunJson && /-execute\.log$/.test(file) ? text.split(/^\{$/m)[0] : text;
			return own.includes(secret);
		})
		.sort();
}

function filesUnder(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? filesUnder(full) : [full];
	});
}

/**
 * Where any of `secrets` can be read: n8n's SQLite files (workflows, static data, executions, the
 * deduplication store; credentials are encrypted there), the workflow and its executions read back
 * over the public API, and n8n's logs. Names the places; an empty list means nowhere.
 * `database: false` leaves the database files out, for a secret n8n itself keeps there by design
 * (an API key lives in its user_api_keys table); `executions: false` leaves the executions out,
 * for a secret that belongs in some items by design (the PagerDuty key in Tier 3 pages).
 */
export async function secretSightings(
	n8n: N8nInstance,
	running: RunningN8n,
	workflowIds: string[],
	secrets: string[],
	options: { database?: boolean; executions?: boolean } = {},
): Promise<string[]> {
	const places: Array<{ place: string; text: string }> = [];
	const dataDir = path.join(n8n.userFolder, '.n8n');
	if (options.database !== false) {
		for (const file of filesUnder(dataDir).filter((name) => /database\.sqlite/.test(name)))
			places.push({ place: path.relative(dataDir, file), text: fs.readFileSync(file, 'latin1') });
		// A search of nothing would prove nothing: the database must have been found and read.
		if (places.length === 0) throw new Error(`No n8n database under ${dataDir}`);
	}
	for (const file of filesUnder(n8n.logDir))
		places.push({ place: `log ${path.basename(file)}`, text: fs.readFileSync(file, 'utf8') });
	for (const id of workflowIds) {
		const response = await fetch(`${running.url}/api/v1/workflows/${encodeURIComponent(id)}`, {
			headers: { 'X-N8N-API-KEY': running.apiKey },
		});
		if (!response.ok) throw new Error(`GET workflow ${id} answered ${response.status}`);
		places.push({ place: `workflow ${id} (API)`, text: await response.text() });
		if (options.executions === false) continue;
		const executions = await running.listExecutions(id, { includeData: true });
		places.push({ place: `executions of ${id} (API)`, text: JSON.stringify(executions) });
	}
	return places.flatMap(({ place, text }) =>
		secrets
			.filter((secret) => text.includes(secret))
			.map((secret) => `${secret.slice(0, 6)}… in ${place}`),
	);
}

/** A workflow's static data, read back over the public API. */
export async function staticDataOf(running: RunningN8n, workflowId: string): Promise<unknown> {
	const response = await fetch(
		`${running.url}/api/v1/workflows/${encodeURIComponent(workflowId)}`,
		{
			headers: { 'X-N8N-API-KEY': running.apiKey },
		},
	);
	return ((await response.json()) as { staticData?: unknown }).staticData;
}

/** Everything n8n has logged so far (its CLI and server output). */
export function n8nLogText(n8n: N8nInstance): string {
	return filesUnder(n8n.logDir)
		.map((file) => fs.readFileSync(file, 'utf8'))
		.join('\n');
}
