/**
 * The shared memory in a real n8n (issue 15): ten production executions started together on the
 * same finding restart the AP once and page once, because Mist Remediate and Mist Alert claim in
 * n8n's Data Tables before they act; a second workflow's Alert sees the same incident and stays
 * quiet; every run leaves an audit row in the `mist_log` table.
 */
import { randomUUID } from 'node:crypto';

import { selectedVersions } from '../../scripts/e2e/config';
import { prepareN8n } from '../../scripts/e2e/n8n';
import type { N8nInstance, RunningN8n, WorkflowJson } from '../../scripts/e2e/n8n';
import type { ExecutionSummary } from '../../scripts/e2e/restApi';
import {
	outputOf,
	pause,
	shippedCredentials,
	shippedWorkflow,
	simState,
	startServices,
} from '../workflows/e2eSupport';
import type { Services } from '../workflows/e2eSupport';

const CONCURRENT = 10;
const DASHBOARD_ID = 'mistDashboard001';
const DASHBOARD_LOGIN = { user: 'noc', password: 'Dashboard-e2e-2' };
const ACTING_ID = 'e2eSharedMemoryAct';
const OBSERVER_ID = 'e2eSharedMemoryObs';
const HOOK_PATH = 'e2e-shared-memory';
const MEMORY = { memory: 'shared', memoryNamespace: 'default' };
const CREDENTIALS = {
	mistApi: { id: 'demoMistAccount1', name: 'Mist account' },
	mistSharedMemoryApi: { id: 'demoSharedMemory', name: 'n8n shared memory' },
	mistPagerDutyEventsApi: { id: 'demoPagerDuty001', name: 'PagerDuty Events API' },
};
/** Notify, escalate and page on the first run, so one execution shows every tier. */
const ALERT_OPTIONS = {
	groupWaitSeconds: 0,
	firstRunDigest: false,
	tier2AfterMinutes: 0,
	tier3AfterMinutes: 0,
	openAfterRuns: 1,
};

type Json = Record<string, unknown>;

function offlineApFinding(services: Services, siteId: string, ap: { id: string; mac: string }) {
	const { orgId } = services.sim;
	return {
		fingerprint: `mist:${orgId}:${siteId}:ap_offline:${ap.mac}`,
		step: 'ap_health',
		rule: 'ap_offline',
		severity: 'critical',
		scope: { level: 'ap', org_id: orgId, site_id: siteId, site_name: 'Warehouse', ap_mac: ap.mac },
		summary: 'AP Warehouse-AP-05 is offline',
		evidence: {},
		likelyCause: 'The AP lost power or its uplink.',
		remediation: {
			kind: 'action',
			operation: 'restartDevice',
			parameters: { site_id: siteId, device_id: ap.id },
			description: 'Restart AP Warehouse-AP-05.',
		},
		followUp: [],
		firstSeen: new Date(Date.now() - 30 * 60_000).toISOString(),
		lastSeen: new Date().toISOString(),
		count: 1,
	};
}

const node = (name: string, type: string, x: number, parameters: Json, extra: Json = {}) => ({
	id: randomUUID(),
	name,
	type,
	typeVersion: 1,
	position: [x, 0],
	parameters,
	...extra,
});

/** Webhook → the finding → Mist Remediate (for real) and Mist Alert, both on the shared memory. */
function actingWorkflow(finding: Json): WorkflowJson {
	return {
		id: ACTING_ID,
		name: 'e2e shared memory: act',
		nodes: [
			node(
				'Hook',
				'n8n-nodes-base.webhook',
				0,
				{ httpMethod: 'POST', path: HOOK_PATH, responseMode: 'onReceived', options: {} },
				{ typeVersion: 2, webhookId: randomUUID() },
			),
			node(
				'Finding',
				'n8n-nodes-base.set',
				220,
				{ mode: 'raw', jsonOutput: JSON.stringify(finding), options: {} },
				{ typeVersion: 3.4 },
			),
			node(
				'Remediate',
				'n8n-nodes-juniper-mist.mistRemediate',
				440,
				{
					operation: 'fromFinding',
					dryRun: false,
					allowedOperations: ['restartDevice'],
					options: { verify: false },
					...MEMORY,
				},
				{
					credentials: {
						mistApi: CREDENTIALS.mistApi,
						mistSharedMemoryApi: CREDENTIALS.mistSharedMemoryApi,
					},
				},
			),
			node(
				'Alert',
				'n8n-nodes-juniper-mist.mistAlert',
				440,
				{ operation: 'evaluate', options: ALERT_OPTIONS, ...MEMORY },
				{
					credentials: {
						mistSharedMemoryApi: CREDENTIALS.mistSharedMemoryApi,
						mistPagerDutyEventsApi: CREDENTIALS.mistPagerDutyEventsApi,
					},
				},
			),
		],
		connections: {
			Hook: { main: [[{ node: 'Finding', type: 'main', index: 0 }]] },
			Finding: {
				main: [
					[
						{ node: 'Remediate', type: 'main', index: 0 },
						{ node: 'Alert', type: 'main', index: 0 },
					],
				],
			},
		},
		settings: { executionOrder: 'v1' },
	};
}

