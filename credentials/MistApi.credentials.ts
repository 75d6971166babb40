import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/** Every public Mist API cloud; the value is the base URL the nodes call. */
export const MIST_CLOUDS = [
	{ name: 'APAC 01 (api.ac5.mist.com)', value: 'https://api.ac5.mist.com' },
	{ name: 'APAC 02 (api.gc5.mist.com)', value: 'https://api.gc5.mist.com' },
	{ name: 'APAC 03 (api.gc7.mist.com)', value: 'https://api.gc7.mist.com' },
	{ name: 'Custom URL (Simulator or Proxy)', value: 'custom' },
	{ name: 'EMEA 01 (api.eu.mist.com)', value: 'https://api.eu.mist.com' },
	{ name: 'EMEA 02 (api.gc3.mist.com)', value: 'https://api.gc3.mist.com' },
	{ name: 'EMEA 03 (api.ac6.mist.com)', value: 'https://api.ac6.mist.com' },
	{ name: 'EMEA 04 (api.gc6.mist.com)', value: 'https://api.gc6.mist.com' },
	{ name: 'Global 01 (api.mist.com)', value: 'https://api.mist.com' },
	{ name: 'Global 02 (api.gc1.mist.com)', value: 'https://api.gc1.mist.com' },
	{ name: 'Global 03 (api.ac2.mist.com)', value: 'https://api.ac2.mist.com' },
	{ name: 'Global 04 (api.gc2.mist.com)', value: 'https://api.gc2.mist.com' },
	{ name: 'Global 05 (api.gc4.mist.com)', value: 'https://api.gc4.mist.com' },
	{ name: 'US GovCloud (api.us.mist-federal.com)', value: 'https://api.us.mist-federal.com' },
];

export class MistApi implements ICredentialType {
	name = 'mistApi';

	displayName = 'Mist API';

	icon: Icon = { light: 'file:../icons/mist.svg', dark: 'file:../icons/mist.dark.svg' };

	documentationUrl =
		'https://www.juniper.net/documentation/us/en/software/mist/automation-integration/topics/task/create-token-for-rest-api.html';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'An org or user API token. Create one in the Mist portal under Organization → Settings → API Token, or My Account → API Token.',
		},
		{
			displayName: 'Cloud',
			name: 'cloud',
			type: 'options',
			options: MIST_CLOUDS,
			default: 'https://api.mist.com',
			description:
				'The Mist cloud that hosts your org. The portal URL tells you which: manage.mist.com is Global 01, manage.eu.mist.com is EMEA 01, and so on.',
		},
		{
			displayName: 'Custom URL',
			name: 'customUrl',
			type: 'string',
			default: 'http://127.0.0.1:8090',
			placeholder: 'http://127.0.0.1:8090',
			description: 'Base URL of the Mist API, without /api/v1 (the simulator, or a proxy in front of Mist)',
			displayOptions: { show: { cloud: ['custom'] } },
		},
		{
			displayName: 'Default Org ID',
			name: 'orgId',
			type: 'string',
			default: '',
			placeholder: '6748cfa6-4e12-11e6-9188-0242ac110007',
			description: 'Org used when a node leaves the organization empty. Optional.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Token {{$credentials.apiToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.cloud === "custom" ? $credentials.customUrl.replace(/\\/+$/, "") : $credentials.cloud}}',
			url: '/api/v1/self',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Mist refused the token (401). Check the API token, and that the cloud matches the portal your org lives on.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No Mist API at this address (404). Check the cloud or the custom URL.',
				},
			},
		],
	};
}
