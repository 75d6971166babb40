/**
 * The shipped "client triage sweep" (workflows/client-triage-sweep.json) in a real n8n against the
 * demo world: the seven flowchart steps stop each demo site at its first problem, Cisco ISE explains the failing
 * clients, every remediation is a dry-run plan (nothing changes in the simulator), alerts reach the
 * sink on Slack, email and PagerDuty through the alert channels sub-workflow, and the findings are
 * saved as Data Table history rows by the history sub-workflow. Sub-workflows run in their
 * published version outside the editor, so the server publishes them before the sweep runs.
 */
import { selectedVersions } from '../../scripts/e2e/config';
import { prepareN8n } from '../../scripts/e2e/n8n';
import type { N8nInstance, RunningN8n } from '../../scripts/e2e/n8n';
import {
	ALERT_CHANNELS,
	byChannel,
	logDuration,
	logsContaining,
	nodeNamed,
	outputOf,
	PAGERDUTY_CANARY_ROUTING_KEY,
	pause,
	shippedCredentials,
	shippedWorkflow,
	simState,
	startedByWebhook,
	startServices,
	TRIAGE_HISTORY,
	waitForMessages,
} from '../workflows/e2eSupport';
import type { Services } from '../workflows/e2eSupport';

const FILE = 'client-triage-sweep.json';
const WORKFLOW_ID = 'wfClientTriageSweep';
const SERVER_COPY_ID = 'wfTriageSweepServer';
type Json = Record<string, unknown>;
type RunData = Record<string, Array<{ data?: { main?: Array<Array<{ json: Json }> | null> } }>>;

/**
 * Where the PagerDuty canary key occurs in an execution's items, other than in the routing_key of
 * a Tier 3 notice's PagerDuty body: `node[output]`, one entry per item.
 */
function canaryOutsideTier3(
	runData: RunData | undefined,
	isTier3: (node: string, output: number, json: Json) => boolean,
): string[] {
	return Object.entries(runData ?? {}).flatMap(([node, runs]) =>
		runs.flatMap((run) =>
			(run.data?.main ?? []).flatMap((items, output) =>
				(items ?? [])
					.map((item) => {
						const pagerduty = item.json.pagerduty as Json | null | undefined;
						if (!isTier3(node, output, item.json) || !pagerduty) return item.json;
						const { routing_key: routingKey, ...rest } = pagerduty;
						return {
							...item.json,
							pagerduty: rest,
							routingKeyIsCanary: routingKey === PAGERDUTY_CANARY_ROUTING_KEY,
						};
					})
					.filter((json) => JSON.stringify(json).includes(PAGERDUTY_CANARY_ROUTING_KEY))
					.map(() => `${node}[${output}]`),
			),
		),
	);
}

const STEPS = [
	'Association',
	'Authentication',
	'DHCP',
	'Client Health',
	'AP Health',
	'RF Environment',
	'Infrastructure',
];

