import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { limitProperty, returnAllProperty } from '../../../shared/descriptions/common';
import type { MistClient } from '../../../shared/transport/MistClient';
import { siteSleProperties } from './common';
import { classifierProperty } from './descriptions';
import type { SleScope } from './descriptions';
import { listImpacted } from './impacted';

/** Mist lists impacted wireless users for a whole site or for one AP. */
const SCOPES: readonly SleScope[] = ['site', 'ap'];

export const description = updateDisplayOptions(
	{ show: { resource: ['sle'], operation: ['getImpactedUsers'] } },
	siteSleProperties(SCOPES, [classifierProperty(false), returnAllProperty, limitProperty]),
);

/** One item per impacted wireless user: mac, name, ssid, AP, device type and OS, degraded/total minutes. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	return await listImpacted(this, itemIndex, client, SCOPES, 'impacted-users', 'users');
}
