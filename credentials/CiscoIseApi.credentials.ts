import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/**
 * HTTP Basic access to the Monitoring (MnT) REST API of Cisco ISE. The MnT API answers only on
 * the node with the Monitoring persona, so Host must be that node, not the PAN or a PSN.
 */
export class CiscoIseApi implements ICredentialType {
	name = 'ciscoIseApi';

	displayName = 'Cisco ISE API';

	icon: Icon = { light: 'file:../icons/ciscoIse.svg', dark: 'file:../icons/ciscoIse.dark.svg' };

	documentationUrl =
		'https://developer.cisco.com/docs/identity-services-engine/latest/using-change-of-authorization-rest-apis/';

	properties: INodeProperties[] = [
		{
			displayName: 'Host',
			name: 'host',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://ise-mnt.example.com',
			description:
				'The ISE node with the Monitoring (MnT) persona, as a host name or https URL; the port is optional (443 by default)',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description:
				'An ISE administrator allowed to use the MnT REST API (for example in the MnT Admin group)',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description:
				'Whether to connect even if the MnT node presents a self-signed or otherwise untrusted certificate. Use only on a trusted network.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.username}}',
				password: '={{$credentials.password}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{(/^https?:\\/\\//i.test($credentials.host.trim()) ? $credentials.host.trim() : "https://" + $credentials.host.trim()).replace(/\\/+$/, "").replace(/\\/admin\\/API\\/mnt$/i, "")}}',
			url: '/admin/API/mnt/Version',
			method: 'GET',
			headers: { Accept: 'application/xml' },
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'ISE rejected the username or password (401). Check them, and that the account is an ISE administrator allowed to use the MnT REST API.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'ISE accepted the login but this account may not use the MnT REST API (403). Give it an admin group with MnT access.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No MnT API at this address (404). Check the Host: it must be the ISE node with the Monitoring persona, without any path other than /admin/API/mnt.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 500,
					message:
						'ISE answered with a server error (500). A PAN or PSN answers MnT calls with "This host is not a MnT node" (cpm-code 34110): set Host to the Monitoring (MnT) node.',
				},
			},
		],
	};
}
