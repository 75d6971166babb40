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

const RESULT = path.join(REPO_ROOT, 'test-output', 'simulated-hour.json');

export const hourOnlyRequested = (
	argv: string[] = process.argv,
	env: NodeJS.ProcessEnv = process.env,
) => argv.includes('--hour-only') || env.BENCH_ONLY === 'hour';

export function runHourSection(sites = 1000): Record<string, unknown> {
	console.log(`\nSimulated hour at the seed's cadences, ${sites} sites (several minutes)…`);
	fs.rmSync(RESULT, { force: true });
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
			env: { ...process.env, BENCH_HOUR_SITES: String(sites) },
			stdio: ['ignore', 'inherit', 'inherit'],
		},
	);
	if (run.status !== 0 || !fs.existsSync(RESULT))
		throw new Error(`the simulated hour failed (jest exit ${run.status})`);
	const result = JSON.parse(fs.readFileSync(RESULT, 'utf8')) as Record<string, unknown>;
	console.log(
		`Simulated hour, ${sites} sites, ${String(result.budget)} calls/hour: ${String(result.calls)} Mist calls, ${String(result.limited)} × 429`,
	);
	console.table(result.perWorkflow);
	return result;
}
