/**
 * The shared memory in a real n8n (issue 15): ten production executions started together on the
 * same finding restart the AP once and page once, because Mist Remediate and Mist Alert claim in
 * n8n's Data Tables before they act; a second workflow's Alert sees the same incident and stays
 * quiet; every run leaves an audit row in the `mist_log` table.
 */
import { selectedVersions } from '../../scripts/e2e/config';
import { prepareN8n } from '../../scripts/e2e/n8n';
import type { N8nInstance, RunningN8n } from '../../scripts/e2e/n8n';
import type { ExecutionSummary } from '../../scripts/e2e/restApi';
import {
	outputOf,
	shippedCredentials,
	shippedWorkflow,
	simState,
	startServices,
} from '../workflows/e2eSupport';
import type { Services } from '../workflows/e2eSupport';
import {
	ACTING_ID,
	actingWorkflow,
	CONCURRENT,
	DASHBOARD_ID,
	DASHBOARD_LOGIN,
	finishedExecutions,
	fireTogether,
	itemsOf,
	OBSERVER_ID,
	observerWorkflow,
	tableRows,
	warehouseApFinding,
} from './sharedMemoryWorkflows';

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
			const { apId: offlineAp, finding } = warehouseApFinding(services);
			apId = offlineAp;
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
			expect(await fireTogether(`${running.url}/webhook`)).toEqual(Array(CONCURRENT).fill(200));
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
