import type { ClientMeasurement } from '../../../shared/findings/clientMeasurements';
import { NOT_CHECKED } from '../../../shared/findings/notChecked';
import { parseFinding } from '../../../shared/findings/schema';
import { ruleTitle } from '../../../shared/findings/titles';
import { SEVERITIES } from '../../../shared/findings/types';
import type { Finding, Severity } from '../../../shared/findings/types';
import { classifyReportItem } from '../classify';
import { toMillis } from '../time';
import type { RemediationRecord } from '../types';

/**
 * Sorts the items a dashboard workflow merges (Mist node outputs, Mist Diagnose findings, Mist Alert
 * incidents, remediation records) by shape, so one Merge node can feed the Render Dashboard operation.
 */

type Json = Record<string, unknown>;

/** Keys of the org `insights/sites-sle` (Wi-Fi) rows, in the portal's order. */
export const SLE_KEYS = [
	'successful-connect',
	'time-to-connect',
	'coverage',
	'roaming',
	'throughput',
	'capacity',
	'ap-health',
	'ap-availability',
];

export interface SleRow {
	siteId: string;
	/** Percent (0–100) per SLE key present in the row. */
	values: Record<string, number>;
	numAps?: number;
	numClients?: number;
}

export interface SiteInfo {
	id: string;
	name: string;
}

export interface DeviceStat {
	mac: string;
	name: string;
	siteId: string;
	type: string;
	status: string;
	mapId?: string;
	x?: number;
	y?: number;
	numClients?: number;
}

export interface ClientStat {
	mac: string;
	hostname: string;
	siteId: string;
	apMac?: string;
	rssi?: number;
	mapId?: string;
	x?: number;
	y?: number;
}

export interface IncidentInput {
	fingerprint: string;
	siteId: string;
	siteName: string;
	rule: string;
	severity: Severity;
	summary: string;
	status: string;
	/** Epoch ms the problem was first seen (incident opened or finding first seen). */
	since?: number;
	apMac?: string;
}

export interface DashboardInput {
	sle: SleRow[];
	sites: SiteInfo[];
	devices: DeviceStat[];
	clients: ClientStat[];
	findings: Finding[];
	incidents: IncidentInput[];
	remediation: RemediationRecord[];
	/** Mist Diagnose's Org's Worst Clients, and what part of the org they stand for. */
	worstClients: ClientMeasurement[];
	clientCoverage?: string;
	/** Errors that upstream nodes passed on (Continue On Fail), shown on the page. */
	dataErrors: string[];
}

export function emptyDashboardInput(): DashboardInput {
	return {
		sle: [],
		sites: [],
		devices: [],
		clients: [],
		findings: [],
		incidents: [],
		remediation: [],
		worstClients: [],
		dataErrors: [],
	};
}

const text = (value: unknown): string =>
	typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
const numberOrUndefined = (value: unknown): number | undefined =>
	value === null || value === undefined || value === '' || !Number.isFinite(Number(value))
		? undefined
		: Number(value);

function sleRow(json: Json): SleRow {
	const values: Record<string, number> = {};
	for (const key of SLE_KEYS) {
		const value = numberOrUndefined(json[key]);
		// Mist reports ratios (0–1); a value above 1 is already a percent.
		if (value !== undefined) values[key] = value <= 1 ? Math.round(value * 1000) / 10 : value;
	}
	return {
		siteId: text(json.site_id),
		values,
		numAps: numberOrUndefined(json.num_aps),
		numClients: numberOrUndefined(json.num_clients),
	};
}

function deviceStat(json: Json): DeviceStat {
	return {
		mac: text(json.mac).toLowerCase(),
		name: text(json.name) || text(json.mac),
		siteId: text(json.site_id),
		type: text(json.type),
		status: text(json.status) || 'unknown',
		mapId: text(json.map_id) || undefined,
		x: numberOrUndefined(json.x),
		y: numberOrUndefined(json.y),
		numClients: numberOrUndefined(json.num_clients),
	};
}

