import type { IDataObject } from 'n8n-workflow';

import type { RunningSimulator } from '../../../simulator/src';
import { forgetEventHistory } from '../../../nodes/MistDiagnose/collect/eventHistory';
import { forgetExecutionReads } from '../../../nodes/MistDiagnose/collect/executionReads';
import { runDiagnose } from './helpers';
import { simulatorOnSimulatedClock } from './simulatedHour';

/**
 * A sweep reads the event searches of its window only since the previous sweep (less the
 * overlap), and concludes what a sweep that read the whole window would.
 */
describe('Mist Diagnose event reads between sweeps', () => {
	const start = Date.UTC(2026, 11, 6, 10, 0, 0);
	// The simulator follows the faked clock; forgotten reads and the real clock come back after.
	const simulator = simulatorOnSimulatedClock(start, { scenario: 'demo' });
	let sim: RunningSimulator;
	beforeAll(() => {
		sim = simulator();
	});
	afterEach(() => {
		forgetExecutionReads();
		forgetEventHistory();
	});

	const eventSearches = () =>
		sim
			.calls()
			.filter((call) => /\/(clients|nac_clients|devices)\/events\/search$/.test(call.path));
	const fingerprints = (items: IDataObject[]) =>
		items.map((item) => `${String(item.fingerprint)}|${JSON.stringify(item.evidence)}`).sort();
	const sweep = async (executionId: string) =>
		await runDiagnose(sim, { step: 'all' }, { executionId });

	it('reads events since the previous sweep and finds what a whole-window read finds', async () => {
		jest.setSystemTime(start);
		await sweep('first');
		jest.setSystemTime(start + 30_000);
		sim.resetCalls();
		const incremental = await sweep('second');
		const searches = eventSearches();
		expect(searches.length).toBeGreaterThan(0);
		for (const search of searches) {
			expect(search.query.duration).toBeUndefined();
			expect(Number(search.query.start)).toBe(Math.floor((start - 120_000) / 1000));
		}
		expect(incremental.issues[0]._eventReads).toEqual(
			expect.objectContaining({ searchesSinceLastSweep: searches.length }),
		);

		forgetEventHistory();
		sim.resetCalls();
		const whole = await sweep('third');
		expect(eventSearches().every((search) => search.query.duration === '1h')).toBe(true);
		expect(fingerprints(incremental.issues)).toEqual(fingerprints(whole.issues));
		expect(incremental.issues.length).toBeGreaterThan(0);
	});

	it('reads the whole window in a run without an execution id', async () => {
		jest.setSystemTime(start);
		await runDiagnose(sim, { step: 'all' });
		jest.setSystemTime(start + 30_000);
		sim.resetCalls();
		await runDiagnose(sim, { step: 'all' });
		expect(eventSearches().length).toBeGreaterThan(0);
		expect(eventSearches().every((search) => search.query.duration === '1h')).toBe(true);
	});
});
