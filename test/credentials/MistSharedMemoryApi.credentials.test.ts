import { MistSharedMemoryApi } from '../../credentials/MistSharedMemoryApi.credentials';

describe('Mist Shared Memory API credential', () => {
	const credential = new MistSharedMemoryApi();

	it('holds the n8n URL and a password API key, sent as X-N8N-API-KEY', () => {
		expect(credential.name).toBe('mistSharedMemoryApi');
		expect(credential.properties.map((property) => [property.name, property.typeOptions])).toEqual([
			['baseUrl', undefined],
			['apiKey', { password: true }],
		]);
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { 'X-N8N-API-KEY': '={{$credentials.apiKey}}' } },
		});
	});

	it('is tested against the Data Table API the memory uses, with a trailing slash removed', () => {
		const { baseURL, url } = credential.test.request;
		const [, expression, rest] = /^=\{\{(.*)\}\}(.*)$/.exec(String(baseURL)) ?? [];
		const evaluate = new Function('$credentials', `return ${expression}`) as (
			credentials: object,
		) => string;
		expect(url).toBe('/data-tables');
		expect(evaluate({ baseUrl: 'http://n8n.local:5678//' }) + rest).toBe(
			'http://n8n.local:5678/api/v1',
		);
	});
});
