import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { mistReportProperties } from './actions/properties';
import { router } from './actions/router';

/**
 * Daily and weekly Wi-Fi reports from findings, metrics and history kept in an n8n Data Table,
 * with trends, forecasts and anomaly flags. No Mist API calls: it shapes what other nodes send or
 * store, and keeps its report history (and reads the remediation audit) in the Mist memory.
 */
export class MistReport implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mist Report',
		name: 'mistReport',
		icon: {
			light: 'file:../../icons/mistReport.svg',
			dark: 'file:../../icons/mistReport.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Build Mist Wi-Fi health reports and history rows for n8n Data Tables',
		defaults: { name: 'Mist Report' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// The literal of sharedMemoryCredential (a test holds them equal): n8n's lint plugin cannot read an imported const here.
		credentials: [
			{
				name: 'mistSharedMemoryApi',
				required: true,
				displayOptions: { show: { memory: ['shared'] } },
			},
		],
		properties: mistReportProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
