import type { INodeProperties } from 'n8n-workflow';

import type { MistResource } from '../types';
import * as troubleshoot from './troubleshoot.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['marvis'] } },
	options: [
		{
			name: 'Troubleshoot',
			value: 'troubleshoot',
			action: 'Troubleshoot a network issue',
			description:
				'Ask Marvis what went wrong for a client, a device or a site in the last 7 days (needs a Marvis license)',
		},
	],
	default: 'troubleshoot',
};

export const marvis: MistResource = {
	operations: { troubleshoot },
	description: [operationProperty, ...troubleshoot.description],
};
