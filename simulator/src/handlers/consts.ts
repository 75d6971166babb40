import { CLIENT_EVENT_TEXT } from '../generator/eventFactory';
import { REAL_CLIENT_EVENTS } from '../generator/clientEventCatalog';
import { FAULT_KINDS } from '../generator/faults';
import { alarmSpecsOf } from '../generator/faultDefinitions';
import type { SimulatorProfile } from '../types';
import { SLE_METRICS } from './sleModel';

/** Catalogues served under /const, covering every type the simulator emits. */

const CLIENT_EVENT_GROUPS: Record<string, string> = {
	CLIENT_ASSOCIATION: 'association',
	CLIENT_ASSOCIATION_FAILURE: 'association',
	CLIENT_DEAUTHENTICATED: 'disconnect',
	CLIENT_AUTHENTICATED: 'authentication',
	MARVIS_EVENT_CLIENT_AUTH_FAILURE: 'authentication',
	REPEATED_AUTH_FAILURES: 'authentication',
	CLIENT_IP_ASSIGNED: 'dhcp',
	MARVIS_EVENT_CLIENT_DHCP_STUCK: 'dhcp',
	MARVIS_EVENT_CLIENT_DHCP_FAILURE: 'dhcp',
	MARVIS_EVENT_CLIENT_DHCP_NAK: 'dhcp',
	CLIENT_DNS_OK: 'dns',
};

/** The real catalogue (realistic profile), or the 11 types the spec-only simulator emits. */
export function clientEventDefs(profile: SimulatorProfile) {
	if (profile === 'realistic') return REAL_CLIENT_EVENTS.map((definition) => ({ ...definition }));
	return Object.entries(CLIENT_EVENT_TEXT).map(([key, description]) => ({
		key,
		display: key
			.replace(/^MARVIS_EVENT_/, '')
			.toLowerCase()
			.split('_')
			.map((w) => w.charAt(0).toUpperCase() + w.slice(1))
			.join(' '),
		group: CLIENT_EVENT_GROUPS[key] ?? 'other',
		description,
	}));
}

export const DEVICE_EVENT_DEFS = [
	{
		key: 'AP_CONFIGURED',
		display: 'AP Configured',
		group: 'ap',
		description: 'AP received a new configuration',
	},
	{
		key: 'AP_CONNECTED',
		display: 'AP Connected',
		group: 'ap',
		description: 'AP connected to the cloud',
	},
	{
		key: 'AP_DISCONNECTED',
		display: 'AP Disconnected',
		group: 'ap',
		description: 'AP lost its connection to the cloud',
	},
	{ key: 'AP_RESTARTED', display: 'AP Restarted', group: 'ap', description: 'AP restarted' },
	{
		key: 'AP_RESTART_BY_USER',
		display: 'AP Restarted by User',
		group: 'ap',
		description: 'AP restart requested through the API or portal',
	},
	{
		key: 'AP_RRM_ACTION',
		display: 'AP RRM Action',
		group: 'ap',
		description: 'RRM changed the channel or power of the AP',
	},
	{
		key: 'SW_CONFIGURED',
		display: 'Switch Configured',
		group: 'switch',
		description: 'Switch received a new configuration',
	},
	{
		key: 'SW_PORT_DOWN',
		display: 'Switch Port Down',
		group: 'switch',
		description: 'A switch port went down',
	},
	{
		key: 'SW_PORT_UP',
		display: 'Switch Port Up',
		group: 'switch',
		description: 'A switch port came up',
	},
];

/** One definition per alarm type the profile raises, shaped as the spec's const_alarm_definition. */
export function alarmDefs(profile: SimulatorProfile) {
	const seen = new Map<
		string,
		{ key: string; display: string; group: string; severity: string; fields: string[] }
	>();
	for (const kind of FAULT_KINDS) {
		for (const spec of alarmSpecsOf(kind, profile)) {
			if (seen.has(spec.type)) continue;
			seen.set(spec.type, {
				key: spec.type,
				display: spec.display ?? spec.type.replace(/_/g, ' '),
				group: spec.group,
				severity: spec.severity,
				fields: spec.fields ?? ['aps', 'hostnames', 'ssids'],
			});
		}
	}
	return [...seen.values()];
}

export function insightMetricDefs() {
	const timeseries = (description: string, unit: string, scopes: string[]) => ({
		description,
		type: 'timeseries',
		unit,
		scopes,
		intervals: {
			'10m': { interval: 600, max_age: 86400 },
			'1h': { interval: 3600, max_age: 1209600 },
		},
		report_durations: {
			'1d': { duration: 86400, interval: 3600 },
			'1w': { duration: 604800, interval: 3600 },
		},
		report_scopes: ['site', 'org'],
	});
	const out: Record<string, unknown> = {
		bytes: timeseries('Aggregated bytes over time', 'byte', ['site', 'ap', 'client']),
		num_clients: timeseries('Number of clients over time', '', ['site', 'ap', 'device']),
		client_dhcp_latency: timeseries('DHCP latency of clients', 'ms', ['site', 'client']),
		rssi: timeseries('Client RSSI over time', 'dBm', ['client']),
	};
	for (const metric of SLE_METRICS) {
		out[metric.name] = {
			description: `SLE ${metric.name}`,
			type: 'sle',
			unit: '',
			scopes: ['site', 'ap', 'client'],
			sle_classifiers: metric.classifiers,
		};
	}
	return out;
}

export const WEBHOOK_TOPICS = [
	{ key: 'alarms', for_org: true, has_delivery_results: true },
	{ key: 'audits', for_org: true, has_delivery_results: true },
	{ key: 'client-info', for_org: true },
	{ key: 'client-join', for_org: true },
	{ key: 'client-sessions', for_org: true },
	{ key: 'device-events', for_org: true, allows_single_event_per_message: true },
	{ key: 'device-updowns', for_org: true, has_delivery_results: true },
	{ key: 'nac-events', for_org: true },
	{ key: 'ping', for_org: true, has_delivery_results: true },
	{ key: 'site-sle', for_org: true },
];

export function nacEventDefs(orgId: string) {
	return ['NAC_CLIENT_PERMIT', 'NAC_CLIENT_DENY', 'NAC_CLIENT_CERT_CHECK_FAILURE'].map((type) => ({
		type,
		org_id: orgId,
		nas_vendor: 'juniper-mist',
	}));
}
