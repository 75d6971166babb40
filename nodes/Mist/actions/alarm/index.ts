import type { INodeProperties } from 'n8n-workflow';

import type { MistResource } from '../types';
import * as acknowledge from './acknowledge.operation';
import * as search from './search.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['alarm'] } },
	options: [
		{
			name: 'Acknowledge',
			value: 'acknowledge',
			action: 'Acknowledge an alarm',
			description: 'Mark an org alarm as acknowledged, with an optional note',
		},
		{
			name: 'Search',
			value: 'search',
			action: 'Search alarms',
			description: 'Search the alarms of an org or a site in a time range',
		},
	],
	default: 'search',
};

export const alarm: MistResource = {
	operations: { acknowledge, search },
	description: [operationProperty, ...search.description, ...acknowledge.description],
};
