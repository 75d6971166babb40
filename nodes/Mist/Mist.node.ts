import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import * as listSearch from '../shared/methods/listSearch';
import * as loadOptions from '../shared/methods/loadOptions';
import { mistProperties } from './actions/properties';
import { router } from './actions/router';

export class Mist implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Juniper Mist',
		name: 'mist',
		icon: { light: 'file:../../icons/mist.svg', dark: 'file:../../icons/mist.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read clients, devices, alarms, SLEs, insights, RF and webhooks from Juniper Mist',
		defaults: { name: 'Juniper Mist' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'mistApi', required: true },
			// Written out: n8n's lint crashes on an imported const here (a test compares it).
			{
				name: 'mistSharedMemoryApi',
				required: true,
				displayOptions: { show: { memory: ['shared'] } },
			},
		],
		properties: mistProperties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
