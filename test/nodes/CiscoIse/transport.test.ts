import nock from 'nock';
import { NodeApiError, sleep } from 'n8n-workflow';
import type { IHttpRequestOptions, INode, JsonObject } from 'n8n-workflow';

import { normaliseIseBaseUrl } from '../../../nodes/CiscoIse/transport/baseUrl';
import { serialise } from '../../helpers/executeContext';
import {
	ACTIVE_COUNT_XML,
	BASIC_HEADER,
	ISE_URL,
	MNT,
	NOT_MNT_XML,
	ISE_LEAK_CANARY,
	SESSION_XML,
	XML_HEADERS,
	iseContext,
	iseCredentials,
	restResultXml,
	runIse,
	runIseError,
} from './fixtures';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

/**
 * Network failures as n8n hands them over: an axios-style error wrapped in NodeApiError.
 * (nock's replyWithError leaves stray socket errors behind that fail unrelated tests.)
 */
function networkFailure(message: string, code: string) {
	const node = {
		name: 'Cisco ISE',
		type: 'n8n-nodes-juniper-mist.ciscoIse',
		typeVersion: 1,
		parameters: {},
		position: [0, 0],
	} as INode;
	return new NodeApiError(
		node,
		Object.assign(new Error(message), { code }) as unknown as JsonObject,
	);
}

function rejectOnce(ctx: ReturnType<typeof iseContext>, error: Error) {
	ctx.helpers.httpRequestWithAuthentication.mockRejectedValueOnce(error);
}

const countParams = { resource: 'session', operation: 'getActiveCount' };
const MAC = '00:0C:29:46:F3:B8';

function expectNoSecret(value: unknown) {
	const text = serialise(value);
	expect(text).not.toContain(ISE_LEAK_CANARY);
	expect(text).not.toContain(BASIC_HEADER.slice(6));
}

