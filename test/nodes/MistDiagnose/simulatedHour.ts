import omit from 'lodash/omit';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { NOT_CHECKED } from '../../../nodes/shared/findings/notChecked';

import { forgetEventHistory } from '../../../nodes/MistDiagnose/collect/eventHistory';
import { forgetExecutionReads } from '../../../nodes/MistDiagnose/collect/executionReads';
import { startSimulator } from '../../../simulator/src';
import type { RunningSimulator, SimulatorOptions } from '../../../simulator/src';
import { Mist } from '../../../nodes/Mist/Mist.node';
import { createExecuteContext } from '../../helpers/executeContext';
import { runDiagnose, useFakeDate } from './helpers';

export const HOUR_MS = 3_600_000;

/** A Diagnose sweep node of a workflow: its parameters, and whose Healthy output feeds it. */
export interface SweepNode {
	name: string;
	params: Record<string, unknown>;
	/** The Diagnose node (and output) it is chained to; none: it starts from the trigger. */
	fedBy?: { node: string; output: number };
	/** A Juniper Mist node (run once, as its single-item or Execute Once input makes it). */
	mist?: boolean;
}

/** A workflow of Diagnose sweep steps run at a cadence, all its steps in one execution. */
export interface CadenceWorkflow {
	id: string;
	everyMs: number;
	/** The workflow's Diagnose sweep nodes as shipped (shippedSweeps.ts), in chain order. */
	steps: SweepNode[];
	/** Offset of its first run from the start of the hour. */
	firstAtMs?: number;
}

export interface WorkflowTally {
	sweeps: number;
	/** Runs the API budget refused (nothing read). */
	skippedSweeps: number;
	skippedReads: number;
	calls: number;
	/** Offsets (ms from the start) of the sweeps that ran. */
	ranAt: number[];
	/** How many times each node checked (not between its turns, not refused). */
	checks: Record<string, number>;
	/** Findings on Issues over the hour, by rule. */
	rules: Record<string, number>;
}

export interface HourResult {
	calls: number;
	limited: number;
	perWorkflow: Record<string, WorkflowTally>;
	/** Client coverage: the org's sites, and how many had their client stats read in the hour. */
	coverage: { sites: number; clientsRead: number; neverRead: string[] };
}

/** The sites whose client stats were read (`/sites/{id}/stats/clients`), from the simulator's log. */
export function sitesWithClientsRead(sim: RunningSimulator): Set<string> {
	const read = new Set<string>();
	for (const call of sim.calls()) {
		const siteId = /^\/api\/v1\/sites\/([^/]+)\/stats\/clients$/.exec(call.path)?.[1];
		if (siteId && call.status === 200) read.add(siteId);
	}
	return read;
}

const mistCalls = (sim: RunningSimulator) =>
	sim.calls().filter((call) => call.path.startsWith('/api/v1/'));

/**
 * Runs an hour of sweeps on the simulated clock (the caller fakes Date, the simulator follows
 * it): each workflow at its cadence, in time order, every Diagnose node in-process with real
 * HTTP, a chained node given the Healthy output it is wired to. One static data object stands in
 * for the shared memory all workflows write.
 */
export async function simulateHour(
	sim: RunningSimulator,
	workflows: CadenceWorkflow[],
	start: number,
	/** Told after every sweep, e.g. for progress. */
	onSweep?: (sweep: { offsetMs: number; workflow: string; calls: number }) => void,
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
			checks: {},
			rules: {},
		});
		tally.sweeps++;
		const before = mistCalls(sim).length;
		const outputs = new Map<string, INodeExecutionData[][]>();
		let refused = false;
		let lastBudget: IDataObject | undefined;
		for (const node of workflow.steps) {
			if (node.mist) {
				await runMistInHour(sim, node, store, workflow.id, `e${execution}`);
				continue;
			}
			const items = node.fedBy ? outputs.get(node.fedBy.node)?.[node.fedBy.output] : [{ json: {} }];
			// n8n does not run a node whose input has no items.
			if (!items?.length) continue;
			// The test's org and an in-process memory stand in for the shipped ones.
			const params = omit(node.params, ['org', 'memory']);
			const run = await runDiagnose(
				sim,
				{ ...params, memory: 'workflow' },
				{
					staticData: store,
					workflowId: workflow.id,
					executionId: `e${execution}`,
					nodeName: node.name,
					items,
				},
			);
			outputs.set(node.name, run.raw);
			const marker = run.issues.find((item) => item.kind === NOT_CHECKED);
			if (marker?.reason === 'apiBudget') refused = true;
			if (!marker) tally.checks[node.name] = (tally.checks[node.name] ?? 0) + 1;
			for (const item of run.issues)
				if (typeof item.rule === 'string')
					tally.rules[item.rule] = (tally.rules[item.rule] ?? 0) + 1;
			const budget = [...run.issues, ...run.healthy].find((item) => item._budget)?._budget;
			if (budget) lastBudget = budget as IDataObject;
		}
		tally.calls += mistCalls(sim).length - before;
		onSweep?.({
			offsetMs: at - start,
			workflow: workflow.id,
			calls: mistCalls(sim).length - before,
		});
		if (refused) tally.skippedSweeps++;
		else tally.ranAt.push(at - start);
		// The first node decides for the whole sweep; the last budget report covers it all.
		tally.skippedReads += Number(lastBudget?.skippedReads ?? 0);
	}
	const calls = mistCalls(sim);
	const read = sitesWithClientsRead(sim);
	return {
		calls: calls.length,
		limited: calls.filter((call) => call.status === 429).length,
		perWorkflow,
		coverage: {
			sites: sim.world.sites.length,
			clientsRead: sim.world.sites.filter((site) => read.has(site.id)).length,
			neverRead: sim.world.sites.filter((site) => !read.has(site.id)).map((site) => site.name),
		},
	};
}

/**
 * Runs a shipped Juniper Mist node once on the hour's memory. Its org is the simulator's; an
 * expression (the dashboard's chosen site) stands for the org's first site.
 */
async function runMistInHour(
	sim: RunningSimulator,
	node: SweepNode,
	store: IDataObject,
	workflowId: string,
	executionId: string,
) {
	const firstSite = sim.world.sites[0].id;
	const params: Record<string, unknown> = { ...omit(node.params, ['org']), memory: 'workflow' };
	for (const [name, value] of Object.entries(params)) {
		const locator = value as { __rl?: boolean; value?: unknown } | undefined;
		if (locator?.__rl && String(locator.value).startsWith('='))
			params[name] = { ...locator, value: firstSite };
	}
	const ctx = createExecuteContext({
		params: { org: { __rl: true, mode: 'id', value: '' }, ...params },
		node: { name: node.name, type: 'n8n-nodes-juniper-mist.mist' },
		credentials: {
			mistApi: { apiToken: sim.token, cloud: 'custom', customUrl: sim.url, orgId: sim.orgId },
		},
		staticData: store,
	});
	ctx.getExecutionId.mockReturnValue(executionId);
	ctx.getWorkflow.mockReturnValue({ id: workflowId, name: workflowId, active: true });
	await new Mist().execute.call(ctx);
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
		forgetEventHistory();
	});
	return () => {
		if (!sim) throw new Error('the simulator did not start');
		return sim;
	};
}
