import {
	CLIENT_MEASURES,
	clientMeasurementsOf,
	textOrUndefined,
} from '../../shared/findings/clientMeasurements';
import type { ClientMeasure } from '../../shared/findings/clientMeasurements';
import { NOT_CHECKED } from '../../shared/findings/notChecked';
import { parseFinding } from '../../shared/findings/schema';
import { SEVERITIES } from '../../shared/findings/types';
import type { Finding, Severity } from '../../shared/findings/types';
import { fromHistoryRow, isHistoryRowShape } from './history';
import { toMillis } from './time';
import type {
	Classified,
	ClientMeasurementRecord,
	EntityRef,
	FindingRecord,
	IncidentRecord,
	MetricRecord,
} from './types';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	Boolean(value) && typeof value === 'object' && !Array.isArray(value);

function missing(kind: string, field: string, problem = 'is required'): { error: string } {
	return { error: `Not a ${kind}: "${field}" ${problem}` };
}

export function entityOf(finding: Finding): EntityRef {
	const scope = finding.scope;
	if (scope.client_mac)
		return { level: 'client', id: scope.client_mac, name: scope.client_hostname };
	if (scope.switch_mac)
		return {
			level: 'switch_port',
			id: scope.port_id ? `${scope.switch_mac}/${scope.port_id}` : scope.switch_mac,
		};
	if (scope.ap_mac) return { level: 'ap', id: scope.ap_mac, name: scope.ap_name };
	return {
		level: scope.level,
		id: finding.fingerprint.split(':').slice(4).join(':'),
		name: scope.ssid ?? scope.vlan ?? scope.username,
	};
}

export function findingRecord(finding: Finding): FindingRecord {
	const clients = clientMeasurementsOf(finding);
	return {
		...(clients.length ? { clients } : {}),
		kind: 'finding',
		timestamp: Date.parse(finding.lastSeen),
		siteId: finding.scope.site_id,
		siteName: finding.scope.site_name ?? finding.scope.site_id,
		rule: finding.rule,
		severity: finding.severity,
		fingerprint: finding.fingerprint,
		entity: entityOf(finding),
		count: finding.count,
	};
}

/** A metric snapshot `{site_id, site_name, timestamp, metrics{…}}` → one record per numeric metric. */
export function metricRecords(json: Json): { records: MetricRecord[] } | { error: string } {
	if (typeof json.site_id !== 'string' || !json.site_id)
		return missing('metric snapshot', 'site_id');
	if (!isObject(json.metrics))
		return missing('metric snapshot', 'metrics', 'must be an object of numbers');
	const timestamp = toMillis(json.timestamp);
	if (Number.isNaN(timestamp))
		return missing(
			'metric snapshot',
			'timestamp',
			`${JSON.stringify(json.timestamp)} is not a date-time`,
		);
	const siteName =
		typeof json.site_name === 'string' && json.site_name ? json.site_name : json.site_id;
	const records = Object.entries(json.metrics)
		.filter(([, value]) => value !== null && value !== '' && Number.isFinite(Number(value)))
		.map(([metric, value]) => ({
			kind: 'metric' as const,
			timestamp,
			siteId: json.site_id as string,
			siteName,
			metric,
			value: Number(value),
		}));
	return { records };
}

function resultWord(result: unknown): string {
	if (typeof result === 'string') return result.toLowerCase();
	if (typeof result === 'boolean') return result ? 'success' : 'failed';
	if (isObject(result)) {
		if (typeof result.status === 'string') return result.status.toLowerCase();
		if (typeof result.success === 'boolean') return result.success ? 'success' : 'failed';
		if (result.error) return 'failed';
		return 'success';
	}
	return 'unknown';
}

const STATUS_RESULT: Record<string, string> = {
	done: 'success',
	failed: 'failed',
	'dry-run': 'dry-run',
	skipped: 'skipped',
};

function targetText(target: unknown): string {
	if (typeof target === 'string') return target;
	if (!isObject(target)) return '';
	const parts = [
		target.site_name ?? target.site_id,
		target.device_names ?? target.device_ids,
		target.client_macs,
	].flat();
	return parts.filter((part) => typeof part === 'string' && part).join(' ');
}

/**
 * Accepts the short form `{operation, target, decision, result, timestamp}` and the Mist Remediate
 * audit record `{status, operation, at, target{…}, guardrail{decision}, result}`.
 */
function remediationRecord(json: Json): Classified {
	if (typeof json.operation !== 'string' || !json.operation)
		return missing('remediation record', 'operation');
	const guardrail = isObject(json.guardrail) ? json.guardrail : undefined;
	const decision = json.decision ?? guardrail?.decision;
	if (decision === undefined) return missing('remediation record', 'decision');
	const stamp = json.timestamp ?? json.at;
	const timestamp = toMillis(stamp);
	if (Number.isNaN(timestamp))
		return missing(
			'remediation record',
			json.timestamp === undefined ? 'at' : 'timestamp',
			`${JSON.stringify(stamp)} is not a date-time`,
		);
	const status = typeof json.status === 'string' ? STATUS_RESULT[json.status] : undefined;
	return {
		records: [
			{
				kind: 'remediation',
				timestamp,
				operation: json.operation,
				target: targetText(json.target),
				decision: String(decision).toLowerCase(),
				result: status ?? resultWord(json.result),
			},
		],
	};
}

