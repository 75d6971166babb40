/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * The Juniper Mist Trigger in a real n8n against the simulator: activation registers a signed
 * webhook in Mist, signed deliveries start executions with one item per event, a real
 * severity-less alarm gets its type's severity from /const/alarm_defs (one read for several
 * deliveries), an org+site duplicate starts nothing twice, a wrongly signed or SHA-1-only POST
 * starts nothing, and deactivation removes the webhook again. The webhook secret, derived from the
 * credential (automatic) or kept in a Mist Webhook Secret API credential (existing webhook), is
 * nowhere in static data, executions, the database or the logs.
 */
import { createHmac } from 'node:crypto';

import { deriveWebhookSecret } from '../../nodes/MistTrigger/engine/webhookSecret';
import { n8nLogText, secretSightings, staticDataOf } from '../workflows/e2eSupport';

import { selectedVersions } from '../../scripts/e2e/config';
import { prepareN8n } from '../../scripts/e2e/n8n';
import type { N8nInstance, RunningN8n, WorkflowJson } from '../../scripts/e2e/n8n';
import type { ExecutionSummary } from '../../scripts/e2e/restApi';
import { startSimulator } from '../../simulator/src/index';
import type { RunningSimulator, Scenario, WebhookDelivery } from '../../simulator/src/index';
import {
	MIST_CREDENTIAL_ID,
	MIST_CREDENTIAL_NAME,
	mistCredential,
	mistGet,
	simulatorControl,
} from '../../scripts/e2e/mistSimulator';

const WORKFLOW_ID = 'e2eMistTrigger01';
const TRIGGER_WEBHOOK_ID = '3b8e5f0a-6c1d-4e2f-9a7b-5d4c3b2a1f00';
const TRIGGER = 'Mist Alarms';
const EXISTING_ID = 'e2eMistTrigger02';
const EXISTING_WEBHOOK_ID = '3b8e5f0a-6c1d-4e2f-9a7b-5d4c3b2a1f01';
/** The canary secret of the webhook "registered by hand": it must show up nowhere in clear. */
const HAND_REGISTERED_CANARY = 'whsec-CANARY-4d1f7e2a9b';
const SECRET_CREDENTIAL = { id: 'e2eMistWhSecret1', name: 'Mist webhook secret' };
/** A workflow made before the credential: its secret still in the deprecated Secret parameter. */
const LEGACY_ID = 'e2eMistTrigger03';
const LEGACY_WEBHOOK_ID = '3b8e5f0a-6c1d-4e2f-9a7b-5d4c3b2a1f02';
const LEGACY_PARAMETER_VALUE = 'legacy-parameter-value-e2e';

const SCENARIO: Scenario = {
	name: 'e2e-mist-trigger',
	seed: 7,
	org: { name: 'E2E Trigger Corp' },
	scale: { sites: 2, apsPerSite: 1, clientsPerSite: 2 },
	faults: [],
};

