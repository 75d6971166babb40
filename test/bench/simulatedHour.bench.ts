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

const SITES = Number(process.env.BENCH_HOUR_SITES ?? 1000);
const BUDGET = 5000;
const START = Date.UTC(2026, 11, 6, 10, 0, 5);
const OUTPUT = path.join(__dirname, '..', '..', 'test-output', 'simulated-hour.json');

/** The shipped workflows' Diagnose nodes, the three sweeps at the seed's cadences. */
const WORKFLOWS: CadenceWorkflow[] = [
	{
		id: 'client checks (30 s)',
		everyMs: 30_000,
		steps: ['association', 'authentication', 'client_health'],
	},
	{
		id: 'health checks (60 s)',
		everyMs: 60_000,
		steps: ['ap_health', 'rf_environment', 'infrastructure'],
	},
	{ id: 'DHCP checks (120 s)', everyMs: 120_000, steps: ['dhcp'] },
	{
		id: 'ap-health-rf-sweep (30 min)',
		everyMs: 1_800_000,
		firstAtMs: 60_000,
		steps: ['ap_health', 'rf_environment'],
	},
	{
		id: 'dashboard view (every 10 min)',
		everyMs: 600_000,
		firstAtMs: 300_000,
		steps: ['all'],
	},
	{
		id: 'daily report (once)',
		everyMs: 3_600_000,
		firstAtMs: 1_800_000,
		steps: ['all'],
		params: { window: '1d' },
	},
];

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
		const result = await simulateHour(sim(), WORKFLOWS, START);
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
