import get from 'lodash/get';

import { MIST_CREDENTIAL_TEST_MESSAGES, MistApi } from '../../credentials/MistApi.credentials';

/**
 * What n8n's credential tester does with the body of the answer (n8n 2.8 and 2.41 alike): the first
 * responseSuccessBody rule whose key holds exactly its value gives the error; no match is success.
 */
function verdict(body: unknown): string {
	for (const rule of new MistApi().test.rules ?? []) {
		if (
			rule.type === 'responseSuccessBody' &&
			get(body, rule.properties.key) === rule.properties.value
		) {
			return rule.properties.message;
		}
	}
	return 'success';
}

const { tokenRefused, rateLimited, notMist } = MIST_CREDENTIAL_TEST_MESSAGES;

describe('Mist API credential test', () => {
	it('reads every answer from its body, since n8n 2.8 never applies status-code rules', () => {
		const { request, rules } = new MistApi().test;
		expect(request).toMatchObject({
			url: '/api/v1/self',
			method: 'GET',
			ignoreHttpStatusErrors: true,
		});
		expect(rules?.every((rule) => rule.type === 'responseSuccessBody')).toBe(true);
	});

	it.each([
		[
			'a user token',
			{ email: 'admin@example.com', privileges: [{ scope: 'org', org_id: 'o1', role: 'admin' }] },
		],
		['an org token', { name: 'n8n', privileges: [{ scope: 'org', org_id: 'o1', role: 'read' }] }],
		['a user without orgs yet', { email: 'new@example.com', privileges: [] }],
	])('accepts the /self answer for %s', (_label, body) => {
		expect(verdict(body)).toBe('success');
	});

	it.each([
		'Authentication credentials were not provided.',
		'Incorrect authentication credentials.',
		'Invalid token.',
		'You do not have permission to perform this action.',
	])('says the token was refused or belongs to another cloud for Mist\'s "%s"', (detail) => {
		expect(verdict({ detail })).toBe(tokenRefused);
	});

	it('names both causes of a refusal and how to find the right cloud', () => {
		expect(tokenRefused).toMatch(/wrong or was revoked/);
		expect(tokenRefused).toMatch(/another Mist cloud/);
		expect(tokenRefused).toMatch(/portal address with manage replaced by api/);
	});

	it("says the token is right but out of calls for Mist's 429 answer", () => {
		const detail =
			'Too Many Request. The API Token used for the request reached the 5000 API Calls per hour threshold';
		expect(verdict({ detail })).toBe(rateLimited);
	});

	it.each([
		['an HTML page', '<!doctype html><html><body>Not Found</body></html>'],
		['an empty body', ''],
		['a JSON 404 of another API', { detail: 'Not found.' }],
		['a JSON answer of another shape', { code: 404, message: 'not found' }],
		['JSON null', null],
	])('says no Mist API answered for %s', (_label, body) => {
		expect(verdict(body)).toBe(notMist);
	});
});
