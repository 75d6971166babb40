/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, @n8n/community-nodes/require-node-api-error */
/**
 * `npm run benchmark`: does the package answer the user's question faster and cheaper than what
 * they would build without it? In one real n8n, against one Mist simulator (and the ISE simulator
 * and alert sink the shipped workflows talk to), it runs three approaches at 3, 100 and 1,000
 * sites (`--large-only`: 1,000 only; scripts/bench/approaches.ts): one All Steps node, the
 * shipped client triage sweep, and a per-site HTTP Request baseline. Each runs three times: Mist calls, execution and wall time
 * (medians), the n8n process's peak memory, and which injected faults its findings name
 * (scripts/bench/faults.ts). Prints a table and the issue's target lines, writes
 * test-output/benchmark.json. Figures, not pass/fail: the tests hold the limits.
 * First, without n8n, the diagnosis rules' throughput per step (`--rules-only` or `BENCH_ONLY=rules`:
 * only that); last, a simulated hour of every sweeping workflow at the seed's cadences on one token
 * (scripts/bench/hourSection.ts; `--hour-only` or `BENCH_ONLY=hour`: only that; `--no-hour`: all but
 * that; `--hour-cost`: the hour unpaced at 10, 100 and 1,000 sites, the README's calls per hour).
 */
import fs from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from './e2e/config';
import { prepareN8n } from './e2e/n8n';
import type { RunningN8n } from './e2e/n8n';
import { ensurePackageBuilt } from './e2e/package';
import { freePort } from './e2e/ports';
import { shippedCredentials } from './shippedCredentials';
import { startSimulator } from '../simulator/src/index';
import type { Scale } from '../simulator/src/index';
import { iseScenarioFromWorld, startIseSimulator } from '../simulator/src/ise/index';
import { startAlertSink } from '../simulator/src/sink/index';
import { rulesOnlyRequested, runRulesSection, writeRulesOnly } from './bench/rulesSection';
import {
	hourCostRequested,
	hourOnlyRequested,
	runHourCost,
	runHourSection,
} from './bench/hourSection';
import {
	allStepsWorkflow,
	APPROACHES,
	baselineCredential,
	baselineWorkflow,
	chainWorkflows,
	SUB_WORKFLOWS,
} from './bench/approaches';
import { groundTruth, matchFaults } from './bench/faults';
import { measure, median, medianOf, RUNS } from './bench/measure';
import { markdownTable, ratioLines, tableRows } from './bench/report';
import type { ApproachResult } from './bench/report';

const VERSION = process.env.N8N_BENCH_VERSION ?? '2.8.4';
const OUTPUT = path.join(REPO_ROOT, 'test-output', 'benchmark.json');
const LARGE = '1,000 sites';

const CASES: Array<{ name: string; scenario: string; scale?: Partial<Scale> }> = [
	{ name: 'demo (3 sites)', scenario: 'demo' },
	{ name: '100 sites', scenario: 'scale-100' },
	{
		name: LARGE,
		scenario: 'scale-100',
		scale: { sites: 1000, apsPerSite: 10, clientsPerSite: 100 },
	},
];

