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
import { summariseFailures } from './failureSummary';

const properties: INodeProperties[] = [
	macProperty,
	...windowProperties,
	{
		displayName: 'Summarize',
		name: 'summarize',
		type: 'boolean',
		default: false,
		description:
			'Whether to return one summary item (failure count, reasons ranked with cause and fix, whether the latest attempt still fails) instead of one item per failed attempt',
	},
	includeRawProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['authentication'], operation: ['getRecentFailures'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: IseClient,
): Promise<IDataObject[]> {
	const query = readAuthQuery.call(this, itemIndex);
	const summarize = this.getNodeParameter('summarize', itemIndex, false) as boolean;
	const includeRaw = this.getNodeParameter('includeRaw', itemIndex, false) as boolean;
	const elements = await fetchAuthRecords.call(this, client, query, itemIndex);
	const records = elements.map((element) =>
		authRecordItem(query.mac, element, includeRaw && !summarize),
	);
	if (summarize) return [summariseFailures(query, records)];
	const failures = records.filter((record) => record.failed === true);
	if (failures.length > 0) return failures;
	const message =
		records.length === 0
			? `ISE has no authentication records for ${query.mac} in the last ${query.windowSeconds} seconds`
			: `None of the ${records.length} authentication attempts of ${query.mac} in the last ${query.windowSeconds} seconds failed`;
	return [noRecordsItem(query, message, { attempts: records.length, failures: 0 })];
}
