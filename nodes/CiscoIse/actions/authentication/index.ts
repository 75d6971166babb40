import type { INodeProperties } from 'n8n-workflow';

import type { IseResource } from '../types';
import * as getFailureReasons from './getFailureReasons.operation';
import * as getRecentFailures from './getRecentFailures.operation';
import * as getStatus from './getStatus.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['authentication'] } },
	options: [
		{
			name: 'Get Failure Reason Catalogue',
			value: 'getFailureReasons',
			action: 'Get the failure reason catalogue',
			description: 'List ISE failure codes with their cause and resolution',
		},
		{
			name: 'Get Recent Failures by MAC',
			value: 'getRecentFailures',
			action: 'Get recent authentication failures of a MAC address',
			description:
				'Get the failed authentications of an endpoint with plain-language cause and fix, or a summary',
		},
		{
			name: 'Get Status by MAC',
			value: 'getStatus',
			action: 'Get the authentication status of a MAC address',
			description: 'Get the recent authentication records of an endpoint, passed and failed',
		},
	],
	default: 'getStatus',
};

export const authentication: IseResource = {
	operations: { getFailureReasons, getRecentFailures, getStatus },
	description: [
		operationProperty,
		...getStatus.description,
		...getRecentFailures.description,
		...getFailureReasons.description,
	],
};
