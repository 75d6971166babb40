import type { IDataObject } from 'n8n-workflow';

import { startSimulator } from '../../../simulator/src';
import type { RunningSimulator } from '../../../simulator/src';
import { runDiagnose, useFakeDate } from './helpers';

/**
 * The org-wide reads the steps make whatever they find start together, before the first step's
 * event searches: at 1,000 sites the AP stats are ten pages, and they no longer wait for the events.
 */
describe('Mist Diagnose org-wide reads', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0, scenario: 'demo' });
	});
	afterAll(async () => sim?.close());

	const paths = () =>
		sim
			.calls()
			.map((call) => call.path)
			.filter((path) => path.startsWith('/api/v1/'));
	const firstIndex = (all: string[], pattern: RegExp) =>
		all.findIndex((path) => pattern.test(path));

	it('start the device stats, alarms and site SLEs before the first event search, each read once', async () => {
		sim.resetCalls();
		await runDiagnose(sim, { step: 'all' });
		const all = paths();
		const firstEventSearch = firstIndex(all, /\/clients\/events\/(search|count)$/);
		expect(firstEventSearch).toBeGreaterThan(0);
		for (const read of [
			/\/orgs\/[^/]+\/stats\/devices$/,
			/\/alarms\/search$/,
			/\/insights\/sites-sle$/,
		])
			expect(firstIndex(all, read)).toBeLessThan(firstEventSearch);
		const deviceStatReads = sim
			.calls()
			.filter((call) => /\/orgs\/[^/]+\/stats\/devices$/.test(call.path))
			.map((call) => call.query.type)
			.sort();
		expect(deviceStatReads).toEqual(['ap', 'gateway', 'switch']);
	});

	it('leave a step that does not need them alone', async () => {
		sim.resetCalls();
		await runDiagnose(sim, { step: 'authentication' });
		expect(paths().some((path) => path.endsWith('/stats/devices'))).toBe(false);
	});
});

/**
 * Association reads the AP stats only to name APs. On its 30-second turns, when no other step of
 * the sweep reads them, the names kept from the last read do (ten pages fewer at 1,000 sites).
 */
describe('Mist Diagnose AP names between AP stats reads', () => {
	let sim: RunningSimulator;
	const T0 = Date.parse('2026-12-07T10:00:00Z');
	beforeAll(async () => {
		// The simulator's clock is the tests' (fake) one, so its events move with the sweeps.
		useFakeDate(T0);
		sim = await startSimulator({ port: 0, scenario: 'demo', now: () => Date.now() });
	});
	afterAll(async () => {
		await sim?.close();
		jest.useRealTimers();
	});

	const apStatsReads = () =>
		sim.calls().filter((call) => /\/orgs\/[^/]+\/stats\/devices$/.test(call.path)).length;
	const apNames = (findings: Array<Record<string, unknown>>) =>
		findings
			.map((finding) => (finding.scope as { ap_name?: string } | undefined)?.ap_name)
			.filter(Boolean);
	const association = async (staticData: IDataObject, minutesLater: number) => {
		useFakeDate(T0 + minutesLater * 60_000);
		sim.resetCalls();
		const run = await runDiagnose(
			sim,
			{ step: 'association' },
			{ staticData, workflowId: 'wfApNames', executionId: `e${minutesLater}` },
		);
		return { reads: apStatsReads(), names: apNames(run.issues) };
	};

	it('come from the last AP stats read for 15 minutes, then from a new read', async () => {
		const staticData: IDataObject = {};
		const first = await association(staticData, 0);
		expect(first.reads).toBe(1);
		expect(first.names.length).toBeGreaterThan(0);
		// Sweeps a minute apart (the budget paces a workflow by its cadence): for 15 minutes no AP
		// stats read, the same APs named; then a read.
		const later: Array<{ reads: number; names: unknown[] }> = [];
		for (const minute of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16])
			later.push(await association(staticData, minute));
		expect(later.map((run) => run.reads)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
		expect(later.every((run) => JSON.stringify(run.names) === JSON.stringify(first.names))).toBe(
			true,
		);
	});

	it('are written again only when they change or the kept copy is five minutes old', async () => {
		const staticData: IDataObject = {};
		const keptAt = () => {
			const cache = staticData.mistDiagnoseCache as Record<string, { at: number }>;
			const keys = Object.keys(cache).filter((key) => key.endsWith(':apNames'));
			expect(keys).toHaveLength(1);
			return cache[keys[0]].at;
		};
		const apHealthAt = async (minutes: number) => {
			useFakeDate(T0 + minutes * 60_000);
			await runDiagnose(
				sim,
				{ step: 'ap_health' },
				{ staticData, workflowId: 'wfApHealth', executionId: `h${minutes}` },
			);
			return (keptAt() - T0) / 60_000;
		};
		// Sweeps a minute apart: the names kept at minute 0 stand until a sweep finds them older
		// than five minutes.
		const keptMinute: number[] = [];
		for (const minute of [0, 1, 2, 3, 4, 6, 7]) keptMinute.push(await apHealthAt(minute));
		expect(keptMinute).toEqual([0, 0, 0, 0, 0, 6, 6]);
		// A renamed AP: written at once.
		const ap = [...sim.world.aps.values()][0];
		const name = ap.name;
		ap.name = 'Renamed-AP';
		try {
			expect(await apHealthAt(8)).toBe(8);
		} finally {
			ap.name = name;
		}
	});

	it('are kept by any step that reads the AP stats (AP Health on its turn)', async () => {
		const staticData: IDataObject = {};
		useFakeDate(T0);
		await runDiagnose(sim, { step: 'ap_health' }, { staticData });
		const next = await association(staticData, 1);
		expect(next.reads).toBe(0);
		expect(next.names.length).toBeGreaterThan(0);
	});

	it('are read with the AP stats when another step of the sweep reads them anyway', async () => {
		useFakeDate(T0);
		const staticData: IDataObject = {};
		await runDiagnose(sim, { step: 'all' }, { staticData });
		// A later sweep of every step: one AP stats read, shared by Association and the AP steps.
		useFakeDate(T0 + 60_000);
		sim.resetCalls();
		const run = await runDiagnose(sim, { step: 'all' }, { staticData });
		expect(sim.calls().filter((call) => call.query.type === 'ap').length).toBe(1);
		expect(apNames(run.issues).length).toBeGreaterThan(0);
	});
});
