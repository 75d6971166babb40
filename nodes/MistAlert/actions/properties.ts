import type { INodeProperties } from 'n8n-workflow';

import * as acknowledge from './acknowledge.operation';
import * as evaluate from './evaluate.operation';
import * as getIncidents from './getIncidents.operation';
import { memoryProperties } from '../../shared/memory/description';
import { legacyRoutingKeyProperties } from './pagerDutyKey';

/** Operation, then each operation's parameters, then those every operation reads. */
export const mistAlertProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Acknowledge',
				value: 'acknowledge',
				description:
					'Acknowledge incidents without counting a run. Items: {ack: true, fingerprint or groupKey, by, note}.',
				action: 'Acknowledge incidents',
			},
			{
				name: 'Evaluate Findings',
				value: 'evaluate',
				description:
					'One monitoring run: update incidents from findings (items from Mist Diagnose), send what is due. Items with ack: true acknowledge; an empty item marks a run without findings; {error} items from upstream go to Invalid and stop resolutions this run.',
				action: 'Evaluate findings',
			},
			{
				name: 'Get Incidents',
				value: 'getIncidents',
				description:
					"Output the open and recently resolved incidents of this node's memory (shared: of every Mist Alert in the namespace), for reports and dashboards",
				action: 'Get incidents',
			},
		],
		default: 'evaluate',
	},
	...memoryProperties('incidents'),
	{
		displayName:
			"Incidents live in this node's workflow static data, which n8n saves only for production (active or scheduled) executions, not for manual test runs. Choose Shared memory to keep one incident per problem across workflows.",
		name: 'stateNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { memory: ['workflow'] } },
	},
	...evaluate.description,
	...acknowledge.description,
	...getIncidents.description,
	...legacyRoutingKeyProperties,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Critical Bypasses Mute Windows',
				name: 'criticalBypassesMute',
				type: 'boolean',
				default: false,
				description:
					'Whether critical incidents are sent even inside a mute window (silences still apply)',
			},
			{
				displayName: 'Dashboard URL',
				name: 'dashboardUrl',
				type: 'string',
				default: '',
				description: 'Link added to every message',
			},
			{
				displayName: 'Escalate to Email After (Minutes)',
				name: 'tier2AfterMinutes',
				type: 'number',
				default: 15,
				typeOptions: { minValue: 0 },
				description:
					'Tier 2 for an unacknowledged incident still open this long (major and critical go at once)',
			},
			{
				displayName: 'First Run Digest',
				name: 'firstRunDigest',
				type: 'boolean',
				default: true,
				description:
					'Whether the first notification this node ever sends (a new workflow with no saved alert state) is one summary per channel: one chat message listing every incident by site, worst first, and one email with those that need an email. Pages stay per incident, for critical ones only. Later runs send one message per group (site and rule) as usual.',
			},
			{
				displayName: 'Forget Silent Reporters After (Hours)',
				name: 'forgetReportersAfterHours',
				type: 'number',
				default: 24,
				typeOptions: { minValue: 1 },
				description:
					'With shared memory, several Evaluate nodes may report one incident; it resolves once each of them has had its clean runs. One not run for this long (e.g. a deactivated workflow) no longer holds incidents open.',
			},
			{
				displayName: 'Group Interval (Minutes)',
				name: 'groupIntervalMinutes',
				type: 'number',
				default: 5,
				typeOptions: { minValue: 0 },
				description: 'Minimum time between two messages of a group when new incidents join it',
			},
			{
				displayName: 'Group Wait (Seconds)',
				name: 'groupWaitSeconds',
				type: 'number',
				default: 30,
				typeOptions: { minValue: 0 },
				description: 'A new group is announced on the first run after it has existed this long',
			},
			{
				displayName: 'Keep Resolved (Hours)',
				name: 'resolvedRetentionHours',
				type: 'number',
				default: 24,
				typeOptions: { minValue: 0 },
				description: 'How long resolved incidents stay in state',
			},
			{
				displayName: 'Max Incidents Listed',
				name: 'maxListed',
				type: 'number',
				default: 20,
				typeOptions: { minValue: 1 },
				description: 'Incidents listed per message; the rest are counted',
			},
			{
				displayName: 'Open After Runs',
				name: 'openAfterRuns',
				type: 'number',
				default: 1,
				typeOptions: { minValue: 1 },
				description: 'Consecutive runs with a finding before its incident opens (flap hold-down)',
			},
			{
				displayName: 'Page After (Minutes)',
				name: 'tier3AfterMinutes',
				type: 'number',
				default: 30,
				typeOptions: { minValue: 0 },
				description: 'Tier 3 for a critical incident unacknowledged this long',
			},
			{
				displayName: 'Repeat Interval (Minutes)',
				name: 'repeatIntervalMinutes',
				type: 'number',
				default: 240,
				typeOptions: { minValue: 1 },
				description: 'Remind about an unchanged group with unacknowledged incidents this often',
			},
			{
				displayName: 'Resolve After Clean Runs',
				name: 'resolveAfterCleanRuns',
				type: 'number',
				default: 2,
				typeOptions: { minValue: 1 },
				description: 'Consecutive runs without a finding before its incident resolves',
			},
		],
	},
];
