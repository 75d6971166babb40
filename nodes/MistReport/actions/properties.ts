import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { memoryProperties } from '../../shared/memory/description';

import * as generate from './generate.operation';
import * as renderDashboard from './renderDashboard.operation';
import * as toHistoryRows from './toHistoryRows.operation';

/** Operation, the parameters every operation shows, then each operation's own. */
export const mistReportProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Generate',
				value: 'generate',
				description:
					'Build a daily or weekly report (HTML, Markdown, JSON) from findings, metric snapshots, remediation records, incidents, API usage and history rows',
				action: 'Generate a report',
			},
			{
				name: 'Render Dashboard',
				value: 'renderDashboard',
				description:
					'Build a self-contained HTML dashboard page (org health, SLE per site, incidents, remediation, trends, AP maps) from merged Mist node, Mist Diagnose and Mist Alert items, for Respond to Webhook',
				action: 'Render a dashboard page',
			},
			{
				name: 'To History Rows',
				value: 'toHistoryRows',
				description:
					'Flatten findings and metric snapshots into rows for an n8n Data Table (Insert)',
				action: 'Convert to history rows',
			},
		],
		default: 'generate',
	},
	{
		displayName:
			'Input items are recognised by a "kind" field (finding, metric, remediation, incident, api_usage) or by shape; Data Table rows (kind, period, site_id, site_name, rule, severity, metric, value, timestamp, fingerprint) are read back as history',
		name: 'inputNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Timezone',
		name: 'timezone',
		type: 'string',
		default: 'UTC',
		placeholder: 'Europe/Paris',
		description: 'IANA time zone for days and weeks (and the period column of history rows)',
	},
	// Generate keeps its report history there; Render Dashboard its trend samples, and reads the
	// remediation audit and report history other workflows keep there.
	...updateDisplayOptions(
		{ show: { operation: ['generate', 'renderDashboard'] } },
		memoryProperties('report history'),
	),
	...generate.description,
	...renderDashboard.description,
	...toHistoryRows.description,
];