function clientStat(json: Json): ClientStat {
	return {
		mac: text(json.mac).toLowerCase(),
		hostname: text(json.hostname) || text(json.mac),
		siteId: text(json.site_id),
		apMac: text(json.ap_mac).toLowerCase() || undefined,
		rssi: numberOrUndefined(json.rssi),
		mapId: text(json.map_id) || undefined,
		x: numberOrUndefined(json.x),
		y: numberOrUndefined(json.y),
	};
}

function incidentInput(json: Json): IncidentInput {
	const since = toMillis(json.openedAt ?? json.firstSeen);
	return {
		fingerprint: text(json.fingerprint),
		siteId: text(json.siteId ?? json.site_id),
		siteName: text(json.siteName ?? json.site_name ?? json.siteId ?? json.site_id),
		rule: text(json.rule),
		severity: SEVERITIES.includes(json.severity as Severity) ? (json.severity as Severity) : 'info',
		summary: text(json.summary) || ruleTitle(text(json.rule)),
		status: text(json.status) || 'open',
		since: Number.isNaN(since) ? undefined : since,
		apMac:
			text(json.apMac ?? json.ap_mac ?? (json.level === 'ap' ? json.target : '')).toLowerCase() ||
			undefined,
	};
}

const DEVICE_TYPES = ['ap', 'gateway', 'switch'];

/** What one item is; `undefined` for an empty item (Always Output Data upstream). */
export function addDashboardItem(input: DashboardInput, json: Json): { error: string } | undefined {
	if (!Object.keys(json).length) return undefined;
	if (typeof json.error === 'string' && !('fingerprint' in json)) {
		input.dataErrors.push(json.error);
		return undefined;
	}
	if (json.kind === NOT_CHECKED) return undefined;
	if (json.kind === 'clientCoverage') {
		input.clientCoverage = text(json.summary);
		return undefined;
	}
	if (json.kind === 'incident') {
		input.incidents.push(incidentInput(json));
		return undefined;
	}
	if ('fingerprint' in json && 'scope' in json) {
		const parsed = parseFinding(json);
		if ('error' in parsed) return { error: parsed.error };
		// A symptom is shown through its root cause (evidence.symptoms), not as a problem of its own.
		if (!parsed.finding.rootCause) input.findings.push(parsed.finding);
		return undefined;
	}
	if (typeof json.site_id === 'string' && SLE_KEYS.some((key) => key in json)) {
		input.sle.push(sleRow(json));
		return undefined;
	}
	if (
		typeof json.mac === 'string' &&
		DEVICE_TYPES.includes(text(json.type)) &&
		!('ap_mac' in json)
	) {
		input.devices.push(deviceStat(json));
		return undefined;
	}
	if (typeof json.mac === 'string' && ('ap_mac' in json || 'rssi' in json)) {
		input.clients.push(clientStat(json));
		return undefined;
	}
	if (typeof json.id === 'string' && typeof json.name === 'string' && !('mac' in json)) {
		input.sites.push({ id: json.id, name: json.name });
		return undefined;
	}
	// Remediation records, Mist Alert notices and incidents without a kind: the report classifier knows them.
	const classified = classifyReportItem(json);
	if ('error' in classified) {
		return {
			error:
				'Not dashboard input: expected an SLE row (insights/sites-sle), a site, a device or client stat, a finding, an incident or a remediation record',
		};
	}
	for (const record of classified.records) {
		if (record.kind === 'remediation') input.remediation.push(record);
		else if (record.kind === 'client_measurement') input.worstClients.push(record.measurement);
		else if (record.kind === 'finding') continue;
		else if (record.kind === 'incident') {
			input.incidents.push({
				fingerprint: record.fingerprint,
				siteId: record.siteId,
				siteName: record.siteName,
				rule: record.rule,
				severity: record.severity,
				summary: ruleTitle(record.rule),
				status: record.status,
				since: record.openedAt,
			});
		}
	}
	return undefined;
}
