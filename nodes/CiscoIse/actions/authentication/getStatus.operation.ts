import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { IseClient } from '../../transport/IseClient';
import { includeRawProperty, macProperty } from '../common';
import {
	authRecordItem,
	fetchAuthRecords,
	noRecordsItem,
	readAuthQuery,
	windowProperties,
} from './authRecords';

const properties: INodeProperties[] = [macProperty, ...windowProperties, includeRawProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['authentication'], operation: ['getStatus'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: IseClient,
): Promise<IDataObject[]> {
	const query = readAuthQuery.call(this, itemIndex);
	const includeRaw = this.getNodeParameter('includeRaw', itemIndex, false) as boolean;
	const elements = await fetchAuthRecords.call(this, client, query, itemIndex);
	if (elements.length === 0) {
		return [
			noRecordsItem(
				query,
				`ISE has no authentication records for ${query.mac} in the last ${query.windowSeconds} seconds`,
			),
		];
	}
	return elements.map((element) => authRecordItem(query.mac, element, includeRaw));
}
