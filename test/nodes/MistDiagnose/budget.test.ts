import type { IDataObject } from 'n8n-workflow';

import { forgetEventHistory } from '../../../nodes/MistDiagnose/collect/eventHistory';
import { forgetExecutionReads } from '../../../nodes/MistDiagnose/collect/executionReads';
import { STEPS } from '../../../nodes/shared/findings/types';
import { startSimulator } from '../../../simulator/src';
import type { RunningSimulator } from '../../../simulator/src';
import { runDiagnose, useFakeDate } from './helpers';

const mistCalls = (sim: RunningSimulator) =>
	sim.calls().filter((call) => call.path.startsWith('/api/v1/'));

describe('Mist Diagnose API budget', () => {
	afterEach(() => {
		forgetExecutionReads();
		forgetEventHistory();
	});

	it('skips the sweep, reading nothing, when the hour has no room above the reserve', async () => {
		// 510 calls an hour, 500 of them reserved: a sweep (about 20 calls) does not fit.
		const sim = await startSimulator({ port: 0, scenario: 'demo', budgetPerHour: 510 });
		try {
			const run = await runDiagnose(sim, { step: 'all' }, { workflowId: 'wf-1' });
			expect(mistCalls(sim).map((call) => call.path)).toEqual(
				expect.not.arrayContaining([expect.stringMatching(/events\/search|stats\/devices/)]),
			);
			// On Issues only a marker: Mist Alert must not take the skipped sweep for a clean run.
			expect(run.issues).toEqual([
				expect.objectContaining({
					kind: 'notChecked',
					reason: 'apiBudget',
					steps: [...STEPS],
				}),
			]);
			expect(run.healthy).toEqual([
				expect.objectContaining({
					kind: 'sweepSkipped',
					summary: expect.stringContaining(
						'skipped to stay within the Mist API budget: the token has',
					),
					_budget: expect.objectContaining({ limit: 510, reconciled: true, skippedReads: 1 }),
				}),
			]);
		} finally {
			await sim.close();
		}
	});

	it('drills into fewer sites when its share is spent, and lists the sites it left out', async () => {
		const sim = await startSimulator({ port: 0, scenario: 'scale-100', budgetPerHour: 100_000 });
		const drillAll = { drillAllSites: true, maxDrilldownSites: 100 };
		try {
			await runDiagnose(
				sim,
				{ step: 'client_health', options: { ...drillAll, paceToBudget: false } },
				{ workflowId: 'wf-1' },
			);
			const freeCalls = mistCalls(sim).length;
			sim.resetCalls();
			// A sweep never seen before may spend 50 calls at once, whatever the token has left.
			const paced = await runDiagnose(
				sim,
				{ step: 'client_health', options: drillAll },
				{ workflowId: 'wf-2' },
			);
			const pacedCalls = mistCalls(sim);
			const budget = (paced.issues[0] ?? paced.healthy[0])._budget as IDataObject;
			expect(freeCalls).toBeGreaterThan(200);
			expect(budget.allowance).toBe(50);
			// Drill-downs stop at the allowance; the AP inventory read after them is not optional.
			expect(pacedCalls.length).toBeGreaterThan(40);
			expect(pacedCalls.length).toBeLessThanOrEqual(55);
			expect(budget.spent).toBe(pacedCalls.length);
			expect(Number(budget.skippedReads)).toBeGreaterThan(50);
			expect(budget.skipped).toHaveLength(20);
			expect((budget.skipped as IDataObject[])[0]).toEqual({
				read: expect.stringMatching(/^client_health drill-down of site [0-9a-f-]{36}$/),
				reason: expect.stringContaining('of its 50 calls'),
			});
			expect(pacedCalls.every((call) => call.status !== 429)).toBe(true);
		} finally {
			await sim.close();
		}
	}, 240_000);

	it('names APs from an older copy of the AP names when the token is short, and says so', async () => {
		const t0 = Date.parse('2026-12-07T10:00:00Z');
		useFakeDate(t0);
		const sim = await startSimulator({ port: 0, scenario: 'demo', now: () => Date.now() });
		const staticData: IDataObject = {};
		const association = async (minutes: number, options: IDataObject = {}) => {
			useFakeDate(t0 + minutes * 60_000);
			sim.resetCalls();
			const run = await runDiagnose(
				sim,
				{ step: 'association', options },
				{ staticData, workflowId: 'wf-1', executionId: `e${minutes}` },
			);
			const apNames = run.issues.map((finding) => (finding.scope as IDataObject).ap_name);
			const apStatsReads = mistCalls(sim).filter((call) => call.path.endsWith('/stats/devices'));
			return { run, apNames, apStatsReads: apStatsReads.length };
		};
		try {
			const first = await association(0);
			expect(first.apStatsReads).toBe(1);
			// 20 minutes on, the kept names are too old to take as they are; with 60 calls left above
			// the reserve (fewer than five sweeps' worth), they serve rather than a new read.
			const used = mistCalls(sim).length + 20;
			const short = await association(20, { budgetReserve: 5000 - used - 60 });
			expect(short.apStatsReads).toBe(0);
			expect(short.apNames).toEqual(first.apNames);
			expect(short.apNames.some(Boolean)).toBe(true);
			const budget = (short.run.healthy[0] ?? short.run.issues[0])._budget as IDataObject;
			expect(budget.skipped).toEqual([
				{
					read: 'AP names (cached copy kept)',
					reason: expect.stringContaining('an older copy serves'),
				},
			]);
		} finally {
			await sim.close();
			jest.useRealTimers();
		}
	});

	it.each([
		[{ budgetShare: 150 }, 'Invalid API Budget Share (%): "150" is not a number from 0 to 100'],
		[{ budgetReserve: -1 }, 'Invalid API Budget Reserve: "-1" is not a number from 0 to 1000000'],
		[
			{ budgetReserve: 'lots' },
			'Invalid API Budget Reserve: "lots" is not a number from 0 to 1000000',
		],
	])('names the option and the problem when %j is out of range', async (options, message) => {
		const sim = await startSimulator({ port: 0, scenario: 'demo' });
		try {
			await expect(runDiagnose(sim, { step: 'dhcp', options })).rejects.toThrow(message);
			expect(mistCalls(sim).filter((call) => call.path.includes('/events/'))).toEqual([]);
		} finally {
			await sim.close();
		}
	});
});
