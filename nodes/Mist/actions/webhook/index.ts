import type { INodeProperties } from 'n8n-workflow';

import type { MistResource } from '../types';
import * as create from './create.operation';
import * as deleteWebhook from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as ping from './ping.operation';
import * as update from './update.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['webhook'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a webhook',
			description: 'Create an http-post webhook',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a webhook',
			description: 'Delete a webhook',
		},
		{ name: 'Get', value: 'get', action: 'Get a webhook', description: 'Get one webhook by ID' },
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many webhooks',
			description: 'List the webhooks of an org or a site',
		},
		{
			name: 'Ping',
			value: 'ping',
			action: 'Ping a webhook',
			description: 'Make Mist send a ping event to the webhook URL',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a webhook',
			description: 'Change some fields of a webhook',
		},
	],
	default: 'getMany',
};

export const webhook: MistResource = {
	operations: { create, delete: deleteWebhook, get, getMany, ping, update },
	description: [
		operationProperty,
		...getMany.description,
		...get.description,
		...create.description,
		...update.description,
		...deleteWebhook.description,
		...ping.description,
	],
};
