import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { MistClient } from '../transport/MistClient';
import { requireUuid } from './identifiers';

/** The org of the item: the node's Organization, else the credential's default org id. */
export async function resolveOrgId(ctx: IExecuteFunctions, client: MistClient, itemIndex: number): Promise<string> {
	const chosen = String(ctx.getNodeParameter('org', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (chosen) return requireUuid(ctx.getNode(), chosen, 'Organization', itemIndex);
	const fallback = await client.getCredentialOrgId();
	if (fallback) return requireUuid(ctx.getNode(), fallback, 'Default Org ID of the credential', itemIndex);
	throw new NodeOperationError(ctx.getNode(), 'Invalid Organization: it is empty and the credential has no default org ID', {
		description: 'Pick an organization in the node, or set Default Org ID in the Mist API credential.',
		itemIndex,
	});
}

export async function resolveOrgIdForLoadOptions(ctx: ILoadOptionsFunctions, client: MistClient): Promise<string> {
	const chosen = String(ctx.getCurrentNodeParameter('org', { extractValue: true }) ?? '').trim();
	const orgId = chosen || (await client.getCredentialOrgId());
	if (!orgId) {
		throw new NodeOperationError(ctx.getNode(), 'Choose an organization first', {
			description: 'Pick an organization, or set Default Org ID in the Mist API credential.',
		});
	}
	return requireUuid(ctx.getNode(), orgId, 'Organization');
}

export function resolveSiteId(ctx: IExecuteFunctions, itemIndex: number, name = 'site'): string {
	const value = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true });
	return requireUuid(ctx.getNode(), value, 'Site', itemIndex);
}

export function resolveDeviceId(ctx: IExecuteFunctions, itemIndex: number, name = 'device'): string {
	const value = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true });
	return requireUuid(ctx.getNode(), value, 'Device', itemIndex);
}
