import type { INodeProperties } from 'n8n-workflow';

import type { MistResource } from '../types';
import * as getApiUsage from './getApiUsage.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['usage'] } },
	options: [
		{
			name: 'Get API Usage',
			value: 'getApiUsage',
			action: 'Get API usage',
			description: 'Get the API calls made with this token in the current hour and how many remain',
		},
	],
	default: 'getApiUsage',
};

export const usage: MistResource = {
	operations: { getApiUsage },
	description: [operationProperty, ...getApiUsage.description],
};
