import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { limitProperty, returnAllProperty } from '../../../shared/descriptions/common';
import type { MistClient } from '../../../shared/transport/MistClient';
import { siteSleProperties } from './common';
import { classifierProperty } from './descriptions';
import type { SleScope } from './descriptions';
import { listImpacted } from './impacted';

/** Mist lists impacted APs for a whole site only. */
const SCOPES: readonly SleScope[] = ['site'];

export const description = updateDisplayOptions(
	{ show: { resource: ['sle'], operation: ['getImpactedAps'] } },
	siteSleProperties(SCOPES, [classifierProperty(false), returnAllProperty, limitProperty]),
);

/** One item per impacted AP: ap_mac, name, degraded and total user-minutes. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject[]> {
	return await listImpacted(this, itemIndex, client, SCOPES, 'impacted-aps', 'aps');
}
