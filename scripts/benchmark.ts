/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console */
/**
 * `npm run benchmark`: measures, in a real n8n against the simulator, what a diagnosis sweep costs
 * at several org sizes: simulator start-up, wall time of the seven-step flowchart and of one All
 * Steps node, and the Mist API calls each makes (from the simulator's call log). Prints a table
 * and writes test-output/benchmark.json. Figures, not pass/fail: the tests hold the limits.
 * First, without n8n, the diagnosis rules' throughput per step (`--rules-only` or `BENCH_ONLY=rules`:
 * only that).
 */
import fs from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from './e2e/config';
import { prepareN8n } from './e2e/n8n';
import type { WorkflowJson } from './e2e/n8n';
import { ensurePackageBuilt } from './e2e/package';
import { freePort } from './e2e/ports';
import { startSimulator } from '../simulator/src/index';
import type { Scale } from '../simulator/src/index';
import { rulesOnlyRequested, runRulesSection, writeRulesOnly } from './bench/rulesSection';

const VERSION = process.env.N8N_BENCH_VERSION ?? '2.8.4';
const CHAIN_FILE = path.join(REPO_ROOT, 'test', 'e2e', 'workflows', 'mist-diagnose-chain.json');
const CREDENTIAL = { id: 'e2eMistAccount01', name: 'Mist account' };
const OUTPUT = path.join(REPO_ROOT, 'test-output', 'benchmark.json');

const CASES: Array<{ name: string; scenario: string; scale?: Partial<Scale> }> = [
	{ name: 'demo (3 sites, ~200 clients)', scenario: 'demo' },
	{ name: 'scale-100 (100 sites, 20,000 clients)', scenario: 'scale-100' },
	{
		name: '1,000 sites, 10,000 APs, 100,000 clients',
		scenario: 'scale-100',
		scale: { sites: 1000, apsPerSite: 10, clientsPerSite: 100 },
	},
];

function allStepsWorkflow(): WorkflowJson {
	return {
		id: 'benchAllSteps001',
		name: 'benchmark: All Steps sweep',
		nodes: [
			{
				id: 'b0000000-0000-4000-8000-000000000001',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'b0000000-0000-4000-8000-000000000002',
				name: 'All Steps',
				type: 'n8n-nodes-juniper-mist.mistDiagnose',
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					step: 'all',
					mode: 'sweep',
					org: { __rl: true, mode: 'list', value: '' },
					window: '1h',
				},
				credentials: { mistApi: CREDENTIAL },
			},
		],
		connections: { Start: { main: [[{ node: 'All Steps', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

async function main() {
	// Before n8n starts, so the rules are timed on a quiet process.
	const rulesThroughput = runRulesSection();
	fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
	if (rulesOnlyRequested()) {
		writeRulesOnly(OUTPUT, rulesThroughput);
		console.log(`Written to ${OUTPUT}`);
		return;
	}
	await ensurePackageBuilt();
	const port = await freePort();
	const n8n = await prepareN8n({ version: VERSION, label: 'benchmark' });
	const rows: Array<Record<string, unknown>> = [];
	try {
		await n8n.importWorkflow(CHAIN_FILE);
		await n8n.importWorkflow(allStepsWorkflow());
		for (const benchCase of CASES) {
			const startedAt = Date.now();
			const sim = await startSimulator({
				port,
				scenario: benchCase.scenario,
				scale: benchCase.scale,
				budgetPerHour: 1_000_000,
			});
			const simStartMs = Date.now() - startedAt;
			try {
				// Same port each time, so one credential serves every case; re-import it for the new org and token.
				await n8n.importCredentials([
					{
						...CREDENTIAL,
						type: 'mistApi',
						data: { apiToken: sim.token, cloud: 'custom', customUrl: sim.url, orgId: sim.orgId },
					},
				]);
				const measure = async (workflowId: string) => {
					sim.resetCalls();
					const result = await n8n.execute(workflowId, { timeoutMs: 600_000 });
					if (!result.ok) throw new Error(`${workflowId} failed: ${result.errorMessage()}`);
					const calls = sim.calls().filter((call) => call.path.startsWith('/api/v1/'));
					return { ms: result.durationMs, calls: calls.length };
				};
				const chain = await measure('e2eDiagnoseChain1');
				const all = await measure('benchAllSteps001');
				rows.push({
					case: benchCase.name,
					sites: sim.world.sites.length,
					aps: sim.world.aps.size,
					clients: sim.world.clients.size,
					simulatorStartMs: simStartMs,
					chainMs: chain.ms,
					chainCalls: chain.calls,
					allStepsMs: all.ms,
					allStepsCalls: all.calls,
				});
				console.log(
					`${benchCase.name}: chain ${chain.calls} calls in ${chain.ms} ms, All Steps ${all.calls} calls in ${all.ms} ms`,
				);
			} finally {
				await sim.close();
			}
		}
	} finally {
		await n8n.dispose();
	}
	console.log(
		`\nn8n ${VERSION}; times are wall clock, including the n8n CLI start (~3 s) per run.`,
	);
	console.table(rows);
	fs.writeFileSync(
		OUTPUT,
		JSON.stringify({ n8n: VERSION, at: new Date().toISOString(), rows, rulesThroughput }, null, 2),
	);
	console.log(`Written to ${OUTPUT}`);
}

main().catch((error: Error) => {
	console.error(`Benchmark failed: ${error.message}`);
	process.exit(1);
});
