import axios from 'axios';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { CiscoIseApi } from '../../../credentials/CiscoIseApi.credentials';
import { CiscoIse } from '../../../nodes/CiscoIse/CiscoIse.node';
import { startIseSimulator } from '../../../simulator/src/ise';
import type { RunningIseSimulator } from '../../../simulator/src/ise';

const credential = new CiscoIseApi();

/** Evaluates a `={{ … }}` credential expression the way n8n would for these simple cases. */
function evaluate(expression: unknown, credentials: ICredentialDataDecryptedObject): unknown {
	const text = String(expression);
	if (!text.startsWith('={{') || !text.endsWith('}}')) return text;
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions
	return new Function('$credentials', `return (${text.slice(3, -2)});`)(credentials);
}

describe('Cisco ISE › credential', () => {
	it('is named ciscoIseApi with the host, username, password and SSL fields', () => {
		expect(credential.name).toBe('ciscoIseApi');
		expect(credential.displayName).toBe('Cisco ISE API');
		expect(credential.properties.map((property) => property.name)).toEqual([
			'host',
			'username',
			'password',
			'ignoreSslIssues',
		]);
		expect(
			credential.properties.find((property) => property.name === 'password')?.typeOptions,
		).toEqual({ password: true });
		expect(
			credential.properties.find((property) => property.name === 'ignoreSslIssues'),
		).toMatchObject({ type: 'boolean', default: false });
	});

	it('authenticates with HTTP Basic from the username and password', () => {
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: {
				auth: { username: '={{$credentials.username}}', password: '={{$credentials.password}}' },
			},
		});
	});

	it('is the credential of the Cisco ISE node and has the icon of the node', () => {
		expect(new CiscoIse().description.credentials).toEqual([
			{ name: 'ciscoIseApi', required: true },
		]);
		expect(credential.icon).toEqual({
			light: 'file:../icons/ciscoIse.svg',
			dark: 'file:../icons/ciscoIse.dark.svg',
		});
	});

	it('tests the credential with GET /admin/API/mnt/Version and explains 401, 403, 404 and 500', () => {
		expect(credential.test.request).toMatchObject({ url: '/admin/API/mnt/Version', method: 'GET' });
		const rules = (credential.test.rules ?? []).map(
			(rule) => rule.properties as { value: number; message: string },
		);
		expect(rules.map((rule) => rule.value)).toEqual([401, 403, 404, 500]);
		expect(rules[0].message).toContain('username or password');
		expect(rules[3].message).toContain('This host is not a MnT node');
		expect(rules[3].message).toContain('34110');
	});

	it.each<[string, string]>([
		['ise-mnt.example.com', 'https://ise-mnt.example.com'],
		[' ise-mnt.example.com:8443 ', 'https://ise-mnt.example.com:8443'],
		['https://ise-mnt.example.com/', 'https://ise-mnt.example.com'],
		['https://ise-mnt.example.com/admin/API/mnt/', 'https://ise-mnt.example.com'],
		['http://127.0.0.1:9000/admin/API/mnt', 'http://127.0.0.1:9000'],
	])('builds the test base URL from the host %p', (host, expected) => {
		expect(evaluate(credential.test.request.baseURL, { host })).toBe(expected);
	});

	it('maps Ignore SSL Issues to skipSslCertificateValidation in the test request', () => {
		expect(
			evaluate(credential.test.request.skipSslCertificateValidation, {
				host: 'x',
				ignoreSslIssues: true,
			}),
		).toBe(true);
		expect(
			evaluate(credential.test.request.skipSslCertificateValidation, {
				host: 'x',
				ignoreSslIssues: false,
			}),
		).toBe(false);
	});

	describe('against the ISE simulator', () => {
		let sim: RunningIseSimulator;
		beforeAll(async () => {
			sim = await startIseSimulator({ username: 'api-user', password: 'sim-pass-123' });
		});
		afterAll(async () => await sim.close());

		async function runTest(password: string) {
			const credentials = { host: sim.url, username: 'api-user', password, ignoreSslIssues: false };
			const request = credential.test.request as IHttpRequestOptions;
			const response = await axios.request({
				baseURL: String(evaluate(request.baseURL, credentials)),
				url: request.url,
				method: 'GET',
				auth: { username: credentials.username, password: credentials.password },
				validateStatus: () => true,
				responseType: 'text',
			});
			const rule = (credential.test.rules ?? []).find(
				(candidate) => (candidate.properties as { value: number }).value === response.status,
			);
			return {
				status: response.status,
				body: String(response.data),
				message: (rule?.properties as { message?: string } | undefined)?.message,
			};
		}

		it('passes with the right password (the Version document comes back)', async () => {
			const result = await runTest('sim-pass-123');
			expect(result.status).toBe(200);
			expect(result.body).toContain('<type_of_node>1</type_of_node>');
			expect(result.message).toBeUndefined();
		});

		it('fails with the 401 message for a wrong password', async () => {
			const result = await runTest('wrong');
			expect(result.status).toBe(401);
			expect(result.message).toContain('ISE rejected the username or password (401)');
		});
	});
});
