/** The history row codec: report records to flat Data Table rows and back. */
import { SEVERITIES } from '../../shared/findings/types';
import type { Severity } from '../../shared/findings/types';
import { dayOf, toMillis } from './time';
import type { Classified, EntityRef, FindingRecord, HistoryRow, MetricRecord } from './types';

type Json = Record<string, unknown>;

export const HISTORY_COLUMNS = [
	'kind',
	'period',
	'site_id',
	'site_name',
	'rule',
	'severity',
	'metric',
	'value',
	'timestamp',
	'fingerprint',
] as const;

export function encodeEntity(entity: EntityRef): string {
	return [entity.level, entity.id, ...(entity.name ? [entity.name] : [])].join(':');
}

export function decodeEntity(value: string): EntityRef {
	const [level, id, ...name] = value.split(':');
	return { level: level || 'site', id: id ?? '', ...(name.length ? { name: name.join(':') } : {}) };
}

export function isHistoryRowShape(json: Json): boolean {
	return (
		(json.kind === 'finding' || json.kind === 'metric') &&
		'period' in json &&
		!('scope' in json) &&
		!('metrics' in json)
	);
}

export function findingRow(record: FindingRecord, timezone: string): HistoryRow {
	return {
		kind: 'finding',
		period: dayOf(record.timestamp, timezone),
		site_id: record.siteId,
		site_name: record.siteName,
		rule: record.rule,
		severity: record.severity,
		metric: encodeEntity(record.entity),
		value: record.count,
		timestamp: new Date(record.timestamp).toISOString(),
		fingerprint: record.fingerprint,
	};
}

export function metricRow(record: MetricRecord, timezone: string): HistoryRow {
	return {
		kind: 'metric',
		period: dayOf(record.timestamp, timezone),
		site_id: record.siteId,
		site_name: record.siteName,
		rule: '',
		severity: '',
		metric: record.metric,
		value: record.value,
		timestamp: new Date(record.timestamp).toISOString(),
		fingerprint: '',
	};
}

/** A row read back from a Data Table (numbers may come back as strings, dates as Date or ISO). */
export function fromHistoryRow(json: Json): Classified {
	const timestamp = toMillis(json.timestamp);
	if (Number.isNaN(timestamp))
		return {
			error: `Not a history row: "timestamp" ${JSON.stringify(json.timestamp)} is not a date-time`,
		};
	const value = Number(json.value);
	if (json.value === null || json.value === '' || !Number.isFinite(value)) {
		return { error: `Not a history row: "value" ${JSON.stringify(json.value)} is not a number` };
	}
	const siteId = String(json.site_id ?? '');
	const siteName = String(json.site_name || siteId);
	const metric = String(json.metric ?? '');
	if (!metric) return { error: 'Not a history row: "metric" is required' };
	if (json.kind === 'metric')
		return { records: [{ kind: 'metric', timestamp, siteId, siteName, metric, value }] };
	const fingerprint = String(json.fingerprint ?? '');
	if (!fingerprint)
		return { error: 'Not a history row: "fingerprint" is required for a finding row' };
	const severity = SEVERITIES.includes(json.severity as Severity)
		? (json.severity as Severity)
		: 'info';
	return {
		records: [
			{
				kind: 'finding',
				timestamp,
				siteId,
				siteName,
				rule: String(json.rule ?? ''),
				severity,
				fingerprint,
				entity: decodeEntity(metric),
				count: Math.max(1, Math.round(value)),
			},
		],
	};
}
