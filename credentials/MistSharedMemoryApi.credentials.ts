import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/**
 * An API key of this n8n instance, so that the Mist nodes can keep their memory (incidents,
 * remediation claims and audit, report history, webhook dedup) in n8n's Data Tables: one store
 * for every workflow, every worker and the webhook processor, in n8n's own database. n8n lets only
 * its own nodes use Data Tables directly, so the Mist nodes go through n8n's public API.
 */
export class MistSharedMemoryApi implements ICredentialType {
	name = 'mistSharedMemoryApi';

	displayName = 'Mist Shared Memory API';

	icon: Icon = { light: 'file:../icons/mist.svg', dark: 'file:../icons/mist.dark.svg' };

	documentationUrl = 'https://docs.n8n.io/api/authentication/';

	properties: INodeProperties[] = [
		{
			displayName: 'n8n URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://localhost:5678',
			required: true,
			description:
				'How this n8n reaches its own main instance (also from workers in queue mode), without /api/v1',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'An n8n API key (Settings → n8n API) of a user who may create and edit Data Tables in the project the Mist workflows live in',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-N8N-API-KEY': '={{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}/api/v1',
			url: '/data-tables',
			qs: { limit: 1 },
		},
	};
}
