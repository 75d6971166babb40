/* eslint-disable no-console -- the simulated hour reports its figures */
import { shippedSweeps } from './shippedSweeps';
import {
	hourSummary,
	quartersSwept,
	simulateHour,
	simulatorOnSimulatedClock,
} from './simulatedHour';

const START = Date.UTC(2026, 11, 6, 10, 0, 5);
/** Smaller than what the shipped sweeps would spend unpaced on 100 sites. */
const BUDGET = 1500;
const TRIAGE = 'client-triage-sweep (Every 30 seconds)';

describe('the shipped sweeps over a simulated hour on one token', () => {
	const sim = simulatorOnSimulatedClock(START, { scenario: 'scale-100', budgetPerHour: BUDGET });

	it('reads their cadences from the workflow files: the triage chain every 30 s, its steps at their own turns', () => {
		const sweeps = shippedSweeps();
		const triage = sweeps.find((sweep) => sweep.id === TRIAGE);
		expect(triage?.everyMs).toBe(30_000);
		expect(
			triage?.steps.map((node) => [
				node.name,
				(node.params.options as { checkEvery?: number })?.checkEvery ?? 0,
			]),
		).toEqual([
			['Association', 0],
			['Authentication', 0],
			['DHCP', 120],
			['Client Health', 60],
			['AP Health', 60],
			['RF Environment', 60],
			['Infrastructure', 60],
		]);
		expect(sweeps.map((sweep) => [sweep.id, sweep.everyMs])).toContainEqual([
			'ap-health-rf-sweep (Every 30 minutes)',
			1_800_000,
		]);
		// The Juniper Mist reads of a run spend the same token: the hourly self check's usage read,
		// and (opened every 10 minutes) the dashboard's reads besides its All Steps sweep.
		expect(sweeps.find((sweep) => sweep.id.startsWith('self-health-check'))?.steps).toEqual([
			expect.objectContaining({ name: 'Mist API usage', mist: true }),
		]);
		const dashboard = shippedSweeps({
			'network-health-dashboard.json': { everyMs: 600_000 },
		}).find((sweep) => sweep.id.startsWith('network-health-dashboard'));
		expect(dashboard?.steps.map((node) => [node.name, node.mist === true])).toEqual([
			['Site SLE', true],
			['Sites', true],
			['AP Stats', true],
			['Diagnose All Steps', false],
			['Clients of Chosen Site', true],
		]);
	});

	it('stays within the token budget at the shipped cadences: no 429, each step at its turn, sweeps spread over the hour', async () => {
		const result = await simulateHour(sim(), shippedSweeps(), START);
		console.log(
			`Simulated hour of the shipped sweeps, 100 sites, ${BUDGET} calls/hour: ${result.calls} calls, ${result.limited} × 429, clients of ${result.coverage.clientsRead} of ${result.coverage.sites} sites read, ${JSON.stringify(hourSummary(result))}`,
		);
		expect(result.limited).toBe(0);
		expect(result.calls).toBeLessThanOrEqual(BUDGET);
		const triage = result.perWorkflow[TRIAGE];
		expect(triage.sweeps).toBe(120);
		// A step checks at most at its own cadence, never on every 30-second run.
		expect(triage.checks.DHCP).toBeLessThanOrEqual(30);
		expect(triage.checks['Client Health']).toBeLessThanOrEqual(60);
		expect(triage.checks.DHCP).toBeGreaterThan(0);
		// Short of budget, rotating coverage is among the reads shed first: most sites, not all.
		expect(result.coverage.clientsRead).toBeGreaterThanOrEqual(90);
		// Paced, not starved: every workflow swept in every quarter of the hour it ran in.
		for (const [id, tally] of Object.entries(result.perWorkflow))
			expect({ id, quarters: quartersSwept(tally) }).toEqual({
				id,
				quarters: tally.sweeps >= 4 ? [0, 1, 2, 3] : expect.any(Array),
			});
	}, 600_000);
});

describe('the shipped sweeps over a simulated hour on a token of 5,000', () => {
	const sim = simulatorOnSimulatedClock(START, { scenario: 'scale-100', budgetPerHour: 5000 });

	// All shipped workflows on, as in the benchmark's hour: the dashboard opened every 10 minutes and
	// the daily report once. A site that fails authentication or DHCP leaves the triage chain before
	// its Client Health step; the dashboard's All Steps reads it.
	const allShipped = shippedSweeps({
		'network-health-dashboard.json': { everyMs: 600_000, firstAtMs: 300_000 },
		'daily-weekly-reports.json': { everyMs: 3_600_000, firstAtMs: 1_800_000 },
	});

	it("read every site's clients within the hour and report weak clients of healthy sites by their worst", async () => {
		const result = await simulateHour(sim(), allShipped, START);
		expect(result.limited).toBe(0);
		expect(result.calls).toBeLessThanOrEqual(5000);
		expect(result.coverage).toEqual({ sites: 100, clientsRead: 100, neverRead: [] });
		const rules = result.perWorkflow[TRIAGE].rules;
		const worstClients = [
			'weak_signal_clients_site',
			'low_snr_clients_site',
			'high_retries_clients_site',
		];
		expect(worstClients.some((rule) => (rules[rule] ?? 0) > 0)).toBe(true);
	}, 600_000);
});
