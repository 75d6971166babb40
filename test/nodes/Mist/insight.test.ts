import nock from 'nock';
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { getInsightMetrics } from '../../../nodes/shared/methods/loadOptions';
import { LEAK_CANARY, MIST_TEST_URL, serialise, SITE_ID } from '../../helpers/executeContext';
import { createLoadOptionsContext } from '../../helpers/loadOptionsContext';
import { example } from './fixtures';
import { runMist, runMistError, useOfflineNock } from '../../helpers/runMist';

const AP_MAC = '5c5b350e0060';
const AP_ID = `00000000-0000-0000-1000-${AP_MAC}`;
const INSIGHTS = `/api/v1/sites/${SITE_ID}/insights`;
const base = {
	resource: 'insight',
	org: { __rl: true, mode: 'list', value: '' },
	site: { __rl: true, mode: 'id', value: SITE_ID },
	interval: '',
	timeRangeMode: 'duration',
	duration: '1d',
	splitIntoPoints: false,
};

const run = async (params: IDataObject): Promise<IDataObject[]> =>
	(await runMist({ ...base, ...params })).map((item) => item.json);
const runError = async (params: IDataObject) => await runMistError({ ...base, ...params });

useOfflineNock();

describe('Juniper Mist › Insight', () => {
	it('gets a site metric as one item holding the series', async () => {
		const series = {
			start: 1604260800,
			end: 1604347200,
			interval: 3600,
			limit: 168,
			page: 1,
			results: [18, null, 15],
		};
		const scope = nock(MIST_TEST_URL)
			.get(`${INSIGHTS}/num_clients`)
			.query({ interval: '1h', duration: '1d' })
			.reply(200, series);
		const out = await run({
			operation: 'getSiteMetric',
			insightMetric: 'num_clients',
			interval: '1h',
		});
		expect(scope.isDone()).toBe(true);
		expect(out).toEqual([{ site_id: SITE_ID, metric: 'num_clients', ...series }]);
	});

	it('splits a site series into points using start + i × interval when there is no rt', async () => {
		nock(MIST_TEST_URL)
			.get(`${INSIGHTS}/bytes`)
			.query({ duration: '1d' })
			.reply(200, { start: 1604260800, end: 1604271600, interval: 3600, results: [185, 197, 250] });
		const out = await run({
			operation: 'getSiteMetric',
			insightMetric: 'bytes',
			splitIntoPoints: true,
		});
		expect(out).toEqual([
			{ site_id: SITE_ID, timestamp: 1604260800, bytes: 185 },
			{ site_id: SITE_ID, timestamp: 1604264400, bytes: 197 },
			{ site_id: SITE_ID, timestamp: 1604268000, bytes: 250 },
		]);
	});

	it('gets a client metric by normalised MAC over an explicit range', async () => {
		const start = Date.parse('2026-11-24T00:00:00Z') / 1000;
		const end = Date.parse('2026-11-25T00:00:00Z') / 1000;
		const scope = nock(MIST_TEST_URL)
			.get(`${INSIGHTS}/client/dc080f360000/bytes`)
			.query({ interval: '10m', start, end })
			.reply(200, { start, end, interval: 600, results: [1, 2] });
		const out = await run({
			operation: 'getClientMetric',
			clientMac: 'DC-08-0F-36-00-00',
			insightMetric: 'bytes',
			interval: '10m',
			timeRangeMode: 'range',
			start: '2026-11-24T00:00:00Z',
			end: '2026-11-25T00:00:00Z',
		});
		expect(scope.isDone()).toBe(true);
		expect(out[0]).toMatchObject({ client_mac: 'dc080f360000', metric: 'bytes', results: [1, 2] });
	});

	it('gets a device metric by the MAC inside the device id and splits it on rt', async () => {
		const series = example<{ results: number[]; rt: string[] }>('DeviceMetricExample');
		const scope = nock(MIST_TEST_URL)
			.get(`${INSIGHTS}/device/${AP_MAC}/num_clients`)
			.query({ duration: '1d' })
			.reply(200, series);
		const out = await run({
			operation: 'getDeviceMetric',
			device: { __rl: true, mode: 'id', value: AP_ID },
			insightMetric: 'num_clients',
			splitIntoPoints: true,
		});
		expect(scope.isDone()).toBe(true);
		expect(out).toHaveLength(series.results.length);
		expect(out[0]).toEqual({
			site_id: SITE_ID,
			device_id: AP_ID,
			device_mac: AP_MAC,
			timestamp: 1604260800,
			num_clients: 10,
		});
		expect(out[23]).toMatchObject({
			timestamp: Date.parse('2020-11-02T19:00:00Z') / 1000,
			num_clients: 10,
		});
	});

	it.each([
		[
			{ operation: 'getSiteMetric', insightMetric: 'bytes?x=1' },
			'Invalid Metric: "bytes?x=1" is not a valid name',
		],
		[{ operation: 'getSiteMetric', insightMetric: '' }, 'Invalid Metric: it is empty'],
		[
			{ operation: 'getClientMetric', insightMetric: 'bytes', clientMac: 'zz' },
			'Invalid Client MAC: "zz" is not a MAC address',
		],
		[
			{ operation: 'getSiteMetric', insightMetric: 'bytes', interval: '5 minutes' },
			'Invalid Interval: "5 minutes" is not a Mist duration',
		],
		[
			{
				operation: 'getDeviceMetric',
				insightMetric: 'bytes',
				device: { __rl: true, mode: 'id', value: AP_MAC },
			},
			`Invalid Device: "${AP_MAC}" is not a Mist id (a UUID)`,
		],
		[
			{
				operation: 'getDeviceMetric',
				insightMetric: 'bytes',
				device: { __rl: true, mode: 'id', value: SITE_ID },
			},
			`Invalid Device: "${SITE_ID}" is not a Mist device id`,
		],
	])('names the field for bad input %p', async (params, message) => {
		const error = await runError(params);
		expect(error.message).toBe(message);
	});

	it('refuses to split an answer without a results list', async () => {
		nock(MIST_TEST_URL)
			.get(`${INSIGHTS}/bytes`)
			.query(true)
			.reply(200, { start: 0, end: 0, interval: 0 });
		const error = await runError({
			operation: 'getSiteMetric',
			insightMetric: 'bytes',
			splitIntoPoints: true,
		});
		expect(error.message).toBe('Mist answered the bytes insight without a results list');
	});

	it("turns a 404 into a NodeApiError with Mist's detail and the status", async () => {
		nock(MIST_TEST_URL)
			.get(`${INSIGHTS}/no_such_metric`)
			.query(true)
			.reply(404, { detail: 'unknown metric no_such_metric' });
		const error = await runError({ operation: 'getSiteMetric', insightMetric: 'no_such_metric' });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'Mist found nothing at this address (404): unknown metric no_such_metric',
		);
		expect(error.httpCode).toBe('404');
	});
});

describe('loadOptions › getInsightMetrics', () => {
	it('lists the metric catalogue of /const/insight_metrics, sorted, with descriptions', async () => {
		const scope = nock(MIST_TEST_URL, { reqheaders: { authorization: `Token ${LEAK_CANARY}` } })
			.get('/api/v1/const/insight_metrics')
			.reply(200, example('ConstInsightMetricsExample'));
		const options = await getInsightMetrics.call(createLoadOptionsContext());
		expect(scope.isDone()).toBe(true);
		expect(options).toEqual([
			{ name: 'bytes', value: 'bytes', description: 'Aggregated bytes over time · timeseries' },
			{
				name: 'num_clients',
				value: 'num_clients',
				description: 'Number of client over time · timeseries',
			},
		]);
		expect(serialise(options)).not.toContain(LEAK_CANARY);
	});
});
