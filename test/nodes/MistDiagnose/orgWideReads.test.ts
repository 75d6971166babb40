import { startSimulator } from '../../../simulator/src';
import type { RunningSimulator } from '../../../simulator/src';
import { runDiagnose } from './helpers';

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
