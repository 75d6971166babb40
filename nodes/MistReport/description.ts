import type { INodeProperties } from 'n8n-workflow';

const generateOnly = { show: { operation: ['generate'] } };

const dashboardOnly = { show: { operation: ['renderDashboard'] } };

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
				description: 'Flatten findings and metric snapshots into rows for an n8n Data Table (Insert)',
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
		displayName: 'Report Type',
		name: 'reportType',
		type: 'options',
		options: [
			{ name: 'Daily', value: 'daily', description: 'The 24 hours before the period end, compared with the 24 hours before that' },
			{ name: 'Weekly', value: 'weekly', description: 'The 7 days before the period end, compared with the 7 days before that' },
		],
		default: 'daily',
		displayOptions: generateOnly,
	},
	{
		displayName: 'Period End',
		name: 'periodEnd',
		type: 'dateTime',
		default: '',
		description: 'End of the reported period; empty means now',
		displayOptions: generateOnly,
	},
	{
		displayName: 'Timezone',
		name: 'timezone',
		type: 'string',
		default: 'UTC',
		placeholder: 'Europe/Paris',
		description: 'IANA time zone for days and weeks (and the period column of history rows)',
	},
	{
		displayName: 'Forecasts',
		name: 'forecasts',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Forecast',
		default: {},
		description: 'Metrics to extrapolate with a least-squares line. Empty means dhcp_used rising to 100.',
		displayOptions: generateOnly,
		options: [
			{
				displayName: 'Forecast',
				name: 'rule',
				values: [
					{
						displayName: 'Direction',
						name: 'direction',
						type: 'options',
						options: [
							{ name: 'Falling To Threshold', value: 'below' },
							{ name: 'Rising To Threshold', value: 'above' },
						],
						default: 'above',
					},
					{ displayName: 'Metric', name: 'metric', type: 'string', default: 'dhcp_used', placeholder: 'num_clients' },
					{ displayName: 'Threshold', name: 'threshold', type: 'number', default: 100 },
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: generateOnly,
		options: [
			{ displayName: 'Anomaly Min Samples', name: 'anomalyMinSamples', type: 'number', default: 5, typeOptions: { minValue: 2 }, description: 'Earlier samples a site metric needs before it can be flagged' },
			{ displayName: 'Anomaly Sigma (K)', name: 'anomalyK', type: 'number', default: 3, typeOptions: { minValue: 0.5, numberPrecision: 1 }, description: 'Flag a value outside mean ± k·σ of the site\'s history' },
			{ displayName: 'Forecast Horizon (Days)', name: 'forecastHorizonDays', type: 'number', default: 30, typeOptions: { minValue: 1 }, description: 'Report forecasts that reach their threshold within this many days' },
			{ displayName: 'Forecast Min Samples', name: 'forecastMinSamples', type: 'number', default: 3, typeOptions: { minValue: 2 } },
			{ displayName: 'SLE Threshold (%)', name: 'sleThreshold', type: 'number', default: 90, typeOptions: { minValue: 0, maxValue: 100 }, description: 'A site with any SLE below this is degraded' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
			{ displayName: 'Top N', name: 'topN', type: 'number', default: 10, typeOptions: { minValue: 1 }, description: 'Rows in the top issues, clients and APs tables' },
		],
	},
	{
		displayName:
			'Merge into this node: Juniper Mist SLE → Get Org Sites SLE, Site → Get Many, Device → Get Stats (APs, Simplify off for map positions), Client → Get Connected Stats (Simplify off), Mist Diagnose findings, and optionally Mist Alert incidents and Mist Remediate records',
		name: 'dashboardNotice',
		type: 'notice',
		default: '',
		displayOptions: dashboardOnly,
	},
	{
		displayName: 'Dashboard Options',
		name: 'dashboardOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: dashboardOnly,
		options: [
			{ displayName: 'Keep Trend History', name: 'keepTrend', type: 'boolean', default: true, description: 'Whether to remember each run\'s mean SLE per site in the workflow (production runs only) and draw it as a sparkline' },
			{ displayName: 'Max Trend Samples', name: 'maxTrendSamples', type: 'number', default: 96, typeOptions: { minValue: 2 }, description: 'Samples kept per site; older ones are dropped' },
			{ displayName: 'SLE Threshold (%)', name: 'sleThreshold', type: 'number', default: 90, typeOptions: { minValue: 0, maxValue: 100 }, description: 'A site with any SLE below this is degraded' },
			{ displayName: 'Title', name: 'title', type: 'string', default: 'Wi-Fi network health' },
			{ displayName: 'Trend Sample Interval (Minutes)', name: 'trendIntervalMinutes', type: 'number', default: 5, typeOptions: { minValue: 0 }, description: 'A run sooner than this after the last sample replaces it instead of adding one' },
		],
	},
];
