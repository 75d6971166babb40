import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateIncidents } from './updateIncidents';

const WEEKDAYS = [
	{ name: 'Friday', value: 5 },
	{ name: 'Monday', value: 1 },
	{ name: 'Saturday', value: 6 },
	{ name: 'Sunday', value: 7 },
	{ name: 'Thursday', value: 4 },
	{ name: 'Tuesday', value: 2 },
	{ name: 'Wednesday', value: 3 },
];

const properties: INodeProperties[] = [
	{
		displayName: 'Group By',
		name: 'groupBy',
		type: 'multiOptions',
		options: [
			{ name: 'AP', value: 'ap' },
			{ name: 'Org', value: 'org' },
			{ name: 'Rule', value: 'rule' },
			{ name: 'Severity', value: 'severity' },
			{ name: 'Site', value: 'site' },
			{ name: 'Step', value: 'step' },
		],
		default: ['site', 'rule'],
		description:
			'Findings sharing these values go into one message (like Alertmanager group_by). Empty means one group.',
	},
	{
		displayName: 'Silences',
		name: 'silences',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Silence',
		default: {},
		description:
			'Mute matching incidents until a date. Every field set must match; a trailing * matches a prefix.',
		options: [
			{
				displayName: 'Silence',
				name: 'silence',
				values: [
					{ displayName: 'Comment', name: 'comment', type: 'string', default: '' },
					{ displayName: 'Ends At', name: 'endsAt', type: 'dateTime', default: '', required: true },
					{ displayName: 'Fingerprint', name: 'fingerprint', type: 'string', default: '' },
					{
						displayName: 'Rule',
						name: 'rule',
						type: 'string',
						default: '',
						placeholder: 'ap_offline',
					},
					{
						displayName: 'Severity',
						name: 'severity',
						type: 'options',
						options: [
							{ name: 'Any', value: '' },
							{ name: 'Critical', value: 'critical' },
							{ name: 'Info', value: 'info' },
							{ name: 'Major', value: 'major' },
							{ name: 'Minor', value: 'minor' },
						],
						default: '',
					},
					{
						displayName: 'Site',
						name: 'site',
						type: 'string',
						default: '',
						description: 'Site ID or name',
					},
				],
			},
		],
	},
	{
		displayName: 'Mute Windows',
		name: 'muteWindows',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Mute Window',
		default: {},
		description:
			'Recurring quiet periods (e.g. maintenance). Notices due inside a window wait until it ends; none are lost.',
		options: [
			{
				displayName: 'Window',
				name: 'window',
				values: [
					{
						displayName: 'End Time',
						name: 'end',
						type: 'string',
						default: '06:00',
						placeholder: 'HH:mm',
					},
					{
						displayName: 'Start Time',
						name: 'start',
						type: 'string',
						default: '22:00',
						placeholder: 'HH:mm',
						description: 'A start later than the end spans midnight',
					},
					{
						displayName: 'Timezone',
						name: 'timezone',
						type: 'string',
						default: 'UTC',
						placeholder: 'Europe/Paris',
					},
					{
						displayName: 'Weekdays',
						name: 'weekdays',
						type: 'multiOptions',
						options: WEEKDAYS,
						default: [],
						description: 'Days the window starts on. Empty means every day.',
					},
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { operation: ['evaluate'] } }, properties);

/** One monitoring run: incidents follow the findings, and what is due goes out. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await updateIncidents.call(this, 'evaluate');
}
