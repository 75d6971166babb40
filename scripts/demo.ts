/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console */
/**
 * `npm run demo`: the package running end to end without a Mist account. Starts the Mist
 * simulator (demo scenario), the Cisco ISE simulator and the alert sink, then a real n8n (pinned,
 * installed on first use) on its embedded SQLite with this package, the credentials and the
 * shipped workflows; runs the sweeps once in the n8n server, prints every address a user needs,
 * and stops everything on Ctrl-C. `npm run demo -- --port 5700` moves n8n off its default port.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { REPO_ROOT, versionSpec } from './e2e/config';
import { allInstalled, ensureN8nInstalled, installNotice } from './e2e/install';
import { setLogPrefix } from './e2e/log';
import { prepareN8n } from './e2e/n8n';
import type { CredentialToImport, RunningN8n, WorkflowJson } from './e2e/n8n';
import { ensurePackageBuilt } from './e2e/package';
import type { OwnerAccount } from './e2e/restApi';
import { shippedCredentials } from './shippedCredentials';
import { startSimulator } from '../simulator/src/index';
import { iseScenarioFromWorld, startIseSimulator } from '../simulator/src/ise/index';
import { startAlertSink } from '../simulator/src/sink/index';

/** The n8n the demo runs: the newest that runs on Node 20. */
const DEMO_N8N_VERSION = '2.8.4';
const DEFAULT_N8N_PORT = 5678;
const SERVICE_PORTS = {
	'Mist simulator': 8090,
	'Cisco ISE simulator': 8091,
	'alert sink (HTTP)': 8099,
	'alert sink (SMTP)': 2525,
};
const DEMO_FOLDER = path.join(REPO_ROOT, '.demo');
const WORKFLOWS_DIR = path.join(REPO_ROOT, 'workflows');

interface DemoNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	webhookId?: string;
}

