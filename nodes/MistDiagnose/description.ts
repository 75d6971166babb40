import type { INodeProperties } from 'n8n-workflow';

import { orgLocator } from '../shared/descriptions/locators';
import { memoryProperties } from '../shared/memory/description';
import { STEP_OPTIONS } from './steps';

const sweepOnly = { show: { mode: ['sweep'] } };
const triageOnly = { show: { mode: ['triage'] } };
/** Reading the org's worst clients from memory diagnoses nothing: no step, window or thresholds. */
const diagnosing = { hide: { mode: ['worstClients'] } };

export const diagnoseProperties: INodeProperties[] = [
	{
		displayName: 'Step',
		name: 'step',
		type: 'options',
		noDataExpression: true,
		options: STEP_OPTIONS,
		default: 'association',
		displayOptions: diagnosing,
	},
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Sweep',
				value: 'sweep',
				description:
					'Fetch org-wide data once and report every problem (for schedules); runs once whatever the input',
			},
			{
				name: 'Triage',
				value: 'triage',
				description:
					'Check the clients or APs given as input items (from the Mist node, the trigger or a form)',
			},
			{
				name: "Org's Worst Clients",
				value: 'worstClients',
				description:
					'List the clients with the weakest signal, lowest SNR and most retries that Client Health sweeps (with Cover Every Site Within) last measured on each site; from the Memory, no Mist call',
			},
		],
		default: 'sweep',
	},
	{ ...orgLocator, description: 'The Mist org to diagnose' },
	{
		displayName: 'Time Window',
		name: 'window',
		type: 'string',
		default: '1h',
		placeholder: '1h',
		description: 'How far back to look for events and SLEs, as a Mist duration (10m, 1h, 1d)',
		displayOptions: diagnosing,
	},
	{
		displayName: 'Clients per Measure',
		name: 'clientsPerMeasure',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 25 },
		default: 10,
		displayOptions: { show: { mode: ['worstClients'] } },
		description:
			'How many of the worst clients to list for each measure (weak signal, low SNR, high retries)',
	},
	{
		displayName: 'Input Items Are',
		name: 'itemKind',
		type: 'options',
		displayOptions: triageOnly,
		options: [
			{ name: 'Clients', value: 'client' },
			{ name: 'APs', value: 'ap' },
		],
		default: 'client',
		description: 'What each input item describes',
	},
	{
		displayName: 'MAC',
		name: 'itemMac',
		type: 'string',
		displayOptions: triageOnly,
		default: '={{ $json.mac ?? $json.client_mac ?? $json.scope?.client_mac ?? $json.ap_mac }}',
		description: 'MAC of the client or AP of each item',
	},
	{
		displayName: 'Site ID',
		name: 'itemSiteId',
		type: 'string',
		displayOptions: triageOnly,
		default: '={{ $json.site_id ?? $json.scope?.site_id ?? "" }}',
		description: 'Site of each item. Needed for Client Health; leave empty when unknown.',
	},
	{
		displayName: 'Thresholds',
		name: 'thresholds',
		type: 'collection',
		placeholder: 'Change a Threshold',
		default: {},
		displayOptions: diagnosing,
		options: [
			{
				displayName: 'Advanced Thresholds (JSON)',
				name: 'advanced',
				type: 'json',
				default: '{}',
				description:
					'Any other threshold of the diagnosis rules by its key, e.g. {"sharedMinClients": 3, "portFlapDowns": 4}. See the package README for the list.',
			},
			{
				displayName: 'Channel Utilisation Critical (%)',
				name: 'channelUtilCrit',
				type: 'number',
				default: 70,
			},
			{
				displayName: 'Channel Utilisation Warning (%)',
				name: 'channelUtilWarn',
				type: 'number',
				default: 50,
			},
			{
				displayName: 'Clients per AP Critical',
				name: 'clientsPerApCrit',
				type: 'number',
				default: 50,
			},
			{
				displayName: 'Clients per AP Warning',
				name: 'clientsPerApWarn',
				type: 'number',
				default: 30,
			},
			{
				displayName: 'Noise Floor Critical (dBm)',
				name: 'noiseFloorCrit',
				type: 'number',
				default: -80,
			},
			{
				displayName: 'Noise Floor Warning (dBm)',
				name: 'noiseFloorWarn',
				type: 'number',
				default: -85,
			},
			{
				displayName: 'Retries Critical (%)',
				name: 'retriesCrit',
				type: 'number',
				default: 20,
			},
			{
				displayName: 'Retries Warning (%)',
				name: 'retriesWarn',
				type: 'number',
				default: 15,
			},
			{
				displayName: 'RSSI Critical (dBm)',
				name: 'rssiCrit',
				type: 'number',
				default: -80,
				description: 'Defaults to -80 for data, -75 for the voice profile',
			},
			{
				displayName: 'RSSI Profile',
				name: 'rssiProfile',
				type: 'options',
				options: [
					{ name: 'Data (-72 / -80 dBm)', value: 'data' },
					{ name: 'Voice (-67 / -75 dBm)', value: 'voice' },
				],
				default: 'data',
			},
			{
				displayName: 'RSSI Warning (dBm)',
				name: 'rssiWarn',
				type: 'number',
				default: -72,
				description: 'Defaults to -72 for data, -67 for the voice profile',
			},
			{
				displayName: 'Shared Problem Min Clients',
				name: 'sharedMinClients',
				type: 'number',
				default: 2,
				description:
					'Distinct clients failing in the window on one site, VLAN or SSID that make one shared finding',
			},
			{
				displayName: 'SLE Degraded Below',
				name: 'sleDegradedBelow',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				default: 0.9,
				description: 'Sites whose SLE success ratio is below this are drilled into',
			},
			{
				displayName: 'SLE Minimum Clients',
				name: 'sleMinClients',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 10,
				description:
					'Sites (and SLE summaries) with fewer clients are not judged on their SLE: with a handful of clients one client makes the ratio',
			},
			{
				displayName: 'SNR Critical (dB)',
				name: 'snrCrit',
				type: 'number',
				default: 15,
			},
			{
				displayName: 'SNR Warning (dB)',
				name: 'snrWarn',
				type: 'number',
				default: 25,
			},
		],
	},
	...memoryProperties('the slow-changing Mist data (site list, event catalogue)'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: diagnosing,
		options: [
			{
				displayName: 'API Budget Reserve',
				name: 'budgetReserve',
				type: 'number',
				typeOptions: { minValue: 0 },
				displayOptions: { show: { '/mode': ['sweep'] } },
				default: 500,
				description:
					'Calls per hour of the Mist token that sweeps leave to people, triage and the troubleshooter. With Pace to API Budget on, no sweep spends them.',
			},
			{
				displayName: 'API Budget Share (%)',
				name: 'budgetShare',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 100 },
				displayOptions: { show: { '/mode': ['sweep'] } },
				default: 0,
				description:
					"This workflow's share of what the token's sweeps may spend per hour; 0 shares it equally among the workflows that swept in the last hour",
			},
			{
				displayName: 'Baseline Field',
				name: 'baselineField',
				type: 'string',
				default: '',
				placeholder: 'baseline',
				description:
					'Field of the first input item holding each site\'s recent history, to flag values above mean + k·σ: {"dhcp": {"&lt;site_id&gt;": [counts]}, "authentication": {…}, "rf_environment": {"&lt;ap_mac&gt;:&lt;band&gt;": [util %]}, "infrastructure": {…}}',
			},
			{
				displayName: 'Check At Most Every (Seconds)',
				name: 'checkEvery',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 86400 },
				displayOptions: { show: { '/mode': ['sweep'] } },
				default: 0,
				description:
					'Let this step check less often than the trigger runs (e.g. DHCP every 120 s in a chain triggered every 30 s). Until its turn it reads nothing: Healthy passes its input on, and Issues carries one notChecked item so Mist Alert does not count the run as clean. 0 checks on every run.',
			},
			{
				displayName: 'Cover Every Site Within (Minutes)',
				name: 'coverEveryMinutes',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 10080 },
				displayOptions: { show: { '/mode': ['sweep'], '/step': ['client_health', 'all'] } },
				default: 60,
				description:
					"Client health: besides the SLE-degraded sites, each sweep reads the client stats of a slice of the other sites (longest unread first), so every site's clients are read at least once within this time. About sites × time between sweeps ÷ this time calls a sweep (17 at 1,000 sites, 60 s and 60 minutes). 0 reads degraded sites only.",
			},
			{
				displayName: 'Drill Into All Sites',
				name: 'drillAllSites',
				type: 'boolean',
				default: false,
				description:
					'Whether to read client stats of every site instead of only SLE-degraded ones. Costs one call per site: for small orgs only.',
			},
			{
				displayName: 'Healthy Below',
				name: 'healthyBelow',
				type: 'options',
				displayOptions: { show: { '/mode': ['sweep'] } },
				options: [
					{
						name: 'Critical',
						value: 'critical',
						description: 'Only critical problems keep a site off Healthy',
					},
					{ name: 'Info', value: 'info', description: 'Any finding keeps a site off Healthy' },
					{
						name: 'Major',
						value: 'major',
						description: 'Major and critical problems keep a site off Healthy',
					},
					{
						name: 'Minor',
						value: 'minor',
						description: 'Minor, major and critical problems keep a site off Healthy',
					},
				],
				default: 'major',
				description:
					'A site goes to Healthy (and on to the next step of a chain) when no problem at or above this severity concerns it; lighter findings still go to Issues',
			},
			{
				displayName: 'Healthy Output',
				name: 'healthyOutput',
				type: 'options',
				displayOptions: { show: { '/mode': ['sweep'] } },
				options: [
					{ name: 'Sites Only', value: 'sites' },
					{
						name: 'Every Checked Entity',
						value: 'all',
						description: 'Sites, APs, clients, VLANs… (can be many items)',
					},
				],
				default: 'sites',
			},
			{
				displayName: 'Include Request Stats',
				name: 'includeRequestStats',
				type: 'boolean',
				default: true,
				description:
					'Whether to add _requestStats (Mist API calls made by this execution) to every output item',
			},
			{
				displayName: 'Include Symptoms',
				name: 'includeSymptoms',
				type: 'boolean',
				default: false,
				description:
					'Whether to also output the symptom findings a root cause explains (each with rootCause set to its fingerprint). Off: one item per problem, its symptoms listed in evidence.symptoms.',
			},
			{
				displayName: 'Max Drill-Down Sites',
				name: 'maxDrilldownSites',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 10,
				description:
					'Most sites per step whose detail is fetched (worst SLE first); bounds the API cost',
			},
			{
				displayName: 'Pace to API Budget',
				name: 'paceToBudget',
				type: 'boolean',
				displayOptions: { show: { '/mode': ['sweep'] } },
				default: true,
				description:
					"Whether to keep this sweep within its share of the Mist token's 5,000 calls per hour (recorded in the Memory, checked against /self/usage): drill-downs beyond the share are skipped, and the whole sweep when the hour has nothing left above the reserve. The output's _budget says what was skipped and why.",
			},
			{
				displayName: 'Site IDs',
				name: 'siteIds',
				type: 'string',
				default: '',
				description:
					'Only these sites (comma-separated site IDs, UUIDs); empty means every site of the org',
			},
		],
	},
	{
		displayName:
			'Sweep runs once per execution: it reads org-wide data (searches of up to 1,000 records a call) and drills into SLE-degraded sites only, so its API cost grows with problems, not with clients.',
		name: 'sweepNotice',
		type: 'notice',
		default: '',
		displayOptions: sweepOnly,
	},
];
