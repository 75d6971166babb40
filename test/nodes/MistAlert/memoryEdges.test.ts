/**
 * Mist Alert's memory at its edges: the declared parameters and credential, the fallback to static
 * data (said in every item and in a hint), the n8n API key kept out of everything, and the
 * incidents of the node's old static data carried into an empty document.
 */
import nock from 'nock';
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, JsonObject } from 'n8n-workflow';

import { alertConfig } from '../../../nodes/MistAlert/engine/config';
import { evaluate } from '../../../nodes/MistAlert/engine/evaluate';
import { emptyState } from '../../../nodes/MistAlert/engine/state';
import type { AlertState } from '../../../nodes/MistAlert/engine/types';
import { MistAlert } from '../../../nodes/MistAlert/MistAlert.node';
import { sharedMemoryCredential } from '../../../nodes/shared/memory/description';
import { forgetTableIds } from '../../../nodes/shared/memory/tables';
import { serialise } from '../../helpers/executeContext';
import { FakeDataTables, N8N_LEAK_CANARY, N8N_TEST_URL } from '../../helpers/fakeDataTables';
import { useOfflineNock } from '../../helpers/runMist';
import { apFinding, MIN, T0 } from './fixtures';
import { alertContext, countPerOutput, RESOLVED, runAlert, TIER1, TIER3 } from './sharedContext';

useOfflineNock();

const critical = apFinding('aabbccddee91', 'critical');
const seen = [critical as unknown as IDataObject];

let clock = T0;
let spy: jest.SpyInstance;
beforeEach(() => {
	forgetTableIds();
	clock = T0;
	spy = jest.spyOn(Date, 'now').mockImplementation(() => clock);
});
afterEach(() => spy.mockRestore());

/** What the node kept in static data before the memory: one critical incident, announced. */
function oldAlertState(): AlertState {
	const config = alertConfig({ groupWaitMs: 0, firstRunDigest: false, tier3AfterMs: 0 });
	const findings = [{ finding: critical, itemIndex: 0 }];
	const run = evaluate(emptyState(), { findings, acks: [], countsAsRun: true }, config, T0);
	expect(run.notices.map((notice) => notice.tier)).toEqual(['tier1', 'tier2', 'tier3']);
	return run.state;
}

describe('Mist Alert › memory', () => {
	it('declares Memory (this workflow by default), Namespace and the shared memory credential', () => {
		const { description } = new MistAlert();
		expect(description.credentials).toContainEqual(sharedMemoryCredential);
		const memory = description.properties.find((property) => property.name === 'memory');
		expect(memory?.default).toBe('workflow');
		expect(description.properties.map((property) => property.name)).toContain('memoryNamespace');
	});

	it('falls back to static data when n8n does not answer, saying so in every item and in a hint', async () => {
		const staticData: IDataObject = {};
		const ctx = alertContext({ items: seen, staticData, baseUrl: 'http://n8n-execute.test' });
		const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5678'), {
			code: 'ECONNREFUSED',
		});
		ctx.helpers.httpRequestWithAuthentication.mockRejectedValueOnce(
			new NodeApiError(ctx.getNode(), refused as unknown as JsonObject),
		);
		const out = await new MistAlert().execute.call(ctx);

		expect(countPerOutput([out])).toEqual([1, 1, 1, 0, 0]);
		const locations = out.flat().map((item) => item.json.memory as IDataObject);
		expect(locations.map((location) => location.store)).toEqual(
			Array(3).fill('workflow static data'),
		);
		const warning = String(locations[0].warning);
		expect(warning).toContain('http://n8n-execute.test');
		expect(warning).toContain('not shared with other workflows');
		expect(ctx.addExecutionHints).toHaveBeenCalledWith(
			expect.objectContaining({ message: warning, type: 'warning' }),
		);
		expect(Object.keys(staticData)).toEqual(['memory:noc']);
	});

	it('adds no hint when the shared memory answers', async () => {
		new FakeDataTables();
		const ctx = alertContext({ items: seen });
		await new MistAlert().execute.call(ctx);
		expect(ctx.addExecutionHints).not.toHaveBeenCalled();
	});

	it('keeps the n8n API key out of every item, the stored incidents and a refusal', async () => {
		const fake = new FakeDataTables();
		const runs = [await runAlert({ items: seen })];
		clock = T0 + 5 * MIN;
		runs.push(await runAlert({ params: { operation: 'getIncidents' } }));
		expect(serialise(runs)).not.toContain(N8N_LEAK_CANARY);
		expect(serialise(fake.rowsOf('mist_memory'))).not.toContain(N8N_LEAK_CANARY);

		nock.cleanAll();
		forgetTableIds();
		nock(N8N_TEST_URL)
			.get('/api/v1/data-tables')
			.query(true)
			.reply(401, { message: 'unauthorized' });
		const error = await runAlert({ items: seen }).catch((caught: Error) => caught);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toContain('n8n answered 401');
		expect(serialise(error)).not.toContain(N8N_LEAK_CANARY);
	});

	it('carries the old alertState into an empty shared document once, leaving static data as it was', async () => {
		const fake = new FakeDataTables();
		const alertState = oldAlertState();
		const staticData: IDataObject = {
			alertState: structuredClone(alertState) as unknown as IDataObject,
		};

		clock = T0 + 5 * MIN;
		const out = await runAlert({ items: seen, staticData });
		// Announced before the move: nothing is sent again.
		expect(countPerOutput([out])).toEqual([0, 0, 0, 0, 0]);
		expect(staticData).toEqual({ alertState });
		const [listed] = await runAlert({ params: { operation: 'getIncidents' } });
		expect(listed.map((item) => item.json)).toEqual([
			expect.objectContaining({
				fingerprint: critical.fingerprint,
				reportedBy: ['wf-ap/Mist Alert'],
				runsSeen: 2,
			}),
		]);

		// Another workflow's old state does not replace the document once it holds incidents.
		clock = T0 + 10 * MIN;
		const other = { alertState: emptyState() as unknown as IDataObject };
		await runAlert({ workflowId: 'wf-other', items: [{}], staticData: other });
		expect(JSON.parse(String(fake.rowsOf('mist_memory')[0].value)).incidents).toHaveProperty(
			critical.fingerprint,
		);
	});

	it('carries the old alertState into the default memory too, so an upgraded workflow resolves its incident', async () => {
		const staticData: IDataObject = { alertState: oldAlertState() as unknown as IDataObject };
		const workflow = { memory: 'workflow' };
		const runs = [];
		for (const minutes of [5, 10]) {
			clock = T0 + minutes * MIN;
			runs.push(await runAlert({ params: workflow, items: [{}], staticData }));
		}
		expect(runs[0][TIER1]).toEqual([]);
		expect(runs[1][RESOLVED]).toHaveLength(1);
		expect(runs[1][TIER3].map((item) => item.json.notice)).toEqual(['resolved']);
	});
});
