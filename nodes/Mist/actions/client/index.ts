import type { INodeProperties } from 'n8n-workflow';

import type { MistResource } from '../types';
import * as countEvents from './countEvents.operation';
import * as getClientEvents from './getClientEvents.operation';
import * as getConnectedStats from './getConnectedStats.operation';
import * as getStats from './getStats.operation';
import * as search from './search.operation';
import * as searchEvents from './searchEvents.operation';
import * as searchSessions from './searchSessions.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['client'] } },
	options: [
		{
			name: 'Count Events',
			value: 'countEvents',
			action: 'Count client events',
			description:
				'Count the client events of an org per band, channel, protocol, SSID, type or WLAN',
		},
		{
			name: 'Get Client Events',
			value: 'getClientEvents',
			action: 'Get the events of a client',
			description: 'Get the events of one wireless client at a site',
		},
		{
			name: 'Get Connected Stats',
			value: 'getConnectedStats',
			action: 'Get connected client stats',
			description: 'Get the stats of every wireless client connected to a site now',
		},
		{
			name: 'Get Stats',
			value: 'getStats',
			action: 'Get client stats',
			description: 'Get the current stats of one wireless client',
		},
		{
			name: 'Search',
			value: 'search',
			action: 'Search clients',
			description: 'Search the wireless clients of an org or a site',
		},
		{
			name: 'Search Events',
			value: 'searchEvents',
			action: 'Search client events',
			description: 'Search association, authentication, DHCP and other client events',
		},
		{
			name: 'Search Sessions',
			value: 'searchSessions',
			action: 'Search client sessions',
			description: 'Search wireless client sessions, from connect to disconnect',
		},
	],
	default: 'search',
};

export const client: MistResource = {
	operations: {
		countEvents,
		getClientEvents,
		getConnectedStats,
		getStats,
		search,
		searchEvents,
		searchSessions,
	},
	description: [
		operationProperty,
		...search.description,
		...getConnectedStats.description,
		...getStats.description,
		...searchSessions.description,
		...searchEvents.description,
		...countEvents.description,
		...getClientEvents.description,
	],
};
