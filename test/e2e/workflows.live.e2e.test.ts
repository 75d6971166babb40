/**
 * The shipped workflows that run in a started n8n: "Mist webhook triage" registers its webhook in
 * the simulator on activation and triages the APs and clients of signed deliveries (dry-run plans,
 * alerts to the sink through the alert channels sub-workflow); the "single-client troubleshooter"
 * answers over HTTP for the demo's DHCP NAK client, for a healthy client and for a RADIUS-rejected
 * user looked up by username. Last, every other shipped workflow runs in the same server (the
 * sweeps, the reports and the self-health check started by a webhook instead of Run now, the
 * dashboard over HTTP), and no secret of any credential (canaries) shows up in a workflow, an
 * execution, the database or a log (issue 15).
 */
import { selectedVersions } from '../../scripts/e2e/config';
import { prepareN8n } from '../../scripts/e2e/n8n';
import type { N8nInstance, RunningN8n } from '../../scripts/e2e/n8n';
import {
	ALERT_CHANNELS,
	byChannel,
	logDuration,
	outputOf,
	PAGERDUTY_CANARY_ROUTING_KEY,
	secretSightings,
	shippedCredentials,
	shippedWorkflow,
	simState,
	startedByWebhook,
	startServices,
	TRIAGE_HISTORY,
	waitForMessages,
} from '../workflows/e2eSupport';
import type { Services } from '../workflows/e2eSupport';

/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- canaries the test searches for */
const CANARY = {
	mistToken: 'e2eCanaryMistApiToken0000000001',
	isePassword: 'e2eCanaryIsePassword0000000001',
	smtpPassword: 'e2eCanarySmtpPassword000000001',
	dashboardPassword: 'e2eCanaryDashboardPassword0001',
};
/* eslint-enable @n8n/community-nodes/no-hardcoded-secrets */

/** The shipped workflows started by "Run now", each copied with a webhook in its place. */
const RUN_NOW_COPIES = [
	{ file: 'ap-health-rf-sweep.json', id: 'e2eLiveApRfSweep', path: 'e2e-live-ap-rf-sweep' },
	{ file: 'client-triage-sweep.json', id: 'e2eLiveTriageSweep', path: 'e2e-live-triage-sweep' },
	{
		file: 'daily-weekly-reports.json',
		id: 'e2eLiveReports',
		path: 'e2e-live-reports',
		trigger: 'Run now (daily)',
	},
	{ file: 'self-health-check.json', id: 'e2eLiveSelfCheck', path: 'e2e-live-self-check' },
];
const DASHBOARD_ID = 'mistDashboard001';

/** The shipped credentials with canary secrets, and the dashboard's login. */
function canaryCredentials(services: Services) {
	const credentials = shippedCredentials(services).map((credential) =>
		credential.type === 'smtp'
			? { ...credential, data: { ...credential.data, password: CANARY.smtpPassword } }
			: credential,
	);
	return [
		...credentials,
		{
			id: 'demoDashboardAuth',
			name: 'Dashboard login',
			type: 'httpBasicAuth',
			data: { user: 'dashboard', password: CANARY.dashboardPassword },
		},
	];
}

const TRIAGE_ID = 'wfMistWebhookTriage';
const TROUBLESHOOT_ID = 'wfClientTroubleshoot';
const FORM_ID = 'wfTroubleshootForm';
const CALLER_ID = 'e2eCallTroubleshoot';