describe('Cisco ISE › transport and errors', () => {
	beforeEach(() => {
		nock.disableNetConnect();
		jest.mocked(sleep).mockClear();
	});
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('explains a 401 without leaking the password', async () => {
		nock(ISE_URL)
			.get(`${MNT}/Session/ActiveCount`)
			.reply(401, '<html><body>HTTP Status 401 - Unauthorized</body></html>', {
				'Content-Type': 'text/html',
			});
		const error = await runIseError(iseContext({ params: countParams }));
		expect(error.message).toBe('ISE rejected the username or password (401)');
		expect(error.description).toContain('Cisco ISE API credential');
		expect(error.description).toContain('Request: GET /admin/API/mnt/Session/ActiveCount');
		expect(error.httpCode).toBe('401');
		expect(sleep).not.toHaveBeenCalled();
		expectNoSecret(error);
	});

	it('retries a GET after a 500 and then succeeds', async () => {
		const scope = nock(ISE_URL)
			.get(`${MNT}/Session/ActiveCount`)
			.reply(500, restResultXml(500, 'Temporary failure'), XML_HEADERS)
			.get(`${MNT}/Session/ActiveCount`)
			.reply(200, ACTIVE_COUNT_XML, XML_HEADERS);
		const out = await runIse(iseContext({ params: countParams }));
		expect(scope.isDone()).toBe(true);
		expect(out[0].json).toEqual({ activeSessions: 1234 });
		expect(sleep).toHaveBeenCalledTimes(1);
	});

	it('gives up after 3 attempts on repeated 5xx, quoting ISE', async () => {
		const scope = nock(ISE_URL)
			.get(`${MNT}/Session/ActiveCount`)
			.times(3)
			.reply(503, restResultXml(503, 'MnT is busy'), XML_HEADERS);
		const error = await runIseError(iseContext({ params: countParams }));
		expect(scope.isDone()).toBe(true);
		expect(error.message).toBe('ISE had a server error (503): MnT is busy');
		expect(error.description).toContain('Gave up after 3 attempts.');
		expect(sleep).toHaveBeenCalledTimes(2);
	});

	it('retries a connection reset, then reports it without the request options', async () => {
		const ctx = iseContext({ params: countParams });
		for (let attempt = 0; attempt < 3; attempt++)
			rejectOnce(ctx, networkFailure('socket hang up', 'ECONNRESET'));
		const error = await runIseError(ctx);
		expect(ctx.helpers.httpRequestWithAuthentication).toHaveBeenCalledTimes(3);
		expect(error.message).toBe(
			'Could not get an answer from ISE at ise-mnt.example.test: the connection was reset',
		);
		expectNoSecret(error);
	});

	it('recovers from one connection reset', async () => {
		nock(ISE_URL).get(`${MNT}/Session/ActiveCount`).reply(200, ACTIVE_COUNT_XML, XML_HEADERS);
		const ctx = iseContext({ params: countParams });
		rejectOnce(ctx, networkFailure('socket hang up', 'ECONNRESET'));
		const out = await runIse(ctx);
		expect(out[0].json).toEqual({ activeSessions: 1234 });
	});

	it('names a certificate problem and points at Ignore SSL Issues, without retrying', async () => {
		const ctx = iseContext({ params: countParams });
		rejectOnce(ctx, networkFailure('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT'));
		const error = await runIseError(ctx);
		expect(ctx.helpers.httpRequestWithAuthentication).toHaveBeenCalledTimes(1);
		expect(error.message).toBe(
			'Could not get an answer from ISE at ise-mnt.example.test: its TLS certificate is not trusted',
		);
		expect(error.description).toContain('Ignore SSL Issues');
		expect(sleep).not.toHaveBeenCalled();
	});

	it.each<[string, number]>([
		['a 500', 500],
		['a 200', 200],
	])('explains the non-MnT node answer (cpm-code 34110) sent with %s', async (_label, status) => {
		const scope = nock(ISE_URL)
			.get(`${MNT}/Session/MACAddress/${MAC}`)
			.once()
			.reply(status, NOT_MNT_XML, XML_HEADERS);
		const error = await runIseError(
			iseContext({ params: { resource: 'session', operation: 'getByMac', mac: MAC } }),
		);
		expect(scope.isDone()).toBe(true);
		expect(sleep).not.toHaveBeenCalled();
		expect(error.message).toBe('This ISE node is not a Monitoring (MnT) node (cpm-code 34110)');
		expect(error.description).toContain('Monitoring persona');
	});

	it('does not treat a 404 from a non-MnT node as "no session"', async () => {
		nock(ISE_URL).get(`${MNT}/Session/MACAddress/${MAC}`).reply(404, NOT_MNT_XML, XML_HEADERS);
		const error = await runIseError(
			iseContext({ params: { resource: 'session', operation: 'getByMac', mac: MAC } }),
		);
		expect(error.message).toBe('This ISE node is not a Monitoring (MnT) node (cpm-code 34110)');
	});

	it('reports an HTML page answered with 200 (login page or proxy)', async () => {
		nock(ISE_URL)
			.get(`${MNT}/Session/ActiveCount`)
			.reply(200, '<!DOCTYPE html><html><body>Login</body></html>', {
				'Content-Type': 'text/html',
			});
		const error = await runIseError(iseContext({ params: countParams }));
		expect(error.message).toBe(
			'ISE answered /admin/API/mnt/Session/ActiveCount with an HTML page instead of MnT XML',
		);
	});

	it('reports malformed XML with its position', async () => {
		nock(ISE_URL)
			.get(`${MNT}/Session/ActiveCount`)
			.reply(200, '<sessionCount><count>3</sessionCount>', XML_HEADERS);
		const error = await runIseError(iseContext({ params: countParams }));
		expect(error.message).toBe(
			'ISE answered /admin/API/mnt/Session/ActiveCount with malformed XML: Mismatched closing tag </sessionCount>: expected </count> (opened at line 1, column 15) at line 1, column 23',
		);
	});

	it('sends skipSslCertificateValidation only when Ignore SSL Issues is on, and uses the normalised host', async () => {
		nock('https://ise-mnt.example.test:8443')
			.get(`${MNT}/Session/ActiveCount`)
			.reply(200, ACTIVE_COUNT_XML, XML_HEADERS);
		const ctx = iseContext({
			params: countParams,
			credentials: {
				...iseCredentials,
				host: 'https://ise-mnt.example.test:8443/admin/API/mnt/',
				ignoreSslIssues: true,
			},
		});
		await runIse(ctx);
		const [credentialType, options] = ctx.helpers.httpRequestWithAuthentication.mock.calls[0] as [
			string,
			IHttpRequestOptions,
		];
		expect(credentialType).toBe('ciscoIseApi');
		expect(options).toMatchObject({
			method: 'GET',
			url: 'https://ise-mnt.example.test:8443/admin/API/mnt/Session/ActiveCount',
			skipSslCertificateValidation: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			encoding: 'text',
		});
		expect(serialise(options)).not.toContain(ISE_LEAK_CANARY);
	});

	it('does not skip certificate validation by default', async () => {
		nock(ISE_URL).get(`${MNT}/Session/ActiveCount`).reply(200, ACTIVE_COUNT_XML, XML_HEADERS);
		const ctx = iseContext({ params: countParams });
		await runIse(ctx);
		const options = ctx.helpers.httpRequestWithAuthentication.mock
			.calls[0][1] as IHttpRequestOptions;
		expect(options.skipSslCertificateValidation).toBe(false);
	});

	it.each<[string, string | undefined]>([
		['ise-mnt.example.com', 'https://ise-mnt.example.com'],
		['  ise-mnt.example.com:8443  ', 'https://ise-mnt.example.com:8443'],
		['https://ise-mnt.example.com/', 'https://ise-mnt.example.com'],
		['https://ise-mnt.example.com:443/admin/API/mnt', 'https://ise-mnt.example.com'],
		['http://127.0.0.1:8091/admin/API/mnt/', 'http://127.0.0.1:8091'],
		['HTTPS://ISE.example.com', 'https://ise.example.com'],
		['', undefined],
		['https://ise.example.com/other', undefined],
		['https://admin:pw@ise.example.com', undefined],
		['https://ise.example.com/?x=1', undefined],
		['not a host name', undefined],
	])('normalises the host %p to %p', (host, expected) => {
		expect(normaliseIseBaseUrl(host)).toBe(expected);
	});

	it('names the credential field when the host is invalid', async () => {
		const error = await runIseError(
			iseContext({
				params: countParams,
				credentials: { ...iseCredentials, host: 'https://ise.example.com/ers/config' },
			}),
		);
		expect(error.message).toBe(
			'Invalid Host in the Cisco ISE API credential: "https://ise.example.com/ers/config" is not a host name or https URL',
		);
	});

	it('does not repeat a password typed into the host', async () => {
		const error = await runIseError(
			iseContext({
				params: countParams,
				credentials: {
					...iseCredentials,
					host: `https://admin:${ISE_LEAK_CANARY}@ise.example.com`,
				},
			}),
		);
		expect(error.message).toBe(
			'Invalid Host in the Cisco ISE API credential: "https://***@ise.example.com" is not a host name or https URL',
		);
		expectNoSecret(error);
	});

	describe('item by item', () => {
		const macs = ['00:0C:29:46:F3:B8', 'bad-mac', '00:0C:29:46:F3:B9'];
		const params = (itemIndex: number) => ({
			resource: 'session',
			operation: 'getByMac',
			mac: macs[itemIndex],
		});

		it('keeps failures with their item under Continue On Fail, with pairedItem', async () => {
			nock(ISE_URL)
				.get(`${MNT}/Session/MACAddress/00:0C:29:46:F3:B8`)
				.reply(200, SESSION_XML, XML_HEADERS)
				.get(`${MNT}/Session/MACAddress/00:0C:29:46:F3:B9`)
				.reply(401, '', {});
			const out = await runIse(
				iseContext({
					params,
					items: [{ json: {} }, { json: {} }, { json: {} }],
					continueOnFail: true,
				}),
			);
			expect(out).toHaveLength(3);
			expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(out[0].json).toMatchObject({ found: true, mac: '00:0C:29:46:F3:B8' });
			expect(out[1].json).toEqual({
				error: 'Invalid MAC Address: "bad-mac" is not a MAC address',
				description: expect.stringContaining('12 hex digits'),
			});
			expect(out[2].json).toMatchObject({ error: 'ISE rejected the username or password (401)' });
			expectNoSecret(out);
		});

		it('stops at the first failing item without Continue On Fail, naming the item', async () => {
			nock(ISE_URL)
				.get(`${MNT}/Session/MACAddress/00:0C:29:46:F3:B8`)
				.reply(200, SESSION_XML, XML_HEADERS);
			const error = await runIseError(
				iseContext({ params, items: [{ json: {} }, { json: {} }, { json: {} }] }),
			);
			expect(error.message).toBe('Invalid MAC Address: "bad-mac" is not a MAC address');
			expect((error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(1);
		});
	});
});
