import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requireOneOf } from '../../../shared/params/readers';

/** Mist names bands 24, 5 and 6 in paths and queries. */
export const BANDS = ['24', '5', '6'] as const;

const BAND_OPTIONS: INodePropertyOptions[] = [
	{ name: '2.4 GHz', value: '24' },
	{ name: '5 GHz', value: '5' },
	{ name: '6 GHz', value: '6' },
];

export const bandProperty: INodeProperties = {
	displayName: 'Band',
	name: 'rfBand',
	type: 'options',
	options: BAND_OPTIONS,
	default: '5',
	description: 'Radio band',
};

/** A separate name: an "all" left over from this field must never reach the single-band operations. */
export const optionalBandProperty: INodeProperties = {
	...bandProperty,
	name: 'rfEventBand',
	options: [...BAND_OPTIONS, { name: 'All Bands', value: 'all' }],
	default: 'all',
};

export function readBand(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireOneOf(
		ctx,
		String(ctx.getNodeParameter('rfBand', itemIndex, '')),
		BANDS,
		'Band',
		itemIndex,
	);
}

/** undefined means every band. */
export function readOptionalBand(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	const value = String(ctx.getNodeParameter('rfEventBand', itemIndex, 'all'));
	if (value === 'all' || value === '') return undefined;
	return requireOneOf(ctx, value, [...BANDS, 'all'], 'Band', itemIndex);
}
