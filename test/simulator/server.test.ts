import { startTestSimulator } from './simHelpers';
import type { TestSim } from './simHelpers';

describe('simulator HTTP basics', () => {
	let t: TestSim;
	beforeAll(async () => {
		t = await startTestSimulator();
	});
	afterAll(async () => t.sim.close());

	it.each([
		['no header', null, 'Authentication credentials were not provided.'],
		['wrong token', 'not-the-token', 'Invalid token.'],
	])('answers 401 with %s', async (_label, token, detail) => {
		const res = await t.request('GET', '/self', undefined, token);
		expect(res.status).toBe(401);
		expect(res.body).toEqual({ detail });
	});

	it('answers /self with an org admin privilege', async () => {
		const res = await t.get('/self');
		expect(res.status).toBe(200);
		expect(res.body.privileges).toEqual([
			expect.objectContaining({
				scope: 'org',
				org_id: t.sim.orgId,
				role: 'admin',
				name: 'Demo Corp',
			}),
		]);
	});

	it.each([
		['unknown org', () => `/orgs/00000000-0000-0000-0000-000000000000/sites`, 404],
		['unknown site', () => `/sites/00000000-0000-0000-0000-000000000000/stats/devices`, 404],
		[
			'unknown device',
			() => `/sites/${t.site('HQ').id}/stats/devices/00000000-0000-0000-1000-000000000000`,
			404,
		],
		['limit above 1000', () => `${t.org}/sites?limit=1001`, 400],
		['bad duration', () => `${t.org}/clients/events/search?duration=forever`, 400],
		['bad page', () => `${t.org}/sites?page=0`, 400],
		['tampered cursor', () => `${t.org}/clients/events/search?search_after=abc`, 400],
	])('rejects %s', async (_label, path, status) => {
		const res = await t.get(path());
		expect(res.status).toBe(status);
		expect(typeof res.body.detail).toBe('string');
	});

	it('pages list endpoints with X-Page headers over several pages', async () => {
		const site = t.site('Warehouse');
		const seen = new Set<string>();
		for (let page = 1; page <= 3; page++) {
			const res = await t.get(`/sites/${site.id}/stats/devices?limit=3&page=${page}`);
			expect(res.status).toBe(200);
			expect(res.headers.get('x-page-total')).toBe('8');
			expect(res.headers.get('x-page-limit')).toBe('3');
			expect(res.headers.get('x-page-page')).toBe(String(page));
			res.body.forEach((d: { id: string }) => seen.add(d.id));
		}
		expect(seen.size).toBe(8);
	});

	it('pages search endpoints by following opaque next links until null', async () => {
		const first = await t.get(`${t.org}/clients/events/search?duration=1d&limit=100`);
		const total = first.body.total as number;
		expect(total).toBeGreaterThan(300);
		let body = first.body;
		const ids = new Set<string>();
		let pages = 0;
		for (;;) {
			pages++;
			// Copies of one auth failure share mac, type and timestamp and differ in their pcap fields.
			type Event = {
				mac: string;
				type: string;
				timestamp: number;
				has_pcap?: boolean;
				pcap_url?: string;
			};
			body.results.forEach((e: Event) =>
				ids.add(`${e.mac}|${e.type}|${e.timestamp}|${e.has_pcap}|${e.pcap_url}`),
			);
			if (!body.next) break;
			expect(body.next).toMatch(/^\/api\/v1\/orgs\/.+\/clients\/events\/search\?.*search_after=/);
			body = (await t.get(body.next)).body;
		}
		expect(pages).toBeGreaterThanOrEqual(3);
		expect(ids.size).toBe(total);
	});

	it('pages hybrid endpoints (rrm/events) with page+limit and next', async () => {
		const site = t.site('Warehouse');
		const first = await t.get(`/sites/${site.id}/rrm/events?limit=5`);
		expect(first.body.results).toHaveLength(5);
		expect(first.body.next).toContain('page=2');
		const second = await t.get(first.body.next);
		expect(second.status).toBe(200);
		expect(second.body.results[0]).not.toEqual(first.body.results[0]);
	});

	it('pages SLE impacted users in the body', async () => {
		const hq = t.site('HQ');
		const res = await t.get(
			`/sites/${hq.id}/sle/site/${hq.id}/metric/failed-to-connect/impacted-users?limit=5&page=2`,
		);
		expect(res.body).toEqual(expect.objectContaining({ page: 2, limit: 5 }));
		expect(res.body.total_count).toBeGreaterThan(10);
		expect(res.body.users).toHaveLength(5);
	});

	it('filters search results by type, comma-separated, and by site', async () => {
		const hq = t.site('HQ');
		const res = await t.get(
			`${t.org}/clients/events/search?type=MARVIS_EVENT_CLIENT_DHCP_NAK,MARVIS_EVENT_CLIENT_AUTH_FAILURE&site_id=${hq.id}&duration=1h&limit=1000`,
		);
		const types = new Set(res.body.results.map((e: { type: string }) => e.type));
		expect([...types].sort()).toEqual([
			'MARVIS_EVENT_CLIENT_AUTH_FAILURE',
			'MARVIS_EVENT_CLIENT_DHCP_NAK',
		]);
		expect(
			res.body.results.every(
				(e: { mac: string }) => t.sim.world.clients.get(e.mac)?.siteId === hq.id,
			),
		).toBe(true);
	});

	it('finds sites by wildcard name', async () => {
		const res = await t.get(`${t.org}/sites/search?name=Ware*`);
		expect(res.body.results.map((s: { name: string }) => s.name)).toEqual(['Warehouse']);
	});

	it('keeps control calls out of the call log and tokens out of it', async () => {
		await t.post('/__sim/budget/reset');
		await fetch(`${t.sim.url}/__sim/calls`, { method: 'DELETE' });
		await t.get('/self');
		await t.get('/__sim/state');
		const calls = (await t.get('/__sim/calls')).body;
		expect(calls).toEqual([
			expect.objectContaining({ method: 'GET', path: '/api/v1/self', status: 200 }),
		]);
		expect(JSON.stringify(calls)).not.toContain(t.sim.token);
	});
});

