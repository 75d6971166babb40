/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a loopback server that really resets connections */
import http from 'http';
import type { AddressInfo } from 'net';
import nock from 'nock';
import { z } from 'zod';

import { parseMistShape } from '../../../../nodes/shared/schemas/validate';
import { MistClient } from '../../../../nodes/shared/transport/MistClient';
import type { RetryPolicy } from '../../../../nodes/shared/transport/retryPolicy';
import { DEFAULT_RETRY_POLICY } from '../../../../nodes/shared/transport/retryPolicy';
import {
	createExecuteContext,
	LEAK_CANARY,
	MIST_TEST_URL,
	ORG_ID,
	serialise,
} from '../../../helpers/executeContext';

const FAST: RetryPolicy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20 };
const sitesPath = `/api/v1/orgs/${ORG_ID}/sites`;
const searchPath = `/api/v1/orgs/${ORG_ID}/clients/search`;

function client(policy: RetryPolicy = FAST) {
	return new MistClient(createExecuteContext({ params: {} }), policy);
}

function clientFor(url: string) {
	const credentials = {
		mistApi: { apiToken: LEAK_CANARY, cloud: 'custom', customUrl: url, orgId: ORG_ID },
	};
	return new MistClient(createExecuteContext({ params: {}, credentials }), FAST);
}

