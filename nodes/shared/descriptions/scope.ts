import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orgLocator, siteLocator } from './locators';
import type { MistClient } from '../transport/MistClient';
import { resolveOrgId, resolveSiteId } from '../utils/scope';

export type SearchScope = 'org' | 'site';

/** Scope picker of the operations that exist for a whole org and for one site. */
export const scopeProperty: INodeProperties = {
	displayName: 'Scope',
	name: 'scope',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Organization', value: 'org', description: 'Search every site of the org' },
		{ name: 'Site', value: 'site', description: 'Search one site' },
	],
	default: 'org',
};

/** Org, then the site when Scope is Site: the org also feeds the Site picker. */
export const scopedLocators: INodeProperties[] = [
	{
		...orgLocator,
		description: 'The Mist org. With Scope Site it only fills the Site picker.',
	},
	{ ...siteLocator, displayOptions: { show: { scope: ['site'] } } },
];

export interface ResolvedScope {
	scope: SearchScope;
	/** `/orgs/{id}` or `/sites/{id}`: the prefix of the scoped Mist path. */
	basePath: string;
}

export function readScope(ctx: IExecuteFunctions, itemIndex: number): SearchScope {
	const scope = String(ctx.getNodeParameter('scope', itemIndex, 'org'));
	if (scope === 'org' || scope === 'site') return scope;
	throw new NodeOperationError(ctx.getNode(), `Invalid Scope: "${scope.slice(0, 40)}" is not Organization or Site`, {
		itemIndex,
	});
}

export async function resolveScope(ctx: IExecuteFunctions, client: MistClient, itemIndex: number): Promise<ResolvedScope> {
	const scope = readScope(ctx, itemIndex);
	if (scope === 'site') return { scope, basePath: `/sites/${resolveSiteId(ctx, itemIndex)}` };
	return { scope, basePath: `/orgs/${await resolveOrgId(ctx, client, itemIndex)}` };
}