function triggerWorkflow(): WorkflowJson {
	return {
		id: WORKFLOW_ID,
		name: 'e2e Mist trigger',
		nodes: [
			{
				id: 't1',
				name: TRIGGER,
				type: 'n8n-nodes-juniper-mist.mistTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: TRIGGER_WEBHOOK_ID,
				credentials: { mistApi: { id: MIST_CREDENTIAL_ID, name: MIST_CREDENTIAL_NAME } },
				parameters: {
					webhookRegistration: 'automatic',
					scope: 'org',
					org: { __rl: true, mode: 'list', value: '' },
					topics: ['alarms', 'device-updowns'],
					verifySignature: true,
					filters: {},
					options: {},
				},
			},
			{
				id: 't2',
				name: 'Done',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [220, 0],
				parameters: {},
			},
		],
		connections: { [TRIGGER]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** The trigger on a webhook registered by hand, its secret in a Mist Webhook Secret API credential. */
function existingWebhookWorkflow(): WorkflowJson {
	const workflow = triggerWorkflow();
	const [trigger, done] = workflow.nodes as Array<Record<string, unknown>>;
	return {
		...workflow,
		id: EXISTING_ID,
		name: 'e2e Mist trigger (existing webhook)',
		nodes: [
			{
				...trigger,
				webhookId: EXISTING_WEBHOOK_ID,
				credentials: { mistWebhookSecretApi: SECRET_CREDENTIAL },
				parameters: {
					webhookRegistration: 'existing',
					verifySignature: true,
					filters: {},
					options: {},
				},
			},
			done,
		],
	};
}

/** The same, as saved before the credential existed: the secret in the node's Secret parameter. */
function legacyParameterWorkflow(): WorkflowJson {
	const workflow = existingWebhookWorkflow();
	const [trigger, done] = workflow.nodes as Array<Record<string, unknown>>;
	const withoutCredential = { ...trigger };
	delete withoutCredential.credentials;
	return {
		...workflow,
		id: LEGACY_ID,
		name: 'e2e Mist trigger (deprecated Secret parameter)',
		nodes: [
			{
				...withoutCredential,
				webhookId: LEGACY_WEBHOOK_ID,
				parameters: {
					...(trigger.parameters as object),
					secret: LEGACY_PARAMETER_VALUE,
				},
			},
			done,
		],
	};
}

/** POSTs one alarm to a trigger URL, signed (X-Mist-Signature-v2) with `secret`. */
async function postSigned(url: string, secret: string, event: object): Promise<Response> {
	const body = JSON.stringify({ topic: 'alarms', events: [event] });
	return await fetch(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'x-mist-signature-v2': createHmac('sha256', secret).update(body).digest('hex'),
		},
		body,
	});
}

interface MistWebhook {
	id: string;
	url: string;
	topics: string[];
	type: string;
	secret: string | null;
	name: string | null;
}

function triggerItems(execution: ExecutionSummary): Array<Record<string, unknown>> {
	const data = execution.data as {
		resultData?: {
			runData?: Record<
				string,
				Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>
			>;
		};
	};
	return (data?.resultData?.runData?.[TRIGGER]?.[0]?.data?.main?.[0] ?? []).map(
		(item) => item.json,
	);
}

async function fire(
	sim: RunningSimulator,
	topic: string,
	events: object[],
): Promise<WebhookDelivery[]> {
	const response = await fetch(`${sim.url}/__sim/webhooks/fire`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ topic, events }),
	});
	expect(response.status).toBe(200);
	return (await response.json()) as WebhookDelivery[];
}

const alarm = (sim: RunningSimulator, id: string, siteIndex = 0) => ({
	id,
	type: 'device_down',
	group: 'infrastructure',
	severity: 'warn',
	count: 1,
	aps: ['5c5b350e0001'],
	org_id: sim.orgId,
	site_id: sim.world.sites[siteIndex].id,
	timestamp: 1764064800,
	last_seen: 1764064800,
});

