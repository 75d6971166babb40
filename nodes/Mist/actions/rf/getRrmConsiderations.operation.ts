import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deviceLocator, orgLocator, siteLocator } from '../../../shared/descriptions/locators';
import type { MistClient } from '../../../shared/transport/MistClient';
import { mistOperationError } from '../../../shared/transport/mistErrors';
import { resolveDeviceId, resolveSiteId } from '../../../shared/params/scope';
import { bandProperty, readBand } from './band';

const properties: INodeProperties[] = [
	{ ...orgLocator, description: 'Only used to list the sites in the Site picker' },
	siteLocator,
	{ ...deviceLocator, description: 'The AP whose RRM channel considerations to read' },
	bandProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['rf'], operation: ['getRrmConsiderations'] } },
	properties,
);

/** One item per candidate channel RRM weighed for the AP: noise, RSSI, utilisation scores. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	const siteId = resolveSiteId(this, itemIndex);
	const deviceId = resolveDeviceId(this, itemIndex);
	const band = readBand(this, itemIndex);
	const path = `/sites/${siteId}/rrm/current/devices/${deviceId}/band/${band}`;
	const body = await client.request<IDataObject>({ path, itemIndex });
	const results = body?.results ?? [];
	if (!Array.isArray(results)) {
		throw mistOperationError(
			this.getNode(),
			`Mist answered ${path} without a results list`,
			undefined,
			itemIndex,
		);
	}
	return (results as IDataObject[]).map((result) => ({ device_id: deviceId, band, ...result }));
}
