/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * Queue mode, proven: PostgreSQL and Redis started by the harness, n8n main + two workers + a
 * webhook processor. The shipped AP health and RF sweep and webhook triage run on the workers and
 * conclude as in regular mode; ten executions started together act and page once; N signed Mist
 * deliveries with unique ids (N8N_E2E_QUEUE_DELIVERIES, default 6000) reach the sink with none
 * lost and none duplicated. The same load on a regular n8n (N8N_E2E_REGULAR_DELIVERIES, default
 * 600) gives the baseline. Both reports (deliveries, lost, duplicated, rates) are printed and kept
 * in test-output/e2e/.
 */
import fs from 'node:fs';
import path from 'node:path';

import { selectedVersions, TEST_OUTPUT_DIR } from '../../scripts/e2e/config';
import {
	describeLoad,
	loadSecretCredential,
	loadWorkflow,
	runDeliveryLoad,
	startDeliverySink,
	triggerUrl,
} from '../../scripts/e2e/deliveryLoad';
import type { DeliverySink, LoadReport } from '../../scripts/e2e/deliveryLoad';
import { harnessLog } from '../../scripts/e2e/log';
import { prepareN8n } from '../../scripts/e2e/n8n';
import type { N8nInstance, RunningN8n } from '../../scripts/e2e/n8n';
import type { ExecutionSummary } from '../../scripts/e2e/restApi';
import {
	PROCESS_NAME_VARIABLE,
	QUEUE_MODE_VERSION,
	startQueueMode,
} from '../../scripts/e2e/queueMode';
import type { QueueModeStack } from '../../scripts/e2e/queueMode';
import {
	ALERT_CHANNELS,
	outputOf,
	shippedCredentials,
	shippedWorkflow,
	simState,
	startedByWebhook,
	startServices,
	waitForMessages,
} from '../workflows/e2eSupport';
import type { Services } from '../workflows/e2eSupport';
import {
	ACTING_ID,
	actingWorkflow,
	CONCURRENT,
	finishedExecutions,
	fireTogether,
	itemsOf,
	warehouseApFinding,
} from './sharedMemoryWorkflows';

function envCount(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 1)
		throw new Error(`${name} must be a positive integer, not "${raw}"`);
	return value;
}

const QUEUE_DELIVERIES = envCount('N8N_E2E_QUEUE_DELIVERIES', 6000);
const REGULAR_DELIVERIES = envCount('N8N_E2E_REGULAR_DELIVERIES', 600);
/** Concurrent senders, as Mist's delivery fan-out would be for a busy org. */
const CONCURRENCY = envCount('N8N_E2E_LOAD_CONCURRENCY', 20);

/**
 * Jest's 10-minute default is too short for thousands of deliveries on a busy machine: allow 0.5 s
 * per delivery (2/s, well below what 2 idle cores do) on top of 5 minutes.
 */
const loadTimeoutMs = (deliveries: number) => 5 * 60_000 + deliveries * 500;