/** What an AI Agent tool or another workflow does: call the troubleshooter as a sub-workflow. */
function callerWorkflow(mac: string) {
	const schema = ['mac', 'username'].map((id) => ({
		id,
		displayName: id,
		required: false,
		defaultMatch: false,
		display: true,
		canBeUsedToMatch: true,
		type: 'string',
	}));
	return {
		id: CALLER_ID,
		name: 'e2e: call the troubleshooter',
		nodes: [
			{
				id: 'c1',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'c2',
				name: 'Ask',
				type: 'n8n-nodes-base.executeWorkflow',
				typeVersion: 1.2,
				position: [240, 0],
				parameters: {
					source: 'database',
					workflowId: { __rl: true, mode: 'id', value: TROUBLESHOOT_ID },
					workflowInputs: {
						mappingMode: 'defineBelow',
						value: { mac, username: '' },
						matchingColumns: [],
						schema,
						attemptToConvertTypes: false,
						convertFieldsToString: true,
					},
					options: { waitForSubWorkflow: true },
				},
			},
		],
		connections: { Start: { main: [[{ node: 'Ask', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

type Json = Record<string, unknown>;

/** The triage execution of a delivery of this topic, not one a slower earlier delivery started. */
const carries = (topic: string) => (execution: Parameters<typeof outputOf>[0]) =>
	outputOf(execution, 'Mist events').some((event) => event.topic === topic);

/** Delivers a topic's events from the simulator, as Mist would (5 s timeout), and says how long n8n took to answer. */
async function fire(services: Services, topic: string): Promise<number[]> {
	const startedAt = Date.now();
	const response = await fetch(`${services.sim.url}/__sim/webhooks/fire`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ topic }),
	});
	expect(response.status).toBe(200);
	logDuration(`${topic} delivery answered`, startedAt);
	return ((await response.json()) as Array<{ statusCode: number }>).map(
		(delivery) => delivery.statusCode,
	);
}

describe.each(selectedVersions().map((spec) => spec.version))(
	'shipped live workflows in n8n %s',
	(version) => {
		let services: Services;
		let n8n: N8nInstance;
		let running: RunningN8n;

		beforeAll(async () => {
			const startedAt = Date.now();
			services = await startServices({
				mistToken: CANARY.mistToken,
				isePassword: CANARY.isePassword,
			});
			n8n = await prepareN8n({ version, label: 'wf-live' });
			await n8n.importCredentials(canaryCredentials(services));
			await n8n.importWorkflow(shippedWorkflow(ALERT_CHANNELS.file, services.sink));
			await n8n.importWorkflow(shippedWorkflow(TRIAGE_HISTORY.file, services.sink));
			await n8n.importWorkflow(shippedWorkflow('network-health-dashboard.json', services.sink));
			for (const copy of RUN_NOW_COPIES)
				await n8n.importWorkflow(startedByWebhook(copy.file, services.sink, copy));
			await n8n.importWorkflow(shippedWorkflow('mist-webhook-triage.json', services.sink));
			await n8n.importWorkflow(shippedWorkflow('single-client-troubleshooter.json', services.sink));
			await n8n.importWorkflow(shippedWorkflow('troubleshooter-form.json', services.sink));
			const nak = [...services.sim.world.clients.values()].find(
				(entry) => entry.hostname === 'hq-laptop-nak-01',
			);
			await n8n.importWorkflow(callerWorkflow(String(nak?.mac)));
			running = await n8n.start();
			// A caller can only be published after the sub-workflows it calls.
			await running.activateWorkflow(ALERT_CHANNELS.id);
			await running.activateWorkflow(TRIAGE_HISTORY.id);
			await running.activateWorkflow(TRIAGE_ID);
			await running.activateWorkflow(TROUBLESHOOT_ID);
			await running.activateWorkflow(FORM_ID);
			logDuration(`n8n ${version}: live workflows setup (start + activate)`, startedAt);
		});

		afterAll(async () => {
			await n8n?.dispose();
			await services?.close();
		});

		it('registers the org webhook for the five topics on activation', () => {
			const webhooks = [...services.sim.world.webhooks.values()];
			expect(webhooks).toHaveLength(1);
			expect([...webhooks[0].topics].sort()).toEqual([
				'alarms',
				'client-sessions',
				'device-events',
				'device-updowns',
				'nac-events',
			]);
			expect(webhooks[0].url).toContain(running.url);
		});

		it('triages the APs of a device-updowns delivery: findings, dry-run plans, alerts', async () => {
			services.sink.clear();
			const startedAt = Date.now();
			expect(await fire(services, 'device-updowns')).toEqual([200]);
			const execution = await running.waitForExecution(TRIAGE_ID, {
				predicate: carries('device-updowns'),
			});
			logDuration(`n8n ${version}: device-updowns triage`, startedAt);
			expect(execution.status).toBe('success');
			const aps = outputOf(execution, 'APs in the events');
			expect(aps.length).toBeGreaterThan(0);
			const findings = outputOf(execution, 'Diagnose the APs', 0);
			const rules = new Set(findings.map((finding) => finding.rule));
			expect(rules.has('ap_offline') || rules.has('ap_repeated_reboots')).toBe(true);
			expect(
				findings.every((finding) => aps.some((ap) => ap.mac === (finding.scope as Json).ap_mac)),
			).toBe(true);
			// The delivery's switch and gateway up/downs go to an Infrastructure check of their sites.
			const switchesAndGateways = outputOf(execution, 'Sites of switch/gateway up/downs');
			expect(switchesAndGateways).toHaveLength(1);
			expect(
				(switchesAndGateways[0].devices as Json[]).every((device) =>
					['switch', 'gateway'].includes(String((device as { type: string }).type)),
				),
			).toBe(true);
			const infrastructure = outputOf(execution, 'Check the infrastructure', 0);
			expect(
				infrastructure.every((finding) =>
					String(switchesAndGateways[0].site_ids).includes(String((finding.scope as Json).site_id)),
				),
			).toBe(true);
			const records = [
				...outputOf(execution, 'Remediate (dry run)', 0),
				...outputOf(execution, 'Remediate (dry run)', 1),
			];
			expect(records.length).toBe(findings.length + infrastructure.length);
			expect(
				outputOf(execution, 'Remediate (dry run)', 0).every(
					(record) => record.status === 'dry-run',
				),
			).toBe(true);
			expect((await simState(services.sim)).remediations).toEqual([]);
			const tier1 = outputOf(execution, 'Alert on findings', 0);
			expect(tier1.length).toBeGreaterThan(0);
			const slack = await waitForMessages(
				services.sink,
				(message) => message.channel === 'slack',
				tier1.length,
			);
			expect(JSON.stringify(slack.map((message) => message.body))).toContain('Warehouse');
		});

		it('triages the clients of a nac-events delivery', async () => {
			services.sink.clear();
			const before = (await running.listExecutions(TRIAGE_ID)).map((execution) =>
				String(execution.id),
			);
			expect(await fire(services, 'nac-events')).toEqual([200]);
			const execution = await running.waitForExecution(TRIAGE_ID, {
				ignoreIds: before,
				predicate: carries('nac-events'),
			});
			expect(execution.status).toBe('success');
			const clients = outputOf(execution, 'Clients in the events');
			expect(clients.length).toBeGreaterThan(0);
			const findings = outputOf(execution, 'Diagnose the clients', 0);
			expect(findings.some((finding) => finding.step === 'authentication')).toBe(true);
			expect(outputOf(execution, 'Diagnose the APs', 0)).toEqual([]);
			const emails = await waitForMessages(
				services.sink,
				(message) => message.channel === 'email' || message.channel === 'slack',
			);
			expect(byChannel(emails, 'slack').length + byChannel(emails, 'email').length).toBeGreaterThan(
				0,
			);
		});

		it('keeps the webhook secret (a canary) out of static data, executions, the database and the logs', async () => {
			const [webhook] = [...services.sim.world.webhooks.values()];
			const secret = String(webhook.secret);
			expect(secret).toMatch(/^[0-9a-f]{64}$/);
			expect((await running.listExecutions(TRIAGE_ID)).length).toBeGreaterThan(0);
			expect(await secretSightings(n8n, running, [TRIAGE_ID], [secret])).toEqual([]);
		});

		it('keeps the n8n API key of the shared memory out of the workflow, its executions and the logs', async () => {
			// The triage's Trigger, Remediate and Alert nodes used the shared memory with this key.
			const executions = await running.listExecutions(TRIAGE_ID, { includeData: true });
			expect(JSON.stringify(executions)).toContain('n8n data tables');
			expect(
				await secretSightings(n8n, running, [TRIAGE_ID], [running.apiKey], { database: false }),
			).toEqual([]);
		});

		const ask = async (body: object) => {
			const startedAt = Date.now();
			const response = await fetch(`${running.url}/webhook/mist-troubleshoot`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			logDuration(`n8n ${version}: troubleshooter answer`, startedAt);
			expect(response.status).toBe(200);
			return (await response.json()) as {
				mac: string;
				healthy: boolean;
				findings: Json[];
				summary: string;
				ise: Json;
			};
		};
		const clientNamed = (hostname: string) => {
			const client = [...services.sim.world.clients.values()].find(
				(entry) => entry.hostname === hostname,
			);
			if (!client) throw new Error(`The demo has no client ${hostname}`);
			return client;
		};

		it('troubleshooter: serves its form', async () => {
			const response = await fetch(`${running.url}/form/9a7c5e3b-1d2f-4b6a-8c0e-2f4d6b8a0c30`);
			expect(response.status).toBe(200);
			const html = await response.text();
			expect(html).toContain('Troubleshoot a Wi-Fi client');
			expect(html).toContain('MAC address');
		});

		it('troubleshooter form: a submitted MAC shows the diagnosis on the next page', async () => {
			const nak = clientNamed('hq-laptop-nak-01');
			const before = (await running.listExecutions(TROUBLESHOOT_ID)).map((execution) =>
				String(execution.id),
			);
			const fields = new FormData();
			fields.append('field-0', nak.mac);
			fields.append('field-1', '');
			const startedAt = Date.now();
			const submitted = await fetch(`${running.url}/form/9a7c5e3b-1d2f-4b6a-8c0e-2f4d6b8a0c30`, {
				method: 'POST',
				body: fields,
			});
			expect(submitted.status).toBe(200);
			const { formWaitingUrl } = (await submitted.json()) as { formWaitingUrl?: string };
			expect(formWaitingUrl).toEqual(expect.stringContaining('/form-waiting/'));
			// The form workflow called the troubleshooter as a sub-workflow…
			const called = await running.waitForExecution(TROUBLESHOOT_ID, {
				ignoreIds: before,
				timeoutMs: 30_000,
			});
			expect(called.status).toBe('success');
			// …and its completion page shows the answer once the call has returned.
			let html = '';
			for (let attempt = 0; attempt < 6 && !html.includes('Problems found'); attempt++) {
				try {
					html = await (
						await fetch(String(formWaitingUrl), { signal: AbortSignal.timeout(5000) })
					).text();
				} catch {
					html = '';
				}
			}
			logDuration(`n8n ${version}: form submission to diagnosis page`, startedAt);
			expect(html).toContain('Problems found');
			expect(html).toContain('Likely cause');
		});

		it('troubleshooter: explains the DHCP NAK client', async () => {
			const client = clientNamed('hq-laptop-nak-01');
			const answer = await ask({ mac: client.mac });
			expect(answer.mac).toBe(client.mac);
			expect(answer.healthy).toBe(false);
			expect(answer.findings.map((finding) => finding.rule)).toContain('client_dhcp_failure');
			expect(answer.summary).toMatch(/problem\(s\)/);
			expect(answer.summary).toContain('Likely cause');
		});

		it('troubleshooter: says a healthy client is healthy', async () => {
			const site = services.sim.world.sites.find((entry) => entry.name === 'Branch-Control');
			const client = [...services.sim.world.clients.values()].find(
				(entry) => entry.siteId === site?.id && entry.wlan.auth === 'eap',
			);
			if (!client) throw new Error('No 802.1X client on Branch-Control');
			const answer = await ask({ mac: client.mac });
			expect(answer).toMatchObject({ mac: client.mac, healthy: true, findings: [] });
			expect(answer.summary).toMatch(/looks healthy/);
			expect(answer.ise).toMatchObject({ failures: 0 });
		});

		it('troubleshooter: finds a RADIUS-rejected user by username and adds what ISE says', async () => {
			const fault = services.sim.world.faults.find((entry) => entry.kind === 'radius_reject');
			const client = services.sim.world.clients.get(String(fault?.clientMacs[0]));
			if (!client) throw new Error('No radius_reject client in the demo');
			const answer = await ask({ username: client.username });
			expect(answer.mac).toBe(client.mac);
			expect(answer.healthy).toBe(false);
			expect(answer.findings.some((finding) => finding.step === 'authentication')).toBe(true);
			expect(Number(answer.ise.failures)).toBeGreaterThan(0);
			expect(answer.summary).toContain('Cisco ISE saw');
		});

		it('troubleshooter: answers another workflow (or an AI Agent tool) that calls it as a sub-workflow', async () => {
			const result = await n8n.execute(CALLER_ID);
			expect(result.errorMessage()).toBeUndefined();
			const [answer] = result.items('Ask', 0);
			expect(answer).toMatchObject({
				healthy: false,
				findings: expect.arrayContaining([
					expect.objectContaining({ rule: 'client_dhcp_failure' }),
				]),
			});
			expect(String(answer.summary)).toContain('Likely cause');
		});

		it('troubleshooter: an unknown username gets a clear answer, not an error', async () => {
			const answer = await ask({ username: 'nobody-at-all' });
			expect(answer).toMatchObject({ mac: '', healthy: false, findings: [] });
			expect(answer.summary).toMatch(/^No client found for user nobody-at-all/);
		});

		// Last: the sweeps alert in the same namespace as the triage above and would announce first.
		it('keeps every secret (canaries) out of every shipped workflow, its executions, the database and the logs', async () => {
			// Published here, not at start: their schedules must not fire during the tests above.
			for (const copy of RUN_NOW_COPIES) await running.activateWorkflow(copy.id);
			await running.activateWorkflow(DASHBOARD_ID);
			for (const copy of RUN_NOW_COPIES) {
				const started = await fetch(`${running.url}/webhook/${copy.path}`, {
					method: 'POST',
					body: '{}',
				});
				expect(started.status).toBe(200);
				const execution = await running.waitForExecution(copy.id, { timeoutMs: 120_000 });
				expect({ workflow: copy.file, status: execution.status }).toEqual({
					workflow: copy.file,
					status: 'success',
				});
			}
			const login = Buffer.from(`dashboard:${CANARY.dashboardPassword}`).toString('base64');
			const dashboard = await fetch(`${running.url}/webhook/mist-dashboard`, {
				headers: { authorization: `Basic ${login}` },
			});
			expect(dashboard.status).toBe(200);
			expect(await dashboard.text()).toContain('<!DOCTYPE html>');
			// Every canary was in use: the reports went out by SMTP, ISE answered the troubleshooter.
			const emails = await waitForMessages(services.sink, (message) => message.channel === 'email');
			expect(emails.length).toBeGreaterThan(0);

			const [webhook] = [...services.sim.world.webhooks.values()];
			const workflowIds = [
				ALERT_CHANNELS.id,
				TRIAGE_HISTORY.id,
				TRIAGE_ID,
				TROUBLESHOOT_ID,
				FORM_ID,
				CALLER_ID,
				DASHBOARD_ID,
				...RUN_NOW_COPIES.map((copy) => copy.id),
			];
			const everywhere = [
				CANARY.mistToken,
				CANARY.isePassword,
				CANARY.smtpPassword,
				CANARY.dashboardPassword,
				String(webhook.secret),
			];
			expect(await secretSightings(n8n, running, workflowIds, everywhere)).toEqual([]);
			// n8n keeps its API key in its own database; the PagerDuty key belongs in Tier 3 pages only
			// (checked item by item in the triage sweep suite).
			expect(
				await secretSightings(n8n, running, workflowIds, [running.apiKey], { database: false }),
			).toEqual([]);
			expect(
				await secretSightings(n8n, running, workflowIds, [PAGERDUTY_CANARY_ROUTING_KEY], {
					database: false,
					executions: false,
				}),
			).toEqual([]);
		});
	},
);
