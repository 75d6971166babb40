import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { toView } from '../engine/views';
import { emptyOutputs } from './outputs';
import { loadAlertState } from './staticData';

export const description: INodeProperties[] = [];

/** The open and recently resolved incidents, on the first output; the state is left as it is. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const outputs = emptyOutputs();
	outputs[0] = Object.values(loadAlertState(this).incidents)
		.filter((incident) => incident.status !== 'pending')
		.map((incident) => ({
			json: {
				kind: 'incident',
				groupKey: incident.groupKey,
				...toView(incident, false),
			} as unknown as IDataObject,
			pairedItem: { item: 0 },
		}));
	return outputs;
}
