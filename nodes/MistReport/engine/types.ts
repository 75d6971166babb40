import type { ClientMeasurement } from '../../shared/findings/clientMeasurements';
import type { Severity } from '../../shared/findings/types';

export const RECORD_KINDS = [
	'api_usage',
	'client_measurement',
	'finding',
	'incident',
	'metric',
	'remediation',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface EntityRef {
	/** Scope level: client, ap, switch_port, ssid, vlan, site, org. */
	level: string;
	id: string;
	name?: string;
}

export interface FindingRecord {
	kind: 'finding';
	/** Epoch ms of the last sighting. */
	timestamp: number;
	siteId: string;
	siteName: string;
	rule: string;
	severity: Severity;
	fingerprint: string;
	entity: EntityRef;
	count: number;
	/** The client measurements of a client health finding (its client, or a site's worst clients). */
	clients?: ClientMeasurement[];
}

/** One of the org's worst clients (Mist Diagnose, Org's Worst Clients). */
export interface ClientMeasurementRecord {
	kind: 'client_measurement';
	/** Epoch ms of the measurement, when known. */
	timestamp?: number;
	measurement: ClientMeasurement;
}

export interface MetricRecord {
	kind: 'metric';
	timestamp: number;
	siteId: string;
	siteName: string;
	metric: string;
	value: number;
}

export interface RemediationRecord {
	kind: 'remediation';
	timestamp: number;
	operation: string;
	target: string;
	decision: string;
	/** Normalised outcome: success, failed, or the record's own word. */
	result: string;
}

export interface IncidentRecord {
	kind: 'incident';
	fingerprint: string;
	siteId: string;
	siteName: string;
	rule: string;
	severity: Severity;
	status: string;
	openedAt?: number;
	resolvedAt?: number;
}

export interface ApiUsageRecord {
	kind: 'api_usage';
	timestamp?: number;
	requests: number;
	requestLimit: number;
}

export type ReportRecord =
	| ClientMeasurementRecord
	| FindingRecord
	| MetricRecord
	| RemediationRecord
	| IncidentRecord
	| ApiUsageRecord;

/** What one input item turned out to be: its records, or why it is not a report input. */
export type Classified = { records: ReportRecord[] } | { error: string };

/** A flat row for an n8n Data Table (all columns always present, so one table holds both kinds). */
export interface HistoryRow {
	kind: 'finding' | 'metric';
	/** Local calendar day of `timestamp` (YYYY-MM-DD), handy for Data Table filters. */
	period: string;
	site_id: string;
	site_name: string;
	rule: string;
	severity: string;
	/** Metric name; for findings, the affected entity as `level:id[:name]`. */
	metric: string;
	/** Metric value; for findings, the finding's count. */
	value: number;
	/** ISO date-time. */
	timestamp: string;
	fingerprint: string;
}

export interface Trend {
	current: number | null;
	previous: number | null;
	change: number | null;
	changePercent: number | null;
	direction: 'up' | 'down' | 'flat' | 'n/a';
}

export interface ForecastRule {
	metric: string;
	threshold: number;
	direction: 'above' | 'below';
}

export interface ReportOptions {
	type: 'daily' | 'weekly';
	/** Epoch ms; the report covers the period ending here and compares with the one before. */
	end: number;
	timezone: string;
	title?: string;
	/** SLE percent below which a site counts as degraded. */
	sleThreshold: number;
	topN: number;
	anomalyK: number;
	anomalyMinSamples: number;
	forecasts: ForecastRule[];
	forecastHorizonDays: number;
	forecastMinSamples: number;
}
