import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateIncidents } from './updateIncidents';

/** Acknowledge has no parameters of its own: the items say what to acknowledge. */
export const description: INodeProperties[] = [];

/** Acknowledges incidents by fingerprint or group key without counting a monitoring run. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await updateIncidents.call(this, 'acknowledge');
}
