/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console */
/**
 * The simulated hour of `npm run benchmark`: test/bench/simulatedHour.bench.ts, run by jest because
 * it drives the Diagnose nodes in-process on a simulated clock with the unit tests' driver. Every
 * shipped workflow that sweeps, at the seed's cadences, on one token of 5,000 calls an hour.
 * `--hour-only` (or `BENCH_ONLY=hour`) runs only that.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from '../e2e/config';

/** Where one hour's figures go: apart per scale and budget, so two hours may run side by side. */
const resultPath = (sites: number, budget: number) =>
	path.join(
		REPO_ROOT,
		'test-output',
		sites === 1000 && budget === 5000
			? 'simulated-hour.json'
			: `simulated-hour-${sites}-sites-${budget}-calls.json`,
	);

export const hourOnlyRequested = (
	argv: string[] = process.argv,
	env: NodeJS.ProcessEnv = process.env,
) => argv.includes('--hour-only') || env.BENCH_ONLY === 'hour';

export const hourCostRequested = (argv: string[] = process.argv) => argv.includes('--hour-cost');

/** A token so large that nothing is paced: the hour shows what the shipped sweeps cost. */
export const UNPACED_BUDGET = 1_000_000;

export function runHourSection(sites = 1000, budget = 5000): Record<string, unknown> {
	console.log(
		`\nSimulated hour at the shipped cadences, ${sites} sites, ${budget} calls/hour (several minutes at 1,000 sites)…`,
	);
	const output = resultPath(sites, budget);
	fs.rmSync(output, { force: true });
	const jest = path.join(REPO_ROOT, 'node_modules', '.bin', 'jest');
	const run = spawnSync(
		jest,
		[
			'--roots',
			'<rootDir>/test/bench',
			'--testMatch',
			'**/*.bench.ts',
			'--testPathIgnorePatterns',
			'/node_modules/',
			'--silent',
		],
		{
			cwd: REPO_ROOT,
			env: {
				...process.env,
				BENCH_HOUR_SITES: String(sites),
				BENCH_HOUR_BUDGET: String(budget),
				BENCH_HOUR_OUTPUT: output,
			},
			stdio: ['ignore', 'inherit', 'inherit'],
		},
	);
	if (run.status !== 0 || !fs.existsSync(output))
		throw new Error(`the simulated hour failed (jest exit ${run.status})`);
	const result = JSON.parse(fs.readFileSync(output, 'utf8')) as Record<string, unknown>;
	console.log(
		`Simulated hour, ${sites} sites, ${String(result.budget)} calls/hour: ${String(result.calls)} Mist calls, ${String(result.limited)} × 429`,
	);
	const coverage = result.clientCoverage as { sites: number; clientsRead: number } | undefined;
	if (coverage)
		console.log(
			`Client coverage in the hour: the clients of ${coverage.clientsRead} of ${coverage.sites} sites read at least once`,
		);
	console.table(result.perWorkflow);
	return result;
}

/**
 * `--hour-cost`: what an hour of the shipped sweeps costs, unpaced, at 10, 100 and 1,000 sites
 * (the README's calls-per-hour table). Writes test-output/hour-cost.json.
 */
export function runHourCost(scales = [10, 100, 1000]): Array<Record<string, unknown>> {
	const rows = scales.map((sites) => {
		const hour = runHourSection(sites, UNPACED_BUDGET);
		const perWorkflow = hour.perWorkflow as Record<string, { calls: number; sweeps: number }>;
		return {
			sites,
			calls: hour.calls,
			...Object.fromEntries(Object.entries(perWorkflow).map(([id, tally]) => [id, tally.calls])),
		};
	});
	console.log('\nMist calls per hour of the shipped sweeps, unpaced:');
	console.table(rows);
	fs.writeFileSync(
		path.join(REPO_ROOT, 'test-output', 'hour-cost.json'),
		JSON.stringify(rows, null, 2),
	);
	return rows;
}
