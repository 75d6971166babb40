import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { deviceLocator } from '../../../shared/descriptions/locators';
import type { MistClient } from '../../../shared/transport/MistClient';
import { resolveDeviceId, resolveSiteId } from '../../../shared/params/scope';
import { insightProperties } from './common';
import { readInsight } from './series';

const DEVICE_ID_PREFIX = '00000000-0000-0000-1000-';

export const description = updateDisplayOptions(
	{ show: { resource: ['insight'], operation: ['getDeviceMetric'] } },
	insightProperties([deviceLocator]),
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	const siteId = resolveSiteId(this, itemIndex);
	const deviceId = resolveDeviceId(this, itemIndex);
	// The insight path wants the device MAC; a Mist device id ends with it (00000000-0000-0000-1000-<mac>).
	if (!deviceId.startsWith(DEVICE_ID_PREFIX)) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid Device: "${deviceId}" is not a Mist device id`,
			{
				description: `Mist device ids look like ${DEVICE_ID_PREFIX}5c5b350e0060 (the last 12 digits are the MAC). Pick the device from the list.`,
				itemIndex,
			},
		);
	}
	const mac = deviceId.slice(DEVICE_ID_PREFIX.length);
	return await readInsight(this, itemIndex, client, `/sites/${siteId}/insights/device/${mac}`, {
		site_id: siteId,
		device_id: deviceId,
		device_mac: mac,
	});
}
