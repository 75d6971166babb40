/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * The triage flowchart as users wire it: seven Mist Diagnose sweep steps chained through their
 * Healthy outputs, in a real n8n against the demo scenario. Every fault is found on the right
 * site, nothing on the control site, and the whole chain stays within its API budget.
 */
import path from 'node:path';

import { selectedVersions } from '../../scripts/e2e/config';
import { prepareN8n } from '../../scripts/e2e/n8n';
import type { N8nInstance } from '../../scripts/e2e/n8n';
import { startSimulator } from '../../simulator/src/index';
import type { RunningSimulator } from '../../simulator/src/index';
import { mistCredential, simulatorControl } from '../../scripts/e2e/mistSimulator';

const WORKFLOW_FILE = path.join(__dirname, 'workflows', 'mist-diagnose-chain.json');
const WORKFLOW_ID = 'e2eDiagnoseChain1';
const STEP_NODES = [
	'Association',
	'Authentication',
	'DHCP',
	'Client Health',
	'AP Health',
	'RF Environment',
	'Infrastructure',
];

/** Rule each fault kind of the demo scenario must produce somewhere in the chain. */
const RULE_OF_FAULT: Record<string, string> = {
	association_failure: 'association_failures_ap',
	radius_reject: 'auth_failures_ssid',
	expired_certificate: 'auth_failures_ssid',
	wrong_psk: 'client_auth_failure',
	dhcp_unresponsive: 'dhcp_failures_vlan',
	dhcp_nak: 'client_dhcp_failure',
	dhcp_pool_exhausted: 'dhcp_pool_exhausted',
	switch_port_flap: 'switch_port_flap',
	ap_offline: 'ap_offline',
	ap_rebooting: 'ap_repeated_reboots',
	overloaded_ap: 'ap_overloaded',
	high_channel_utilisation: 'high_channel_utilization',
	high_noise_floor: 'high_noise_floor',
	weak_coverage: 'client_weak_signal',
	low_snr: 'client_low_snr',
	high_retries: 'client_high_retries',
};

describe.each(selectedVersions().map((spec) => spec.version))(
	'Mist Diagnose flowchart in n8n %s',
	(version) => {
		let sim: RunningSimulator;
		let n8n: N8nInstance;

		beforeAll(async () => {
			sim = await startSimulator({ port: 0, scenario: 'demo' });
			n8n = await prepareN8n({ version, label: 'mist-diagnose' });
			await n8n.importCredentials([mistCredential(sim)]);
			await n8n.importWorkflow(WORKFLOW_FILE);
		});

		afterAll(async () => {
			await n8n?.dispose();
			await sim?.close();
		});

		it('runs the seven steps in a chain and finds every demo fault, with nothing on the control site', async () => {
			await simulatorControl.clearCalls(sim);
			const result = await n8n.execute(WORKFLOW_ID);
			process.stderr.write(`[e2e] n8n ${version}: diagnose chain took ${result.durationMs} ms\n`);
			expect(result.errorMessage()).toBeUndefined();
			expect(result.ok).toBe(true);

			const findings = STEP_NODES.flatMap((node) => result.items(node, 0));
			const rules = new Set(findings.map((finding) => finding.rule));
			for (const fault of sim.world.faults) {
				expect({ fault: fault.kind, found: rules.has(RULE_OF_FAULT[fault.kind]) }).toEqual({
					fault: fault.kind,
					found: true,
				});
			}
			const faultySites = new Set(sim.world.faults.map((fault) => fault.siteId));
			const control = sim.world.sites.find((site) => !faultySites.has(site.id));
			expect(control?.name).toBe('Branch-Control');
			expect(
				findings.filter(
					(finding) => (finding.scope as Record<string, unknown>).site_id === control?.id,
				),
			).toEqual([]);
			for (const node of STEP_NODES) {
				expect(result.items(node, 1).map((site) => site.site_name)).toContain('Branch-Control');
			}

			const calls = (await simulatorControl.calls(sim)).filter((call) =>
				call.path.startsWith('/api/v1/'),
			);
			const reported = STEP_NODES.map((node) => {
				const item = result.items(node, 0)[0] ?? result.items(node, 1)[0];
				return (item._requestStats as Record<string, number>).calls;
			});
			process.stderr.write(
				`[e2e] n8n ${version}: the chain made ${calls.length} Mist calls (${reported.join(' + ')})\n`,
			);
			expect(reported.reduce((sum, count) => sum + count, 0)).toBe(calls.length);
			expect(calls.length).toBeLessThanOrEqual(40);
			expect(calls.every((call) => call.status === 200)).toBe(true);
		});
	},
);
