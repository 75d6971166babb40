import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { forEachItem } from '../../shared/utils/perItem';
import { toHistoryRows } from '../engine/historyRows';
import { readTimezone } from './settings';

/** To History Rows reads only the Timezone, which every operation shows. */
export const description: INodeProperties[] = [];

/** Each finding or metric snapshot → its Data Table rows, paired with it; other items fail on their own. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const timezone = readTimezone(this);
	return await forEachItem(this, async (itemIndex) => {
		const result = toHistoryRows(items[itemIndex].json as Record<string, unknown>, timezone);
		if ('error' in result)
			throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: ${result.error}`, {
				itemIndex,
			});
		return result.rows as unknown as IDataObject[];
	});
}
