/**
 * The realistic profile's API behaviours: the hourly budget that resets on the hour with a 429
 * that has no Retry-After, 200 answers with a cut JSON body under fault injection, and the
 * quirk under which a comma-separated `type` filter is one literal type.
 */
import { realShapes } from '../fixtures/realShapes';
import { startTestSimulator } from './simHelpers';
import type { TestSim } from './simHelpers';

const HOUR = 3600_000;
/** 30 s before the top of an hour. */
const BEFORE_THE_HOUR = Date.UTC(2026, 0, 15, 10, 59, 30);

describe('realistic profile: hourly budget', () => {
	let clock: number;
	let t: TestSim;
	beforeEach(async () => {
		clock = BEFORE_THE_HOUR;
		t = await startTestSimulator({ budgetPerHour: 5, now: () => clock });
	});
	afterEach(async () => t.sim.close());

	it('answers 429 without Retry-After and with Mist’s detail once the hour’s budget is spent', async () => {
		for (let i = 0; i < 5; i++) expect((await t.get('/const/webhook_topics')).status).toBe(200);
		const limited = await t.get('/self');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBeNull();
		expect(limited.body).toEqual({
			detail: realShapes.rateLimit().http429Detail.replace('5000', '5'),
		});
	});

	it('reports {request_limit, requests, seconds} with seconds counting down to the top of the hour', async () => {
		await t.get('/self');
		const usage = await t.get('/self/usage');
		expect(usage.body).toEqual({ request_limit: 5, requests: 2, seconds: 30 });
		expect(Object.keys(usage.body).sort()).toEqual(
			[...Object.keys(realShapes.rateLimit().selfUsageSpecExample), 'seconds'].sort(),
		);
		clock += 20_000;
		expect((await t.get('/self/usage')).body).toEqual({
			request_limit: 5,
			requests: 3,
			seconds: 10,
		});
	});

	it('resets on the hour, not an hour after the first call', async () => {
		for (let i = 0; i < 5; i++) await t.get('/self');
		expect((await t.get('/self')).status).toBe(429);
		clock = Date.UTC(2026, 0, 15, 10, 59, 59, 999);
		expect((await t.get('/self')).status).toBe(429);
		clock = Date.UTC(2026, 0, 15, 11, 0, 0);
		expect((await t.get('/self')).status).toBe(200);
		expect((await t.get('/self/usage')).body).toEqual({
			request_limit: 5,
			requests: 2,
			seconds: 3600,
		});
		clock += HOUR - 1000;
		expect((await t.get('/self/usage')).body).toEqual({
			request_limit: 5,
			requests: 3,
			seconds: 1,
		});
	});

	it('spec profile: keeps the rolling hour from the first call and the Retry-After header', async () => {
		const spec = await startTestSimulator({ budgetPerHour: 2, profile: 'spec', now: () => clock });
		try {
			await spec.get('/self');
			await spec.get('/self');
			clock = Date.UTC(2026, 0, 15, 11, 0, 30);
			const limited = await spec.get('/self');
			expect(limited.status).toBe(429);
			expect(Number(limited.headers.get('retry-after'))).toBe(3540);
		} finally {
			await spec.sim.close();
		}
	});
});

