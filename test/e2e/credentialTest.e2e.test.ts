/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * The Mist API credential's "Test" button in a real n8n: n8n's own POST /rest/credentials/test
 * (what the editor calls) with a good token, a wrong token, an address that is not the Mist API
 * and a closed port. The stored credential only identifies what may be tested; each test sends
 * the data to try, as the editor does with unsaved changes.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { selectedVersions } from '../../scripts/e2e/config';
import { prepareN8n } from '../../scripts/e2e/n8n';
import type { N8nInstance, RunningN8n } from '../../scripts/e2e/n8n';
import { freePort } from '../../scripts/e2e/ports';
import { startSimulator } from '../../simulator/src/index';
import type { RunningSimulator, Scenario } from '../../simulator/src/index';
import { MIST_CREDENTIAL_TEST_MESSAGES } from '../../credentials/MistApi.credentials';
import {
	MIST_CREDENTIAL_ID,
	MIST_CREDENTIAL_NAME,
	mistCredential,
} from '../../scripts/e2e/mistSimulator';

const SCENARIO: Scenario = {
	name: 'e2e-credential-test',
	seed: 11,
	org: { name: 'E2E Credential Corp' },
	scale: { sites: 1, apsPerSite: 1, clientsPerSite: 1 },
	faults: [],
};

/**
 * What n8n itself answers when nothing listens: the tester returns the request error as is.
 * 2.8.4 says it in words (NodeApiError's message for ECONNREFUSED); 2.41.1 gives only the
 * error code (its tester returns `error.cause.code`). A declarative test cannot change either.
 */
const UNREACHABLE_MESSAGE: Record<string, string> = {
	'2.8.4': 'The service refused the connection - perhaps it is offline',
	'2.41.1': 'ECONNREFUSED',
};

interface TestResult {
	status: string;
	message: string;
}

/** A web server that is not Mist: 404 with an HTML page for every path. */
async function startHtmlServer(): Promise<{ url: string; close: () => Promise<void> }> {
	const server = http.createServer((_request, response) => {
		response.writeHead(404, { 'content-type': 'text/html' });
		response.end('<!doctype html><html><body><h1>404 Not Found</h1></body></html>');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

describe.each(selectedVersions().map((spec) => spec.version))(
	'Mist API credential test in n8n %s',
	(version) => {
		let sim: RunningSimulator;
		/** A second Mist with its own tokens: what a token meets on a cloud that did not issue it. */
		let otherCloud: RunningSimulator;
		let html: { url: string; close: () => Promise<void> };
		let n8n: N8nInstance;
		let running: RunningN8n;

		/** What the editor's Test button gets back for this credential data. */
		async function testCredential(data: Record<string, unknown>): Promise<TestResult> {
			const response = await fetch(`${running.url}/rest/credentials/test`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie: running.cookie },
				body: JSON.stringify({
					credentials: {
						id: MIST_CREDENTIAL_ID,
						name: MIST_CREDENTIAL_NAME,
						type: 'mistApi',
						data,
					},
				}),
			});
			expect(response.status).toBe(200);
			return ((await response.json()) as { data: TestResult }).data;
		}

		const simulatorData = (overrides: Record<string, unknown> = {}) => ({
			...mistCredential(sim).data,
			...overrides,
		});

		beforeAll(async () => {
			sim = await startSimulator({ port: 0, scenario: SCENARIO });
			otherCloud = await startSimulator({
				port: 0,
				scenario: SCENARIO,
				token: 'token-of-the-other-cloud',
			});
			html = await startHtmlServer();
			n8n = await prepareN8n({ version, label: 'credential-test' });
			await n8n.importCredentials([mistCredential(sim)]);
			running = await n8n.start();
		});

		afterAll(async () => {
			await n8n?.dispose();
			await html?.close();
			await otherCloud?.close();
			await sim?.close();
		});

		it('succeeds with the right token', async () => {
			expect(await testCredential(simulatorData())).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
		});

		it('succeeds when the custom URL ends in /api/v1/, as the nodes accept it', async () => {
			const result = await testCredential(simulatorData({ customUrl: `${sim.url}/api/v1/` }));
			expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		});

		it('says the token was refused, or belongs to another cloud, when Mist answers 401', async () => {
			const result = await testCredential(
				simulatorData({ apiToken: 'revoked-or-from-another-cloud' }),
			);
			expect(result).toEqual({
				status: 'Error',
				message: MIST_CREDENTIAL_TEST_MESSAGES.tokenRefused,
			});
		});

		it('says the same when the token is right but the org lives on another cloud', async () => {
			const result = await testCredential(simulatorData({ customUrl: otherCloud.url }));
			expect(result).toEqual({
				status: 'Error',
				message: MIST_CREDENTIAL_TEST_MESSAGES.tokenRefused,
			});
		});

		it('says the token is right but out of calls for this hour when Mist answers 429', async () => {
			sim.injectFault({ kind: '429', pathPattern: '^/api/v1/self$', count: 1 });
			const result = await testCredential(simulatorData());
			expect(result).toEqual({
				status: 'Error',
				message: MIST_CREDENTIAL_TEST_MESSAGES.rateLimited,
			});
		});

		it('says the address is not the Mist API when a web server answers 404 with HTML', async () => {
			const result = await testCredential(simulatorData({ customUrl: html.url }));
			expect(result).toEqual({ status: 'Error', message: MIST_CREDENTIAL_TEST_MESSAGES.notMist });
		});

		it('says the address is not the Mist API when a JSON server knows no /api/v1/self', async () => {
			// n8n's own REST API: JSON, but a 404 for this path.
			const result = await testCredential(simulatorData({ customUrl: running.url }));
			expect(result).toEqual({ status: 'Error', message: MIST_CREDENTIAL_TEST_MESSAGES.notMist });
		});

		it("passes on n8n's own words when nothing listens at the address", async () => {
			const closedPort = await freePort();
			const result = await testCredential(
				simulatorData({ customUrl: `http://127.0.0.1:${closedPort}` }),
			);
			expect(result).toEqual({ status: 'Error', message: UNREACHABLE_MESSAGE[version] });
		});
	},
);
