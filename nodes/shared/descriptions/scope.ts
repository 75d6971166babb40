import type { INodeProperties } from 'n8n-workflow';

import { orgLocator, siteLocator } from './locators';

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