const WORKFLOW_ID = 'e2eQueueLoad0001';
const TRIAGE_ID = 'wfMistWebhookTriage';
const WEBHOOK_ID = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e40';
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a throwaway secret of a temporary instance
const SECRET = 'e2e-queue-load-webhook-secret';
/** Lets the sink workflow read which process ran it (n8n blocks $env in expressions by default). */
const ENV_ACCESS = { N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false' };

/**
 * The shipped AP health and RF sweep, started by a webhook so it runs where the executions run,
 * with its memory in a namespace of its own: the webhook triage alerts on the same APs in 'default'.
 */
const SWEEP = {
	file: 'ap-health-rf-sweep.json',
	id: 'wfApRfSweepServer',
	path: 'e2e-ap-rf-sweep-run',
};
const SWEEP_ALERT = 'Alert on AP and RF';

/** What a sweep concluded, without what differs between two instances (execution ids, times). */
function sweepConclusions(execution: ExecutionSummary) {
	const findings = [...outputOf(execution, 'AP Health'), ...outputOf(execution, 'RF Environment')];
	return {
		status: execution.status,
		findings: findings
			.map((finding) => `${String(finding.rule)} ${String(finding.fingerprint)}`)
			.sort(),
		plans: outputOf(execution, 'Restart or RRM (dry run)')
			.map(
				(plan) =>
					`${String(plan.status)} ${String(plan.operation)} ${JSON.stringify(plan.request)}`,
			)
			.sort(),
		notices: [0, 1, 2, 3].map((tier) =>
			outputOf(execution, SWEEP_ALERT, tier)
				.flatMap((notice) => notice.fingerprints as string[])
				.sort(),
		),
		memory: outputOf(execution, SWEEP_ALERT).map((notice) => notice.memory)[0],
	};
}

const SWEEP_NAMESPACE = 'ap-rf-sweep';

function sweepWorkflow(services: Services) {
	return startedByWebhook(SWEEP.file, services.sink, SWEEP, (nodes) => {
		for (const node of nodes.filter((entry) => entry.parameters.memory === 'shared'))
			node.parameters.memoryNamespace = SWEEP_NAMESPACE;
	});
}

async function runSweep(webhookBaseUrl: string, main: RunningN8n): Promise<ExecutionSummary> {
	const response = await fetch(`${webhookBaseUrl}/${SWEEP.path}`, { method: 'POST', body: '{}' });
	expect(response.status).toBe(200);
	return await main.waitForExecution(SWEEP.id, { timeoutMs: 180_000 });
}

/** The queue-mode sweep's conclusions, compared with the same sweep in regular mode below. */
let queueModeSweep: ReturnType<typeof sweepConclusions> | undefined;

const reports: Record<string, unknown> = {};

function keepReport(name: string, report: LoadReport, extra: Record<string, unknown> = {}): void {
	reports[name] = {
		...report,
		executions: report.executions.length,
		concurrency: CONCURRENCY,
		...extra,
	};
	fs.mkdirSync(TEST_OUTPUT_DIR, { recursive: true });
	fs.writeFileSync(
		path.join(TEST_OUTPUT_DIR, 'queue-mode-load.json'),
		`${JSON.stringify(reports, null, 2)}\n`,
	);
}

async function importLoadWorkflow(n8n: N8nInstance, sink: DeliverySink): Promise<void> {
	await n8n.importCredentials([loadSecretCredential(SECRET)]);
	await n8n.importWorkflow(
		loadWorkflow({ id: WORKFLOW_ID, webhookId: WEBHOOK_ID, sinkUrl: sink.url }),
	);
}

const queueVersionSelected = selectedVersions().some((s) => s.version === QUEUE_MODE_VERSION);
const describeQueue = queueVersionSelected ? describe : describe.skip;

describeQueue(
	`n8n ${QUEUE_MODE_VERSION} in queue mode (main + 2 workers + webhook processor)`,
	() => {
		let sink: DeliverySink;
		let stack: QueueModeStack;
		let url: string;
		let services: Services;
		let offline: ReturnType<typeof warehouseApFinding>;

		beforeAll(async () => {
			sink = await startDeliverySink();
			services = await startServices();
			offline = warehouseApFinding(services);
			stack = await startQueueMode({
				env: ENV_ACCESS,
				beforeStart: async (n8n) => {
					await importLoadWorkflow(n8n, sink);
					// The ten-concurrent test on the shared memory, with executions on two workers. Its own
					// namespace: the shipped triage below alerts on the same AP in 'default' first.
					await n8n.importCredentials(shippedCredentials(services));
					await n8n.importWorkflow(actingWorkflow(offline.finding, 'queue-mode-concurrent'));
					// The shipped webhook triage, as in regular mode (workflows.live.e2e.test.ts).
					await n8n.importWorkflow(shippedWorkflow(ALERT_CHANNELS.file, services.sink));
					await n8n.importWorkflow(shippedWorkflow('mist-webhook-triage.json', services.sink));
					await n8n.importWorkflow(sweepWorkflow(services));
				},
			});
			await stack.main.activateWorkflow(ALERT_CHANNELS.id);
			await stack.main.activateWorkflow(TRIAGE_ID);
			await stack.main.activateWorkflow(SWEEP.id);
			await stack.main.activateWorkflow(WORKFLOW_ID);
			await stack.main.activateWorkflow(ACTING_ID);
			url = triggerUrl(stack.webhookBaseUrl, WEBHOOK_ID);
			harnessLog(`queue mode: stack startup ${(stack.startupMs / 1000).toFixed(1)} s`);
		});

		afterAll(async () => {
			await stack?.stop();
			await sink?.close();
			await services?.close();
		});

		it('runs the shipped AP health and RF sweep on a worker, its memory in the Data Tables', async () => {
			const execution = await runSweep(stack.webhookBaseUrl, stack.main);
			expect(stack.workerLogs().some((log) => log.includes(`execution ${execution.id} `))).toBe(
				true,
			);
			queueModeSweep = sweepConclusions(execution);
			expect(queueModeSweep.status).toBe('success');
			expect(queueModeSweep.findings.length).toBeGreaterThan(0);
			expect(queueModeSweep.plans.length).toBeGreaterThan(0);
			expect(queueModeSweep.plans.every((plan) => plan.startsWith('dry-run '))).toBe(true);
			expect(queueModeSweep.notices[0].length).toBeGreaterThan(0);
			expect(queueModeSweep.memory).toEqual({
				store: 'n8n data tables',
				namespace: SWEEP_NAMESPACE,
			});
			expect((await simState(services.sim)).remediations).toEqual([]);
		});

		it('runs the shipped webhook triage on a worker: the same findings, dry-run plans and alerts as regular mode', async () => {
			const webhooks = [...services.sim.world.webhooks.values()];
			expect(webhooks.map((webhook) => webhook.url)).toEqual([
				expect.stringContaining(stack.webhookBaseUrl),
			]);
			const fired = await fetch(`${services.sim.url}/__sim/webhooks/fire`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ topic: 'device-updowns' }),
			});
			expect(fired.status).toBe(200);
			const execution = await stack.main.waitForExecution(TRIAGE_ID, { timeoutMs: 120_000 });
			expect(execution.status).toBe('success');
			expect(stack.workerLogs().some((log) => log.includes(`execution ${execution.id} `))).toBe(
				true,
			);
			const events = outputOf(execution, 'Mist events');
			expect(events.length).toBeGreaterThan(0);
			expect(events.every((event) => event.dedup === 'shared')).toBe(true);
			const findings = outputOf(execution, 'Diagnose the APs', 0);
			const rules = new Set(findings.map((finding) => finding.rule));
			expect(rules.has('ap_offline') || rules.has('ap_repeated_reboots')).toBe(true);
			expect(
				outputOf(execution, 'Remediate (dry run)', 0).every(
					(record) => record.status === 'dry-run',
				),
			).toBe(true);
			expect((await simState(services.sim)).remediations).toEqual([]);
			const tier1 = outputOf(execution, 'Alert on findings', 0);
			expect(tier1.length).toBeGreaterThan(0);
			expect(tier1[0].memory).toEqual({ store: 'n8n data tables', namespace: 'default' });
			const slack = await waitForMessages(
				services.sink,
				(message) => message.channel === 'slack',
				tier1.length,
			);
			expect(JSON.stringify(slack.map((message) => message.body))).toContain('Warehouse');
		});

		it(`restarts the AP once and pages once for ${CONCURRENT} executions started together on two workers`, async () => {
			expect(await fireTogether(stack.webhookBaseUrl)).toEqual(Array(CONCURRENT).fill(200));
			const executions = await finishedExecutions(stack.main, CONCURRENT);
			expect(executions.map((execution) => execution.status)).toEqual(
				Array(CONCURRENT).fill('success'),
			);
			const restarts = (await simState(services.sim)).remediations.filter(
				(entry) => entry.path.includes(offline.apId) && /restart/.test(entry.path),
			);
			expect(restarts).toHaveLength(1);
			expect(itemsOf(executions, 'Remediate', 0)).toHaveLength(1);
			expect(itemsOf(executions, 'Remediate', 1)).toHaveLength(CONCURRENT - 1);
			expect([0, 1, 2].map((output) => itemsOf(executions, 'Alert', output).length)).toEqual([
				1, 1, 1,
			]);
			// Every execution ran on a worker (Bull hands them to whichever worker is free).
			const started = stack
				.workerLogs()
				.map(
					(log) =>
						executions.filter((e) => log.includes(`Worker started execution ${e.id} `)).length,
				);
			expect(started.reduce((sum, count) => sum + count, 0)).toBe(CONCURRENT);
			harnessLog(
				`queue mode: ${CONCURRENT} concurrent executions per worker: ${started.join(', ')}`,
			);
		});

		it('runs every webhook execution on a worker, none on main or the webhook processor', async () => {
			const report = await runDeliveryLoad({
				url,
				secret: SECRET,
				sink,
				deliveries: 40,
				concurrency: 10,
				idPrefix: 'where-',
			});
			expect({ accepted: report.accepted, lost: report.lost, refusals: report.refusals }).toEqual({
				accepted: 40,
				lost: 0,
				refusals: [],
			});
			// Each event names the process that ran its execution ($env of that process)...
			expect(Object.keys(report.byProcess).every((name) => /^worker-\d+$/.test(name))).toBe(true);
			// ...and each execution is one a worker's log says it started.
			const started = new Set(
				stack
					.workerLogs()
					.flatMap((log) => [...log.matchAll(/Worker started execution (\d+) /g)].map((m) => m[1])),
			);
			expect(report.executions.filter((id) => !started.has(id))).toEqual([]);
			// The public API of main sees them as finished production (webhook) executions.
			const executions = await stack.main.listExecutions(WORKFLOW_ID);
			const sample = executions.filter((e) => report.executions.includes(String(e.id)));
			expect(sample.length).toBeGreaterThan(0);
			expect(sample.every((e) => e.mode === 'webhook' && e.status === 'success')).toBe(true);
		});

		it(
			`takes ${QUEUE_DELIVERIES} signed deliveries with unique ids: 0 lost, 0 duplicated`,
			async () => {
				const report = await runDeliveryLoad({
					url,
					secret: SECRET,
					sink,
					deliveries: QUEUE_DELIVERIES,
					concurrency: CONCURRENCY,
					idPrefix: 'queue-',
				});
				harnessLog(describeLoad('queue mode', report, CONCURRENCY));
				keepReport('queue', report, { startupMs: stack.startupMs, workers: stack.workers.length });
				expect({
					accepted: report.accepted,
					processed: report.processed,
					lost: report.lost,
					duplicated: report.duplicated,
					refusals: report.refusals,
				}).toEqual({
					accepted: QUEUE_DELIVERIES,
					processed: QUEUE_DELIVERIES,
					lost: 0,
					duplicated: 0,
					refusals: [],
				});
				expect(Object.keys(report.byProcess).sort()).toEqual(
					stack.workers.map((worker) => worker.name).sort(),
				);
			},
			loadTimeoutMs(QUEUE_DELIVERIES),
		);
	},
);

