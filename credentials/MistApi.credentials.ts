import type {
	IAuthenticateGeneric,
	IAuthenticateRuleResponseSuccessBody,
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

/** What the credential test says for each kind of answer to GET /api/v1/self. */
export const MIST_CREDENTIAL_TEST_MESSAGES = {
	tokenRefused:
		'Mist refused the API token. Either the token is wrong or was revoked (Mist also deletes tokens unused for 90 days), ' +
		'or your org lives on another Mist cloud, and a token works only on the cloud that issued it: pick the Cloud ' +
		'whose address is your portal address with manage replaced by api (portal manage.eu.mist.com: EMEA 01, api.eu.mist.com).',
	rateLimited:
		'Mist knows this token, but it has used up its 5,000 API calls of this hour. ' +
		'The credential is right; the limit resets at the top of the hour.',
	notMist:
		'No Mist API answered at this address: GET /api/v1/self returned no Mist account. ' +
		'Check the Cloud, or the Custom URL: it must be the API address (api.….mist.com, a proxy to it, or the simulator), ' +
		'not the manage.… portal address. If the address is right, Mist may be failing: try again later.',
};

/**
 * The `detail` Mist sends when it refuses a token: the Django REST framework messages of its
 * OpenAPI spec (401, 403) and of token authentication. A status code cannot be matched here, see `test`.
 */
const MIST_REFUSAL_DETAILS = [
	'Authentication credentials were not provided.',
	'Incorrect authentication credentials.',
	'Invalid token.',
	'You do not have permission to perform this action.',
];

/** Mist's 429 detail (spec example HTTP429Example). */
const MIST_RATE_LIMIT_DETAIL =
	'Too Many Request. The API Token used for the request reached the 5000 API Calls per hour threshold';

/** Checked in order, first match wins; an answer that matches none is a Mist account (success). */
export const MIST_CREDENTIAL_TEST_RULES: IAuthenticateRuleResponseSuccessBody[] = [
	...MIST_REFUSAL_DETAILS.map((detail) => ({
		type: 'responseSuccessBody' as const,
		properties: {
			key: 'detail',
			value: detail,
			message: MIST_CREDENTIAL_TEST_MESSAGES.tokenRefused,
		},
	})),
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'detail',
			value: MIST_RATE_LIMIT_DETAIL,
			message: MIST_CREDENTIAL_TEST_MESSAGES.rateLimited,
		},
	},
	// Every /self answer lists the token's privileges (org and user tokens alike); anything else is not Mist.
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'privileges',
			value: undefined,
			message: MIST_CREDENTIAL_TEST_MESSAGES.notMist,
		},
	},
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
			description:
				'Base URL of the Mist API, without /api/v1 (the simulator, or a proxy in front of Mist)',
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

	/*
	 * Statuses are read from the body, not from responseCode rules: n8n 2.8 drops the HTTP error
	 * that those rules look at (its NodeApiError loses `cause`), so they never fire there and the
	 * user sees only "Authorization failed". With ignoreHttpStatusErrors every answer reaches the
	 * responseSuccessBody rules in all n8n versions; the first rule that matches gives the message.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{($credentials.cloud === "custom" ? $credentials.customUrl : $credentials.cloud).replace(/\\/+$/, "").replace(/\\/api\\/v1$/, "")}}',
			url: '/api/v1/self',
			method: 'GET',
			ignoreHttpStatusErrors: true,
		},
		rules: MIST_CREDENTIAL_TEST_RULES,
	};
}