function severityOf(value: unknown): Severity {
	return SEVERITIES.includes(value as Severity) ? (value as Severity) : 'info';
}

function incidentRecord(json: Json): IncidentRecord | { error: string } {
	if (typeof json.fingerprint !== 'string') return missing('incident', 'fingerprint');
	const opened = toMillis(json.openedAt);
	const resolved = toMillis(json.resolvedAt);
	return {
		kind: 'incident',
		fingerprint: json.fingerprint,
		siteId: String(json.siteId ?? json.site_id ?? ''),
		siteName: String(json.siteName ?? json.site_name ?? json.siteId ?? json.site_id ?? ''),
		rule: String(json.rule ?? ''),
		severity: severityOf(json.severity),
		status: String(json.status ?? 'open'),
		openedAt: Number.isNaN(opened) ? undefined : opened,
		resolvedAt: Number.isNaN(resolved) ? undefined : resolved,
	};
}

/** An item of Mist Diagnose's Org's Worst Clients. */
function clientMeasurementRecord(json: Json): ClientMeasurementRecord | { error: string } {
	if (!CLIENT_MEASURES.includes(json.measure as ClientMeasure))
		return missing('worst client', 'measure', `must be one of ${CLIENT_MEASURES.join(', ')}`);
	if (typeof json.value !== 'number') return missing('worst client', 'value', 'must be a number');
	if (typeof json.client_mac !== 'string' || !json.client_mac)
		return missing('worst client', 'client_mac');
	if (typeof json.site_id !== 'string') return missing('worst client', 'site_id');
	const timestamp = toMillis(json.measured_at);
	return {
		kind: 'client_measurement',
		timestamp: Number.isNaN(timestamp) ? undefined : timestamp,
		measurement: {
			measure: json.measure as ClientMeasure,
			value: json.value,
			unit: textOrUndefined(json.unit) ?? '',
			limit: typeof json.limit === 'number' ? json.limit : undefined,
			mac: json.client_mac,
			hostname: textOrUndefined(json.client_hostname),
			siteId: json.site_id,
			siteName: textOrUndefined(json.site_name),
			apMac: textOrUndefined(json.ap_mac),
			apName: textOrUndefined(json.ap_name),
			measuredAt: Number.isNaN(timestamp) ? undefined : new Date(timestamp).toISOString(),
		},
	};
}

function byKind(kind: string, json: Json): Classified {
	switch (kind) {
		case 'finding': {
			const parsed = parseFinding(json);
			if (!('finding' in parsed)) return { error: parsed.error };
			// A symptom is counted in its root cause, so one problem counts once.
			return { records: parsed.finding.rootCause ? [] : [findingRecord(parsed.finding)] };
		}
		case 'metric':
			return metricRecords(json);
		case 'remediation':
			return remediationRecord(json);
		case 'incident': {
			const record = incidentRecord(json);
			return 'error' in record ? record : { records: [record] };
		}
		case NOT_CHECKED:
		case 'clientCoverage':
			// A sweep step that did not look this run, or what Org's Worst Clients stands for: nothing to count.
			return { records: [] };
		case 'worstClient': {
			const record = clientMeasurementRecord(json);
			return 'error' in record ? record : { records: [record] };
		}
		case 'api_usage': {
			const requests = Number(json.requests);
			const requestLimit = Number(json.request_limit);
			if (!Number.isFinite(requests))
				return missing('API usage record', 'requests', 'must be a number');
			if (!Number.isFinite(requestLimit) || requestLimit <= 0)
				return missing('API usage record', 'request_limit', 'must be a positive number');
			const timestamp = toMillis(json.timestamp);
			return {
				records: [
					{
						kind: 'api_usage',
						requests,
						requestLimit,
						timestamp: Number.isNaN(timestamp) ? undefined : timestamp,
					},
				],
			};
		}
		default:
			return {
				error: `Unknown "kind" ${JSON.stringify(kind)}: use finding, metric, remediation, incident, api_usage or worstClient`,
			};
	}
}

/**
 * Works out what an input item is. An explicit `kind` wins; otherwise the shape decides:
 * history row (flat, with `period`), Mist Alert item (`incidents[]`), finding (`fingerprint` + `scope`),
 * metric snapshot (`metrics{}`), remediation audit (`operation` + `decision`), API usage (`requests` + `request_limit`).
 */
export function classifyReportItem(json: Json): Classified {
	if (isHistoryRowShape(json)) return fromHistoryRow(json);
	if (Array.isArray(json.incidents) && typeof json.notice === 'string') {
		const records: IncidentRecord[] = [];
		for (const entry of json.incidents) {
			const record = isObject(entry) ? incidentRecord(entry) : missing('incident', 'fingerprint');
			if ('error' in record) return record;
			records.push(record);
		}
		return { records };
	}
	if (typeof json.kind === 'string') return byKind(json.kind, json);
	if ('fingerprint' in json && 'scope' in json) return byKind('finding', json);
	if ('metrics' in json) return byKind('metric', json);
	if ('operation' in json && ('decision' in json || 'guardrail' in json))
		return byKind('remediation', json);
	if ('requests' in json && 'request_limit' in json) return byKind('api_usage', json);
	return {
		error:
			'Not a report input: expected a finding, a metric snapshot {site_id, timestamp, metrics}, a remediation record {operation, decision} or Mist Remediate audit record, an incident, API usage {requests, request_limit} or a history row (or set "kind")',
	};
}
