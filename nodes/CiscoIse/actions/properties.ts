import type { INodeProperties } from 'n8n-workflow';

import { resources } from './resources';

/** Resource picker, then every resource's operations and parameters. */
export const ciscoIseProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Authentication', value: 'authentication' },
			{ name: 'Change of Authorization', value: 'coa' },
			{ name: 'Session', value: 'session' },
		],
		default: 'authentication',
	},
	...Object.values(resources).flatMap((resource) => resource.description),
];
