import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { ciscoIseProperties } from './actions/properties';
import { router } from './actions/router';

export class CiscoIse implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cisco ISE',
		name: 'ciscoIse',
		icon: { light: 'file:../../icons/ciscoIse.svg', dark: 'file:../../icons/ciscoIse.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Troubleshoot authentication with the Cisco ISE Monitoring (MnT) API: sessions, auth failures, CoA',
		defaults: { name: 'Cisco ISE' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ciscoIseApi', required: true }],
		properties: ciscoIseProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
