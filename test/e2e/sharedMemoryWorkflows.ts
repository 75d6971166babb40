/**
 * The workflows of the shared-memory e2e tests (regular and queue mode): ten executions of one
 * finding through Mist Remediate and Mist Alert on the shared memory, and another team's observer.
 */
import { randomUUID } from 'node:crypto';

import type { RunningN8n, WorkflowJson } from '../../scripts/e2e/n8n';
import type { ExecutionSummary } from '../../scripts/e2e/restApi';
import { outputOf, pause } from '../workflows/e2eSupport';
import type { Services } from '../workflows/e2eSupport';

export const CONCURRENT = 10;
export const DASHBOARD_ID = 'mistDashboard001';
export const DASHBOARD_LOGIN = { user: 'noc', password: 'Dashboard-e2e-2' };
export const ACTING_ID = 'e2eSharedMemoryAct';
export const OBSERVER_ID = 'e2eSharedMemoryObs';
export const HOOK_PATH = 'e2e-shared-memory';
export const MEMORY = { memory: 'shared', memoryNamespace: 'default' };
export const CREDENTIALS = {
	mistApi: { id: 'demoMistAccount1', name: 'Mist account' },
	mistSharedMemoryApi: { id: 'demoSharedMemory', name: 'n8n shared memory' },
	mistPagerDutyEventsApi: { id: 'demoPagerDuty001', name: 'PagerDuty Events API' },
};
/** Notify, escalate and page on the first run, so one execution shows every tier. */
export const ALERT_OPTIONS = {
	groupWaitSeconds: 0,
	firstRunDigest: false,
	tier2AfterMinutes: 0,
	tier3AfterMinutes: 0,
	openAfterRuns: 1,
};

export type Json = Record<string, unknown>;

export function offlineApFinding(
	services: Services,
	siteId: string,
	ap: { id: string; mac: string },
) {
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

/**
 * Webhook → the finding → Mist Remediate (for real) and Mist Alert, both on the shared memory.
 * A suite that also runs shipped workflows on the same AP passes its own namespace, so their
 * incidents do not already announce this one.
 */
export function actingWorkflow(
	finding: Json,
	memoryNamespace = MEMORY.memoryNamespace,
): WorkflowJson {
	const memory = { ...MEMORY, memoryNamespace };
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
					...memory,
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
				{ operation: 'evaluate', options: ALERT_OPTIONS, ...memory },
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
export function observerWorkflow(finding: Json): WorkflowJson {
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
export async function tableRows(running: RunningN8n, table: string): Promise<Json[]> {
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

export async function finishedExecutions(
	running: RunningN8n,
	count: number,
): Promise<ExecutionSummary[]> {
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

export const itemsOf = (executions: ExecutionSummary[], name: string, output = 0) =>
	executions.flatMap((execution) => outputOf(execution, name, output));

/** The demo scenario's offline AP, and the finding about it every test workflow acts on. */
export function warehouseApFinding(services: Services): { apId: string; finding: Json } {
	const site = services.sim.world.sites.find((entry) => entry.name === 'Warehouse');
	const ap = site?.apIds
		.map((id) => services.sim.world.aps.get(id))
		.find((entry) => entry?.name === 'Warehouse-AP-05');
	if (!site || !ap) throw new Error('The demo scenario has no Warehouse-AP-05');
	return { apId: ap.id, finding: offlineApFinding(services, site.id, ap) };
}

/** Calls the acting workflow's webhook `count` times at once; returns the HTTP statuses. */
export async function fireTogether(webhookBaseUrl: string, count = CONCURRENT): Promise<number[]> {
	const calls = Array.from({ length: count }, async () => {
		const response = await fetch(`${webhookBaseUrl}/${HOOK_PATH}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		return response.status;
	});
	return await Promise.all(calls);
}