/** Juniper's real alarms sample (webhook-messages.html): no severity and no group. */
const rogueAlarm = (sim: RunningSimulator, id: string) => ({
	id,
	type: 'rogue-ap-detected',
	aps: ['5c5b350e0001'],
	bssids: ['00024a000001'],
	count: 16,
	ssids: ['qwerty'],
	update: true,
	org_id: sim.orgId,
	site_id: sim.world.sites[0].id,
	timestamp: 1764064800,
	last_seen: 1764064900,
});

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(selectedVersions().map((spec) => spec.version))(
	'Juniper Mist Trigger in n8n %s',
	(version) => {
		let sim: RunningSimulator;
		let n8n: N8nInstance;
		let running: RunningN8n;
		let webhookUrl: string;

		beforeAll(async () => {
			sim = await startSimulator({ port: 0, scenario: SCENARIO });
			n8n = await prepareN8n({ version, label: 'mist-trigger' });
			await n8n.importCredentials([
				mistCredential(sim),
				{
					...SECRET_CREDENTIAL,
					type: 'mistWebhookSecretApi',
					data: { secret: HAND_REGISTERED_CANARY },
				},
			]);
			await n8n.importWorkflows([
				triggerWorkflow(),
				existingWebhookWorkflow(),
				legacyParameterWorkflow(),
			]);
			running = await n8n.start();
			webhookUrl = `${running.url}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
		});

		afterAll(async () => {
			await n8n?.dispose();
			await sim?.close();
		});

		it('registers a signed org webhook on activation', async () => {
			await running.activateWorkflow(WORKFLOW_ID);
			const webhooks = await mistGet<MistWebhook[]>(sim, `/orgs/${sim.orgId}/webhooks`);
			expect(webhooks).toEqual([
				expect.objectContaining({
					url: webhookUrl,
					topics: ['alarms', 'device-updowns'],
					type: 'http-post',
					secret: '********',
					name: 'n8n e2e Mist trigger',
				}),
			]);
			const stored = sim.world.webhooks.get(webhooks[0].id);
			expect(stored?.secret).toMatch(/^[0-9a-f]{64}$/);
			// Derived from the node's webhook id with the API token, so n8n never has to store it.
			expect(stored?.secret).toBe(deriveWebhookSecret(sim.token, TRIGGER_WEBHOOK_ID));
			expect(await staticDataOf(running, WORKFLOW_ID)).toEqual({
				[`node:${TRIGGER}`]: {
					webhookId: webhooks[0].id,
					webhookCollection: `/orgs/${sim.orgId}/webhooks`,
					secretFingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
				},
			});
		});

		it('starts one execution per signed delivery, with one item per event', async () => {
			const deliveries = await fire(sim, 'alarms', [
				alarm(sim, 'a1'),
				alarm(sim, 'a2'),
				alarm(sim, 'a3', 1),
			]);
			expect(deliveries.map((delivery) => delivery.statusCode)).toEqual([200]);
			const execution = await running.waitForExecution(WORKFLOW_ID);
			expect(execution.status).toBe('success');
			expect(execution.mode).toBe('webhook');
			const items = triggerItems(execution);
			expect(items.map((item) => item.id)).toEqual(['a1', 'a2', 'a3']);
			expect(
				items.every((item) => item.topic === 'alarms' && typeof item.receivedAt === 'string'),
			).toBe(true);
		});

		it('gives a severity-less alarm its type’s severity from /const/alarm_defs, read once for two deliveries', async () => {
			await simulatorControl.clearCalls(sim);
			const seen: string[] = (await running.listExecutions(WORKFLOW_ID)).map((e) => String(e.id));
			for (const id of ['rogue-1', 'rogue-2']) {
				const deliveries = await fire(sim, 'alarms', [rogueAlarm(sim, id)]);
				expect(deliveries.map((delivery) => delivery.statusCode)).toEqual([200]);
				const execution = await running.waitForExecution(WORKFLOW_ID, { ignoreIds: seen });
				seen.push(String(execution.id));
				expect(triggerItems(execution)).toEqual([
					expect.objectContaining({
						id,
						severity: 'warn',
						group: 'security',
						severitySource: 'alarmDefinitions',
					}),
				]);
			}
			const reads = (await simulatorControl.calls(sim)).filter(
				(call) => call.path === '/api/v1/const/alarm_defs',
			);
			expect(reads).toHaveLength(1);
		});

		it('starts nothing for the site-level copy of an event the org webhook already delivered', async () => {
			const before = await running.listExecutions(WORKFLOW_ID);
			const [orgWebhook] = await mistGet<MistWebhook[]>(sim, `/orgs/${sim.orgId}/webhooks`);
			const secret = sim.world.webhooks.get(orgWebhook.id)?.secret;
			const siteId = sim.world.sites[0].id;
			// What an admin would add by hand: the same URL and topic on a site, so Mist delivers twice.
			const created = await fetch(`${sim.url}/api/v1/sites/${siteId}/webhooks`, {
				method: 'POST',
				headers: { Authorization: `Token ${sim.token}`, 'content-type': 'application/json' },
				body: JSON.stringify({
					name: 'site copy',
					type: 'http-post',
					url: webhookUrl,
					topics: ['alarms'],
					secret,
				}),
			});
			const siteWebhook = (await created.json()) as MistWebhook;
			try {
				const deliveries = await fire(sim, 'alarms', [alarm(sim, 'dup-1')]);
				expect(deliveries.map((delivery) => delivery.statusCode)).toEqual([200, 200]);
				const execution = await running.waitForExecution(WORKFLOW_ID, {
					ignoreIds: before.map((e) => String(e.id)),
				});
				expect(triggerItems(execution).map((item) => item.id)).toEqual(['dup-1']);
				await settle(1500);
				expect(await running.listExecutions(WORKFLOW_ID)).toHaveLength(before.length + 1);
			} finally {
				await fetch(`${sim.url}/api/v1/sites/${siteId}/webhooks/${siteWebhook.id}`, {
					method: 'DELETE',
					headers: { Authorization: `Token ${sim.token}` },
				});
			}
		});

		it('answers 401 to a wrongly signed POST and starts nothing', async () => {
			const before = await running.listExecutions(WORKFLOW_ID);
			const response = await fetch(webhookUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-mist-signature-v2': '0'.repeat(64) },
				body: JSON.stringify({ topic: 'alarms', events: [alarm(sim, 'forged')] }),
			});
			expect(response.status).toBe(401);
			expect(await response.json()).toEqual({
				error: expect.stringContaining('X-Mist-Signature-v2'),
			});
			const unsigned = await fetch(webhookUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ topic: 'alarms', events: [alarm(sim, 'unsigned')] }),
			});
			expect(unsigned.status).toBe(401);
			await settle(1500);
			expect(await running.listExecutions(WORKFLOW_ID)).toHaveLength(before.length);
		});

		it('refuses a delivery signed only with SHA-1 while Accept SHA-1 Signatures is off', async () => {
			const before = await running.listExecutions(WORKFLOW_ID);
			await simulatorControl.setQuirks(sim, { webhookSignatures: 'v1' });
			try {
				const deliveries = await fire(sim, 'alarms', [alarm(sim, 'v1-only')]);
				expect(deliveries.map((delivery) => delivery.statusCode)).toEqual([401]);
				expect(deliveries[0].responseBody).toContain('Accept SHA-1 Signatures');
			} finally {
				await simulatorControl.setQuirks(sim, { webhookSignatures: 'both' });
			}
			await settle(1500);
			expect(await running.listExecutions(WORKFLOW_ID)).toHaveLength(before.length);
		});

		it('refuses malformed deliveries (even when correctly signed) with a 4xx and starts nothing', async () => {
			const before = await running.listExecutions(WORKFLOW_ID);
			const [orgWebhook] = await mistGet<MistWebhook[]>(sim, `/orgs/${sim.orgId}/webhooks`);
			const secret = String(sim.world.webhooks.get(orgWebhook.id)?.secret);
			const post = async (body: string, contentType: string) =>
				await fetch(webhookUrl, {
					method: 'POST',
					headers: {
						'content-type': contentType,
						'x-mist-signature-v2': createHmac('sha256', secret).update(body).digest('hex'),
					},
					body,
				});
			const wrongType = await post(JSON.stringify({ topic: 'alarms', events: [] }), 'text/plain');
			expect(wrongType.status).toBe(415);
			expect(await wrongType.json()).toEqual({ error: expect.stringContaining('Content-Type') });
			const noEvents = await post(JSON.stringify({ topic: 'alarms' }), 'application/json');
			expect(noEvents.status).toBe(400);
			expect(await noEvents.json()).toEqual({ error: expect.stringContaining('"events"') });
			const oversized = await post(
				JSON.stringify({ topic: 'alarms', events: [{ text: 'x'.repeat(1100 * 1024) }] }),
				'application/json',
			);
			expect(oversized.status).toBe(413);
			// n8n itself refuses unparsable JSON sent as application/json (422) before the node runs.
			const notJson = await post('{"topic":"alarms",', 'application/json');
			expect(notJson.status).toBeGreaterThanOrEqual(400);
			expect(notJson.status).toBeLessThan(500);
			await settle(1500);
			expect(await running.listExecutions(WORKFLOW_ID)).toHaveLength(before.length);
		});

		it('acknowledges a Mist ping without starting an execution', async () => {
			const before = await running.listExecutions(WORKFLOW_ID);
			const [orgWebhook] = await mistGet<MistWebhook[]>(sim, `/orgs/${sim.orgId}/webhooks`);
			const ping = await fetch(
				`${sim.url}/api/v1/orgs/${sim.orgId}/webhooks/${orgWebhook.id}/ping`,
				{
					method: 'POST',
					headers: { Authorization: `Token ${sim.token}` },
				},
			);
			expect(ping.status).toBe(200);
			const delivered = sim.world.deliveries.filter((delivery) => delivery.topic === 'ping');
			expect(delivered.at(-1)?.statusCode).toBe(200);
			await settle(1500);
			expect(await running.listExecutions(WORKFLOW_ID)).toHaveLength(before.length);
		});

		it('verifies a webhook registered by hand with the secret of its credential', async () => {
			await running.activateWorkflow(EXISTING_ID);
			const url = `${running.url}/webhook/${EXISTING_WEBHOOK_ID}/webhook`;
			const post = async (secret: string, id: string) =>
				await postSigned(url, secret, alarm(sim, id));
			expect((await post('not-the-secret', 'byhand-0')).status).toBe(401);
			expect((await post(HAND_REGISTERED_CANARY, 'byhand-1')).status).toBe(200);
			const execution = await running.waitForExecution(EXISTING_ID);
			expect(execution.status).toBe('success');
			expect(triggerItems(execution)).toEqual([
				expect.objectContaining({
					id: 'byhand-1',
					dedupKey: expect.stringMatching(/^[0-9a-f]{32}$/),
				}),
			]);
			await running.api.deactivateWorkflow(EXISTING_ID);
		});

		it('still verifies with the deprecated Secret parameter of a workflow made before the credential', async () => {
			await running.activateWorkflow(LEGACY_ID);
			const url = `${running.url}/webhook/${LEGACY_WEBHOOK_ID}/webhook`;
			expect((await postSigned(url, 'not-the-secret', alarm(sim, 'legacy-0'))).status).toBe(401);
			expect((await postSigned(url, LEGACY_PARAMETER_VALUE, alarm(sim, 'legacy-1'))).status).toBe(
				200,
			);
			const execution = await running.waitForExecution(LEGACY_ID);
			expect(execution.status).toBe('success');
			expect(triggerItems(execution).map((item) => item.id)).toEqual(['legacy-1']);
			// Each activation says the parameter is deprecated, without its value.
			expect(n8nLogText(n8n)).toContain('the Secret parameter is deprecated');
			expect(n8nLogText(n8n)).not.toContain(LEGACY_PARAMETER_VALUE);
			await running.api.deactivateWorkflow(LEGACY_ID);
		});

		it('keeps both secrets out of static data, executions, the database and the logs', async () => {
			const [orgWebhook] = await mistGet<MistWebhook[]>(sim, `/orgs/${sim.orgId}/webhooks`);
			const derived = String(sim.world.webhooks.get(orgWebhook.id)?.secret);
			expect(derived).toMatch(/^[0-9a-f]{64}$/);
			expect(await running.listExecutions(WORKFLOW_ID)).not.toHaveLength(0);
			expect(
				await secretSightings(
					n8n,
					running,
					[WORKFLOW_ID, EXISTING_ID],
					[derived, HAND_REGISTERED_CANARY],
				),
			).toEqual([]);
			// The same search does find what is stored in clear: an event id of the executions.
			expect(await secretSightings(n8n, running, [EXISTING_ID], ['byhand-1'])).not.toEqual([]);
			// Static data holds no secret and no dedup memory, only what names the webhook.
			const staticData = JSON.stringify(await staticDataOf(running, WORKFLOW_ID));
			expect(staticData).not.toContain('recentEvents');
			expect(staticData).not.toContain(sim.token);
		});

		it('deletes the webhook in Mist on deactivation', async () => {
			await running.api.deactivateWorkflow(WORKFLOW_ID);
			const deadline = Date.now() + 15_000;
			let remaining = await mistGet<MistWebhook[]>(sim, `/orgs/${sim.orgId}/webhooks`);
			while (remaining.length > 0 && Date.now() < deadline) {
				await settle(250);
				remaining = await mistGet<MistWebhook[]>(sim, `/orgs/${sim.orgId}/webhooks`);
			}
			expect(remaining).toEqual([]);
		});
	},
);
