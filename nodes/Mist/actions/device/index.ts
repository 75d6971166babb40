import type { INodeProperties } from 'n8n-workflow';

import type { MistResource } from '../types';
import * as getStats from './getStats.operation';
import * as search from './search.operation';
import * as searchEvents from './searchEvents.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['device'] } },
	options: [
		{
			name: 'Get Stats',
			value: 'getStats',
			action: 'Get device stats',
			description: 'Get the live stats of the devices of an org or a site, or of one device',
		},
		{
			name: 'Search',
			value: 'search',
			action: 'Search devices',
			description: 'Search the APs, switches or gateways of an org',
		},
		{
			name: 'Search Events',
			value: 'searchEvents',
			action: 'Search device events',
			description: 'Search the events of APs, switches and gateways',
		},
	],
	default: 'getStats',
};

export const device: MistResource = {
	operations: { getStats, search, searchEvents },
	description: [
		operationProperty,
		...search.description,
		...getStats.description,
		...searchEvents.description,
	],
};
