import type { IDataObject } from 'n8n-workflow';

import { dueSlackMs, isDue } from '../../../nodes/MistDiagnose/cadence';
import { forgetEventHistory } from '../../../nodes/MistDiagnose/collect/eventHistory';
import { forgetExecutionReads } from '../../../nodes/MistDiagnose/collect/executionReads';
import { startSimulator } from '../../../simulator/src';
import type { RunningSimulator } from '../../../simulator/src';
import { runDiagnose, useFakeDate } from './helpers';

const T0 = Date.UTC(2026, 11, 6, 10, 0, 2);
const mistCalls = (sim: RunningSimulator) =>
	sim.calls().filter((call) => call.path.startsWith('/api/v1/')).length;

describe('Mist Diagnose › Check At Most Every', () => {
	it.each([
		['never checked', undefined, 120_000, true],
		['checked 121 s ago', T0 - 121_000, 120_000, true],
		// A run starts a little after its trigger: 10 s short of 120 still counts.
		['checked 111 s ago', T0 - 111_000, 120_000, true],
		['checked 100 s ago', T0 - 100_000, 120_000, false],
		['checked 28 s ago, every 30 s', T0 - 28_000, 30_000, true],
		['checked 26 s ago, every 30 s', T0 - 26_000, 30_000, false],
		['no cadence', T0 - 1_000, 0, true],
	])('%s: due %s', (_name, last, intervalMs, due) => {
		expect(isDue(last, intervalMs, T0)).toBe(due);
	});

	it('allows at most a tenth of the interval, and never more than 10 s', () => {
		expect([dueSlackMs(30_000), dueSlackMs(120_000), dueSlackMs(600_000)]).toEqual([
			3_000, 10_000, 10_000,
		]);
	});

	describe('in a chain', () => {
		let sim: RunningSimulator;
		beforeAll(async () => {
			useFakeDate(T0);
			sim = await startSimulator({ port: 0, scenario: 'demo', now: () => Date.now() });
		});
		afterAll(async () => {
			await sim.close();
			jest.useRealTimers();
		});
		afterEach(() => {
			forgetExecutionReads();
			forgetEventHistory();
		});

		it('checks on its turn only: between turns it reads nothing, marks Issues and passes its input on', async () => {
			const staticData: IDataObject = {};
			const dhcp = { step: 'dhcp', options: { checkEvery: 120 } };
			const input = [
				{ json: { kind: 'healthySite', site_id: 'site-a', site_name: 'A' } },
				{ json: { kind: 'healthySite', site_id: 'site-b', site_name: 'B' } },
			];
			const run = async (at: number, execution: string) => {
				jest.setSystemTime(at);
				const before = mistCalls(sim);
				const result = await runDiagnose(sim, dhcp, {
					staticData,
					workflowId: 'wf-cadence',
					nodeName: 'DHCP',
					executionId: execution,
					items: input,
				});
				return { ...result, calls: mistCalls(sim) - before };
			};

			const first = await run(T0, 'e1');
			expect(first.calls).toBeGreaterThan(0);
			expect(first.issues.some((item) => item.kind === 'notChecked')).toBe(false);

			const between = await run(T0 + 30_000, 'e2');
			expect(between.calls).toBe(0);
			expect(between.issues).toEqual([
				{
					kind: 'notChecked',
					level: 'org',
					steps: ['dhcp'],
					reason: 'notDue',
					nextCheckAt: new Date(T0 + 120_000).toISOString(),
					summary: expect.stringContaining('dhcp not checked this run'),
				},
			]);
			expect(between.raw[1]).toEqual([
				{ json: input[0].json, pairedItem: { item: 0 } },
				{ json: input[1].json, pairedItem: { item: 1 } },
			]);

			// Another node of the same workflow keeps its own turn.
			jest.setSystemTime(T0 + 30_000);
			const other = await runDiagnose(sim, dhcp, {
				staticData,
				workflowId: 'wf-cadence',
				nodeName: 'DHCP (second copy)',
				executionId: 'e3',
			});
			expect(other.issues.some((item) => item.kind === 'notChecked')).toBe(false);

			const onTurn = await run(T0 + 115_000, 'e4');
			expect(onTurn.calls).toBeGreaterThan(0);
			expect(onTurn.issues.some((item) => item.kind === 'notChecked')).toBe(false);
		});

		it.each([-5, 'often', 100_000])('names a bad Check At Most Every: %s', async (value) => {
			await expect(
				runDiagnose(
					sim,
					{ step: 'dhcp', options: { checkEvery: value } },
					{ workflowId: 'wf-bad' },
				),
			).rejects.toThrow(
				`Invalid Check At Most Every (Seconds): "${value}" is not a number from 0 to 86400`,
			);
		});
	});
});
