/**
 * Mist Remediate in a real n8n against the simulator's demo world: a finding about the offline AP
 * Warehouse-AP-05 leads to a restart the simulator records, the AP reads healthy afterwards, and a
 * second run within the cooldown is refused with an audit record, because the guardrail state
 * persists in the workflow static data between `n8n execute` runs.
 */

import { selectedVersions } from '../../scripts/e2e/config';
import { prepareN8n } from '../../scripts/e2e/n8n';
import type { N8nInstance, WorkflowJson } from '../../scripts/e2e/n8n';
import { startSimulator } from '../../simulator/src/index';
import type { RunningSimulator } from '../../simulator/src/index';
import {
	MIST_CREDENTIAL_ID,
	MIST_CREDENTIAL_NAME,
	mistCredential,
	mistGet,
} from '../../scripts/e2e/mistSimulator';

const WORKFLOW_ID = 'e2eMistRemediate1';
const REMEDIATE = 'Remediate';

interface SimState {
	sites: Array<{
		id: string;
		name: string;
		aps: Array<{ id: string; name: string; status: string }>;
	}>;
	remediations?: Array<{ action: string; path: string; target?: string }>;
	[key: string]: unknown;
}

function offlineApFinding(sim: RunningSimulator, siteId: string, ap: { id: string; mac: string }) {
	return {
		fingerprint: `mist:${sim.orgId}:${siteId}:ap_offline:${ap.mac}`,
		step: 'ap_health',
		rule: 'ap_offline',
		severity: 'major',
		scope: {
			level: 'ap',
			org_id: sim.orgId,
			site_id: siteId,
			site_name: 'Warehouse',
			ap_mac: ap.mac,
			ap_name: 'Warehouse-AP-05',
		},
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

function workflow(finding: object): WorkflowJson {
	const credentials = { mistApi: { id: MIST_CREDENTIAL_ID, name: MIST_CREDENTIAL_NAME } };
	return {
		id: WORKFLOW_ID,
		name: 'e2e Mist Remediate',
		nodes: [
			{
				id: 'r1',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'r2',
				name: 'Finding',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [220, 0],
				parameters: { mode: 'raw', jsonOutput: JSON.stringify(finding), options: {} },
			},
			{
				id: 'r3',
				name: REMEDIATE,
				type: 'n8n-nodes-juniper-mist.mistRemediate',
				typeVersion: 1,
				position: [440, 0],
				credentials,
				parameters: {
					operation: 'fromFinding',
					dryRun: false,
					allowedOperations: ['restartDevice'],
					options: { verify: true, verifyWithinSeconds: 8 },
				},
			},
		],
		connections: {
			Start: { main: [[{ node: 'Finding', type: 'main', index: 0 }]] },
			Finding: { main: [[{ node: REMEDIATE, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

describe.each(selectedVersions().map((spec) => spec.version))(
	'Juniper Mist Remediate in n8n %s',
	(version) => {
		let sim: RunningSimulator;
		let n8n: N8nInstance;
		let siteId: string;
		let ap: { id: string; mac: string; name: string };

		beforeAll(async () => {
			sim = await startSimulator({ port: 0, scenario: 'demo' });
			const site = sim.world.sites.find((entry) => entry.name === 'Warehouse');
			if (!site) throw new Error('The demo scenario has no Warehouse site');
			siteId = site.id;
			const found = site.apIds
				.map((id) => sim.world.aps.get(id))
				.find((entry) => entry?.name === 'Warehouse-AP-05');
			if (!found) throw new Error('The demo scenario has no Warehouse-AP-05');
			ap = { id: found.id, mac: found.mac, name: found.name };
			n8n = await prepareN8n({ version, label: 'mist-remediate' });
			await n8n.importCredentials([mistCredential(sim)]);
			await n8n.importWorkflow(workflow(offlineApFinding(sim, siteId, ap)));
		});

		afterAll(async () => {
			await n8n?.dispose();
			await sim?.close();
		});

		it('restarts the offline AP, sees it healthy, and refuses a second restart within the cooldown', async () => {
			const before = await mistGet<{ status: string }>(
				sim,
				`/sites/${siteId}/stats/devices/${ap.id}`,
			);
			expect(before.status).not.toBe('connected');

			const first = await n8n.execute(WORKFLOW_ID);
			expect(first.errorMessage()).toBeUndefined();
			expect(first.ok).toBe(true);
			const [done] = first.items(REMEDIATE, 0);
			expect(first.items(REMEDIATE, 1)).toEqual([]);
			expect(done).toMatchObject({
				status: 'done',
				operation: 'restartDevice',
				request: { method: 'POST', path: `/api/v1/sites/${siteId}/devices/${ap.id}/restart` },
				target: { site_name: 'Warehouse', device_names: ['Warehouse-AP-05'] },
				why: { source: 'finding', rule: 'ap_offline' },
				guardrail: { decision: 'allowed' },
				result: { statusCode: 200 },
				verification: { checked: true, passed: true },
			});

			const state = (await (await fetch(`${sim.url}/__sim/state`)).json()) as SimState;
			expect(JSON.stringify(state)).toContain(`/sites/${siteId}/devices/${ap.id}/restart`);
			const after = await mistGet<{ status: string }>(
				sim,
				`/sites/${siteId}/stats/devices/${ap.id}`,
			);
			expect(after.status).toBe('connected');

			const second = await n8n.execute(WORKFLOW_ID);
			expect(second.ok).toBe(true);
			expect(second.items(REMEDIATE, 0)).toEqual([]);
			const [refused] = second.items(REMEDIATE, 1);
			expect(refused).toMatchObject({
				status: 'skipped',
				guardrail: { decision: 'blocked', rule: 'cooldown' },
				reason: expect.stringMatching(
					/^cooldown: device "Warehouse-AP-05": restartDevice 0 min ago, cooldown 30 min/,
				),
			});
			const restarts = sim.world.remediations.filter((entry) =>
				entry.path.endsWith(`/devices/${ap.id}/restart`),
			);
			expect(restarts).toHaveLength(1);
		});
	},
);
