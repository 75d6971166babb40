/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * The triage flowchart as users wire it: seven Mist Diagnose sweep steps chained through their
 * Healthy outputs, beside one All Steps sweep, in a real n8n against the demo scenario. All Steps
 * finds every fault; the chain stops each faulty site at its first major problem and never looks at
 * it again; nothing on the control site; the chain stays within its API budget.
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
	dhcp_unresponsive: 'dhcp_server_unresponsive',
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

		it('All Steps finds every demo fault; the chain stops each site at its first problem; nothing on the control site', async () => {
			await simulatorControl.clearCalls(sim);
			const result = await n8n.execute(WORKFLOW_ID);
			process.stderr.write(`[e2e] n8n ${version}: diagnose chain took ${result.durationMs} ms\n`);
			expect(result.errorMessage()).toBeUndefined();
			expect(result.ok).toBe(true);

			// All Steps names every problem: as a root cause, or as a symptom a root cause explains.
			const all = result.items('All Steps', 0);
			const named = new Set(
				all.flatMap((finding) => [
					finding.rule,
					...((finding.evidence as { symptoms?: Array<{ rule: string }> }).symptoms ?? []).map(
						(symptom) => symptom.rule,
					),
				]),
			);
			for (const fault of sim.world.faults) {
				expect({ fault: fault.kind, found: named.has(RULE_OF_FAULT[fault.kind]) }).toEqual({
					fault: fault.kind,
					found: true,
				});
			}

			// The chain is a flowchart: a site with a major-or-worse problem leaves at that step, and
			// no later step looks at it again.
			const siteOf = (finding: Record<string, unknown>) =>
				(finding.scope as Record<string, unknown>).site_id;
			const allFingerprints = new Set(
				all.flatMap((finding) => [finding.fingerprint, ...((finding.explains as string[]) ?? [])]),
			);
			const faultySites = new Set(sim.world.faults.map((fault) => fault.siteId));
			for (const siteId of faultySites) {
				const stepsReporting = STEP_NODES.filter((node) =>
					result.items(node, 0).some((finding) => siteOf(finding) === siteId),
				);
				const stop = STEP_NODES.findIndex((node) =>
					result
						.items(node, 0)
						.some(
							(finding) =>
								siteOf(finding) === siteId &&
								['critical', 'major'].includes(String(finding.severity)),
						),
				);
				expect({ siteId, stopsInChain: stop >= 0 }).toEqual({ siteId, stopsInChain: true });
				expect(stepsReporting.filter((node) => STEP_NODES.indexOf(node) > stop)).toEqual([]);
				for (const node of STEP_NODES.slice(stop + 1)) {
					expect(result.items(node, 1).map((site) => site.site_id)).not.toContain(siteId);
				}
			}
			// Rotating coverage's worst-clients findings (minor, the ordinary marginal clients of the
			// sites a run's slice took) depend on which sites each node's slice took: not demo faults.
			const fromCoverage = (finding: Record<string, unknown>) =>
				finding.severity === 'minor' && String(finding.rule).endsWith('_clients_site');
			// What the chain says, All Steps says too.
			for (const node of STEP_NODES) {
				for (const finding of result.items(node, 0).filter((item) => !fromCoverage(item))) {
					expect({
						node,
						rule: finding.rule,
						inAllSteps: allFingerprints.has(finding.fingerprint),
					}).toEqual({
						node,
						rule: finding.rule,
						inAllSteps: true,
					});
				}
			}

			const control = sim.world.sites.find((site) => !faultySites.has(site.id));
			expect(control?.name).toBe('Branch-Control');
			const chainFindings = STEP_NODES.flatMap((node) => result.items(node, 0));
			expect(
				[...chainFindings, ...all].filter(
					(finding) => siteOf(finding) === control?.id && !fromCoverage(finding),
				),
			).toEqual([]);
			for (const node of STEP_NODES) {
				expect(result.items(node, 1).map((site) => site.site_name)).toContain('Branch-Control');
			}

			const calls = (await simulatorControl.calls(sim)).filter((call) =>
				call.path.startsWith('/api/v1/'),
			);
			const reported = [...STEP_NODES, 'All Steps'].map((node) => {
				const item = result.items(node, 0)[0] ?? result.items(node, 1)[0];
				return (item._requestStats as Record<string, number>).calls;
			});
			process.stderr.write(
				`[e2e] n8n ${version}: the chain made ${calls.length} Mist calls (${reported.join(' + ')})\n`,
			);
			expect(reported.reduce((sum, count) => sum + count, 0)).toBe(calls.length);
			// The seven chained steps together stay within 40 calls; All Steps is reported on its own.
			expect(
				reported.slice(0, STEP_NODES.length).reduce((sum, count) => sum + count, 0),
			).toBeLessThanOrEqual(40);
			expect(calls.every((call) => call.status === 200)).toBe(true);
		});
	},
);