async function main() {
	if (hourOnlyRequested()) {
		runHourSection();
		return;
	}
	if (hourCostRequested()) {
		runHourCost();
		return;
	}
	// Before n8n starts, so the rules are timed on a quiet process.
	const rulesThroughput = runRulesSection();
	fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
	if (rulesOnlyRequested()) {
		writeRulesOnly(OUTPUT, rulesThroughput);
		console.log(`Written to ${OUTPUT}`);
		return;
	}
	await ensurePackageBuilt();
	// The same ISE port for every case, so its credential keeps its address. Each case's Mist
	// simulator gets a port of its own: the scale-100 org id is the same at 100 and 1,000 sites, and
	// Mist Diagnose keys its caches (site list, coverage, AP names) by credential, address and org,
	// so a shared address would start the 1,000-site case with the 100-site org's caches.
	const isePort = await freePort();
	const sink = await startAlertSink({ httpPort: 0, smtpPort: 0 });
	const n8n = await prepareN8n({ version: VERSION, label: 'benchmark' });
	let server: RunningN8n | undefined;
	const results: ApproachResult[] = [];
	const cases: Array<Record<string, unknown>> = [];
	try {
		// `--demo-only`: a quick check of the set-up on the 3-site org.
		const selected = process.argv.includes('--demo-only')
			? CASES.slice(0, 1)
			: process.argv.includes('--large-only')
				? CASES.filter((benchCase) => benchCase.name === LARGE)
				: CASES;
		for (const benchCase of selected) {
			const sim = await startSimulator({
				port: await freePort(),
				scenario: benchCase.scenario,
				scale: benchCase.scale,
				budgetPerHour: 1_000_000,
			});
			const ise = await startIseSimulator({
				port: isePort,
				scenario: iseScenarioFromWorld(sim.world),
			});
			try {
				const faults = groundTruth(sim.world);
				cases.push({
					case: benchCase.name,
					sites: sim.world.sites.length,
					aps: sim.world.aps.size,
					clients: sim.world.clients.size,
					faultsInjected: faults.length,
				});
				console.log(
					`\n${benchCase.name}: ${sim.world.sites.length} sites, ${sim.world.aps.size} APs, ${sim.world.clients.size} clients, ${faults.length} injected faults`,
				);
				// The first case imports everything; later ones the org-specific pieces only (a new org id).
				const credentials = shippedCredentials({ sim, ise, sink }).filter(
					(credential) => !server || credential.type === 'mistApi',
				);
				await n8n.importCredentials([...credentials, baselineCredential(sim.token)]);
				const baseline = baselineWorkflow({ baseUrl: sim.url, orgId: sim.orgId });
				await n8n.importWorkflows(
					server ? [baseline] : [allStepsWorkflow(), ...chainWorkflows(sink.url), baseline],
				);
				if (!server) {
					// Sub-workflows run in their published version only, and the chain's shared memory
					// lives in the server: it runs beside the `n8n execute` processes, idle otherwise.
					server = await n8n.start();
					for (const sub of SUB_WORKFLOWS) await server.activateWorkflow(sub.id);
				}
				for (const approach of APPROACHES) {
					const measured = await measure(n8n, sim, approach.workflowId, (run) =>
						console.log(`  ${approach.label}: run ${run}/${RUNS}…`),
					);
					const peak = Math.max(...measured.peakRssKb.map((kb) => kb ?? 0));
					const result: ApproachResult = {
						scale: benchCase.name,
						sites: sim.world.sites.length,
						approach: approach.key,
						label: approach.label,
						calls: median(measured.calls),
						firstRunCalls: measured.calls[0],
						wallMs: median(measured.wallMs),
						executionMs: medianOf(measured.executionMs),
						peakRssMb: peak > 0 ? Math.round(peak / 1024) : undefined,
						faults: matchFaults(faults, approach.findings(measured.firstRun)),
						callTemplates: measured.callTemplates,
					};
					results.push(result);
					console.log(
						`  ${approach.label}: ${result.calls} calls (runs: ${measured.calls.join(', ')}), ` +
							`execution ${result.executionMs ?? 'n/a'} ms, wall ${result.wallMs} ms, ` +
							`faults ${result.faults.found}/${result.faults.injected}` +
							(result.faults.missed.length ? ` (missed ${result.faults.missed.join(', ')})` : ''),
					);
				}
			} finally {
				await Promise.allSettled([sim.close(), ise.close()]);
			}
		}
	} catch (error) {
		n8n.markFailed(); // keeps n8n's logs in test-output/
		throw error;
	} finally {
		await n8n.dispose();
		await sink.close();
	}
	const ratios = ratioLines(results, LARGE, LARGE);
	const chainLarge = results.find(
		(result) => result.scale === LARGE && result.approach === 'chain',
	);
	console.log(
		`\nn8n ${VERSION}; medians of ${RUNS} runs. Execution time is n8n's own (startedAt → stoppedAt); ` +
			'wall time adds the `n8n execute` CLI start. Peak RSS: the n8n CLI process, largest of the runs.',
	);
	console.table(tableRows(results));
	for (const line of ratios) console.log(line);
	if (chainLarge && chainLarge.calls > 30)
		console.log(`  the shipped chain's calls at ${LARGE}:`, chainLarge.callTemplates);
	console.log(`\n${markdownTable(results)}\n`);
	// After n8n has stopped, so it does not slow the runs above. `--no-hour`: the n8n part only.
	const simulatedHour = process.argv.includes('--no-hour') ? undefined : runHourSection();
	fs.writeFileSync(
		OUTPUT,
		JSON.stringify(
			{
				n8n: VERSION,
				at: new Date().toISOString(),
				runs: RUNS,
				cases,
				results,
				ratios,
				rulesThroughput,
				simulatedHour,
			},
			null,
			2,
		),
	);
	console.log(`Written to ${OUTPUT}`);
}

main().catch((error: Error) => {
	console.error(`Benchmark failed: ${error.message}`);
	process.exit(1);
});
