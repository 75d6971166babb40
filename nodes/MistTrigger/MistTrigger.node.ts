import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import * as listSearch from '../shared/methods/listSearch';
import { getAlarmTypes, getWebhookTopics } from '../shared/methods/loadOptions';
import { mistTriggerProperties } from './actions/properties';
import { mistWebhookSecretTest } from './actions/credentialTest';
import { webhook } from './actions/webhook';
import * as webhookMethods from './actions/webhookMethods';

export class MistTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Juniper Mist Trigger',
		name: 'mistTrigger',
		icon: { light: 'file:../../icons/mist.svg', dark: 'file:../../icons/mist.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{[].concat($parameter["topics"] || []).join(", ")}}',
		description:
			'Starts the workflow when Juniper Mist sends webhook events (alarms, device and client events)',
		defaults: { name: 'Juniper Mist Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'mistApi',
				required: true,
				displayOptions: { show: { webhookRegistration: ['automatic'] } },
			},
			{
				// Not required: workflows made before it existed keep the deprecated Secret parameter.
				name: 'mistWebhookSecretApi',
				testedBy: 'mistWebhookSecretTest',
				displayOptions: { show: { webhookRegistration: ['existing'], verifySignature: [true] } },
			},
			// Literal rather than the imported sharedMemoryCredential: n8n's eslint plugin crashes on
			// an imported const here. A unit test keeps the two equal.
			{
				name: 'mistSharedMemoryApi',
				required: true,
				displayOptions: { show: { memory: ['shared'] } },
			},
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: mistTriggerProperties,
	};

	methods = {
		listSearch,
		loadOptions: { getAlarmTypes, getWebhookTopics },
		credentialTest: { mistWebhookSecretTest },
	};

	webhookMethods = { default: webhookMethods };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await webhook.call(this);
	}
}
