/**
 * The shipped "daily and weekly reports" and "self health check" workflows in a real n8n: the
 * report names the demo's degraded sites and is emailed and posted to Slack; the self check sees
 * Mist, ISE, storage and the alert channel healthy, and reports an unreachable ISE as a problem.
 */
import { selectedVersions } from '../../scripts/e2e/config';
import { prepareN8n } from '../../scripts/e2e/n8n';
import type { N8nInstance, WorkflowJson } from '../../scripts/e2e/n8n';
import {
	byChannel,
	logDuration,
	shippedCredentials,
	shippedWorkflow,
	startServices,
	waitForMessages,
} from '../workflows/e2eSupport';
import type { Services, ShippedNode } from '../workflows/e2eSupport';

const WEEKLY_COPY_ID = 'wfWeeklyReportCopy';
const MONDAY = 'Every Monday at 07:00';

/** `n8n execute` starts from the first trigger in the file: a copy listing the Monday trigger first runs as the Monday schedule does. */
function mondayFirst(workflow: WorkflowJson): WorkflowJson {
	const nodes = workflow.nodes as ShippedNode[];
	return {
		...workflow,
		nodes: [
			...nodes.filter((node) => node.name === MONDAY),
			...nodes.filter((node) => node.name !== MONDAY),
		],
	};
}

describe.each(selectedVersions().map((spec) => spec.version))(
	'shipped reports and self check in n8n %s',
	(version) => {
		let services: Services;
		let n8n: N8nInstance;

		beforeAll(async () => {
			const startedAt = Date.now();
			services = await startServices();
			n8n = await prepareN8n({ version, label: 'wf-reports' });
			await n8n.importCredentials(shippedCredentials(services));
			await n8n.importWorkflow(shippedWorkflow('daily-weekly-reports.json', services.sink));
			await n8n.importWorkflow(shippedWorkflow('self-health-check.json', services.sink));
			await n8n.importWorkflow({
				...mondayFirst(shippedWorkflow('daily-weekly-reports.json', services.sink)),
				id: WEEKLY_COPY_ID,
				name: 'Mist: weekly report (e2e copy)',
			});
			logDuration(`n8n ${version}: reports setup`, startedAt);
		});

		afterAll(async () => {
			await n8n?.dispose();
			await services?.close();
		});

		it('builds the daily report from findings, SLE and API usage, and sends it by email and Slack', async () => {
			services.sink.clear();
			const startedAt = Date.now();
			const result = await n8n.execute('wfDailyWeeklyReports');
			logDuration(`n8n ${version}: daily report run`, startedAt);
			expect(result.errorMessage()).toBeUndefined();
			expect(result.ok).toBe(true);

			const findings = result.items('Gather findings', 0);
			expect(findings.length).toBeGreaterThan(10);
			const snapshots = result.items('SLE as metric snapshots', 0);
			expect(snapshots.map((snapshot) => snapshot.site_name).sort()).toEqual([
				'Branch-Control',
				'HQ',
				'Warehouse',
			]);

			const [report] = result.items('Build report', 0);
			expect(report.subject).toMatch(/degraded/);
			const figures = report.report as { summary: { sites: number; degradedSites: number } };
			expect(figures.summary.sites).toBe(3);
			expect((report.report as { type: string }).type).toBe('daily');
			expect(figures.summary.degradedSites).toBeGreaterThanOrEqual(1);
			expect(String(report.html)).toContain('HQ');
			expect(String(report.markdown)).toContain('Warehouse');

			// The org's worst clients: what client health measured (kept in the memory), with the time.
			const worst = result.items('Worst clients', 0);
			expect(worst.length).toBeGreaterThan(0);
			for (const client of worst)
				expect(client).toMatchObject({
					kind: 'worstClient',
					client_mac: expect.stringMatching(/^[0-9a-f]{12}$/),
					measured_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
				});
			const listed = (report.report as { worstClients: Array<{ mac: string }> }).worstClients;
			expect(listed.map((row) => row.mac)).toEqual(
				expect.arrayContaining([String(worst[0].client_mac)]),
			);
			expect(String(report.html)).toContain('>Worst clients</h2>');

			const messages = await waitForMessages(services.sink, () => true, 2);
			const [email] = byChannel(messages, 'email');
			expect(email.email?.subject).toBe(report.subject);
			expect(email.email?.html).toContain('HQ');
			const [slack] = byChannel(messages, 'slack');
			expect(slack.path).toBe('/slack/reports');
			expect(slack.body).toMatchObject({
				text: report.subject,
				blocks: [{ text: { text: report.chat } }],
			});
			expect(String(report.chat)).toMatch(/HQ/);
			expect(String(report.chat)).not.toContain('|');
		});

		it('builds a weekly report when the weekly path runs', async () => {
			const result = await n8n.execute(WEEKLY_COPY_ID);
			expect(result.errorMessage()).toBeUndefined();
			const [report] = result.items('Build report', 0);
			expect((report.report as { type: string }).type).toBe('weekly');
			expect(report.subject).toMatch(/degraded/);
		});

		it('self check: everything reachable, then an ISE outage is reported as a problem', async () => {
			services.sink.clear();
			const startedAt = Date.now();
			const healthy = await n8n.execute('wfSelfHealthCheck');
			logDuration(`n8n ${version}: self check run`, startedAt);
			expect(healthy.errorMessage()).toBeUndefined();
			const [summary] = healthy.items('Health summary', 0);
			expect(summary).toMatchObject({
				healthy: true,
				checks: {
					mistApi: { ok: true, requestLimit: 5000, remaining: expect.any(Number) },
					ciscoIse: { ok: true, activeSessions: expect.any(Number) },
					storage: { ok: true },
					alertChannel: { ok: true, statusCode: 200 },
				},
				problems: [],
			});
			const test = await waitForMessages(
				services.sink,
				(message) => message.path === '/webhook/self-test',
			);
			expect(test[0].body).toMatchObject({ test: true });
			expect(Object.keys(healthy.run?.data.resultData.runData ?? {})).not.toContain(
				'Slack: self-check problem',
			);

			await services.ise.close();
			const broken = await n8n.execute('wfSelfHealthCheck');
			expect(broken.ok).toBe(true);
			const [problem] = broken.items('Health summary', 0);
			expect(problem).toMatchObject({
				healthy: false,
				checks: { ciscoIse: { ok: false }, mistApi: { ok: true } },
			});
			expect(problem.problems).toEqual([expect.stringMatching(/^Cisco ISE unreachable/)]);
			const warning = await waitForMessages(
				services.sink,
				(message) => message.path === '/slack/selfcheck',
			);
			expect(warning[0].body).toMatchObject({
				text: expect.stringContaining('Cisco ISE unreachable'),
			});
		});
	},
);
