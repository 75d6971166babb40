import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { MistClient } from '../transport/MistClient';

/** Option lists come from Mist's own /const catalogues, so new event types appear without a release. */
async function constOptions(
	ctx: ILoadOptionsFunctions,
	path: string,
	describe: (entry: IDataObject) => string | undefined,
): Promise<INodePropertyOptions[]> {
	const client = new MistClient(ctx);
	const entries = await client.request<IDataObject[]>({ path });
	if (!Array.isArray(entries)) return [];
	return entries
		.filter((entry) => typeof entry.key === 'string' && entry.key !== '')
		.map((entry) => ({
			name: String(entry.key),
			value: String(entry.key),
			description: describe(entry),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

const text = (entry: IDataObject, ...keys: string[]) =>
	keys
		.map((key) => entry[key])
		.filter((value) => typeof value === 'string' && value !== '')
		.join(' · ') || undefined;

export async function getClientEventTypes(this: ILoadOptionsFunctions) {
	return await constOptions(this, '/const/client_events', (entry) =>
		text(entry, 'display', 'group'),
	);
}

export async function getDeviceEventTypes(this: ILoadOptionsFunctions) {
	return await constOptions(this, '/const/device_events', (entry) =>
		text(entry, 'display', 'description'),
	);
}

export async function getAlarmTypes(this: ILoadOptionsFunctions) {
	return await constOptions(this, '/const/alarm_defs', (entry) =>
		text(entry, 'display', 'group', 'severity'),
	);
}

export async function getWebhookTopics(this: ILoadOptionsFunctions) {
	return await constOptions(this, '/const/webhook_topics', (entry) =>
		entry.for_org === true ? undefined : 'Site-level only',
	);
}

export async function getInsightMetrics(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const client = new MistClient(this);
	const catalogue = await client.request<IDataObject>({ path: '/const/insight_metrics' });
	if (!catalogue || typeof catalogue !== 'object' || Array.isArray(catalogue)) return [];
	return Object.keys(catalogue)
		.sort()
		.map((key) => {
			const entry = (catalogue[key] ?? {}) as IDataObject;
			return { name: key, value: key, description: text(entry, 'description', 'type') };
		});
}
