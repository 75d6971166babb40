import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { limitProperty, returnAllProperty } from '../../../shared/descriptions/common';
import type { MistClient } from '../../../shared/transport/MistClient';
import { readPaging } from '../../../shared/params/readers';

/** Catalogue value → Mist path below /const. */
const CATALOGUES: Record<string, string> = {
	alarmDefinitions: 'alarm_defs',
	clientEvents: 'client_events',
	deviceEvents: 'device_events',
	insightMetrics: 'insight_metrics',
	nacEvents: 'nac_events',
	webhookTopics: 'webhook_topics',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Catalogue',
		name: 'catalogue',
		type: 'options',
		options: [
			{
				name: 'Alarm Definitions',
				value: 'alarmDefinitions',
				description: 'Alarm types with their group and severity',
			},
			{
				name: 'Client Event Types',
				value: 'clientEvents',
				description: 'Wireless client event types',
			},
			{
				name: 'Device Event Types',
				value: 'deviceEvents',
				description: 'AP, switch and gateway event types',
			},
			{
				name: 'Insight Metrics',
				value: 'insightMetrics',
				description: 'Time-series metrics and their scopes',
			},
			{
				name: 'NAC Event Types',
				value: 'nacEvents',
				description: 'Mist Access Assurance (RADIUS) event types',
			},
			{
				name: 'Webhook Topics',
				value: 'webhookTopics',
				description: 'Topics a webhook can subscribe to',
			},
		],
		default: 'clientEvents',
	},
	returnAllProperty,
	limitProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['constant'], operation: ['get'] } },
	properties,
);

/** One of Mist's reference lists, one item per entry: the names that other operations filter on. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	const catalogue = String(this.getNodeParameter('catalogue', itemIndex, 'clientEvents'));
	const path = CATALOGUES[catalogue];
	if (!path) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid Catalogue: "${catalogue.slice(0, 40)}" is not a Mist catalogue`,
			{
				description: `Use one of ${Object.keys(CATALOGUES).join(', ')}.`,
				itemIndex,
			},
		);
	}
	const paging = readPaging(this, itemIndex);
	const body = await client.request<unknown>({ path: `/const/${path}`, itemIndex });
	const entries = toEntries(body);
	if (!entries) {
		throw new NodeOperationError(
			this.getNode(),
			`Mist answered /const/${path} with neither a list nor a keyed object`,
			{
				description: 'The endpoint may not exist on this cloud or API version.',
				itemIndex,
			},
		);
	}
	return paging.returnAll ? entries : entries.slice(0, paging.limit);
}

/** Most catalogues are arrays; insight metrics is an object keyed by metric name, turned into `{key, …}` entries. */
function toEntries(body: unknown): IDataObject[] | undefined {
	if (Array.isArray(body))
		return body.map((entry) =>
			entry && typeof entry === 'object' ? (entry as IDataObject) : { key: entry },
		);
	if (body && typeof body === 'object') {
		return Object.entries(body as IDataObject).map(([key, value]) =>
			value && typeof value === 'object' && !Array.isArray(value)
				? { key, ...(value as IDataObject) }
				: { key, value },
		);
	}
	return undefined;
}
