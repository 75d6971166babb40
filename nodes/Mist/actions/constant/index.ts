import type { INodeProperties } from 'n8n-workflow';

import type { MistResource } from '../types';
import * as get from './get.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['constant'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a constant catalogue',
			description:
				'Get a reference list: event types, alarm definitions, insight metrics, webhook topics',
		},
	],
	default: 'get',
};

export const constant: MistResource = {
	operations: { get },
	description: [operationProperty, ...get.description],
};