/** Another team's workflow on the same namespace: evaluates the same finding, then lists incidents. */
function observerWorkflow(finding: Json): WorkflowJson {
	const memoryCredential = { mistSharedMemoryApi: CREDENTIALS.mistSharedMemoryApi };
	return {
		id: OBSERVER_ID,
		name: 'e2e shared memory: observe',
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger', 0, {}),
			node(
				'Finding',
				'n8n-nodes-base.set',
				220,
				{ mode: 'raw', jsonOutput: JSON.stringify(finding), options: {} },
				{ typeVersion: 3.4 },
			),
			node(
				'Alert',
				'n8n-nodes-juniper-mist.mistAlert',
				440,
				{ operation: 'evaluate', options: ALERT_OPTIONS, ...MEMORY },
				{ credentials: memoryCredential },
			),
			node(
				'Incidents',
				'n8n-nodes-juniper-mist.mistAlert',
				660,
				{ operation: 'getIncidents', ...MEMORY },
				{ credentials: memoryCredential },
			),
		],
		connections: {
			Start: { main: [[{ node: 'Finding', type: 'main', index: 0 }]] },
			Finding: {
				main: [
					[
						{ node: 'Alert', type: 'main', index: 0 },
						{ node: 'Incidents', type: 'main', index: 0 },
					],
				],
			},
		},
		settings: { executionOrder: 'v1' },
	};
}

/** Rows of one of the memory's Data Tables, read over n8n's public API as a user would. */
async function tableRows(running: RunningN8n, table: string): Promise<Json[]> {
	const headers = { 'X-N8N-API-KEY': running.apiKey, accept: 'application/json' };
	const listed = (await (
		await fetch(`${running.url}/api/v1/data-tables?limit=100`, { headers })
	).json()) as { data: Array<{ id: string; name: string }> };
	const found = listed.data.find((entry) => entry.name === table);
	if (!found) throw new Error(`n8n has no Data Table "${table}"`);
	const rows = (await (
		await fetch(`${running.url}/api/v1/data-tables/${found.id}/rows?limit=250`, { headers })
	).json()) as { data: Json[] };
	return rows.data;
}

async function finishedExecutions(running: RunningN8n, count: number): Promise<ExecutionSummary[]> {
	const deadline = Date.now() + 120_000;
	for (;;) {
		const executions = (await running.listExecutions(ACTING_ID, { includeData: true })).filter(
			(execution) => !['running', 'new', 'waiting'].includes(execution.status),
		);
		if (executions.length >= count) return executions;
		if (Date.now() > deadline)
			throw new Error(`Only ${executions.length} of ${count} executions finished in time`);
		await pause(500);
	}
}

const itemsOf = (executions: ExecutionSummary[], name: string, output = 0) =>
	executions.flatMap((execution) => outputOf(execution, name, output));

