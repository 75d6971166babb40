import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orgLocator, siteLocator } from '../../../shared/descriptions/locators';
import type { MistClient } from '../../../shared/transport/MistClient';
import { requireUuid } from '../../../shared/params/identifiers';
import { resolveOrgId, resolveSiteId } from '../../../shared/params/scope';
import { requireOneOf } from '../../../shared/params/readers';
import { webhookCollectionPath } from '../../../shared/webhooks';

export const webhookScopeProperties: INodeProperties[] = [
	{
		displayName: 'Scope',
		name: 'webhookScope',
		type: 'options',
		options: [
			{
				name: 'Organization',
				value: 'org',
				description: 'Webhooks of the whole org (org-level topics only)',
			},
			{ name: 'Site', value: 'site', description: 'Webhooks of one site' },
		],
		default: 'org',
		description: 'Whether the webhook belongs to the org or to one site',
	},
	{
		...orgLocator,
		description:
			'The Mist org. Leave empty to use the default org ID of the credential. For site webhooks it only fills the Site picker.',
	},
	{ ...siteLocator, displayOptions: { show: { webhookScope: ['site'] } } },
];

export const webhookIdProperty: INodeProperties = {
	displayName: 'Webhook ID',
	name: 'webhookId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'b069b358-4c97-5319-1f8c-7c5ca64d6ab1',
	description: 'ID of the webhook, as returned by Get Many or Create',
};

/** `/orgs/{org}/webhooks` or `/sites/{site}/webhooks`. */
export async function webhooksPath(
	ctx: IExecuteFunctions,
	client: MistClient,
	itemIndex: number,
): Promise<string> {
	const scope = requireOneOf(
		ctx,
		ctx.getNodeParameter('webhookScope', itemIndex, 'org'),
		['org', 'site'],
		'Scope',
		itemIndex,
	);
	if (scope === 'site') return webhookCollectionPath('site', resolveSiteId(ctx, itemIndex));
	return webhookCollectionPath('org', await resolveOrgId(ctx, client, itemIndex));
}

export function readWebhookId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireUuid(
		ctx.getNode(),
		ctx.getNodeParameter('webhookId', itemIndex, ''),
		'Webhook ID',
		itemIndex,
	);
}
