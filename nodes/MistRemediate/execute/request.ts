import type { IDataObject } from 'n8n-workflow';

import type { MistClient } from '../../shared/transport/MistClient';
import type { ActionPlan, JsonBody } from '../actions/types';

export interface ResolvedRequest {
	method: 'POST' | 'PUT';
	path: string;
	body?: JsonBody;
}

/**
 * The exact request of a plan. Setting a radio reads the device first and changes only the given
 * fields of that band, so everything else in its radio_config stays as it is.
 */
export async function resolveRequest(
	client: MistClient,
	plan: ActionPlan,
	itemIndex: number,
): Promise<ResolvedRequest> {
	if (!plan.radioChange) {
		return {
			method: plan.method,
			path: plan.path,
			...(plan.body !== undefined ? { body: plan.body } : {}),
		};
	}
	const device = await client.request<IDataObject>({ path: plan.path, itemIndex });
	const radioConfig = asObject(device?.radio_config);
	const key = `band_${plan.radioChange.band}`;
	const current = asObject(radioConfig[key]);
	const changes: IDataObject = {};
	for (const field of ['channel', 'power', 'bandwidth'] as const) {
		const value = plan.radioChange[field];
		if (value !== undefined) changes[field] = value;
	}
	return {
		method: 'PUT',
		path: plan.path,
		body: { radio_config: { ...radioConfig, [key]: { ...current, ...changes } } },
	};
}

function asObject(value: unknown): IDataObject {
	return value && typeof value === 'object' ? (value as IDataObject) : {};
}

const SECRET_FIELDS = ['password'];

/** The body as shown in audit records: secrets masked, long lists shortened. */
export function bodySummary(body: JsonBody | undefined): unknown {
	if (body === undefined) return null;
	if (Array.isArray(body)) {
		return body.length > 20 ? [...body.slice(0, 20), `… ${body.length - 20} more`] : body;
	}
	return Object.fromEntries(
		Object.entries(body).map(([key, value]) => [
			key,
			SECRET_FIELDS.includes(key) ? '********' : value,
		]),
	);
}
