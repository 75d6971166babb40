import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { IseClient } from '../../transport/IseClient';
import { macProperty, readMac } from '../common';
import {
	coaOutcome,
	psnProperty,
	readCoaResult,
	requireCoaType,
	resolvePsn,
	SessionLookup,
} from './coaCommon';

/** ISE's reauth types: 0 default, 1 last, 2 rerun. */
export const REAUTH_TYPES: Record<string, number> = { default: 0, last: 1, rerun: 2 };

const properties: INodeProperties[] = [
	macProperty,
	{
		displayName: 'Reauthentication Type',
		name: 'reauthType',
		type: 'options',
		options: [
			{ name: 'Default', value: 'default', description: 'Let the network device decide' },
			{
				name: 'Last',
				value: 'last',
				description: 'Repeat the last successful authentication method',
			},
			{ name: 'Rerun', value: 'rerun', description: 'Run the whole authentication again' },
		],
		default: 'default',
	},
	psnProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['coa'], operation: ['reauthenticate'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: IseClient,
): Promise<IDataObject> {
	const mac = readMac.call(this, itemIndex);
	const reauthType = this.getNodeParameter('reauthType', itemIndex, 'default') as string;
	const typeNumber = requireCoaType(
		this,
		reauthType,
		REAUTH_TYPES,
		'Reauthentication Type',
		itemIndex,
	);
	const lookup = new SessionLookup(this, client, mac, itemIndex);
	const { psn, psnSource } = await resolvePsn.call(this, lookup, itemIndex);
	const path = `/CoA/Reauth/${psn}/${mac}/${typeNumber}`;
	const { root } = await client.getXml(path, { itemIndex, retry: false });
	const result = readCoaResult(this, root, itemIndex);
	return {
		mac,
		requestType: 'reauth',
		reauthType,
		psn,
		psnSource,
		...coaOutcome(result, 'reauthentication'),
	};
}
