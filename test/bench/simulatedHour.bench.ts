/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- a benchmark: it reads the environment and writes its figures */
/**
 * `npm run benchmark`'s simulated hour (run by jest, so it reuses the in-process Diagnose driver
 * of the unit tests): every shipped workflow that sweeps, at the seed's cadences, on one token of
 * 5,000 calls an hour, against the 1,000-site simulator whose clock follows the simulated one.
 * Writes test-output/simulated-hour.json. Not part of `npm test` (the file is not *.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';

import {
	hourSummary,
	simulateHour,
	simulatorOnSimulatedClock,
} from '../nodes/MistDiagnose/simulatedHour';
import type { CadenceWorkflow } from '../nodes/MistDiagnose/simulatedHour';
import { shippedSweeps } from '../nodes/MistDiagnose/shippedSweeps';

const SITES = Number(process.env.BENCH_HOUR_SITES ?? 1000);
/** The token's calls an hour (BENCH_HOUR_BUDGET: a large one shows what the sweeps cost unpaced). */
const BUDGET = Number(process.env.BENCH_HOUR_BUDGET ?? 5000);
const START = Date.UTC(2026, 11, 6, 10, 0, 5);
const OUTPUT =
	process.env.BENCH_HOUR_OUTPUT ??
	path.join(__dirname, '..', '..', 'test-output', 'simulated-hour.json');

/**
 * The shipped workflows' sweeps as they ship (their schedule triggers and Check At Most Every):
 * the triage chain every 30 s (client checks each run, health every 60 s, DHCP every 120 s), the
 * AP/RF sweep every 30 min. The dashboard is opened every 10 minutes, and the daily report runs
 * once in the hour (its schedule is a time of day).
 */
const WORKFLOWS: CadenceWorkflow[] = shippedSweeps({
	'network-health-dashboard.json': { everyMs: 600_000, firstAtMs: 300_000 },
	'daily-weekly-reports.json': { everyMs: 3_600_000, firstAtMs: 1_800_000 },
});

describe(`simulated hour at the seed's cadences, ${SITES} sites`, () => {
	const sim = simulatorOnSimulatedClock(
		START,
		{
			scenario: 'scale-100',
			scale: { sites: SITES, apsPerSite: 10, clientsPerSite: 100 },
			budgetPerHour: BUDGET,
		},
		600_000,
	);

	it('runs the hour', async () => {
		const startedAt = process.hrtime.bigint();
		let reported = 0;
		// jest runs this --silent: progress goes to stderr, every 10 simulated minutes.
		const result = await simulateHour(sim(), WORKFLOWS, START, ({ offsetMs }) => {
			const minute = Math.floor(offsetMs / 60_000);
			if (minute < reported + 10) return;
			reported = minute;
			process.stderr.write(
				`  simulated minute ${minute} of 60, ${sim().calls().length} calls so far (${Math.round(Number(process.hrtime.bigint() - startedAt) / 1e9)} s)\n`,
			);
		});
		const wallMs = Number((process.hrtime.bigint() - startedAt) / 1_000_000n);
		const summary = hourSummary(result);
		fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
		fs.writeFileSync(
			OUTPUT,
			JSON.stringify(
				{
					sites: SITES,
					budget: BUDGET,
					calls: result.calls,
					limited: result.limited,
					clientCoverage: {
						sites: result.coverage.sites,
						clientsRead: result.coverage.clientsRead,
						neverRead: result.coverage.neverRead.slice(0, 20),
					},
					wallMs,
					perWorkflow: summary,
				},
				null,
				2,
			),
		);
		console.log(
			`Simulated hour, ${SITES} sites, ${BUDGET} calls/hour: ${result.calls} calls, ${result.limited} × 429 (${wallMs} ms)`,
		);
		console.table(summary);
		expect(result.limited).toBe(0);
	}, 3_600_000);
});