describe.each(selectedVersions().map((spec) => spec.version))(
	'the shared memory in n8n %s',
	(version) => {
		let services: Services;
		let n8n: N8nInstance;
		let running: RunningN8n;
		let apId: string;
		let executions: ExecutionSummary[];

		beforeAll(async () => {
			services = await startServices();
			const site = services.sim.world.sites.find((entry) => entry.name === 'Warehouse');
			const ap = site?.apIds
				.map((id) => services.sim.world.aps.get(id))
				.find((entry) => entry?.name === 'Warehouse-AP-05');
			if (!site || !ap) throw new Error('The demo scenario has no Warehouse-AP-05');
			apId = ap.id;
			const finding = offlineApFinding(services, site.id, ap);
			n8n = await prepareN8n({ version, label: 'shared-memory' });
			await n8n.importCredentials([
				...shippedCredentials(services),
				{
					id: 'demoDashboardAuth',
					name: 'Dashboard login',
					type: 'httpBasicAuth',
					data: DASHBOARD_LOGIN,
				},
			]);
			await n8n.importWorkflow(actingWorkflow(finding));
			await n8n.importWorkflow(observerWorkflow(finding));
			await n8n.importWorkflow(shippedWorkflow('network-health-dashboard.json', services.sink));
			running = await n8n.start();
			await running.activateWorkflow(ACTING_ID);
			await running.activateWorkflow(DASHBOARD_ID);
			const calls = Array.from({ length: CONCURRENT }, async () => {
				const response = await fetch(`${running.url}/webhook/${HOOK_PATH}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{}',
				});
				return response.status;
			});
			expect(await Promise.all(calls)).toEqual(Array(CONCURRENT).fill(200));
			executions = await finishedExecutions(running, CONCURRENT);
		});

		afterAll(async () => {
			await n8n?.dispose();
			await services?.close();
		});

		it(`runs all ${CONCURRENT} executions on the shared memory, none failed`, () => {
			expect(executions.map((execution) => execution.status)).toEqual(
				Array(CONCURRENT).fill('success'),
			);
			// Output 0 holds the action taken, output 1 the ones the guardrails skipped.
			const remediate = [
				...itemsOf(executions, 'Remediate', 0),
				...itemsOf(executions, 'Remediate', 1),
			];
			const locations = remediate.map((item) => item.memory);
			expect(locations).toHaveLength(CONCURRENT);
			for (const location of locations)
				expect(location).toEqual({ store: 'n8n data tables', namespace: 'default' });
		});

		it('restarts the AP once: one execution acts, the others are held by its cooldown claim', async () => {
			const restarts = (await simState(services.sim)).remediations.filter(
				(entry) => entry.path.includes(apId) && /restart/.test(entry.path),
			);
			expect(restarts).toHaveLength(1);
			expect(itemsOf(executions, 'Remediate', 0)).toHaveLength(1);
			const skipped = itemsOf(executions, 'Remediate', 1);
			expect(skipped.map((item) => item.status)).toEqual(Array(CONCURRENT - 1).fill('skipped'));
			// The reason names the execution that holds the claim.
			for (const item of skipped) expect(JSON.stringify(item)).toMatch(/claimed by execution \d+/);
		});

		it('notifies once per tier: one chat message, one e-mail, one page', () => {
			expect([0, 1, 2].map((output) => itemsOf(executions, 'Alert', output).length)).toEqual([
				1, 1, 1,
			]);
		});

		it('leaves one audit row per execution in the mist_log Data Table', async () => {
			const audit = (await tableRows(running, 'mist_log')).filter((row) => row.kind === 'audit');
			expect(audit).toHaveLength(CONCURRENT);
		});

		it("another workflow's Alert sees the same incident and stays quiet", async () => {
			const observed = await running.runInServer(OBSERVER_ID, 'Start');
			expect(observed.status).toBe('success');
			expect([0, 1, 2].map((output) => outputOf(observed, 'Alert', output).length)).toEqual([
				0, 0, 0,
			]);
			const incidents = outputOf(observed, 'Incidents');
			const incident = incidents.find((entry) => String(entry.fingerprint).includes('ap_offline'));
			expect(incident).toEqual(
				expect.objectContaining({
					status: 'open',
					reportedBy: expect.arrayContaining([`${ACTING_ID}/Alert`, `${OBSERVER_ID}/Alert`]),
				}),
			);
		});

		it('the shipped dashboard shows the incident and the restart from the store', async () => {
			const login = Buffer.from(`${DASHBOARD_LOGIN.user}:${DASHBOARD_LOGIN.password}`);
			const response = await fetch(`${running.url}/webhook/mist-dashboard`, {
				headers: { authorization: `Basic ${login.toString('base64')}` },
			});
			expect(response.status).toBe(200);
			const html = await response.text();
			const section = (id: string) => {
				const start = html.indexOf(`aria-labelledby="${id}"`);
				return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
			};
			expect(section('h-remediation').toLowerCase()).toContain('restart');
			expect(section('h-remediation')).not.toContain('No remediation recorded');
			expect(html).toContain('AP Warehouse-AP-05 is offline');
		});
	},
);
