import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { memoryProperties } from '../shared/memory/description';
import * as listSearch from '../shared/methods/listSearch';
import { actionFields } from './actions';
import { guardrailFields } from './descriptions/guardrailFields';
import {
	allowedOperationsProperty,
	dryRunProperty,
	operationProperty,
} from './descriptions/operation';
import { optionFields } from './descriptions/optionFields';
import { execute } from './execute/pipeline';

export class MistRemediate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Juniper Mist Remediate',
		name: 'mistRemediate',
		icon: { light: 'file:../../icons/mist.svg', dark: 'file:../../icons/mist.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ($parameter["dryRun"] ? " (dry run)" : "")}}',
		description:
			'Fix Juniper Mist Wi-Fi problems (reconnect, restart, RRM, tests) behind dry-run, limits, cooldowns and maintenance windows',
		defaults: { name: 'Juniper Mist Remediate' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Actions', 'Skipped'],
		credentials: [
			{ name: 'mistApi', required: true },
			// Written out: n8n's lint crashes on an imported const here (a test compares it).
			{
				name: 'mistSharedMemoryApi',
				required: true,
				displayOptions: { show: { memory: ['shared'] } },
			},
		],
		properties: [
			{
				displayName:
					'Every item becomes an audit record. Actions: done, or in a dry run what would be done. Skipped: blocked by a guardrail, not a Mist action, or failed.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			operationProperty,
			dryRunProperty,
			allowedOperationsProperty,
			...actionFields,
			...guardrailFields,
			...optionFields,
			...memoryProperties('cooldowns, claims and the audit'),
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await execute.call(this);
	}
}
