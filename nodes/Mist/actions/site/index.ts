import type { INodeProperties } from 'n8n-workflow';

import type { MistResource } from '../types';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as searchByName from './searchByName.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['site'] } },
	options: [
		{ name: 'Get', value: 'get', action: 'Get a site', description: 'Get one site by ID' },
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many sites',
			description: 'List the sites of an org',
		},
		{
			name: 'Search by Name',
			value: 'searchByName',
			action: 'Search sites by name',
			description: 'Find sites whose name matches',
		},
	],
	default: 'getMany',
};

export const site: MistResource = {
	operations: { get, getMany, searchByName },
	description: [
		operationProperty,
		...getMany.description,
		...get.description,
		...searchByName.description,
	],
};
