import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The routing (integration) key of a PagerDuty Events API v2 integration, for Mist Alert's Tier 3
 * pages. Named apart from n8n's own `pagerDutyApi` (a REST API token, another thing). The key goes
 * into `routing_key` of the Tier 3 PagerDuty bodies only; PagerDuty has no read-only call to check
 * it without opening an incident, so Mist Alert tests its shape only (`testedBy`).
 */
export class MistPagerDutyEventsApi implements ICredentialType {
	name = 'mistPagerDutyEventsApi';

	displayName = 'PagerDuty Events API';

	icon: Icon = {
		light: 'file:../icons/pagerDutyEvents.svg',
		dark: 'file:../icons/pagerDutyEvents.dark.svg',
	};

	documentationUrl = 'https://developer.pagerduty.com/docs/events-api-v2/overview/';

	properties: INodeProperties[] = [
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password -- whoever holds the key can page the on-call
		{
			displayName: 'Routing Key',
			name: 'routingKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The Integration Key of an Events API v2 integration on your PagerDuty service (Service → Integrations), 32 characters',
		},
	];
}
