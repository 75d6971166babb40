import type { INodeProperties } from 'n8n-workflow';

import { WEEKDAYS } from '../guardrails/types';

const DAY_NAMES: Record<string, string> = {
	mon: 'Monday',
	tue: 'Tuesday',
	wed: 'Wednesday',
	thu: 'Thursday',
	fri: 'Friday',
	sat: 'Saturday',
	sun: 'Sunday',
};

export const GUARDRAIL_DEFAULTS = {
	maxActionsPerExecution: 5,
	maxActionsPerSitePerHour: 10,
	cooldownMinutes: 30,
	maxApRestartPercent: 20,
	maxClientsPerReconnect: 10,
};

const windowShown = { show: { maintenanceWindow: ['window'] } };

/** Time windows, then the limits. Limits are read once per execution (from the first item). */
export const guardrailFields: INodeProperties[] = [
	{
		displayName: 'Maintenance Window',
		name: 'maintenanceWindow',
		type: 'options',
		options: [
			{ name: 'Always', value: 'always', description: 'Changes may happen at any time' },
			{
				name: 'Only in a Window',
				value: 'window',
				description: "Changes only between two times, in each site's own timezone",
			},
		],
		default: 'always',
		description: 'Diagnostics (ping, traceroute, ARP, synthetic tests) run at any time',
	},
	{
		displayName: 'Window Days',
		name: 'windowDays',
		type: 'multiOptions',
		options: [...WEEKDAYS].sort().map((day) => ({ name: DAY_NAMES[day], value: day })),
		default: ['mon', 'tue', 'wed', 'thu', 'fri'],
		description:
			'Days on which the window starts; a window that crosses midnight ends the next morning',
		displayOptions: windowShown,
	},
	{
		displayName: 'Window Start',
		name: 'windowStart',
		type: 'string',
		default: '22:00',
		placeholder: '22:00',
		description: 'Site local time, HH:mm',
		displayOptions: windowShown,
	},
	{
		displayName: 'Window End',
		name: 'windowEnd',
		type: 'string',
		default: '05:00',
		placeholder: '05:00',
		description: 'Site local time, HH:mm; earlier than the start means the next day',
		displayOptions: windowShown,
	},
	{
		displayName: 'Guardrails',
		name: 'guardrails',
		type: 'collection',
		placeholder: 'Change a Limit',
		default: {},
		description:
			'Limits on what one execution, one site and one target may have done. Recent actions are kept in the workflow static data, which n8n saves after production executions (active workflows), not after manual test runs.',
		options: [
			{
				displayName: 'Allowed Sites',
				name: 'allowSites',
				type: 'string',
				default: '',
				description:
					'Only act on these sites (comma-separated IDs or names); empty allows every site',
			},
			{
				displayName: 'Cooldown (Minutes)',
				name: 'cooldownMinutes',
				type: 'number',
				default: 30,
				typeOptions: { minValue: 0 },
				description:
					'The same action on the same target (AP, client, port) is refused again within this time',
			},
			{
				displayName: 'Denied Sites',
				name: 'denySites',
				type: 'string',
				default: '',
				description: 'Never act on these sites (comma-separated IDs or names)',
			},
			{
				displayName: 'Max Actions per Execution',
				name: 'maxActionsPerExecution',
				type: 'number',
				default: 5,
				typeOptions: { minValue: 0 },
				description:
					'Actions allowed in one execution, diagnostics included (dry-run ones count too); further items go to Skipped',
			},
			{
				displayName: 'Max Actions per Site per Hour',
				name: 'maxActionsPerSitePerHour',
				type: 'number',
				default: 10,
				typeOptions: { minValue: 0 },
				description: 'Changes sent to one site within the last 60 minutes, across executions',
			},
			{
				displayName: 'Max Clients per Reconnect',
				name: 'maxClientsPerReconnect',
				type: 'number',
				default: 10,
				typeOptions: { minValue: 1 },
				description: 'Largest number of clients one bulk reconnect or unauthorize may drop',
			},
			{
				displayName: 'Max Share of APs Restarting (%)',
				name: 'maxApRestartPercent',
				type: 'number',
				default: 20,
				typeOptions: { minValue: 0, maxValue: 100 },
				description:
					"Largest share of a site's APs restarted within 15 minutes; one AP is always allowed",
			},
		],
	},
];
