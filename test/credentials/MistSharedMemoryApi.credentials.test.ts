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

	it('is tested against the Data Table API the memory uses, with trailing slashes of the URL removed', () => {
		const { baseURL, url } = credential.test.request;
		expect(url).toBe('/data-tables');
		expect(baseURL).toBe('={{$credentials.baseUrl.replace(/\\/+$/, "")}}/api/v1');
		// The same pattern, applied as n8n's expression would.
		expect('http://n8n.local:5678//'.replace(/\/+$/, '') + '/api/v1').toBe(
			'http://n8n.local:5678/api/v1',
		);
	});
});
