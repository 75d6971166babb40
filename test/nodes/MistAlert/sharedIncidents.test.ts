/**
 * Mist Alert with shared memory: one incident per fingerprint for every Mist Alert of a namespace,
 * whatever the number of concurrent executions or workflows reporting it, notified once.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { forgetTableIds } from '../../../nodes/shared/memory/tables';
import { FakeDataTables } from '../../helpers/fakeDataTables';
import { useOfflineNock } from '../../helpers/runMist';
import { apFinding, MIN, T0 } from './fixtures';
import {
	countPerOutput,
	RESOLVED,
	runAlert,
	SHARED_LOCATION,
	TIER1,
	TIER2,
	TIER3,
} from './sharedContext';

useOfflineNock();

const critical = apFinding('aabbccddee81', 'critical');
const seen = [critical as unknown as IDataObject];
const clean: IDataObject[] = [{}];
const AP_SWEEP = 'wf-ap';
const TRIAGE = 'wf-triage';

let clock = T0;
let spy: jest.SpyInstance;
let fake: FakeDataTables;
beforeEach(() => {
	forgetTableIds();
	fake = new FakeDataTables();
	clock = T0;
	spy = jest.spyOn(Date, 'now').mockImplementation(() => clock);
});
afterEach(() => spy.mockRestore());

async function incidentsSeenFrom(workflowId: string) {
	const [items] = await runAlert({ workflowId, params: { operation: 'getIncidents' } });
	return items.map((item) => item.json);
}

const every = (runs: INodeExecutionData[][][]) => runs.flat(2);

describe('Mist Alert › shared memory', () => {
	it('ten concurrent executions that see one new critical finding send 1 chat, 1 email and 1 page', async () => {
		const runs = await Promise.all(
			Array.from({ length: 10 }, async () => await runAlert({ items: seen, staticData: {} })),
		);
		expect(countPerOutput(runs)).toEqual([1, 1, 1, 0, 0]);
		const page = runs.find((run) => run[TIER3].length)![TIER3][0];
		expect(page.json).toMatchObject({ pagerduty: { dedup_key: critical.fingerprint } });
		// Each one of them wrote its run: none was lost to another.
		const [document] = fake.rowsOf('mist_memory');
		expect(JSON.parse(String(document.value))).toMatchObject({ runs: 10 });
		expect(every(runs).map((item) => item.json.memory)).toEqual(Array(3).fill(SHARED_LOCATION));
	});

	it('two workflows reporting one fingerprint share one incident, notify once, and resolve only when both are clean', async () => {
		const first = await runAlert({ workflowId: AP_SWEEP, items: seen });
		clock = T0 + MIN;
		const second = await runAlert({ workflowId: TRIAGE, items: seen });
		expect(countPerOutput([first, second])).toEqual([1, 1, 1, 0, 0]);
		expect(await incidentsSeenFrom(AP_SWEEP)).toEqual([
			expect.objectContaining({
				fingerprint: critical.fingerprint,
				status: 'open',
				reportedBy: [`${AP_SWEEP}/Mist Alert`, `${TRIAGE}/Mist Alert`],
			}),
		]);

		const cleanRuns: INodeExecutionData[][][] = [];
		for (const minutes of [5, 10, 15]) {
			clock = T0 + minutes * MIN;
			cleanRuns.push(await runAlert({ workflowId: AP_SWEEP, items: clean }));
		}
		// The AP sweep is clean, but the triage workflow has not been: still open.
		expect(countPerOutput(cleanRuns)).toEqual([0, 0, 0, 0, 0]);
		expect((await incidentsSeenFrom(TRIAGE))[0].status).toBe('open');

		clock = T0 + 20 * MIN;
		expect(countPerOutput([await runAlert({ workflowId: TRIAGE, items: clean })])).toEqual([
			0, 0, 0, 0, 0,
		]);
		clock = T0 + 25 * MIN;
		const resolved = await runAlert({ workflowId: TRIAGE, items: clean });
		expect(resolved[RESOLVED]).toHaveLength(1);
		expect(resolved[TIER3].map((item) => item.json.notice)).toEqual(['resolved']);
		expect((await incidentsSeenFrom(AP_SWEEP))[0].status).toBe('resolved');
	});

	it('a reporter silent for longer than "Forget Silent Reporters After" no longer holds an incident open', async () => {
		const options = { forgetReportersAfterHours: 2 };
		await runAlert({ workflowId: AP_SWEEP, items: seen, options });
		await runAlert({ workflowId: TRIAGE, items: seen, options });
		// The triage workflow is then deactivated; the AP sweep keeps running clean.
		for (const minutes of [5, 10, 60, 119]) {
			clock = T0 + minutes * MIN;
			const run = await runAlert({ workflowId: AP_SWEEP, items: clean, options });
			expect(run[RESOLVED]).toEqual([]);
		}
		clock = T0 + 121 * MIN;
		const run = await runAlert({ workflowId: AP_SWEEP, items: clean, options });
		expect(run[RESOLVED]).toHaveLength(1);
		expect(run[RESOLVED][0].json.incidents).toEqual([
			expect.objectContaining({ fingerprint: critical.fingerprint, status: 'resolved' }),
		]);
	});

	it("a clean run does not count for another reporter's incident", async () => {
		await runAlert({ workflowId: TRIAGE, items: seen });
		for (const minutes of [5, 10, 15]) {
			clock = T0 + minutes * MIN;
			expect((await runAlert({ workflowId: AP_SWEEP, items: clean }))[RESOLVED]).toEqual([]);
		}
		expect(await incidentsSeenFrom(AP_SWEEP)).toEqual([
			expect.objectContaining({ status: 'open', reportedBy: [`${TRIAGE}/Mist Alert`] }),
		]);
	});

	it('Get Incidents and Acknowledge work from a third workflow of the namespace', async () => {
		await runAlert({ workflowId: AP_SWEEP, items: seen, options: { tier3AfterMinutes: 30 } });
		await runAlert({ workflowId: TRIAGE, items: seen, options: { tier3AfterMinutes: 30 } });

		const [listed] = await runAlert({
			workflowId: 'wf-dashboard',
			params: { operation: 'getIncidents' },
		});
		expect(listed.map((item) => item.json)).toEqual([
			expect.objectContaining({
				kind: 'incident',
				fingerprint: critical.fingerprint,
				reportedBy: [`${AP_SWEEP}/Mist Alert`, `${TRIAGE}/Mist Alert`],
				memory: SHARED_LOCATION,
			}),
		]);

		clock = T0 + 5 * MIN;
		await runAlert({
			workflowId: 'wf-dashboard',
			params: { operation: 'acknowledge' },
			items: [{ ack: true, fingerprint: critical.fingerprint, by: 'bob' }],
		});
		clock = T0 + 40 * MIN;
		// Acknowledged elsewhere: the page that was due at 30 minutes does not go out.
		const later = await runAlert({ workflowId: AP_SWEEP, items: seen });
		expect(later[TIER3]).toEqual([]);
		expect((await incidentsSeenFrom(TRIAGE))[0]).toMatchObject({ acknowledged: { by: 'bob' } });
		expect([later[TIER1], later[TIER2]]).toEqual([[], []]);
	});
});
