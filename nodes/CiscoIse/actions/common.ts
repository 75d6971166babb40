import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireIseMac } from '../utils/validate';

export const macProperty: INodeProperties = {
	displayName: 'MAC Address',
	name: 'mac',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'AA:BB:CC:DD:EE:FF',
	description:
		'MAC address of the endpoint, in any usual format (aa:bb:cc:dd:ee:ff, AA-BB-CC-DD-EE-FF, aabb.ccdd.eeff, aabbccddeeff)',
};

export const includeRawProperty: INodeProperties = {
	displayName: 'Include Raw Fields',
	name: 'includeRaw',
	type: 'boolean',
	default: false,
	description:
		'Whether to add raw: every field exactly as ISE returned it, in addition to the simplified fields',
};

export function readMac(this: IExecuteFunctions, itemIndex: number): string {
	return requireIseMac(
		this.getNode(),
		this.getNodeParameter('mac', itemIndex, ''),
		'MAC Address',
		itemIndex,
	);
}

/** ISE leaf text, or null when the field is absent or empty, so every item has the same keys. */
export function textOrNull(value: unknown): string | null {
	if (Array.isArray(value)) value = value[0];
	if (value === undefined || value === null) return null;
	const text = String(value).trim();
	return text === '' ? null : text;
}
