import type { INodeProperties } from 'n8n-workflow';

import { UUID_PATTERN } from '../params/identifiers';

const uuidMode = (example: string) => ({
	displayName: 'By ID',
	name: 'id',
	type: 'string' as const,
	placeholder: example,
	validation: [
		{
			type: 'regex' as const,
			properties: {
				regex: `^\\s*${UUID_PATTERN}\\s*$`,
				errorMessage: 'Not a valid Mist ID (UUID)',
			},
		},
	],
});

/** What an empty org picker means; shown under the picker on every node, whatever its description says. */
export const DEFAULT_ORG_HINT = 'Leave empty to use the default org of the credential';

/** Org picker; empty means "the default org of the credential", and the empty picker says so. */
export const orgLocator: INodeProperties = {
	displayName: 'Organization',
	name: 'org',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'The Mist org to read',
	hint: DEFAULT_ORG_HINT,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Default org of the credential',
			typeOptions: { searchListMethod: 'searchOrgs', searchable: true },
		},
		uuidMode('6748cfa6-4e12-11e6-9188-0242ac110007'),
	],
};

export const siteLocator: INodeProperties = {
	displayName: 'Site',
	name: 'site',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Mist site',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchSites', searchable: true },
		},
		uuidMode('978c48e6-6ef6-11e6-8bbf-02e208b2d34f'),
	],
};

export const deviceLocator: INodeProperties = {
	displayName: 'Device',
	name: 'device',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'An AP, switch or gateway of the site',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchDevices', searchable: true },
		},
		uuidMode('00000000-0000-0000-1000-5c5b350e0060'),
	],
};
