import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { Mist } from '../../../nodes/Mist/Mist.node';
import {
	createExecuteContext,
	LEAK_CANARY,
	MIST_TEST_URL,
	serialise,
} from '../../helpers/executeContext';
import { example } from './fixtures';

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
	nock.cleanAll();
	nock.enableNetConnect();
});

const params = { resource: 'usage', operation: 'getApiUsage' };

describe('Juniper Mist › Usage › Get API Usage', () => {
	it.each([
		[example<IDataObject>('ApiUsageExample'), { remaining: 4995, percentUsed: 0.1 }],
		[
			{ request_limit: 5000, requests: 4321, seconds: 1234.5 },
			{ remaining: 679, percentUsed: 86.4 },
		],
		[
			{ request_limit: 5000, requests: 5100, seconds: 10 },
			{ remaining: 0, percentUsed: 102 },
		],
		[
			{ request_limit: 0, requests: 0 },
			{ remaining: 0, percentUsed: null },
		],
	])('adds remaining and percentUsed to %j', async (usage, computed) => {
		const scope = nock(MIST_TEST_URL, { reqheaders: { authorization: `Token ${LEAK_CANARY}` } })
			.get('/api/v1/self/usage')
			.reply(200, usage);
		const ctx = createExecuteContext({ params });
		const [out] = await new Mist().execute.call(ctx);
		expect(scope.isDone()).toBe(true);
		expect(out).toEqual([{ json: { ...usage, ...computed }, pairedItem: { item: 0 } }]);
		expect(serialise(out)).not.toContain(LEAK_CANARY);
	});

	it('refuses a body without numeric counters instead of inventing numbers', async () => {
		nock(MIST_TEST_URL).get('/api/v1/self/usage').reply(200, { requests: '12' });
		const ctx = createExecuteContext({ params });
		const error = (await new Mist().execute.call(ctx).catch((e: unknown) => e)) as Error;
		expect(error.message).toBe(
			'Mist answered /self/usage without numeric request_limit and requests',
		);
		expect(serialise(error)).not.toContain(LEAK_CANARY);
	});
});
