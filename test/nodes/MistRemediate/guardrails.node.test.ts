import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { LEAK_CANARY, serialise } from '../../helpers/executeContext';
import {
	withoutBudgetLedger,
	API,
	AP1,
	apId,
	apsRead,
	CLIENT,
	CLIENT2,
	NOW,
	rl,
	run,
	SITE_ID,
	siteRead,
} from './fixtures';

const S = `${API}/sites/${SITE_ID}`;
const MIN = 60_000;

const restart = (device: string, extra: Record<string, unknown> = {}) => ({
	site: rl(SITE_ID),
	operation: 'restartDevice',
	device: rl(device),
	...extra,
});

describe('Juniper Mist Remediate › guardrails', () => {
	let clock: jest.SpyInstance;
	const at = (ms: number) => clock.mockReturnValue(ms);

	beforeEach(() => {
		nock.disableNetConnect();
		clock = jest.spyOn(Date, 'now').mockReturnValue(NOW);
	});
	afterEach(() => {
		clock.mockRestore();
		nock.cleanAll();
		nock.enableNetConnect();
	});

	describe('dry run', () => {
		it('sends no change and says exactly what would be done', async () => {
			const reads = apsRead(siteRead(), 10);
			const staticData: IDataObject = {};
			const { actions, skipped } = await run(restart(AP1, { dryRun: true }), { staticData });
			expect(reads.isDone()).toBe(true);
			expect(nock.pendingMocks()).toEqual([]);
			expect(skipped).toEqual([]);
			expect(actions[0].json).toMatchObject({
				status: 'dry-run',
				dryRun: true,
				operation: 'restartDevice',
				summary: 'Restart device AP-01',
				at: '2026-11-24T14:00:00.000Z',
				request: { method: 'POST', path: `${S}/devices/${AP1}/restart`, body: null },
				target: {
					site_id: SITE_ID,
					site_name: 'Warehouse',
					device_ids: [AP1],
					device_names: ['AP-01'],
				},
				guardrail: { decision: 'allowed' },
				result: { note: expect.stringContaining('nothing was sent') },
			});
			// A dry run leaves no cooldown behind.
			expect(withoutBudgetLedger(staticData)).toEqual({});
		});

		it('is on unless turned off', async () => {
			siteRead().post(`${S}/clients/${CLIENT}/disconnect`).reply(200, {});
			const { actions } = await run({
				site: rl(SITE_ID),
				operation: 'reconnectClient',
				clientMac: CLIENT,
				dryRun: undefined,
			});
			expect(actions[0].json.status).toBe('dry-run');
			expect(nock.pendingMocks()).toHaveLength(1);
		});

		it('applies the limits within the execution, as a real run would', async () => {
			apsRead(siteRead(), 10);
			const devices = [apId(1), apId(2), apId(3)];
			const { actions, skipped } = await run((i) => restart(devices[i], { dryRun: true }), {
				items: devices.map(() => ({ json: {} })),
			});
			expect(actions.map((item) => item.json.status)).toEqual(['dry-run', 'dry-run']);
			expect(skipped).toHaveLength(1);
			expect(skipped[0].pairedItem).toEqual({ item: 2 });
			expect(skipped[0].json).toMatchObject({
				status: 'skipped',
				dryRun: true,
				guardrail: { decision: 'blocked', rule: 'AP share' },
			});
		});
	});

	it('stops at the limit of actions per execution', async () => {
		const macs = ['ac3c0b000001', 'ac3c0b000002', 'ac3c0b000003'];
		const scope = siteRead();
		macs.slice(0, 2).forEach((mac) => scope.post(`${S}/clients/${mac}/disconnect`).reply(200, {}));
		const { actions, skipped } = await run(
			(i) => ({
				site: rl(SITE_ID),
				operation: 'reconnectClient',
				clientMac: macs[i],
				guardrails: { maxActionsPerExecution: 2 },
			}),
			{
				items: macs.map(() => ({ json: {} })),
			},
		);
		expect(scope.isDone()).toBe(true);
		expect(actions.map((item) => item.json.status)).toEqual(['done', 'done']);
		expect(skipped[0].json).toMatchObject({
			status: 'skipped',
			guardrail: {
				decision: 'blocked',
				rule: 'execution limit',
				reason: 'execution limit: 2 actions already in this execution, limit 2',
			},
			target: { client_macs: ['ac3c0b000003'] },
		});
	});

	it('stops at the limit of actions per site per hour, across executions', async () => {
		const staticData: IDataObject = {
			remediationActions: [5, 20, 40].map((minutes, i) => ({
				at: NOW - minutes * MIN,
				siteId: SITE_ID,
				operation: 'reconnectClient',
				targets: [`reconnectClient:client:x${i}`],
			})),
		};
		siteRead();
		const { skipped } = await run(
			{
				site: rl(SITE_ID),
				operation: 'reconnectClient',
				clientMac: CLIENT,
				guardrails: { maxActionsPerSitePerHour: 3 },
			},
			{ staticData },
		);
		expect(skipped[0].json.guardrail).toEqual({
			decision: 'blocked',
			rule: 'site hourly limit',
			reason: 'site hourly limit: 3 actions on this site in the last hour, limit 3',
		});
	});

	it('never restarts more than the share of APs at once', async () => {
		apsRead(siteRead(), 10);
		const { actions, skipped } = await run(
			restart(apId(1), { moreDeviceIds: `${apId(2)},${apId(3)}` }),
		);
		expect(actions).toEqual([]);
		expect(skipped[0].json.guardrail).toMatchObject({
			rule: 'AP share',
			reason: 'AP share: 3 of 10 APs would be restarting within 15 min (30 %), limit 20 % (2 APs)',
		});
	});

	it('counts APs restarted by earlier executions within 15 minutes', async () => {
		const staticData: IDataObject = {
			remediationActions: [
				{
					at: NOW - 5 * MIN,
					siteId: SITE_ID,
					operation: 'restartDevice',
					targets: [`restartDevice:device:${apId(9)}`],
					restartedAps: [apId(9), apId(8)],
				},
			],
		};
		apsRead(siteRead(), 10);
		const { skipped } = await run(restart(AP1), { staticData });
		expect(skipped[0].json.guardrail).toMatchObject({ rule: 'AP share' });
	});

	describe('cooldown across executions (same static data)', () => {
		it('refuses a second restart of the same AP within 30 minutes, then allows it', async () => {
			const staticData: IDataObject = {};
			apsRead(siteRead(), 10).post(`${S}/devices/${AP1}/restart`).reply(200, {});
			const first = await run(restart(AP1), { staticData });
			expect(first.actions[0].json.status).toBe('done');

			// n8n stores static data as JSON with the workflow.
			const saved = JSON.parse(JSON.stringify(staticData)) as IDataObject;
			at(NOW + 12 * MIN);
			apsRead(siteRead(), 10);
			const second = await run(restart(AP1), { staticData: saved });
			expect(second.actions).toEqual([]);
			expect(second.skipped[0].json).toMatchObject({
				status: 'skipped',
				at: '2026-11-24T14:12:00.000Z',
				reason:
					'cooldown: device "AP-01": restartDevice 12 min ago, cooldown 30 min (allowed again in 18 min)',
				guardrail: {
					decision: 'blocked',
					rule: 'cooldown',
					reason:
						'cooldown: device "AP-01": restartDevice 12 min ago, cooldown 30 min (allowed again in 18 min)',
				},
			});

			at(NOW + 31 * MIN);
			apsRead(siteRead(), 10).post(`${S}/devices/${AP1}/restart`).reply(200, {});
			const third = await run(restart(AP1), { staticData: saved });
			expect(third.actions[0].json.status).toBe('done');
		});

		it('keeps clients apart: another client may be reconnected at once', async () => {
			const staticData: IDataObject = {};
			siteRead().post(`${S}/clients/${CLIENT}/disconnect`).reply(200, {});
			await run(
				{ site: rl(SITE_ID), operation: 'reconnectClient', clientMac: CLIENT },
				{ staticData },
			);
			at(NOW + MIN);
			const scope = siteRead().post(`${S}/clients/${CLIENT2}/disconnect`).reply(200, {});
			const { actions, skipped } = await run(
				(i) => ({
					site: rl(SITE_ID),
					operation: 'reconnectClient',
					clientMac: [CLIENT2, CLIENT][i],
				}),
				{ staticData, items: [{ json: {} }, { json: {} }] },
			);
			expect(scope.isDone()).toBe(true);
			expect(actions).toHaveLength(1);
			expect(skipped[0].json.guardrail).toMatchObject({
				rule: 'cooldown',
				reason: expect.stringContaining(`client ${CLIENT}: reconnectClient 1 min ago`),
			});
		});
	});

	describe('maintenance window in the site timezone (Asia/Singapore)', () => {
		const windowParams = {
			maintenanceWindow: 'window',
			windowDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
			windowStart: '22:00',
			windowEnd: '05:00',
		};
		const reconnect = {
			site: rl(SITE_ID),
			operation: 'reconnectClient',
			clientMac: CLIENT,
			...windowParams,
		};

		it.each([
			['Tue 22:00 SGT (14:00 UTC)', '2026-11-24T14:00:00Z'],
			['Wed 03:00 SGT, after midnight', '2026-11-24T19:00:00Z'],
			['Sat 02:00 SGT, Friday night', '2026-11-27T18:00:00Z'],
		])('acts at %s', async (_name, time) => {
			at(Date.parse(time));
			const scope = siteRead().post(`${S}/clients/${CLIENT}/disconnect`).reply(200, {});
			const { actions } = await run(reconnect);
			expect(scope.isDone()).toBe(true);
			expect(actions[0].json.status).toBe('done');
		});

		it.each([
			['Tue 21:00 SGT', '2026-11-24T13:00:00Z', 'Tue 21:00'],
			['Sat 22:30 SGT', '2026-11-28T14:30:00Z', 'Sat 22:30'],
		])('refuses at %s', async (_name, time, local) => {
			at(Date.parse(time));
			siteRead();
			const { skipped } = await run(reconnect);
			expect(skipped[0].json.guardrail).toEqual({
				decision: 'blocked',
				rule: 'maintenance window',
				reason: `maintenance window: site time is ${local} Asia/Singapore, outside the window 22:00–05:00 mon,tue,wed,thu,fri`,
			});
		});

		it('lets diagnostics run outside the window', async () => {
			at(Date.parse('2026-11-24T13:00:00Z'));
			siteRead()
				.post(`${S}/devices/${AP1}/ping`, { host: '8.8.8.8', count: 4 })
				.reply(200, { session: 's' });
			const { actions } = await run({
				site: rl(SITE_ID),
				operation: 'ping',
				device: rl(AP1),
				host: '8.8.8.8',
				count: 4,
				...windowParams,
			});
			expect(actions[0].json.status).toBe('done');
		});

		it('names a malformed window time', async () => {
			await expect(run({ ...reconnect, windowStart: '25:00' })).rejects.toThrow(
				'Invalid Window Start: "25:00" is not a time of day',
			);
		});

		it('names a day that is not a weekday, and takes days as comma-separated text', async () => {
			await expect(run({ ...reconnect, windowDays: ['mon', 'someday'] })).rejects.toThrow(
				'Invalid Window Days: "som" is not a weekday',
			);
			siteRead().post(`${S}/clients/${CLIENT}/disconnect`).reply(200, {});
			const { actions } = await run({ ...reconnect, windowDays: 'Monday, TUE' });
			expect(actions[0].json).toMatchObject({ status: 'done', guardrail: { decision: 'allowed' } });
		});
	});

	describe('site lists', () => {
		it.each([
			[
				{ denySites: 'HQ, warehouse' },
				'deny list',
				`deny list: site "Warehouse" (${SITE_ID}) is on the deny list`,
			],
			[
				{ allowSites: 'HQ' },
				'allow list',
				`allow list: site "Warehouse" (${SITE_ID}) is not on the allow list`,
			],
		])('%j blocks the site', async (guardrails, rule, reason) => {
			siteRead();
			const { skipped } = await run({
				site: rl(SITE_ID),
				operation: 'reconnectClient',
				clientMac: CLIENT,
				guardrails,
			});
			expect(skipped[0].json.guardrail).toEqual({ decision: 'blocked', rule, reason });
		});

		it('acts on a site on the allow list by id', async () => {
			const scope = siteRead().post(`${S}/clients/${CLIENT}/disconnect`).reply(200, {});
			const { actions } = await run({
				site: rl(SITE_ID),
				operation: 'reconnectClient',
				clientMac: CLIENT,
				guardrails: { allowSites: SITE_ID },
			});
			expect(scope.isDone()).toBe(true);
			expect(actions[0].json.status).toBe('done');
		});
	});

	it('prunes records no rule needs any more from the static data', async () => {
		const staticData: IDataObject = {
			remediationActions: [
				{ at: NOW - 2 * 60 * MIN, siteId: SITE_ID, operation: 'restartDevice', targets: ['old'] },
				{ at: NOW - 10 * MIN, siteId: SITE_ID, operation: 'restartDevice', targets: ['recent'] },
			],
		};
		siteRead();
		await run(
			{ site: rl(SITE_ID), operation: 'reconnectClient', clientMac: CLIENT, dryRun: true },
			{ staticData },
		);
		expect(
			(staticData.remediationActions as IDataObject[]).map((record) => record.targets),
		).toEqual([['recent']]);
	});

	it('refuses a bulk reconnect over the client limit', async () => {
		siteRead();
		const macs = Array.from({ length: 4 }, (_, i) => `ac3c0b0000${String(i + 10)}`);
		const { skipped } = await run({
			site: rl(SITE_ID),
			operation: 'reconnectClient',
			clientMac: macs.join(','),
			guardrails: { maxClientsPerReconnect: 3 },
		});
		expect(skipped[0].json.guardrail).toMatchObject({
			rule: 'bulk client limit',
			reason: 'bulk client limit: 4 clients in one request, limit 3',
		});
	});

	it('keeps the token out of every output and error', async () => {
		siteRead()
			.post(`${S}/clients/${CLIENT}/disconnect`)
			.reply(403, { detail: 'You do not have the privilege' })
			.post(`${S}/clients/${CLIENT2}/disconnect`)
			.reply(200, {});
		const result = await run(
			(i) => ({ site: rl(SITE_ID), operation: 'reconnectClient', clientMac: [CLIENT, CLIENT2][i] }),
			{
				items: [{ json: {} }, { json: {} }],
				continueOnFail: true,
			},
		);
		expect(serialise([result.actions, result.skipped])).not.toContain(LEAK_CANARY);
		expect(result.actions.map((item) => item.json.status)).toEqual(['done']);
		expect(result.skipped[0].json).toMatchObject({ status: 'failed', error: { httpCode: '403' } });
	});
});
