import nock from 'nock';
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { MIST_TEST_URL, SITE_ID } from '../../helpers/executeContext';
import { example } from './fixtures';
import { runMist, runMistError, useOfflineNock } from '../../helpers/runMist';

const AP1 = '00000000-0000-0000-1000-5c5b359e4fe0';
const AP2 = '00000000-0000-0000-1000-5c5b35000311';
const RRM = `/api/v1/sites/${SITE_ID}/rrm`;
const base = {
	resource: 'rf',
	org: { __rl: true, mode: 'list', value: '' },
	site: { __rl: true, mode: 'id', value: SITE_ID },
};

/** The spec's RrmExample has empty band maps; fill them the way Mist does (keyed by AP id). */
function channelPlan(): IDataObject {
	const plan = example<IDataObject>('RrmExample');
	plan.band_24 = {
		[AP1]: {
			channel: 6,
			bandwidth: 20,
			power: 5,
			usage: '24',
			curr_channel: 1,
			curr_bandwidth: 20,
			curr_power: 11,
			curr_usage: '24',
		},
	};
	plan.band_5 = {
		[AP1]: { channel: 36, bandwidth: 40, power: 12, usage: '5' },
		[AP2]: { channel: 149, bandwidth: 80, power: 14, usage: '5' },
	};
	return plan;
}

const run = async (params: IDataObject): Promise<IDataObject[]> =>
	(await runMist({ ...base, ...params })).map((item) => item.json);
const runError = async (params: IDataObject) => await runMistError({ ...base, ...params });

useOfflineNock();

