import type { INodeProperties } from 'n8n-workflow';

import type { IseResource } from '../types';
import * as disconnect from './disconnect.operation';
import * as reauthenticate from './reauthenticate.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['coa'] } },
	options: [
		{
			name: 'Disconnect',
			value: 'disconnect',
			action: 'Disconnect an endpoint',
			description: 'Send a CoA Disconnect (or port bounce/shutdown) for an endpoint',
		},
		{
			name: 'Reauthenticate',
			value: 'reauthenticate',
			action: 'Reauthenticate an endpoint',
			description:
				'Send a CoA Reauth so the endpoint authenticates again, e.g. after a policy change',
		},
	],
	default: 'reauthenticate',
};

export const coa: IseResource = {
	operations: { disconnect, reauthenticate },
	description: [operationProperty, ...reauthenticate.description, ...disconnect.description],
};
