import nock from 'nock';

import { API, AP1, apsRead, rl, run, SITE_ID, siteRead } from './fixtures';

const waits: number[] = [];
jest.mock('n8n-workflow', () => {
	const actual = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');
	return { ...actual, sleep: jest.fn(async (ms: number) => void waits.push(ms)) };
});

describe('Juniper Mist Remediate › verification polling', () => {
	beforeEach(() => {
		nock.disableNetConnect();
		waits.length = 0;
	});
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('waits before each check and stops once the AP is connected again', async () => {
		const scope = apsRead(siteRead(), 10)
			.post(`${API}/sites/${SITE_ID}/devices/${AP1}/restart`)
			.reply(200, {})
			.get(`${API}/sites/${SITE_ID}/stats/devices/${AP1}`)
			.reply(200, { name: 'AP-01', status: 'restarting' })
			.get(`${API}/sites/${SITE_ID}/stats/devices/${AP1}`)
			.reply(200, { name: 'AP-01', status: 'connected' });
		const { actions } = await run({
			site: rl(SITE_ID),
			operation: 'restartDevice',
			device: rl(AP1),
			options: { verify: true, verifyWithinSeconds: 40 },
		});
		expect(scope.isDone()).toBe(true);
		expect(waits).toEqual([15_000, 15_000]);
		expect(actions[0].json.verification).toEqual({
			checked: true,
			passed: true,
			detail: 'AP-01 is connected (checked after 30 s)',
		});
	});

	it('gives up when the time is over', async () => {
		apsRead(siteRead(), 10)
			.post(`${API}/sites/${SITE_ID}/devices/${AP1}/restart`)
			.reply(200, {})
			.get(`${API}/sites/${SITE_ID}/stats/devices/${AP1}`)
			.times(2)
			.reply(200, { name: 'AP-01', status: 'disconnected' });
		const { actions } = await run({
			site: rl(SITE_ID),
			operation: 'restartDevice',
			device: rl(AP1),
			options: { verify: true, verifyWithinSeconds: 20 },
		});
		expect(waits).toEqual([15_000, 5_000]);
		expect(actions[0].json.verification).toEqual({
			checked: true,
			passed: false,
			detail: 'AP-01 is disconnected (checked after 20 s)',
		});
	});
});