describe('Juniper Mist › RF', () => {
	it('flattens the current channel plan to one item per AP and band', async () => {
		const scope = nock(MIST_TEST_URL).get(`${RRM}/current`).reply(200, channelPlan());
		const out = await run({ operation: 'getCurrentChannelPlan', simplify: true });
		expect(scope.isDone()).toBe(true);
		expect(out).toEqual([
			{
				site_id: SITE_ID,
				ap_id: AP1,
				band: '24',
				channel: 6,
				bandwidth: 20,
				power: 5,
				usage: '24',
			},
			{
				site_id: SITE_ID,
				ap_id: AP1,
				band: '5',
				channel: 36,
				bandwidth: 40,
				power: 12,
				usage: '5',
			},
			{
				site_id: SITE_ID,
				ap_id: AP2,
				band: '5',
				channel: 149,
				bandwidth: 80,
				power: 14,
				usage: '5',
			},
		]);
	});

	it('returns the full plan, with band metrics and RF template, when not simplified', async () => {
		nock(MIST_TEST_URL).get(`${RRM}/current`).reply(200, channelPlan());
		const out = await run({ operation: 'getCurrentChannelPlan', simplify: false });
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({
			site_id: SITE_ID,
			status: 'updating',
			band_5_metric: { noise: 0 },
		});
		expect((out[0].rftemplate as IDataObject).band_24).toMatchObject({ channels: [1, 6, 11] });
	});

	it('gets the RRM considerations of one AP and band', async () => {
		const body = example<{ results: IDataObject[] }>('RrmConsiderationExample');
		const scope = nock(MIST_TEST_URL).get(`${RRM}/current/devices/${AP1}/band/5`).reply(200, body);
		const out = await run({
			operation: 'getRrmConsiderations',
			device: { __rl: true, mode: 'id', value: AP1 },
			rfBand: '5',
		});
		expect(scope.isDone()).toBe(true);
		expect(out).toEqual([{ device_id: AP1, band: '5', ...body.results[0] }]);
		expect(out[0]).toMatchObject({ channel: 36, noise: -78, other_ssid: 'Rivendell5G' });
	});

	it('follows next over 3 pages of RRM events, with band and time range', async () => {
		const event = example<{ results: IDataObject[] }>('RrmEventsExample').results[0];
		const next2 = `${RRM}/events?band=24&duration=7d&limit=1000&page=2`;
		const next3 = `${RRM}/events?band=24&duration=7d&limit=1000&page=3`;
		const scope = nock(MIST_TEST_URL)
			.get(`${RRM}/events`)
			.query({ band: '24', duration: '7d', limit: 1000 })
			.reply(200, { ...example<IDataObject>('RrmEventsExample'), results: [event], next: next2 })
			.get(next2)
			.reply(200, {
				results: [{ ...event, event: 'interference-ap-co-channel', timestamp: 1428943200 }],
				next: next3,
			})
			.get(next3)
			.reply(200, { results: [{ ...event, event: 'radar-detected', timestamp: 1428946800 }] });
		const out = await run({
			operation: 'getRrmEvents',
			rfEventBand: '24',
			timeRangeMode: 'duration',
			duration: '7d',
			returnAll: true,
		});
		expect(scope.isDone()).toBe(true);
		expect(out.map((entry) => entry.event)).toEqual([
			'scheduled-site_rrm',
			'interference-ap-co-channel',
			'radar-detected',
		]);
		expect(out[0]).toMatchObject({
			ap_id: AP1,
			channel: 6,
			pre_channel: 1,
			power: 5,
			pre_power: 11,
		});
	});

	it('reads RRM events of every band up to the limit', async () => {
		const body = example<IDataObject>('RrmEventsExample');
		const scope = nock(MIST_TEST_URL)
			.get(`${RRM}/events`)
			.query({ duration: '1d', limit: 1 })
			.reply(200, body);
		const out = await run({
			operation: 'getRrmEvents',
			rfEventBand: 'all',
			timeRangeMode: 'duration',
			duration: '1d',
			returnAll: false,
			limit: 1,
		});
		expect(scope.isDone()).toBe(true);
		expect(out).toEqual(body.results);
	});

	it('lists the RRM neighbors of each AP on a band', async () => {
		const body = { ...example<IDataObject>('RrmNeighborsExample'), next: null };
		const scope = nock(MIST_TEST_URL)
			.get(`${RRM}/neighbors/band/6`)
			.query({ limit: 1000 })
			.reply(200, body);
		const out = await run({ operation: 'getRrmNeighbors', rfBand: '6', returnAll: true });
		expect(scope.isDone()).toBe(true);
		expect(out).toEqual([
			{ mac: 'a7c7096d7b8f', neighbors: [{ mac: '5c5b35000311', rssi: -75 }], band: '6' },
		]);
	});

	it.each([
		[
			{ operation: 'getRrmNeighbors', rfBand: '2.4', returnAll: true },
			'Invalid Band: "2.4" is not one of 24, 5, 6',
		],
		[
			{
				operation: 'getRrmConsiderations',
				device: { __rl: true, mode: 'id', value: AP1 },
				rfBand: 'all',
			},
			'Invalid Band: "all" is not one of 24, 5, 6',
		],
		[
			{
				operation: 'getRrmEvents',
				rfEventBand: '60',
				timeRangeMode: 'duration',
				duration: '1d',
				returnAll: true,
			},
			'Invalid Band: "60" is not one of 24, 5, 6, all',
		],
		[
			{
				operation: 'getCurrentChannelPlan',
				site: { __rl: true, mode: 'id', value: 'HQ' },
				simplify: true,
			},
			'Invalid Site: "HQ" is not a Mist id (a UUID)',
		],
	])('names the field for bad input %p', async (params, message) => {
		const error = await runError(params);
		expect(error.message).toBe(message);
	});

	it("turns a 404 into a NodeApiError with Mist's detail and the status", async () => {
		nock(MIST_TEST_URL)
			.get(`${RRM}/current/devices/${AP2}/band/24`)
			.reply(404, { detail: 'device not found' });
		const error = await runError({
			operation: 'getRrmConsiderations',
			device: { __rl: true, mode: 'id', value: AP2 },
			rfBand: '24',
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Mist found nothing at this address (404): device not found');
		expect(error.httpCode).toBe('404');
	});
});
