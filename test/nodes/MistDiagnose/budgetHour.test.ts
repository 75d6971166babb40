/* eslint-disable no-console -- the simulated hour reports its figures */
import type { IDataObject } from 'n8n-workflow';

import { forgetExecutionReads } from '../../../nodes/MistDiagnose/collect/executionReads';
import { startSimulator } from '../../../simulator/src';
import type { RunningSimulator } from '../../../simulator/src';
import { runDiagnose, useFakeDate } from './helpers';

/** The seed's cadences, as three workflows of Diagnose steps on one token. */
const WORKFLOWS = [
	{ id: 'clients', everyMs: 30_000, steps: ['association', 'authentication', 'client_health'] },
	{ id: 'health', everyMs: 60_000, steps: ['ap_health', 'rf_environment', 'infrastructure'] },
	{ id: 'dhcp', everyMs: 120_000, steps: ['dhcp'] },
];
const HOUR_MS = 3_600_000;
const START = Date.UTC(2026, 11, 6, 10, 0, 5);
const BUDGET = 1500;

/**
 * An hour of sweeps on a simulated clock (Date only: the HTTP to the simulator is real): every
 * workflow runs at its cadence, its steps in one execution, against a token whose budget is
 * smaller than what the sweeps would spend unpaced. Memory "Shared" is stood in for by one
 * static data object all workflows use, as the Data Tables would be.
 */
describe('Mist Diagnose API budget over a simulated hour', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		useFakeDate(START);
		sim = await startSimulator({
			port: 0,
			scenario: 'scale-100',
			budgetPerHour: BUDGET,
			now: () => Date.now(),
		});
	}, 60_000);
	afterAll(async () => {
		await sim?.close();
		jest.useRealTimers();
		forgetExecutionReads();
	});

	it('stays within the token budget at the seed cadences: no 429, skips reported, every sweep accounted for', async () => {
		const store: IDataObject = {};
		const runs: Array<{ at: number; workflow: string }> = [];
		for (const workflow of WORKFLOWS)
			for (let at = START; at < START + HOUR_MS; at += workflow.everyMs)
				runs.push({ at, workflow: workflow.id });
		runs.sort((a, b) => a.at - b.at);
		const perWorkflow: Record<
			string,
			{ sweeps: number; skippedSweeps: number; skippedReads: number; ranAt: number[] }
		> = {};
		let execution = 0;
		for (const { at, workflow } of runs) {
			jest.setSystemTime(at);
			execution++;
			const tally = (perWorkflow[workflow] ??= {
				sweeps: 0,
				skippedSweeps: 0,
				skippedReads: 0,
				ranAt: [],
			});
			tally.sweeps++;
			const steps = WORKFLOWS.find((w) => w.id === workflow)?.steps ?? [];
			const outputs: IDataObject[] = [];
			for (const step of steps) {
				const run = await runDiagnose(
					sim,
					{ step, memory: 'workflow' },
					{ staticData: store, workflowId: workflow, executionId: `e${execution}` },
				);
				outputs.push(run.issues[0] ?? run.healthy[0]);
			}
			// The first step decides for the whole sweep; the last one's _budget covers it all.
			expect(outputs.every((item) => item?._budget)).toBe(true);
			if (outputs[0].kind === 'sweepSkipped') tally.skippedSweeps++;
			else tally.ranAt.push(at - START);
			tally.skippedReads += Number((outputs.at(-1)?._budget as IDataObject).skippedReads);
		}
		const calls = sim.calls().filter((call) => call.path.startsWith('/api/v1/'));
		const limited = calls.filter((call) => call.status === 429).length;
		const summary = Object.fromEntries(
			Object.entries(perWorkflow).map(([id, { ranAt, ...tally }]) => [
				id,
				{ ...tally, ran: ranAt.length },
			]),
		);
		console.log(
			`Simulated hour at the seed cadences, demo org, ${BUDGET} calls/hour: ${calls.length} calls, ${limited} × 429, ${JSON.stringify(summary)}`,
		);
		expect(limited).toBe(0);
		expect(calls.length).toBeLessThanOrEqual(BUDGET);
		expect(perWorkflow.clients.sweeps).toBe(120);
		// The budget is short, so sweeps were skipped and said so...
		expect(perWorkflow.clients.skippedSweeps).toBeGreaterThan(0);
		// ...but paced, not starved: every workflow swept in every quarter of the hour.
		for (const { ranAt } of Object.values(perWorkflow)) {
			const quarters = new Set(ranAt.map((offset) => Math.floor(offset / (HOUR_MS / 4))));
			expect([...quarters].sort()).toEqual([0, 1, 2, 3]);
		}
	}, 600_000);
});