describeQueue(`n8n ${QUEUE_MODE_VERSION} in regular mode (baseline)`, () => {
	let sink: DeliverySink;
	let services: Services;
	let n8n: N8nInstance;
	let running: RunningN8n;

	beforeAll(async () => {
		sink = await startDeliverySink();
		services = await startServices();
		n8n = await prepareN8n({
			version: QUEUE_MODE_VERSION,
			label: 'regular-load',
			env: { ...ENV_ACCESS, [PROCESS_NAME_VARIABLE]: 'main' },
		});
		await importLoadWorkflow(n8n, sink);
		await n8n.importCredentials(shippedCredentials(services));
		await n8n.importWorkflow(shippedWorkflow(ALERT_CHANNELS.file, services.sink));
		await n8n.importWorkflow(sweepWorkflow(services));
		running = await n8n.start();
		await running.activateWorkflow(ALERT_CHANNELS.id);
		await running.activateWorkflow(SWEEP.id);
		await running.activateWorkflow(WORKFLOW_ID);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sink?.close();
		await services?.close();
	});

	it('concludes the AP health and RF sweep exactly as queue mode did', async () => {
		const regular = sweepConclusions(await runSweep(`${running.url}/webhook`, running));
		expect(regular.findings.length).toBeGreaterThan(0);
		expect(regular).toEqual(queueModeSweep);
	});

	it(
		`takes ${REGULAR_DELIVERIES} signed deliveries with unique ids: 0 lost, 0 duplicated`,
		async () => {
			const report = await runDeliveryLoad({
				url: triggerUrl(`${running.url}/webhook`, WEBHOOK_ID),
				secret: SECRET,
				sink,
				deliveries: REGULAR_DELIVERIES,
				concurrency: CONCURRENCY,
				idPrefix: 'regular-',
			});
			harnessLog(describeLoad('regular mode', report, CONCURRENCY));
			keepReport('regular', report, { startupMs: running.startupMs });
			expect({
				accepted: report.accepted,
				processed: report.processed,
				lost: report.lost,
				duplicated: report.duplicated,
				refusals: report.refusals,
			}).toEqual({
				accepted: REGULAR_DELIVERIES,
				processed: REGULAR_DELIVERIES,
				lost: 0,
				duplicated: 0,
				refusals: [],
			});
			expect(Object.keys(report.byProcess)).toEqual(['main']);
		},
		loadTimeoutMs(REGULAR_DELIVERIES),
	);
});
