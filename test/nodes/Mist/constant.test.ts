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
import { runMist as run, useOfflineNock } from '../../helpers/runMist';

useOfflineNock();

const base = { resource: 'constant', operation: 'get', returnAll: true };

describe('Juniper Mist › Constant › Get', () => {
	it.each([
		['alarmDefinitions', 'alarm_defs', 'ConstAlarmDefinitionsExample'],
		['clientEvents', 'client_events', 'ConstClientEventsExample'],
		['deviceEvents', 'device_events', 'ConstDeviceEventsExample'],
		['nacEvents', 'nac_events', 'ConstNacEventsExample'],
		['webhookTopics', 'webhook_topics', 'ConstWebhookTopicsExample'],
	])('returns one item per entry of %s (/const/%s)', async (catalogue, path, fixture) => {
		const entries = example<IDataObject[]>(fixture);
		const scope = nock(MIST_TEST_URL).get(`/api/v1/const/${path}`).reply(200, entries);
		const out = await run({ ...base, catalogue });
		expect(scope.isDone()).toBe(true);
		expect(out.map((item) => item.json)).toEqual(entries);
		expect(out.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('turns the insight metrics object into keyed entries', async () => {
		const metrics = example<Record<string, IDataObject>>('ConstInsightMetricsExample');
		nock(MIST_TEST_URL).get('/api/v1/const/insight_metrics').reply(200, metrics);
		const out = await run({ ...base, catalogue: 'insightMetrics' });
		expect(out.map((item) => item.json)).toEqual([
			{ key: 'bytes', ...metrics.bytes },
			{ key: 'num_clients', ...metrics.num_clients },
		]);
		expect(out[1].json).toMatchObject({
			key: 'num_clients',
			type: 'timeseries',
			scopes: ['site', 'ap', 'device'],
		});
	});

	it('stops at the limit', async () => {
		nock(MIST_TEST_URL)
			.get('/api/v1/const/webhook_topics')
			.reply(200, example('ConstWebhookTopicsExample'));
		const out = await run({ ...base, catalogue: 'webhookTopics', returnAll: false, limit: 3 });
		expect(out.map((item) => item.json.key)).toEqual(['alarms', 'asset-raw-rssi', 'audits']);
	});

	it.each([
		['oui', undefined, 'Invalid Catalogue: "oui" is not a Mist catalogue'],
		[
			'clientEvents',
			'42',
			'Mist answered /const/client_events with neither a list nor a keyed object',
		],
	])('refuses catalogue %s answered by %s', async (catalogue, body, message) => {
		if (body)
			nock(MIST_TEST_URL)
				.get('/api/v1/const/client_events')
				.reply(200, body, { 'Content-Type': 'application/json' });
		const ctx = createExecuteContext({ params: { ...base, catalogue } });
		const error = (await new Mist().execute.call(ctx).catch((e: unknown) => e)) as Error;
		expect(error.message).toBe(message);
		expect(serialise(error)).not.toContain(LEAK_CANARY);
	});
});
