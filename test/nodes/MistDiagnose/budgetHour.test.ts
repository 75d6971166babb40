/* eslint-disable no-console -- the simulated hour reports its figures */
import {
	hourSummary,
	quartersSwept,
	simulateHour,
	simulatorOnSimulatedClock,
} from './simulatedHour';

/** The seed's cadences, as three workflows of Diagnose steps on one token. */
const WORKFLOWS = [
	{ id: 'clients', everyMs: 30_000, steps: ['association', 'authentication', 'client_health'] },
	{ id: 'health', everyMs: 60_000, steps: ['ap_health', 'rf_environment', 'infrastructure'] },
	{ id: 'dhcp', everyMs: 120_000, steps: ['dhcp'] },
];
const START = Date.UTC(2026, 11, 6, 10, 0, 5);
/** Smaller than what these sweeps would spend unpaced on 100 sites (about 1,800 calls an hour at the cost per sweep measured here). */
const BUDGET = 1500;

describe('Mist Diagnose API budget over a simulated hour', () => {
	const sim = simulatorOnSimulatedClock(START, { scenario: 'scale-100', budgetPerHour: BUDGET });

	it('stays within the token budget at the seed cadences: no 429, skips reported, sweeps spread over the hour', async () => {
		const result = await simulateHour(sim(), WORKFLOWS, START);
		console.log(
			`Simulated hour at the seed cadences, 100 sites, ${BUDGET} calls/hour: ${result.calls} calls, ${result.limited} × 429, ${JSON.stringify(hourSummary(result))}`,
		);
		expect(result.limited).toBe(0);
		expect(result.calls).toBeLessThanOrEqual(BUDGET);
		expect(result.perWorkflow.clients.sweeps).toBe(120);
		// The budget is short, so sweeps were skipped and said so...
		expect(result.perWorkflow.clients.skippedSweeps).toBeGreaterThan(0);
		// ...but paced, not starved: every workflow swept in every quarter of the hour.
		for (const tally of Object.values(result.perWorkflow))
			expect(quartersSwept(tally)).toEqual([0, 1, 2, 3]);
	}, 600_000);
});