describe('rate budget', () => {
	it('spec profile: answers 429 with Retry-After once the hourly budget is spent, and reports usage', async () => {
		const t = await startTestSimulator({ budgetPerHour: 5, profile: 'spec' });
		try {
			for (let i = 0; i < 4; i++) expect((await t.get('/const/webhook_topics')).status).toBe(200);
			const usage = await t.get('/self/usage');
			expect(usage.body).toEqual({ request_limit: 5, requests: 5, seconds: expect.any(Number) });
			const limited = await t.get('/self');
			expect(limited.status).toBe(429);
			expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(3500);
			expect(limited.body.detail).toMatch(/Too Many Request.*5 API Calls per hour/);
			await t.post('/__sim/budget/reset');
			expect((await t.get('/self')).status).toBe(200);
		} finally {
			await t.sim.close();
		}
	});
});

describe('fault injection', () => {
	let t: TestSim;
	beforeAll(async () => {
		t = await startTestSimulator();
	});
	afterAll(async () => t.sim.close());

	it('answers 429 with Retry-After for the next N matching calls only', async () => {
		t.sim.injectFault({ kind: '429', pathPattern: '/sites$', count: 2, retryAfterSeconds: 7 });
		const other = await t.get('/self');
		expect(other.status).toBe(200);
		for (let i = 0; i < 2; i++) {
			const res = await t.get(`${t.org}/sites`);
			expect(res.status).toBe(429);
			expect(res.headers.get('retry-after')).toBe('7');
		}
		expect((await t.get(`${t.org}/sites`)).status).toBe(200);
	});

	it.each(['500', '503'] as const)('answers %s with a detail', async (kind) => {
		await t.post('/__sim/faults', { kind });
		const res = await t.get('/self');
		expect(res.status).toBe(Number(kind));
		expect(typeof res.body.detail).toBe('string');
	});

	it('resets the connection', async () => {
		t.sim.injectFault({ kind: 'reset' });
		await expect(
			fetch(`${t.sim.url}/api/v1/self`, { headers: { Authorization: `Token ${t.sim.token}` } }),
		).rejects.toThrow();
		expect(t.sim.calls().slice(-1)[0]).toEqual(
			expect.objectContaining({ status: 0, path: '/api/v1/self' }),
		);
	});

	it('sends a truncated JSON body', async () => {
		t.sim.injectFault({ kind: 'truncated' });
		const outcome = await fetch(`${t.sim.url}/api/v1/self`, {
			headers: { Authorization: `Token ${t.sim.token}` },
		})
			.then((r) => r.text())
			.then((text) => {
				JSON.parse(text);
				return 'parsed';
			})
			.catch(() => 'failed');
		expect(outcome).toBe('failed');
	});

	it('holds a timed-out request open until the client gives up', async () => {
		t.sim.injectFault({ kind: 'timeout' });
		const signal = AbortSignal.timeout(300);
		await expect(
			fetch(`${t.sim.url}/api/v1/self`, {
				headers: { Authorization: `Token ${t.sim.token}` },
				signal,
			}),
		).rejects.toThrow();
	});

	it('rejects malformed injections', async () => {
		const res = await t.post('/__sim/faults', { kind: '418' });
		expect(res.status).toBe(400);
	});
});
