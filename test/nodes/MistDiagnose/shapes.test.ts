import nock from 'nock';

import { MistDiagnose } from '../../../nodes/MistDiagnose/MistDiagnose.node';
import {
	createExecuteContext,
	LEAK_CANARY,
	MIST_TEST_URL,
	ORG_ID,
	serialise,
} from '../../helpers/executeContext';

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
	nock.cleanAll();
	nock.enableNetConnect();
});

describe('Mist Diagnose › response shapes', () => {
	it('names the field when a Mist answer breaks the shape diagnosis relies on', async () => {
		nock(MIST_TEST_URL)
			.get('/api/v1/self/usage')
			.reply(200, { request_limit: 5000, requests: 0 })
			.get(`/api/v1/orgs/${ORG_ID}/sites`)
			.query(true)
			.reply(200, [{ id: 'site-1', name: 'HQ' }])
			.get('/api/v1/const/client_events')
			.reply(200, [{ key: 'CLIENT_ASSOCIATION_FAILURE', group: 'association' }])
			.get(`/api/v1/orgs/${ORG_ID}/clients/events/search`)
			.query(true)
			.reply(200, {
				results: [
					{
						type: 'CLIENT_ASSOCIATION_FAILURE',
						timestamp: 'yesterday',
						mac: 'aabbccddeeff',
						site_id: 'site-1',
					},
				],
			});
		const ctx = createExecuteContext({
			params: {
				step: 'association',
				mode: 'sweep',
				window: '1h',
				thresholds: {},
				options: {},
				org: { __rl: true, mode: 'list', value: '' },
			},
		});
		const error = await new MistDiagnose().execute.call(ctx).catch((e: Error) => e);
		expect((error as Error).message).toBe(
			'Unexpected shape in Mist client events at "[0].timestamp": Expected number, received string',
		);
		expect(serialise(error)).not.toContain(LEAK_CANARY);
	});
});