/** A loopback server that destroys the socket of the first `resets` requests, then answers JSON. */
async function resettingServer(resets: number, body: object) {
	let count = 0;
	const server = http.createServer((req, res) => {
		count++;
		if (count <= resets) {
			req.socket.destroy();
			return;
		}
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end(JSON.stringify(body));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests: () => count,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

async function caught(
	promise: Promise<unknown>,
): Promise<Error & { description?: string; httpCode?: string }> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a rejection');
}

beforeEach(() => {
	nock.disableNetConnect();
	nock.enableNetConnect('127.0.0.1');
});
afterEach(() => {
	nock.cleanAll();
	nock.enableNetConnect();
});

describe('list paging (X-Page headers)', () => {
	it('walks 3 pages until X-Page-Total is reached and counts every call', async () => {
		const page = (n: number, count: number) =>
			Array.from({ length: count }, (_, i) => ({ id: `s${n}-${i}` }));
		nock(MIST_TEST_URL)
			.get(sitesPath)
			.query({ limit: 1000, page: 1 })
			.reply(200, page(1, 1000), {
				'X-Page-Total': '2500',
				'X-Page-Limit': '1000',
				'X-Page-Page': '1',
			})
			.get(sitesPath)
			.query({ limit: 1000, page: 2 })
			.reply(200, page(2, 1000), {
				'X-Page-Total': '2500',
				'X-Page-Limit': '1000',
				'X-Page-Page': '2',
			})
			.get(sitesPath)
			.query({ limit: 1000, page: 3 })
			.reply(200, page(3, 500), {
				'X-Page-Total': '2500',
				'X-Page-Limit': '1000',
				'X-Page-Page': '3',
			});
		const mist = client();
		const sites = await mist.getAllList({ path: `/orgs/${ORG_ID}/sites` }, { returnAll: true });
		expect(sites).toHaveLength(2500);
		expect(sites[2499]).toEqual({ id: 's3-499' });
		expect(mist.stats).toMatchObject({ calls: 3, pages: 3, retries: 0 });
		expect(nock.isDone()).toBe(true);
	});

	it('reads the pages after the first a few at a time once X-Page-Total is known, in page order', async () => {
		let inFlight = 0;
		let mostInFlight = 0;
		const scope = nock(MIST_TEST_URL);
		for (let page = 1; page <= 11; page++)
			scope
				.get(sitesPath)
				.query({ limit: 1000, page })
				.reply((_uri, _body, callback) => {
					inFlight++;
					mostInFlight = Math.max(mostInFlight, inFlight);
					// Later pages answer first: the result must still be in page order.
					// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals -- nock's callback reply needs a timer
					setTimeout(
						() => {
							inFlight--;
							const size = page === 11 ? 500 : 1000;
							callback(null, [
								200,
								Array.from({ length: size }, (_, index) => ({ id: `p${page}-${index}` })),
								{ 'X-Page-Total': '10500', 'X-Page-Limit': '1000', 'X-Page-Page': String(page) },
							]);
						},
						60 - page * 5,
					);
				});
		const mist = client();
		const sites = await mist.getAllList<{ id: string }>(
			{ path: `/orgs/${ORG_ID}/sites` },
			{ returnAll: true },
		);
		expect(sites).toHaveLength(10_500);
		expect([sites[0].id, sites[1000].id, sites[9999].id, sites[10_499].id]).toEqual([
			'p1-0',
			'p2-0',
			'p10-999',
			'p11-499',
		]);
		expect(mostInFlight).toBe(4);
		expect(mist.stats).toMatchObject({ calls: 11, pages: 11 });
		expect(nock.isDone()).toBe(true);
	});

	it('asks only for what the limit needs', async () => {
		nock(MIST_TEST_URL)
			.get(sitesPath)
			.query({ limit: 5, page: 1 })
			.reply(
				200,
				[1, 2, 3, 4, 5].map((i) => ({ id: i })),
				{ 'X-Page-Total': '90' },
			);
		const sites = await client().getAllList(
			{ path: `/orgs/${ORG_ID}/sites` },
			{ returnAll: false, limit: 5 },
		);
		expect(sites).toHaveLength(5);
	});

	it('stops with an error when the server answers another page than asked', async () => {
		nock(MIST_TEST_URL)
			.get(sitesPath)
			.query({ limit: 2, page: 1 })
			.reply(200, [{ id: 1 }, { id: 2 }], { 'X-Page-Total': '10', 'X-Page-Page': '1' })
			.get(sitesPath)
			.query({ limit: 2, page: 2 })
			.reply(200, [{ id: 1 }, { id: 2 }], { 'X-Page-Total': '10', 'X-Page-Page': '1' });
		const error = await caught(
			client().getAllList({ path: `/orgs/${ORG_ID}/sites` }, { returnAll: true, pageSize: 2 }),
		);
		expect(error.message).toBe(
			`Mist answered page 1 when page 2 was asked for /orgs/${ORG_ID}/sites`,
		);
	});
});

describe('search paging (next cursor)', () => {
	const next1 = `${searchPath}?limit=1000&search_after=%5B1%5D`;
	const next2 = `${searchPath}?limit=1000&search_after=%5B2%5D`;

	it('follows next as given across 3 pages', async () => {
		nock(MIST_TEST_URL)
			.get(searchPath)
			.query({ limit: 1000, duration: '1d' })
			.reply(200, { results: [{ mac: 'a' }], next: next1 })
			.get(next1)
			.reply(200, { results: [{ mac: 'b' }], next: next2 })
			.get(next2)
			.reply(200, { results: [{ mac: 'c' }], next: null });
		const mist = client();
		const results = await mist.getAllSearch(
			{ path: `/orgs/${ORG_ID}/clients/search`, qs: { duration: '1d' } },
			{ returnAll: true },
		);
		expect(results.map((r) => r.mac)).toEqual(['a', 'b', 'c']);
		expect(mist.stats.calls).toBe(3);
	});

	it('stops with an error when a cursor repeats instead of looping', async () => {
		nock(MIST_TEST_URL)
			.get(searchPath)
			.query(true)
			.reply(200, { results: [{ mac: 'a' }], next: next1 })
			.get(next1)
			.reply(200, { results: [{ mac: 'b' }], next: next1 });
		const error = await caught(
			client().getAllSearch({ path: `/orgs/${ORG_ID}/clients/search` }, { returnAll: true }),
		);
		expect(error.message).toBe(
			`Mist returned the same paging cursor twice for /orgs/${ORG_ID}/clients/search`,
		);
	});

	it('refuses a next link to another host, so the token stays home', async () => {
		nock(MIST_TEST_URL)
			.get(searchPath)
			.query(true)
			.reply(200, { results: [{ mac: 'a' }], next: 'https://evil.example/api/v1/x' });
		const error = await caught(
			client().getAllSearch({ path: `/orgs/${ORG_ID}/clients/search` }, { returnAll: true }),
		);
		expect(error.message).toContain('paging link to another host');
	});
});

describe('retries', () => {
	it('waits Retry-After on 429, then succeeds', async () => {
		nock(MIST_TEST_URL)
			.get(`/api/v1/self`)
			.reply(429, { detail: 'Too Many Request' }, { 'Retry-After': '1' })
			.get(`/api/v1/self`)
			.reply(200, { email: 'a@b.c' });
		const mist = client({ ...FAST, baseDelayMs: 60_000 });
		const started = Date.now();
		await expect(mist.request({ path: '/self' })).resolves.toEqual({ email: 'a@b.c' });
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(mist.stats).toMatchObject({ calls: 2, rateLimited: 1, retries: 1, waitedMs: 1000 });
	});

	it('stops at once when a 429 without Retry-After means the hourly budget is spent, saying when it resets', async () => {
		const detail =
			'Too Many Request. The API Token used for the request reached the 5000 API Calls per hour threshold';
		nock(MIST_TEST_URL)
			.post(`/api/v1/sites/x/clients/disconnect`)
			.reply(429, { detail })
			.get('/api/v1/self/usage')
			.reply(200, { request_limit: 5000, requests: 5000 });
		// 14:37:30 UTC: Mist's window turns at 15:00.
		const mist = client({ ...FAST, now: () => Date.parse('2026-12-04T14:37:30Z') });
		const error = await caught(
			mist.request({ method: 'POST', path: '/sites/x/clients/disconnect', body: ['aabbccddeeff'] }),
		);
		expect(error.message).toBe(
			'Mist API budget used up (429): this token has made 5000 of its 5000 calls this hour',
		);
		expect(error.description).toContain(
			'Mist resets the budget on the hour: at 15:00 UTC, in 23 min.',
		);
		expect(error.description).toContain('5,000 calls per hour');
		expect(error.httpCode).toBe('429');
		expect(mist.stats).toMatchObject({
			calls: 2,
			rateLimited: 1,
			retries: 0,
			budgetExhausted: true,
		});
		expect(nock.isDone()).toBe(true);
	});

	it('says the budget is spent even when /self/usage is refused too', async () => {
		nock(MIST_TEST_URL)
			.get(`/api/v1/self`)
			.reply(429, { detail: 'Too Many Request' })
			.get('/api/v1/self/usage')
			.reply(429, { detail: 'Too Many Request' });
		const mist = client({ ...FAST, now: () => Date.parse('2026-12-04T23:59:00Z') });
		const error = await caught(mist.request({ path: '/self' }));
		expect(error.message).toBe('Mist API budget used up (429)');
		expect(error.description).toContain('at 00:00 UTC, in 1 min');
		expect(mist.stats).toMatchObject({ calls: 2, retries: 0 });
	});

	it('backs off and retries a 429 without Retry-After while /self/usage shows calls left (a burst, not the budget)', async () => {
		nock(MIST_TEST_URL)
			.get(`/api/v1/self`)
			.reply(429, { detail: 'Too Many Request' })
			.get('/api/v1/self/usage')
			.reply(200, { request_limit: 5000, requests: 1200 })
			.get(`/api/v1/self`)
			.reply(200, { email: 'a@b.c' });
		const mist = client();
		await expect(mist.request({ path: '/self' })).resolves.toEqual({ email: 'a@b.c' });
		expect(mist.stats).toMatchObject({ calls: 3, rateLimited: 1, retries: 1 });
		expect(mist.stats.budgetExhausted).toBeUndefined();
	});

	it('fails at once when Retry-After is longer than the execution should block', async () => {
		nock(MIST_TEST_URL)
			.get(`/api/v1/self`)
			.reply(429, { detail: 'Too Many Request' }, { 'Retry-After': '1800' });
		const mist = client();
		const error = await caught(mist.request({ path: '/self' }));
		expect(error.description).toContain('Mist asks to wait 1800 s before the next call.');
		expect(mist.stats.calls).toBe(1);
	});

	it('retries a GET after 5xx and succeeds', async () => {
		nock(MIST_TEST_URL)
			.get('/api/v1/self')
			.reply(503, { detail: 'upstream unavailable' })
			.get('/api/v1/self')
			.reply(500, 'Internal Server Error')
			.get('/api/v1/self')
			.reply(200, { email: 'ok@x.y' });
		const mist = client();
		await expect(mist.request({ path: '/self' })).resolves.toEqual({ email: 'ok@x.y' });
		expect(mist.stats).toMatchObject({ calls: 3, retries: 2 });
	});

	it('gives a clear error when 5xx retries are exhausted', async () => {
		nock(MIST_TEST_URL).get('/api/v1/self').times(4).reply(502, { detail: 'Bad Gateway' });
		const error = await caught(client().request({ path: '/self' }));
		expect(error.message).toBe('Mist had a server error (502): Bad Gateway');
		expect(error.description).toContain('Gave up after 4 attempts.');
		expect(error.httpCode).toBe('502');
	});

	it('does not retry a POST after 5xx: the write may have happened', async () => {
		nock(MIST_TEST_URL).post('/api/v1/sites/x/devices/y/restart').reply(500, { detail: 'boom' });
		const mist = client();
		await expect(
			mist.request({ method: 'POST', path: '/sites/x/devices/y/restart' }),
		).rejects.toThrow('Mist had a server error (500): boom');
		expect(mist.stats.calls).toBe(1);
	});

	it('retries a GET after a connection reset', async () => {
		const server = await resettingServer(1, { email: 'ok@x.y' });
		try {
			const mist = clientFor(server.url);
			await expect(mist.request({ path: '/self' })).resolves.toEqual({ email: 'ok@x.y' });
			expect(mist.stats).toMatchObject({ calls: 2, retries: 1 });
			expect(server.requests()).toBe(2);
		} finally {
			await server.close();
		}
	});

	it('reports a persistent network failure without leaking the request headers', async () => {
		const server = await resettingServer(Infinity, {});
		try {
			const error = await caught(clientFor(server.url).request({ path: '/self' }));
			expect(error.message).toBe(
				'Could not get an answer from Mist at ' +
					new URL(server.url).host +
					': the connection was reset',
			);
			expect(server.requests()).toBe(4);
			expect(serialise(error)).not.toContain(LEAK_CANARY);
		} finally {
			await server.close();
		}
	});
});

describe('errors', () => {
	it('401 tells the user to check token and cloud, and never shows the token', async () => {
		nock(MIST_TEST_URL).get('/api/v1/self').reply(401, { detail: 'Invalid token.' });
		const error = await caught(client().request({ path: '/self' }));
		expect(error.message).toBe('Mist rejected the API token (401): Invalid token.');
		expect(error.description).toContain('Cloud matches the portal');
		expect(serialise(error)).not.toContain(LEAK_CANARY);
	});

	it('404 carries Mist detail and status', async () => {
		nock(MIST_TEST_URL).get(`/api/v1/sites/nope`).reply(404, { detail: 'site not found' });
		const error = await caught(client().request({ path: '/sites/nope' }));
		expect(error.message).toBe('Mist found nothing at this address (404): site not found');
		expect(error.httpCode).toBe('404');
	});

	it('reads a GET again when a 200 body was cut off, and names malformed JSON that stays malformed', async () => {
		nock(MIST_TEST_URL)
			.get('/api/v1/self')
			.reply(200, '{"email": "a@b', { 'Content-Type': 'application/json' })
			.get('/api/v1/self')
			.reply(200, { email: 'a@b.c' });
		const mist = client();
		await expect(mist.request({ path: '/self' })).resolves.toEqual({ email: 'a@b.c' });
		expect(mist.stats).toMatchObject({ calls: 2, retries: 1 });

		nock(MIST_TEST_URL)
			.get('/api/v1/self')
			.times(4)
			.reply(200, '{"email": "a@b', { 'Content-Type': 'application/json' });
		const error = await caught(client().request({ path: '/self' }));
		expect(error.message).toBe(
			'Mist answered /api/v1/self with malformed JSON (the same after 4 attempts)',
		);
		expect(nock.isDone()).toBe(true);
	});

	it('does not send a write again after a cut 200 body (it may have been done)', async () => {
		nock(MIST_TEST_URL)
			.post('/api/v1/sites/x/devices/d/restart')
			.reply(200, '{"ok": tr', { 'Content-Type': 'application/json' });
		const mist = client();
		const error = await caught(
			mist.request({ method: 'POST', path: '/sites/x/devices/d/restart' }),
		);
		expect(error.message).toBe(
			'Mist answered /api/v1/sites/x/devices/d/restart with malformed JSON',
		);
		expect(mist.stats.calls).toBe(1);
	});

	it("a 404 that is not in Mist's format says the address may be wrong, not the id", async () => {
		nock(MIST_TEST_URL)
			.get('/api/v1/sites/s1/stats/devices')
			.reply(404, '<html><body>Not Found</body></html>', { 'Content-Type': 'text/html' });
		const error = await caught(client().request({ path: '/sites/s1/stats/devices' }));
		expect(error.message).toBe('No Mist API answered at this address (404)');
		expect(error.description).toContain('check the Cloud (or the Custom URL');
		expect(error.description).not.toContain('org, site, device or client id');
	});

	it('a list endpoint answering an object is an error, not an empty result', async () => {
		nock(MIST_TEST_URL).get(sitesPath).query(true).reply(200, { detail: 'weird' });
		const error = await caught(
			client().getAllList({ path: `/orgs/${ORG_ID}/sites` }, { returnAll: true }),
		);
		expect(error.message).toBe(
			`Mist answered /orgs/${ORG_ID}/sites with an object where a list was expected`,
		);
	});
});

describe('shape validation', () => {
	it('names the failing path and lets unknown fields through', () => {
		const node = createExecuteContext({ params: {} }).getNode();
		const schema = z.object({
			results: z.array(z.object({ mac: z.string(), rssi: z.number() }).passthrough()),
		});
		const ok = parseMistShape(
			node,
			schema,
			{ results: [{ mac: 'a', rssi: -60, extra: 1 }] },
			'client stats',
		);
		expect(ok.results[0]).toEqual({ mac: 'a', rssi: -60, extra: 1 });
		expect(() =>
			parseMistShape(
				node,
				schema,
				{
					results: [
						{ mac: 'a', rssi: -60 },
						{ mac: 'b', rssi: 'low' },
					],
				},
				'client stats',
			),
		).toThrow(
			'Unexpected shape in Mist client stats at "results[1].rssi": Expected number, received string',
		);
	});
});
