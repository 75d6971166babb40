import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, IHookFunctions, ILoadOptionsFunctions, INode } from 'n8n-workflow';

import type { MistClient } from '../transport/MistClient';
import { requireUuid } from './identifiers';

export type SearchScope = 'org' | 'site';

/**
 * The org to work on: the node's Organization, else the credential's default org id. One rule for
 * every context (an item of an execution, a trigger's webhook hooks, a list search), so the
 * errors read the same everywhere.
 */
export async function orgIdFrom(
	node: INode,
	chosenValue: unknown,
	client: MistClient,
	itemIndex?: number,
): Promise<string> {
	const chosen = String(chosenValue ?? '').trim();
	if (chosen) return requireUuid(node, chosen, 'Organization', itemIndex);
	const fallback = await client.getCredentialOrgId();
	if (fallback) return requireUuid(node, fallback, 'Default Org ID of the credential', itemIndex);
	throw new NodeOperationError(
		node,
		'Invalid Organization: it is empty and the credential has no default org ID',
		{
			description:
				'Pick an organization in the node, or set Default Org ID in the Mist API credential.',
			itemIndex,
		},
	);
}

/** The org of the item (execute). */
export async function resolveOrgId(
	ctx: IExecuteFunctions,
	client: MistClient,
	itemIndex: number,
): Promise<string> {
	return await orgIdFrom(
		ctx.getNode(),
		ctx.getNodeParameter('org', itemIndex, '', { extractValue: true }),
		client,
		itemIndex,
	);
}

/** The org of a trigger's webhook hooks (no item). */
export async function resolveOrgIdForHook(
	ctx: IHookFunctions,
	client: MistClient,
): Promise<string> {
	return await orgIdFrom(
		ctx.getNode(),
		ctx.getNodeParameter('org', '', { extractValue: true }),
		client,
	);
}

/** The org a list search works in (the node being edited). */
export async function resolveOrgIdForLoadOptions(
	ctx: ILoadOptionsFunctions,
	client: MistClient,
): Promise<string> {
	return await orgIdFrom(
		ctx.getNode(),
		ctx.getCurrentNodeParameter('org', { extractValue: true }),
		client,
	);
}

export function resolveSiteId(ctx: IExecuteFunctions, itemIndex: number, name = 'site'): string {
	const value = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true });
	return requireUuid(ctx.getNode(), value, 'Site', itemIndex);
}

export function resolveDeviceId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name = 'device',
): string {
	const value = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true });
	return requireUuid(ctx.getNode(), value, 'Device', itemIndex);
}

export interface ResolvedScope {
	scope: SearchScope;
	/** `/orgs/{id}` or `/sites/{id}`: the prefix of the scoped Mist path. */
	basePath: string;
}

export function readScope(ctx: IExecuteFunctions, itemIndex: number): SearchScope {
	const scope = String(ctx.getNodeParameter('scope', itemIndex, 'org'));
	if (scope === 'org' || scope === 'site') return scope;
	throw new NodeOperationError(
		ctx.getNode(),
		`Invalid Scope: "${scope.slice(0, 40)}" is not Organization or Site`,
		{
			itemIndex,
		},
	);
}

export async function resolveScope(
	ctx: IExecuteFunctions,
	client: MistClient,
	itemIndex: number,
): Promise<ResolvedScope> {
	const scope = readScope(ctx, itemIndex);
	if (scope === 'site') return { scope, basePath: `/sites/${resolveSiteId(ctx, itemIndex)}` };
	return { scope, basePath: `/orgs/${await resolveOrgId(ctx, client, itemIndex)}` };
}
