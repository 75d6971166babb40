import type { INodeProperties } from 'n8n-workflow';

import type { MistResource } from '../types';
import * as getClientMetric from './getClientMetric.operation';
import * as getDeviceMetric from './getDeviceMetric.operation';
import * as getSiteMetric from './getSiteMetric.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['insight'] } },
	options: [
		{
			name: 'Get Client Metric',
			value: 'getClientMetric',
			action: 'Get a client insight metric',
			description: 'Get the time series of an insight metric for one client',
		},
		{
			name: 'Get Device Metric',
			value: 'getDeviceMetric',
			action: 'Get a device insight metric',
			description: 'Get the time series of an insight metric for one AP, switch or gateway',
		},
		{
			name: 'Get Site Metric',
			value: 'getSiteMetric',
			action: 'Get a site insight metric',
			description: 'Get the time series of an insight metric for a site',
		},
	],
	default: 'getSiteMetric',
};

export const insight: MistResource = {
	operations: { getClientMetric, getDeviceMetric, getSiteMetric },
	description: [
		operationProperty,
		...getSiteMetric.description,
		...getClientMetric.description,
		...getDeviceMetric.description,
	],
};
