import type { INodeProperties } from 'n8n-workflow';

import type { IseResource } from '../types';
import * as getActiveCount from './getActiveCount.operation';
import * as getByMac from './getByMac.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['session'] } },
	options: [
		{
			name: 'Get Active Session by MAC',
			value: 'getByMac',
			action: 'Get the active session of a MAC address',
			description:
				'Get the active ISE session of an endpoint: user, IP, NAS, PSN, authorization profile',
		},
		{
			name: 'Get Active Session Count',
			value: 'getActiveCount',
			action: 'Get the number of active sessions',
			description: 'Count the sessions ISE currently holds',
		},
	],
	default: 'getByMac',
};

export const session: IseResource = {
	operations: { getActiveCount, getByMac },
	description: [operationProperty, ...getByMac.description, ...getActiveCount.description],
};