describe.each(selectedVersions().map((spec) => spec.version))(
	'shipped client triage sweep in n8n %s',
	(version) => {
		let services: Services;
		let n8n: N8nInstance;
		let running: RunningN8n;

		beforeAll(async () => {
			const startedAt = Date.now();
			services = await startServices();
			n8n = await prepareN8n({ version, label: 'wf-triage-sweep' });
			await n8n.importCredentials(shippedCredentials(services));
			for (const sub of [ALERT_CHANNELS, TRIAGE_HISTORY])
				await n8n.importWorkflow(shippedWorkflow(sub.file, services.sink));
			// Page at once (the shipped default waits 30 minutes), so one run shows every tier.
			await n8n.importWorkflow(
				shippedWorkflow(FILE, services.sink, (nodes) => {
					const alert = nodeNamed(nodes, 'Alert on findings');
					alert.parameters.options = {
						...(alert.parameters.options as object),
						tier3AfterMinutes: 0,
					};
				}),
			);
			await n8n.importWorkflow(
				startedByWebhook(FILE, services.sink, { id: SERVER_COPY_ID, path: 'e2e-triage-sweep-run' }),
			);
			running = await n8n.start();
			for (const sub of [ALERT_CHANNELS, TRIAGE_HISTORY]) await running.activateWorkflow(sub.id);
			logDuration(
				`n8n ${version}: triage sweep setup (start + publish the sub-workflows)`,
				startedAt,
			);
		});

		afterAll(async () => {
			await n8n?.dispose();
			await services?.close();
		});

		it('finds the demo faults, plans dry-run fixes only, alerts every tier and keeps history', async () => {
			const startedAt = Date.now();
			const result = await n8n.execute(WORKFLOW_ID);
			logDuration(`n8n ${version}: triage sweep run`, startedAt);
			expect(result.errorMessage()).toBeUndefined();
			expect(result.ok).toBe(true);

			const findings = STEPS.flatMap((step) => result.items(step, 0));
			const rules = new Set(findings.map((finding) => finding.rule));
			// A flowchart: each demo site leaves at its first major problem (Warehouse at Association,
			// HQ at Authentication) and the later steps see only the control site.
			for (const rule of ['association_failures_ap', 'auth_failures_ssid', 'client_auth_failure']) {
				expect({ rule, found: rules.has(rule) }).toEqual({ rule, found: true });
			}
			// Client Health's rotating coverage reads the control site's clients too: its ordinary
			// marginal clients may come out as one minor worst-clients finding per kind, nothing more.
			const later = STEPS.slice(2).flatMap((step) => result.items(step, 0));
			expect(
				later.filter(
					(finding) =>
						!(finding.severity === 'minor' && String(finding.rule).endsWith('_clients_site')),
				),
			).toEqual([]);
			expect(later.every((finding) => (finding.scope as Json).site_name === 'Branch-Control')).toBe(
				true,
			);
			expect(
				STEPS.slice(2).map((step) => result.items(step, 1).map((site) => site.site_name)),
			).toEqual(STEPS.slice(2).map(() => ['Branch-Control']));
			expect(result.items('All findings', 0)).toHaveLength(findings.length + 1);

			// Cisco ISE was asked about client-level authentication findings only.
			const iseAnswers = result.items('ISE: why does it fail?', 0);
			const clientAuth = result
				.items('Authentication', 0)
				.filter((finding) => (finding.scope as Record<string, unknown>).client_mac);
			expect(iseAnswers).toHaveLength(clientAuth.length);
			expect(iseAnswers.length).toBeGreaterThan(0);
			expect(
				iseAnswers.every(
					(answer) => typeof answer.mac === 'string' || typeof answer.error === 'string',
				),
			).toBe(true);

			const plans = result.items('Remediate (dry run)', 0);
			expect(plans.length).toBeGreaterThan(0);
			expect(plans.every((plan) => plan.status === 'dry-run' && plan.dryRun === true)).toBe(true);
			const rrm = plans.filter((plan) => plan.operation === 'rrmOptimize');
			expect(
				rrm.every(
					(plan) =>
						(plan.request as { body: { txpower_only: boolean } }).body.txpower_only === true,
				),
			).toBe(true);
			const skipped = result.items('Remediate (dry run)', 1);
			expect(
				skipped.every((record) => record.status === 'skipped' || record.status === 'failed'),
			).toBe(true);
			expect((await simState(services.sim)).remediations).toEqual([]);

			// Rotating coverage's weak-clients samples reach the history, not the alerts: a site is
			// read once a period, and its sample's absence in between would resolve and reopen it.
			const alerted = result.items('Not coverage samples', 0);
			expect(alerted.length).toBeGreaterThan(0);
			expect(alerted.filter((item) => String(item.rule ?? '').endsWith('_clients_site'))).toEqual(
				[],
			);
			const samples = findings.filter((finding) => String(finding.rule).endsWith('_clients_site'));
			expect(alerted).toHaveLength(result.items('All findings', 0).length - samples.length);
			expect(alerted).toContainEqual({});

			const alerts = {
				tier1: result.items('Alert on findings', 0),
				tier2: result.items('Alert on findings', 1),
				tier3: result.items('Alert on findings', 2),
			};
			expect(alerts.tier1.length).toBeGreaterThan(0);
			expect(alerts.tier2.length).toBeGreaterThan(0);
			expect(alerts.tier3.length).toBeGreaterThan(0);
			// Each notice output with items (the four tiers, Resolved included) called the alert channels once.
			const tiersWithNotices = [0, 1, 2, 3].filter(
				(output) => result.items('Alert on findings', output).length > 0,
			);
			expect(result.run?.data.resultData.runData['Send alerts']).toHaveLength(
				tiersWithNotices.length,
			);
			const messages = await waitForMessages(
				services.sink,
				() => true,
				alerts.tier1.length + alerts.tier2.length + alerts.tier3.length,
			);
			expect(byChannel(messages, 'slack')).toHaveLength(alerts.tier1.length);
			expect(byChannel(messages, 'email')).toHaveLength(alerts.tier2.length);
			expect(byChannel(messages, 'pagerduty')).toHaveLength(alerts.tier3.length);
			// The PagerDuty key comes from the credential: in every page PagerDuty receives, and in no
			// execution item but the routing_key of Tier 3 PagerDuty bodies (issue 15).
			expect(
				byChannel(messages, 'pagerduty').map((message) => (message.body as Json).routing_key),
			).toEqual(alerts.tier3.map(() => PAGERDUTY_CANARY_ROUTING_KEY));
			expect(alerts.tier3.map((item) => (item.pagerduty as Json).routing_key)).toEqual(
				alerts.tier3.map(() => PAGERDUTY_CANARY_ROUTING_KEY),
			);
			const runData = result.run?.data.resultData.runData as unknown as RunData;
			expect(Object.keys(runData)).toContain('Alert on findings');
			expect(
				canaryOutsideTier3(runData, (node, output) => node === 'Alert on findings' && output === 2),
			).toEqual([]);
			let channelRuns = await running.listExecutions(ALERT_CHANNELS.id, { includeData: true });
			for (let wait = 0; channelRuns.length < tiersWithNotices.length && wait < 50; wait++) {
				await pause(200);
				channelRuns = await running.listExecutions(ALERT_CHANNELS.id, { includeData: true });
			}
			expect(channelRuns).toHaveLength(tiersWithNotices.length);
			// In the sub-workflow the notices pass through its trigger and switch: Tier 3 items only.
			const subRunData = channelRuns.map(
				(execution) =>
					(execution.data as { resultData?: { runData?: RunData } } | undefined)?.resultData
						?.runData,
			);
			expect(subRunData.every((data) => data !== undefined)).toBe(true);
			expect(
				subRunData.flatMap((data) =>
					canaryOutsideTier3(data, (_node, _output, json) => json.tier === 'tier3'),
				),
			).toEqual([]);
			expect(JSON.stringify(subRunData)).toContain(PAGERDUTY_CANARY_ROUTING_KEY);
			expect(result.messages).not.toContain(PAGERDUTY_CANARY_ROUTING_KEY);
			expect(logsContaining(n8n.logDir, PAGERDUTY_CANARY_ROUTING_KEY)).toEqual([]);
			// The search reads the right files: the run JSON the harness prints holds the Tier 3 pages.
			expect(logsContaining(n8n.logDir, PAGERDUTY_CANARY_ROUTING_KEY, true)).toEqual([
				expect.stringMatching(/-execute\.log$/),
			]);
			expect(
				byChannel(messages, 'email')
					.map((message) => message.email?.subject)
					.sort(),
			).toEqual(alerts.tier2.map((item) => (item.email as { subject: string }).subject).sort());
			expect(JSON.stringify(byChannel(messages, 'slack').map((message) => message.body))).toContain(
				'HQ',
			);

			// The history sub-workflow turned the findings into rows; `n8n execute` has no Data Table
			// module, so its save step reports that and the run goes on.
			const history = await running.waitForExecution(TRIAGE_HISTORY.id);
			const historyRows = outputOf(history, 'History rows');
			expect(historyRows.length).toBeGreaterThanOrEqual(findings.length);
			expect(historyRows[0]).toMatchObject({
				kind: 'finding',
				rule: expect.any(String),
				fingerprint: expect.stringMatching(/^mist:/),
			});
			const saved = result.items('Save history', 0);
			expect(saved).toHaveLength(historyRows.length);
			expect(
				saved.every((row) =>
					row.fingerprint === undefined
						? /Data table/.test(String(row.error))
						: typeof row.id === 'number',
				),
			).toBe(true);
		});

		it('saves the findings as rows of the mist_history Data Table when it runs in the n8n server', async () => {
			const startedAt = Date.now();
			const before = (await running.listExecutions(TRIAGE_HISTORY.id)).map((execution) =>
				String(execution.id),
			);
			await running.activateWorkflow(SERVER_COPY_ID);
			const response = await fetch(`${running.url}/webhook/e2e-triage-sweep-run`, {
				method: 'POST',
			});
			expect(response.status).toBe(200);
			const execution = await running.waitForExecution(SERVER_COPY_ID, { timeoutMs: 90_000 });
			logDuration(`n8n ${version}: triage sweep in the server`, startedAt);
			expect(execution.status).toBe('success');
			const history = await running.waitForExecution(TRIAGE_HISTORY.id, { ignoreIds: before });
			expect(history.status).toBe('success');
			expect(outputOf(history, 'Ensure history table')).toEqual([
				expect.objectContaining({ name: 'mist_history' }),
			]);
			const rows = outputOf(history, 'History rows');
			const saved = outputOf(execution, 'Save history');
			expect(saved).toHaveLength(rows.length);
			expect(saved.every((row) => typeof row.id === 'number' && row.error === undefined)).toBe(
				true,
			);
			expect(saved.map((row) => row.fingerprint).sort()).toEqual(
				rows.map((row) => row.fingerprint).sort(),
			);
		});
	},
);
