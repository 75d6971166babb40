import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { testPagerDutyRoutingKey } from './actions/pagerDutyKey';
import { mistAlertProperties } from './actions/properties';
import { router } from './actions/router';

/**
 * Turns findings into incidents and ready-to-send notifications: grouping, flap hold-down,
 * resolution, tiered escalation, silences and mute windows. It sends nothing itself; wire each
 * output to a Slack, Microsoft Teams, Send Email, PagerDuty, ServiceNow or HTTP Request node.
 */
export class MistAlert implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mist Alert',
		name: 'mistAlert',
		icon: { light: 'file:../../icons/mistAlert.svg', dark: 'file:../../icons/mistAlert.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description:
			'Deduplicate, group and escalate Mist findings into chat, email and pager notifications',
		defaults: { name: 'Mist Alert' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [
			NodeConnectionTypes.Main,
			NodeConnectionTypes.Main,
			NodeConnectionTypes.Main,
			NodeConnectionTypes.Main,
			NodeConnectionTypes.Main,
		],
		outputNames: ['Tier 1 Chat', 'Tier 2 Email', 'Tier 3 Pager', 'Resolved', 'Invalid'],
		// Optional: PagerDuty is one channel of several; its key goes into Tier 3 bodies only.
		// The shared memory entry is written out (n8n's lint crashes on an imported const here); a
		// test holds it equal to sharedMemoryCredential.
		credentials: [
			{ name: 'mistPagerDutyEventsApi', required: false, testedBy: 'testPagerDutyRoutingKey' },
			{
				name: 'mistSharedMemoryApi',
				required: true,
				displayOptions: { show: { memory: ['shared'] } },
			},
		],
		properties: mistAlertProperties,
	};

	methods = { credentialTest: { testPagerDutyRoutingKey } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
