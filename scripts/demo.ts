/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console */
/**
 * `npm run demo`: the package running end to end without a Mist account. Starts the Mist
 * simulator (demo scenario), the Cisco ISE simulator and the alert sink, then a real n8n (pinned,
 * installed on first use) on its embedded SQLite with this package, the credentials and the
 * shipped workflows; runs the sweeps once so findings show at once, and stops everything on Ctrl-C.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from './e2e/config';
import { prepareN8n } from './e2e/n8n';
import type { CredentialToImport, WorkflowJson } from './e2e/n8n';
import { ensurePackageBuilt } from './e2e/package';
import { E2E_OWNER } from './e2e/restApi';
import { shippedCredentials } from './shippedCredentials';
import { startSimulator } from '../simulator/src/index';
import { iseScenarioFromWorld, startIseSimulator } from '../simulator/src/ise/index';
import { startAlertSink } from '../simulator/src/sink/index';

/** The n8n the demo runs: the newest that runs on Node 20. */
const DEMO_N8N_VERSION = '2.8.4';
const PORTS = { mist: 8090, ise: 8091, sinkHttp: 8099, smtp: 2525 };
const DEMO_FOLDER = path.join(REPO_ROOT, '.demo');
const WORKFLOWS_DIR = path.join(REPO_ROOT, 'workflows');

function workflowFiles(): WorkflowJson[] {
	if (!fs.existsSync(WORKFLOWS_DIR)) return [];
	return fs
		.readdirSync(WORKFLOWS_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => JSON.parse(fs.readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8')) as WorkflowJson);
}

const typesOf = (workflow: WorkflowJson) => (workflow.nodes as Array<{ type: string }>).map((node) => node.type);
const isActivatable = (workflow: WorkflowJson) =>
	typesOf(workflow).some((type) => /Trigger$|\.webhook$|\.formTrigger$/.test(type) && !type.endsWith('.manualTrigger'));
const isRunnableNow = (workflow: WorkflowJson) => typesOf(workflow).includes('n8n-nodes-base.manualTrigger');

async function main() {
	console.log('Building the package…');
	await ensurePackageBuilt();

	const mist = await startSimulator({ port: PORTS.mist, scenario: 'demo' });
	const ise = await startIseSimulator({ port: PORTS.ise, scenario: iseScenarioFromWorld(mist.world) });
	const sink = await startAlertSink({ httpPort: PORTS.sinkHttp, smtpPort: PORTS.smtp });
	const stopServices = async () => {
		await Promise.allSettled([mist.close(), ise.close(), sink.close()]);
	};

	fs.rmSync(DEMO_FOLDER, { recursive: true, force: true });
	console.log(`Preparing n8n ${DEMO_N8N_VERSION} (installed on first use, a few minutes)…`);
	const n8n = await prepareN8n({ version: DEMO_N8N_VERSION, userFolder: DEMO_FOLDER, label: 'demo' });
	const credentials: CredentialToImport[] = shippedCredentials({ sim: mist, ise, sink });
	// A fresh dashboard password per demo run: nothing secret lives in the repository.
	const dashboardLogin = { user: 'noc', password: randomBytes(9).toString('base64url') };
	credentials.push({ id: 'demoDashboardAuth', name: 'Dashboard login', type: 'httpBasicAuth', data: dashboardLogin });
	await n8n.importCredentials(credentials);
	const workflows = workflowFiles();
	for (const workflow of workflows) await n8n.importWorkflow(workflow);

	const server = await n8n.start();
	for (const workflow of workflows.filter(isActivatable)) {
		try {
			await server.activateWorkflow(workflow.id);
		} catch (error) {
			console.log(`  could not activate "${workflow.name}": ${(error as Error).message.slice(0, 200)}`);
		}
	}

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

	console.log(`
n8n-nodes-juniper-mist demo is running.

  n8n editor      ${server.url}    login ${E2E_OWNER.email} / ${E2E_OWNER.password}
  Mist simulator  ${mist.url}/api/v1    token ${mist.token}, org ${mist.orgId} (scenario: demo)
  Cisco ISE sim   ${ise.url}
  Dashboard       ${server.url}/webhook/mist-dashboard    login ${dashboardLogin.user} / ${dashboardLogin.password}
  Alerts land in  ${sink.url}/messages   (Slack, webhook, PagerDuty; email via SMTP 127.0.0.1:${sink.smtpPort})
  Workflows       ${workflows.map((workflow) => workflow.name).join('; ') || 'none found in workflows/'}

Ctrl-C stops everything.`);

	for (const workflow of workflows.filter(isRunnableNow)) {
		const result = await n8n.execute(workflow.id);
		console.log(`  ran "${workflow.name}": ${result.ok ? 'ok' : `failed: ${result.errorMessage()}`}`);
	}
}

main().catch((error: Error) => {
	console.error(`The demo could not start: ${error.message}`);
	process.exit(1);
});
