import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The secret of a Mist webhook that you registered yourself (the trigger's "Use Existing
 * Webhook"). Kept here, encrypted by n8n, rather than in a node parameter: workflow parameters
 * are copied into every execution, so anyone who can read executions could sign deliveries.
 */
export class MistWebhookSecretApi implements ICredentialType {
	name = 'mistWebhookSecretApi';

	displayName = 'Mist Webhook Secret API';

	icon: Icon = { light: 'file:../icons/mist.svg', dark: 'file:../icons/mist.dark.svg' };

	documentationUrl =
		'https://www.juniper.net/documentation/us/en/software/mist/automation-integration/topics/concept/webhooks.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The secret you gave the http-post webhook in Mist (Organization → Settings → Webhooks, or the site’s settings). The trigger checks X-Mist-Signature-v2 against it.',
		},
	];
}
