import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { reportersOf } from '../engine/reporters';
import { toView } from '../engine/views';
import { openIncidentMemory, readIncidents, withLocation } from './incidentStore';
import { emptyOutputs } from './outputs';

export const description: INodeProperties[] = [];

/**
 * The open and recently resolved incidents of the node's memory (with shared memory, those of
 * every Mist Alert of the namespace), on the first output; the incidents are left as they are.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const memory = await openIncidentMemory(this);
	const state = await readIncidents(this, memory);
	const outputs = emptyOutputs();
	outputs[0] = Object.values(state.incidents)
		.filter((incident) => incident.status !== 'pending')
		.map((incident) => ({
			json: {
				kind: 'incident',
				groupKey: incident.groupKey,
				...toView(incident, false),
				reportedBy: reportersOf(incident),
			} as unknown as IDataObject,
			pairedItem: { item: 0 },
		}));
	return withLocation(outputs, memory.location);
}
