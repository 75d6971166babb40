import type { INodeProperties } from 'n8n-workflow';

import { memoryProperties } from '../../shared/memory/description';
import { resources } from './resources';

/** Resource picker, then every resource's operations and parameters. */
export const mistProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Alarm', value: 'alarm' },
			{ name: 'Client', value: 'client' },
			{ name: 'Constant', value: 'constant' },
			{ name: 'Device', value: 'device' },
			{ name: 'Insight', value: 'insight' },
			{ name: 'Marvis Troubleshooting', value: 'marvis' },
			{ name: 'RF', value: 'rf' },
			{ name: 'Site', value: 'site' },
			{ name: 'SLE', value: 'sle' },
			{ name: 'Usage', value: 'usage' },
			{ name: 'Webhook', value: 'webhook' },
		],
		default: 'site',
	},
	...Object.values(resources).flatMap((resource) => resource.description),
	{
		displayName: 'Include Request Stats',
		name: 'includeRequestStats',
		type: 'boolean',
		default: false,
		description:
			'Whether to add _requestStats to each item: the Mist API calls, pages, retries and 429s of this execution so far (the last item carries the total)',
	},
	...memoryProperties(
		"the record of this node's Mist calls in the token's API budget, which the sweeps' pacing counts",
	),
];
