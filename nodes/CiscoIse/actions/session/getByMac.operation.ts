import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { IseClient } from '../../transport/IseClient';
import { includeRawProperty, macProperty, readMac } from '../common';
import { fetchSession, simplifySession } from './sessionRecord';

const properties: INodeProperties[] = [macProperty, includeRawProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['getByMac'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: IseClient,
): Promise<IDataObject> {
	const mac = readMac.call(this, itemIndex);
	const includeRaw = this.getNodeParameter('includeRaw', itemIndex, false) as boolean;
	const session = await fetchSession(client, this.getNode(), mac, itemIndex);
	if (!session) {
		return { found: false, mac, message: `ISE has no active session for ${mac}` };
	}
	return simplifySession(mac, session, includeRaw);
}
