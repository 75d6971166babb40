import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import * as listSearch from '../shared/methods/listSearch';
import { diagnoseProperties } from './description';
import { execute } from './execute';

/**
 * One flowchart step per `steps/<step>.step.ts` (registry: `steps/index.ts`): the data it loads and
 * the pure rules of `rules/` it applies (rule map: `rules/README.md`).
 */
export class MistDiagnose implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mist Diagnose',
		name: 'mistDiagnose',
		icon: { light: 'file:../../icons/mist.svg', dark: 'file:../../icons/mist.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{$parameter["mode"] === "worstClients" ? "org\'s worst clients" : $parameter["step"] + " (" + $parameter["mode"] + ")"}}',
		description: 'Run a step of the Wi-Fi triage flowchart on Juniper Mist data and emit findings',
		defaults: { name: 'Mist Diagnose' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Issues', 'Healthy'],
		// The shared memory entry is the literal of sharedMemoryCredential (a test holds them equal):
		// n8n's lint plugin cannot read an imported const here.
		credentials: [
			{ name: 'mistApi', required: true },
			{
				name: 'mistSharedMemoryApi',
				required: true,
				displayOptions: { show: { memory: ['shared'] } },
			},
		],
		properties: diagnoseProperties,
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await execute.call(this);
	}
}
