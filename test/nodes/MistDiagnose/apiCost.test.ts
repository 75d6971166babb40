/* eslint-disable no-console -- the test reports the measured API cost */
import type { IDataObject } from 'n8n-workflow';

import { loadScenario, startSimulator } from '../../../simulator/src';
import type { RunningSimulator } from '../../../simulator/src';
import { runDiagnose } from './helpers';

const STEPS = [
	'association',
	'authentication',
	'dhcp',
	'client_health',
	'ap_health',
	'rf_environment',
	'infrastructure',
];

/** Mist calls made since the log was reset (control endpoints are not in the log). */
const mistCalls = (sim: RunningSimulator) =>
	sim.calls().filter((call) => call.path.startsWith('/api/v1/')).length;

describe('Mist Diagnose API cost (scale-100: 100 sites, 20,000 clients)', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0, scenario: 'scale-100' });
	}, 60_000);
	afterAll(async () => sim?.close());

	it('sweeps every step, one node per step as in the flowchart, in at most 40 calls', async () => {
		expect(sim.world.sites).toHaveLength(100);
		expect(sim.world.clients.size).toBeGreaterThanOrEqual(20_000);
		sim.resetCalls();
		const workflowStaticData: IDataObject = {};
		const perStep: Record<string, number> = {};
		let findings = 0;
		for (const step of STEPS) {
			const before = mistCalls(sim);
			const run = await runDiagnose(sim, { step }, { staticData: workflowStaticData });
			perStep[step] = mistCalls(sim) - before;
			findings += run.issues.length;
			const reported = (run.issues[0] ?? run.healthy[0])?._requestStats as IDataObject;
			expect(reported.calls).toBe(perStep[step]);
		}
		const total = Object.values(perStep).reduce((sum, calls) => sum + calls, 0);
		console.log(
			`Sweep of all 7 steps as separate nodes: ${total} Mist calls ${JSON.stringify(perStep)}, ${findings} findings`,
		);
		expect(findings).toBeGreaterThan(0);
		expect(total).toBeLessThanOrEqual(40);
	}, 120_000);

	it('sweeps every step in one All Steps node in fewer calls still', async () => {
		sim.resetCalls();
		const run = await runDiagnose(sim, { step: 'all' });
		const calls = mistCalls(sim);
		console.log(
			`All Steps sweep: ${calls} Mist calls, ${run.issues.length} findings, ${run.healthy.length} healthy sites`,
		);
		expect(calls).toBeLessThanOrEqual(40);
		expect(run.healthy.length).toBeGreaterThan(90);
	}, 120_000);

	it('triages 500 clients with the same number of calls as 5: one org-wide read per step', async () => {
		const clients = [...sim.world.clients.values()];
		const items = (count: number) =>
			clients
				.slice(0, count)
				.map((client) => ({ json: { mac: client.mac, site_id: client.siteId } }));
		const cost = async (count: number) => {
			sim.resetCalls();
			await runDiagnose(
				sim,
				{ step: 'dhcp', mode: 'triage', itemKind: 'client' },
				{ items: items(count) },
			);
			return mistCalls(sim);
		};
		const few = await cost(5);
		const many = await cost(500);
		console.log(`Triage DHCP: 5 clients ${few} calls, 500 clients ${many} calls`);
		expect(many).toBe(few);
	}, 120_000);
});

describe('Mist Diagnose API cost of a healthy org (scale-100 without faults)', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0, scenario: { ...loadScenario('scale-100'), faults: [] } });
	}, 60_000);
	afterAll(async () => sim?.close());

	/** Runs the seven steps as separate nodes of one workflow; returns the calls per step. */
	const flowchart = async (staticData: IDataObject) => {
		const perStep: Record<string, number> = {};
		for (const step of STEPS) {
			const before = mistCalls(sim);
			const run = await runDiagnose(sim, { step }, { staticData });
			perStep[step] = mistCalls(sim) - before;
			expect(run.issues.filter((finding) => finding.severity === 'critical')).toEqual([]);
		}
		return perStep;
	};
	const total = (perStep: Record<string, number>) =>
		Object.values(perStep).reduce((sum, calls) => sum + calls, 0);
	const countCalls = () =>
		sim.calls().filter((call) => call.path.endsWith('/clients/events/count')).length;

	it('checks the type filter once (two calls), then runs without the check for the rest of the day', async () => {
		const staticData: IDataObject = {};
		sim.resetCalls();
		const first = await flowchart(staticData);
		const checks = countCalls();
		sim.resetCalls();
		const next = await flowchart(staticData);
		console.log(
			`Healthy org, 7 step nodes: first run ${total(first)} calls ${JSON.stringify(first)}, next run ${total(next)} calls ${JSON.stringify(next)}`,
		);
		expect(checks).toBe(1);
		expect(countCalls()).toBe(0);
		// The check (count + probe), the site list and catalogue the next run takes from the workflow's
		// cache, the API budget's /self/usage read (asked again after five minutes), one site of
		// client health's rotating coverage (a first sweep reads a minute's share, 2 of 100 sites,
		// the next one, seconds later, the least, 1), and Association's AP stats: the next run names
		// its APs from the names kept by the last AP stats read.
		expect(total(first) - total(next)).toBe(7);
		expect(next.association).toBe(1);
		expect(total(first)).toBeLessThanOrEqual(40);
	}, 120_000);
});