function workflowFiles(): WorkflowJson[] {
	if (!fs.existsSync(WORKFLOWS_DIR)) return [];
	return fs
		.readdirSync(WORKFLOWS_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map(
			(file) => JSON.parse(fs.readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8')) as WorkflowJson,
		);
}

const nodesOf = (workflow: WorkflowJson) => workflow.nodes as DemoNode[];
const isTriggered = (node: DemoNode) =>
	/Trigger$|\.webhook$/.test(node.type) && !node.type.endsWith('.manualTrigger');
const isActivatable = (workflow: WorkflowJson) => nodesOf(workflow).some(isTriggered);
/** A sub-workflow: started only by other workflows, which n8n lets publish only after it. */
const isSubWorkflow = (workflow: WorkflowJson) =>
	nodesOf(workflow)
		.filter(isTriggered)
		.every((node) => node.type === 'n8n-nodes-base.executeWorkflowTrigger');
const manualTrigger = (workflow: WorkflowJson) =>
	nodesOf(workflow).find((node) => node.type === 'n8n-nodes-base.manualTrigger');

/** The addresses a person opens or points Mist at, read from the trigger nodes of the workflows. */
function entryPoints(workflows: WorkflowJson[], baseUrl: string): string[] {
	const lines: string[] = [];
	for (const workflow of workflows) {
		for (const node of nodesOf(workflow)) {
			const pathParam =
				typeof node.parameters.path === 'string' && node.parameters.path
					? node.parameters.path
					: node.webhookId;
			if (node.type === 'n8n-nodes-base.webhook')
				lines.push(`${workflow.name} (${node.name})\n      ${baseUrl}/webhook/${pathParam}`);
			if (node.type === 'n8n-nodes-base.formTrigger')
				lines.push(`${workflow.name} (form)\n      ${baseUrl}/form/${pathParam}`);
			if (node.type.endsWith('.mistTrigger'))
				lines.push(
					`${workflow.name} (Mist delivers here)\n      ${baseUrl}/webhook/${node.webhookId}/webhook`,
				);
		}
	}
	return lines;
}

function parsePort(argv: string[]): number {
	const index = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
	if (index < 0) return DEFAULT_N8N_PORT;
	const raw = argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 1024 || port > 65534)
		throw new Error(`--port must be a port number between 1024 and 65534, got "${raw ?? ''}"`);
	return port;
}

function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

async function checkPorts(n8nPort: number): Promise<void> {
	const wanted: Array<[string, number]> = [['n8n', n8nPort], ...Object.entries(SERVICE_PORTS)];
	for (const [what, port] of wanted) {
		if (await portIsFree(port)) continue;
		const hint =
			what === 'n8n'
				? `choose another with npm run demo -- --port <port>`
				: 'stop what uses it (an earlier demo still running?)';
		throw new Error(`port ${port} for the ${what} is in use: ${hint}`);
	}
}

async function runSweeps(server: RunningN8n, workflows: WorkflowJson[]): Promise<string[]> {
	const failures: string[] = [];
	for (const workflow of workflows) {
		const trigger = manualTrigger(workflow);
		if (!trigger) continue;
		const started = Date.now();
		const execution = await server.runInServer(workflow.id, trigger.name);
		const seconds = ((Date.now() - started) / 1000).toFixed(1);
		if (execution.status === 'success') console.log(`  ran "${workflow.name}" (${seconds} s)`);
		else
			failures.push(
				`"${workflow.name}" ended with status ${execution.status}; open it in the editor's Executions tab`,
			);
	}
	return failures;
}

async function main() {
	const n8nPort = parsePort(process.argv.slice(2));
	setLogPrefix('  ');
	await checkPorts(n8nPort);
	console.log('Building the package…');
	await ensurePackageBuilt();
	const spec = versionSpec(DEMO_N8N_VERSION);
	if (!allInstalled([spec])) console.log(installNotice([spec]));
	await ensureN8nInstalled(spec);

	const mist = await startSimulator({ port: SERVICE_PORTS['Mist simulator'], scenario: 'demo' });
	const ise = await startIseSimulator({
		port: SERVICE_PORTS['Cisco ISE simulator'],
		scenario: iseScenarioFromWorld(mist.world),
	});
	const sink = await startAlertSink({
		httpPort: SERVICE_PORTS['alert sink (HTTP)'],
		smtpPort: SERVICE_PORTS['alert sink (SMTP)'],
	});
	const stopServices = async () => {
		await Promise.allSettled([mist.close(), ise.close(), sink.close()]);
	};

	fs.rmSync(DEMO_FOLDER, { recursive: true, force: true });
	console.log(
		`Starting n8n ${DEMO_N8N_VERSION} with the package, the credentials and the shipped workflows…`,
	);
	// Fresh logins per run: nothing secret lives in the repository.
	const owner: OwnerAccount = {
		email: 'admin@mist-demo.local',
		firstName: 'Demo',
		lastName: 'Admin',
		password: `Demo-${randomBytes(9).toString('base64url')}1`,
	};
	const dashboardLogin = { user: 'noc', password: randomBytes(9).toString('base64url') };
	const n8n = await prepareN8n({
		version: DEMO_N8N_VERSION,
		userFolder: DEMO_FOLDER,
		label: 'demo',
		port: n8nPort,
		owner,
	});
	const credentials: CredentialToImport[] = shippedCredentials({ sim: mist, ise, sink });
	credentials.push({
		id: 'demoDashboardAuth',
		name: 'Dashboard login',
		type: 'httpBasicAuth',
		data: dashboardLogin,
	});
	await n8n.importCredentials(credentials);
	const workflows = workflowFiles();
	await n8n.importWorkflows(workflows);

	const server = await n8n.start();
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the simulators…');
		await n8n.dispose();
		await stopServices();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());

	const activatable = workflows.filter(isActivatable);
	for (const workflow of [
		...activatable.filter(isSubWorkflow),
		...activatable.filter((w) => !isSubWorkflow(w)),
	]) {
		await server.activateWorkflow(workflow.id);
	}
	console.log('Running the sweeps and reports once in n8n, so findings and alerts show at once…');
	const failures = await runSweeps(server, workflows);
	for (const failure of failures) console.log(`  ${failure}`);

	console.log(`
The n8n-nodes-juniper-mist demo is ready.

  n8n editor       ${server.url}
      login ${owner.email} / ${owner.password}
  Alerts           ${sink.url}/messages   (what Slack, Teams, PagerDuty and e-mail would receive)
  ${entryPoints(workflows, server.url).join('\n  ')}
  Dashboard login  ${dashboardLogin.user} / ${dashboardLogin.password}
  Mist simulator   ${mist.url}/api/v1   token ${mist.token}, org ${mist.orgId} (demo scenario: faults on HQ and Warehouse)
  Cisco ISE sim    ${ise.url}

The sweeps run on their schedules from now on. Ctrl-C stops everything.`);
}

main().catch((error: Error) => {
	console.error(`The demo could not start: ${error.message}`);
	process.exit(1);
});
