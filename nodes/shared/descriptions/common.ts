import type { INodeProperties } from 'n8n-workflow';

export const returnAllProperty: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	default: 50,
	typeOptions: { minValue: 1 },
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return a reduced set of the most useful fields instead of the full Mist record',
};

/** Time range shared by every operation that reads history: a Mist duration or explicit start/end. */
export const timeRangeProperties: INodeProperties[] = [
	{
		displayName: 'Time Range',
		name: 'timeRangeMode',
		type: 'options',
		options: [
			{ name: 'Between Two Date-Times', value: 'range' },
			{
				name: 'Last Duration',
				value: 'duration',
				description: 'A Mist duration ending now, e.g. 1h',
			},
		],
		default: 'duration',
	},
	{
		displayName: 'Duration',
		name: 'duration',
		type: 'string',
		default: '1d',
		placeholder: '1h',
		description: 'A number followed by m, h, d or w, e.g. 10m, 1h, 1d, 1w',
		displayOptions: { show: { timeRangeMode: ['duration'] } },
	},
	{
		displayName: 'Start',
		name: 'start',
		type: 'dateTime',
		default: '',
		description: 'Start of the range (any n8n date-time, an ISO string or epoch seconds)',
		displayOptions: { show: { timeRangeMode: ['range'] } },
	},
	{
		displayName: 'End',
		name: 'end',
		type: 'dateTime',
		default: '',
		description: 'End of the range; empty means now',
		displayOptions: { show: { timeRangeMode: ['range'] } },
	},
];

/** Simplify, saying which fields remain (the exact lists are in each resource's simplify.ts). */
export const simplifyKeeping = (fields: string): INodeProperties => ({
	...simplifyProperty,
	description: `Whether to return only ${fields}, instead of the full Mist record`,
});
