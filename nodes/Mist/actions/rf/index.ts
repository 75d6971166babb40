import type { INodeProperties } from 'n8n-workflow';

import type { MistResource } from '../types';
import * as getCurrentChannelPlan from './getCurrentChannelPlan.operation';
import * as getRrmConsiderations from './getRrmConsiderations.operation';
import * as getRrmEvents from './getRrmEvents.operation';
import * as getRrmNeighbors from './getRrmNeighbors.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['rf'] } },
	options: [
		{
			name: 'Get Current Channel Plan',
			value: 'getCurrentChannelPlan',
			action: 'Get the current channel plan',
			description: 'Get the channel, bandwidth and power RRM set on every AP of a site',
		},
		{
			name: 'Get RRM Considerations',
			value: 'getRrmConsiderations',
			action: 'Get RRM considerations',
			description: 'Get the channels RRM weighed for one AP and band, with noise and utilisation',
		},
		{
			name: 'Get RRM Events',
			value: 'getRrmEvents',
			action: 'Get RRM events',
			description: 'Get the channel and power changes RRM made at a site',
		},
		{
			name: 'Get RRM Neighbors',
			value: 'getRrmNeighbors',
			action: 'Get RRM neighbors',
			description: 'Get the neighbor APs each AP of a site hears on a band',
		},
	],
	default: 'getCurrentChannelPlan',
};

export const rf: MistResource = {
	operations: { getCurrentChannelPlan, getRrmConsiderations, getRrmEvents, getRrmNeighbors },
	description: [
		operationProperty,
		...getCurrentChannelPlan.description,
		...getRrmConsiderations.description,
		...getRrmEvents.description,
		...getRrmNeighbors.description,
	],
};