describe('cut 200 bodies and literal type lists', () => {
	let t: TestSim;
	const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
	beforeAll(async () => {
		t = await startTestSimulator({ now: () => NOW });
	});
	afterAll(async () => t.sim.close());

	const raw = async (path: string) => {
		const res = await fetch(`${t.sim.url}/api/v1${path}`, {
			headers: { Authorization: `Token ${t.sim.token}` },
		});
		return { status: res.status, headers: res.headers, text: await res.text() };
	};

	it('answers the next `count` matching GETs with 200 and a JSON body cut in the middle', async () => {
		const path = `${t.org}/clients/events/search?duration=1h&limit=20`;
		const full = await raw(path);
		t.sim.injectFault({ kind: 'truncate', pathPattern: '/clients/events/search$', count: 2 });
		for (let i = 0; i < 2; i++) {
			const cut = await raw(path);
			expect(cut.status).toBe(200);
			expect(cut.headers.get('content-type')).toBe('application/json');
			expect(Number(cut.headers.get('content-length'))).toBe(Buffer.byteLength(cut.text));
			expect(cut.text.length).toBe(Math.floor(full.text.length / 2));
			expect(full.text.startsWith(cut.text)).toBe(true);
			expect(() => JSON.parse(cut.text)).toThrow();
		}
		expect(JSON.parse((await raw(path)).text)).toEqual(JSON.parse(full.text));
	});

	it('cuts only GETs that succeed, and takes the fault over the control API too', async () => {
		expect(
			(await t.post('/__sim/faults', { kind: 'truncate', pathPattern: '/webhooks$' })).status,
		).toBe(200);
		const created = await t.post(`${t.org}/webhooks`, {
			url: 'http://127.0.0.1:9/hook',
			topics: ['alarms'],
		});
		expect(created.status).toBe(200);
		expect((await t.get(`/sites/00000000-0000-0000-0000-000000000000/webhooks`)).status).toBe(404);
		const listed = await raw(`${t.org}/webhooks`);
		expect(listed.status).toBe(200);
		expect(() => JSON.parse(listed.text)).toThrow();
		expect(JSON.parse((await raw(`${t.org}/webhooks`)).text)).toHaveLength(1);
	});

	describe('with literalTypeLists', () => {
		const LIST = 'MARVIS_EVENT_CLIENT_DHCP_NAK,CLIENT_ASSOCIATION_FAILURE';
		const hq = () => t.site('HQ').id;
		const totals = async () => ({
			list: (await t.get(`/sites/${hq()}/clients/events/search?type=${LIST}&duration=1h`)).body
				.total,
			single: (
				await t.get(
					`/sites/${hq()}/clients/events/search?type=CLIENT_ASSOCIATION_FAILURE&duration=1h`,
				)
			).body.total,
			count: (await t.get(`${t.org}/clients/events/count?distinct=type&type=${LIST}&duration=1h`))
				.body.total,
			devices: (
				await t.get(`/sites/${hq()}/devices/events/search?type=SW_PORT_DOWN,SW_PORT_UP&duration=1h`)
			).body.total,
			nac: (
				await t.get(
					`${t.org}/nac_clients/events/search?type=NAC_CLIENT_DENY,NAC_CLIENT_CERT_CHECK_FAILURE&duration=1h`,
				)
			).body.total,
		});

		it('matches nothing for a comma list while single types still match, until switched off', async () => {
			const before = await totals();
			expect(before.list).toBeGreaterThan(before.single);
			expect(before.count).toBe(2);
			expect(before.devices).toBeGreaterThan(0);
			expect(before.nac).toBeGreaterThan(0);
			t.sim.setQuirks({ literalTypeLists: true });
			expect(await totals()).toEqual({
				list: 0,
				single: before.single,
				count: 0,
				devices: 0,
				nac: 0,
			});
			t.sim.setQuirks({ literalTypeLists: false });
			expect(await totals()).toEqual(before);
		});

		it('can start that way', async () => {
			const literal = await startTestSimulator({ literalTypeLists: true, now: () => NOW });
			try {
				const res = await literal.get(
					`${literal.org}/clients/events/search?type=${LIST}&duration=1h`,
				);
				expect(res.body).toEqual(expect.objectContaining({ total: 0, results: [] }));
			} finally {
				await literal.sim.close();
			}
		});
	});
});

describe('startSimulator options', () => {
	it('refuses an unknown profile', async () => {
		await expect(startTestSimulator({ profile: 'live' as never })).rejects.toThrow(
			/profile must be one of realistic, spec/,
		);
	});
});
