import type { IDataObject } from 'n8n-workflow';

import { forgetExecutionReads } from '../../../nodes/MistDiagnose/collect/executionReads';
import { startSimulator } from '../../../simulator/src';
import type { RunningSimulator, SimulatorOptions } from '../../../simulator/src';
import { runDiagnose, useFakeDate } from './helpers';

export const HOUR_MS = 3_600_000;

/** A workflow of Diagnose sweep steps run at a cadence, all its steps in one execution. */
export interface CadenceWorkflow {
	id: string;
	everyMs: number;
	steps: string[];
	/** Offset of its first run from the start of the hour. */
	firstAtMs?: number;
	/** Extra node parameters (a window, options). */
	params?: Record<string, unknown>;
}

export interface WorkflowTally {
	sweeps: number;
	skippedSweeps: number;
	skippedReads: number;
	calls: number;
	/** Offsets (ms from the start) of the sweeps that ran. */
	ranAt: number[];
}

export interface HourResult {
	calls: number;
	limited: number;
	perWorkflow: Record<string, WorkflowTally>;
}

const mistCalls = (sim: RunningSimulator) =>
	sim.calls().filter((call) => call.path.startsWith('/api/v1/'));

/**
 * Runs an hour of sweeps on the simulated clock (the caller fakes Date, the simulator follows
 * it): each workflow at its cadence, in time order, every Diagnose node in-process with real
 * HTTP. One static data object stands in for the shared memory all workflows write.
 */
export async function simulateHour(
	sim: RunningSimulator,
	workflows: CadenceWorkflow[],
	start: number,
): Promise<HourResult> {
	const store: IDataObject = {};
	const runs: Array<{ at: number; workflow: CadenceWorkflow }> = [];
	for (const workflow of workflows)
		for (let at = start + (workflow.firstAtMs ?? 0); at < start + HOUR_MS; at += workflow.everyMs)
			runs.push({ at, workflow });
	runs.sort((a, b) => a.at - b.at);
	const perWorkflow: Record<string, WorkflowTally> = {};
	let execution = 0;
	for (const { at, workflow } of runs) {
		jest.setSystemTime(at);
		execution++;
		const tally = (perWorkflow[workflow.id] ??= {
			sweeps: 0,
			skippedSweeps: 0,
			skippedReads: 0,
			calls: 0,
			ranAt: [],
		});
		tally.sweeps++;
		const before = mistCalls(sim).length;
		const outputs: IDataObject[] = [];
		for (const step of workflow.steps) {
			const run = await runDiagnose(
				sim,
				{ step, memory: 'workflow', ...workflow.params },
				{ staticData: store, workflowId: workflow.id, executionId: `e${execution}` },
			);
			outputs.push(run.issues[0] ?? run.healthy[0]);
		}
		tally.calls += mistCalls(sim).length - before;
		if (!outputs.every((item) => item?._budget)) throw new Error('a sweep output has no _budget');
		// The first step decides for the whole sweep; the last one's _budget covers it all.
		if (outputs[0].kind === 'sweepSkipped') tally.skippedSweeps++;
		else tally.ranAt.push(at - start);
		tally.skippedReads += Number((outputs[outputs.length - 1]._budget as IDataObject).skippedReads);
	}
	const calls = mistCalls(sim);
	return {
		calls: calls.length,
		limited: calls.filter((call) => call.status === 429).length,
		perWorkflow,
	};
}

/** The tallies without the run offsets, for a log line. */
export function hourSummary(result: HourResult) {
	return Object.fromEntries(
		Object.entries(result.perWorkflow).map(([id, { ranAt, ...tally }]) => [
			id,
			{ ...tally, ran: ranAt.length },
		]),
	);
}

/** The quarters of the hour (0–3) in which a workflow swept. */
export function quartersSwept(tally: WorkflowTally): number[] {
	return [...new Set(tally.ranAt.map((offset) => Math.floor(offset / (HOUR_MS / 4))))].sort();
}

/**
 * Registers, in the calling describe, a simulator on the simulated clock: Date is faked at `start`
 * before the simulator starts (so its budget hour follows the fake one), and all is put back after.
 */
export function simulatorOnSimulatedClock(
	start: number,
	options: SimulatorOptions,
	startTimeoutMs = 60_000,
): () => RunningSimulator {
	let sim: RunningSimulator | undefined;
	beforeAll(async () => {
		useFakeDate(start);
		sim = await startSimulator({ port: 0, ...options, now: () => Date.now() });
	}, startTimeoutMs);
	afterAll(async () => {
		await sim?.close();
		jest.useRealTimers();
		forgetExecutionReads();
	});
	return () => {
		if (!sim) throw new Error('the simulator did not start');
		return sim;
	};
}
