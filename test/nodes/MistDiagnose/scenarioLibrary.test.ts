/* eslint-disable no-console -- the test prints the library table the closing note reads */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { startSimulator } from '../../../simulator/src';
import type { RunningSimulator } from '../../../simulator/src';
import {
	LIBRARY_HEALTHY_GLITCHES,
	LIBRARY_HEALTHY_SITES,
	LIBRARY_SCENARIOS,
	libraryOrg,
	librarySiteName,
} from '../../../simulator/src/library';
import type { LibraryScenario } from '../../../simulator/src/library';
import { STEPS } from '../../../nodes/shared/findings/types';
import { runDiagnose } from './helpers';
import { judgeScenario, judgeHealthySites, libraryTable } from './scenarioJudge';
import type { Verdict } from './scenarioJudge';

/**
 * The scenario library (simulator/src/library): every problem on one org at once, healthy sites
 * beside them. Mist Diagnose must name each problem's root cause once, at the right scope, with a
 * fitting fix, through All Steps and through the shipped chain (Healthy → next step).
 */

/** The shipped chain runs the flowchart's steps in order. */
const CHAIN = STEPS;

interface Run {
	issues: IDataObject[];
	/** The site names on each Healthy output (one for All Steps, one per step of the chain). */
	healthy: string[][];
}

const healthyNames = (items: IDataObject[]) =>
	items.filter((item) => item.kind === 'healthySite').map((item) => String(item.site_name));

/** The shipped chain in sweep mode: each step's Healthy output is the next step's input. */
async function runChain(sim: RunningSimulator): Promise<Run> {
	const chain: Run = { issues: [], healthy: [] };
	let input: INodeExecutionData[] | undefined;
	for (const step of CHAIN) {
		const run = await runDiagnose(sim, { step }, input ? { items: input } : {});
		chain.issues.push(...run.issues);
		chain.healthy.push(healthyNames(run.healthy));
		input = run.raw[1];
		if (input.every((item) => item.json.kind !== 'healthySite')) break;
	}
	return chain;
}

describe('Mist Diagnose on the scenario library', () => {
	let sim: RunningSimulator;
	const verdicts: Record<'all' | 'chain', Verdict[]> = { all: [], chain: [] };
	const onHealthy: Record<'all' | 'chain', IDataObject[]> = { all: [], chain: [] };
	const runs: Partial<Record<'all' | 'chain', Run>> = {};

	beforeAll(async () => {
		sim = await startSimulator({ port: 0, scenario: libraryOrg() });
		const all = await runDiagnose(sim, { step: 'all' });
		runs.all = { issues: all.issues, healthy: [healthyNames(all.healthy)] };
		runs.chain = await runChain(sim);
		for (const mode of ['all', 'chain'] as const) {
			const issues = (runs[mode] as Run).issues;
			verdicts[mode] = LIBRARY_SCENARIOS.map((scenario) =>
				judgeScenario(sim.world, scenario, issues),
			);
			onHealthy[mode] = judgeHealthySites(sim.world, LIBRARY_HEALTHY_SITES, issues);
		}
		// The table the issue asks for: printed on every run, read in the closing note.
		console.log(`\n${libraryTable(verdicts, onHealthy)}\n`);
	}, 120_000);
	afterAll(async () => sim?.close());

	it('has at least 15 distinct problems, each on a site of its own', () => {
		expect(LIBRARY_SCENARIOS.length).toBeGreaterThanOrEqual(15);
		const sites = new Set(LIBRARY_SCENARIOS.map(librarySiteName));
		expect(sites.size).toBe(LIBRARY_SCENARIOS.length);
	});

	describe.each(['all', 'chain'] as const)('%s', (mode) => {
		const scenarioIds = LIBRARY_SCENARIOS.map((scenario: LibraryScenario) => scenario.id);

		it.each(scenarioIds)('%s: its root cause, at its scope, with a fitting fix', (id) => {
			const verdict = verdicts[mode].find((candidate) => candidate.id === id) as Verdict;
			expect(verdict.problems).toEqual([]);
		});

		it.each(scenarioIds)('%s: at most one extra major-or-worse finding on its site', (id) => {
			const verdict = verdicts[mode].find((candidate) => candidate.id === id) as Verdict;
			expect(verdict.extraMajor.length).toBeLessThanOrEqual(1);
		});

		it('reports nothing major or worse on the healthy sites', () => {
			expect(onHealthy[mode].map((finding) => `${finding.rule} ${finding.summary}`)).toEqual([]);
		});

		it('passes the healthy sites on every Healthy output, their lone-client glitches kept on Issues as minor', () => {
			const run = runs[mode] as Run;
			expect(run.healthy.length).toBe(mode === 'all' ? 1 : CHAIN.length);
			for (const names of run.healthy)
				expect(names).toEqual(expect.arrayContaining(LIBRARY_HEALTHY_SITES));
			const glitches = LIBRARY_HEALTHY_GLITCHES.map((glitch) => {
				const siteId = sim.world.sites.find((site) => site.name === glitch.site)?.id;
				const onSite = run.issues.filter(
					(finding) => (finding.scope as IDataObject).site_id === siteId,
				);
				return {
					site: glitch.site,
					severities: [...new Set(onSite.map((finding) => finding.severity))],
				};
			});
			expect(glitches).toEqual(
				LIBRARY_HEALTHY_GLITCHES.map((glitch) => ({ site: glitch.site, severities: ['minor'] })),
			);
		});
	});
});
