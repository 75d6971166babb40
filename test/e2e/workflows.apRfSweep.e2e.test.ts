/**
 * The shipped "AP health and RF sweep" (workflows/ap-health-rf-sweep.json) in a real n8n against
 * the demo world: the Warehouse AP and RF faults are found, the RRM plans are TX power only and
 * dry runs (the simulator records no remediation), and the alerts reach the sink through the alert
 * channels sub-workflow, which the server publishes first (outside the editor a sub-workflow runs in
 * its published version).
 */
import { selectedVersions } from '../../scripts/e2e/config';
import { prepareN8n } from '../../scripts/e2e/n8n';
import type { N8nInstance } from '../../scripts/e2e/n8n';
import {
	ALERT_CHANNELS,
	byChannel,
	logDuration,
	shippedCredentials,
	shippedWorkflow,
	simState,
	startServices,
	waitForMessages,
} from '../workflows/e2eSupport';
import type { Services } from '../workflows/e2eSupport';

const WORKFLOW_ID = 'wfApHealthRfSweep';
const REMEDIATE = 'Restart or RRM (dry run)';
const ALERT = 'Alert on AP and RF';

describe.each(selectedVersions().map((spec) => spec.version))(
	'shipped AP health and RF sweep in n8n %s',
	(version) => {
		let services: Services;
		let n8n: N8nInstance;

		beforeAll(async () => {
			const startedAt = Date.now();
			services = await startServices();
			n8n = await prepareN8n({ version, label: 'wf-ap-rf-sweep' });
			await n8n.importCredentials(shippedCredentials(services));
			await n8n.importWorkflow(shippedWorkflow(ALERT_CHANNELS.file, services.sink));
			await n8n.importWorkflow(shippedWorkflow('ap-health-rf-sweep.json', services.sink));
			const running = await n8n.start();
			await running.activateWorkflow(ALERT_CHANNELS.id);
			logDuration(
				`n8n ${version}: AP/RF sweep setup (start + publish the alert channels)`,
				startedAt,
			);
		});

		afterAll(async () => {
			await n8n?.dispose();
			await services?.close();
		});

		it('finds the Warehouse AP and RF faults, plans TX-power-only RRM as a dry run and alerts', async () => {
			const startedAt = Date.now();
			const result = await n8n.execute(WORKFLOW_ID);
			logDuration(`n8n ${version}: AP/RF sweep run`, startedAt);
			expect(result.errorMessage()).toBeUndefined();
			expect(result.ok).toBe(true);

			const findings = [...result.items('AP Health', 0), ...result.items('RF Environment', 0)];
			const rules = new Set(findings.map((finding) => finding.rule));
			for (const rule of [
				'ap_offline',
				'ap_repeated_reboots',
				'ap_overloaded',
				'high_channel_utilization',
				'high_noise_floor',
			]) {
				expect({ rule, found: rules.has(rule) }).toEqual({ rule, found: true });
			}
			expect(
				findings.every(
					(finding) => (finding.scope as { site_name?: string }).site_name === 'Warehouse',
				),
			).toBe(true);

			const plans = result.items(REMEDIATE, 0);
			expect(plans.length).toBeGreaterThan(0);
			expect(plans.every((plan) => plan.status === 'dry-run')).toBe(true);
			const rrm = plans.filter((plan) => plan.operation === 'rrmOptimize');
			expect(rrm.length).toBeGreaterThan(0);
			for (const plan of rrm) {
				expect(plan.request).toMatchObject({
					method: 'POST',
					path: expect.stringMatching(/\/rrm\/optimize$/),
					body: { txpower_only: true },
				});
			}
			// Anything other than a restart or RRM is skipped, not done.
			const skipped = result.items(REMEDIATE, 1);
			expect(
				skipped.every((record) => record.status === 'skipped' || record.status === 'failed'),
			).toBe(true);
			const state = await simState(services.sim);
			expect(state.remediations).toEqual([]);

			const tier1 = result.items(ALERT, 0);
			const tier2 = result.items(ALERT, 1);
			expect(tier1.length).toBeGreaterThan(0);
			const tiersWithNotices = [0, 1, 2, 3].filter(
				(output) => result.items(ALERT, output).length > 0,
			);
			expect(result.run?.data.resultData.runData['Send alerts']).toHaveLength(
				tiersWithNotices.length,
			);
			const messages = await waitForMessages(
				services.sink,
				() => true,
				tier1.length + tier2.length,
			);
			expect(byChannel(messages, 'slack')).toHaveLength(tier1.length);
			expect(byChannel(messages, 'email')).toHaveLength(tier2.length);
			expect(JSON.stringify(byChannel(messages, 'slack')[0].body)).toContain('Warehouse');
		});
	},
);
