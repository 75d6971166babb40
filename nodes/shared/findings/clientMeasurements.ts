import type { Finding } from './types';

/**
 * The client measurements that client health findings carry (one client per finding on a degraded
 * site, the worst five of a kind on a site whose SLE looks fine), as flat rows: Mist Diagnose keeps
 * the org's worst in its memory, Mist Report lists them in the report and on the dashboard.
 */

export const CLIENT_MEASURES = ['rssi', 'snr', 'retries'] as const;
export type ClientMeasure = (typeof CLIENT_MEASURES)[number];

export const CLIENT_MEASURE_LABELS: Record<ClientMeasure, string> = {
	rssi: 'Weak signal',
	snr: 'Low SNR',
	retries: 'High retries',
};

export interface ClientMeasurement {
	measure: ClientMeasure;
	value: number;
	unit: string;
	/** The warn limit the value breached, when the finding gave it. */
	limit?: number;
	mac: string;
	hostname?: string;
	siteId: string;
	siteName?: string;
	apMac?: string;
	apName?: string;
	/** ISO date-time of the client's stats (their last_seen), when Mist gave it. */
	measuredAt?: string;
}

const MEASURE_OF_RULE: Record<string, ClientMeasure> = {
	client_weak_signal: 'rssi',
	weak_signal_clients_site: 'rssi',
	client_low_snr: 'snr',
	low_snr_clients_site: 'snr',
	client_high_retries: 'retries',
	high_retries_clients_site: 'retries',
};

const UNITS: Record<ClientMeasure, string> = { rssi: 'dBm', snr: 'dB', retries: '%' };

/** Negative when `a` is worse: more retries, or a weaker signal or SNR. */
export function compareWorstFirst(measure: ClientMeasure, a: number, b: number): number {
	return measure === 'retries' ? b - a : a - b;
}

type Json = Record<string, unknown>;
/** A non-empty string, else undefined (optional text fields of items read back). */
export const textOrUndefined = (value: unknown) =>
	typeof value === 'string' && value ? value : undefined;

/** The client measurements a finding carries; none for findings of other rules. */
export function clientMeasurementsOf(finding: Finding): ClientMeasurement[] {
	const measure = MEASURE_OF_RULE[finding.rule];
	if (!measure) return [];
	const metric = finding.evidence.metrics?.[0];
	const site = { siteId: finding.scope.site_id, siteName: finding.scope.site_name };
	const base = { measure, unit: metric?.unit ?? UNITS[measure], limit: metric?.warn, ...site };
	const listed = finding.evidence.worstClients;
	if (Array.isArray(listed))
		return listed
			.filter(
				(entry): entry is Json =>
					Boolean(entry) &&
					typeof (entry as Json).mac === 'string' &&
					typeof (entry as Json).value === 'number',
			)
			.map((entry) => ({
				...base,
				value: entry.value as number,
				mac: entry.mac as string,
				hostname: textOrUndefined(entry.hostname),
				apMac: textOrUndefined(entry.ap_mac),
				apName: textOrUndefined(entry.ap_name),
				measuredAt: textOrUndefined(entry.measured_at),
			}));
	if (!finding.scope.client_mac || metric === undefined) return [];
	return [
		{
			...base,
			value: metric.value,
			mac: finding.scope.client_mac,
			hostname: finding.scope.client_hostname,
			apMac: finding.scope.ap_mac,
			apName: finding.scope.ap_name,
			measuredAt: finding.lastSeen,
		},
	];
}

/**
 * The worst clients of each measure, worst first, at most `perMeasure` each: a client counts once
 * per measure, at its worst value (the latest measurement of that value on a tie).
 */
export function worstClientsByMeasure(
	measurements: ClientMeasurement[],
	perMeasure: number,
): ClientMeasurement[] {
	const byClient = new Map<string, ClientMeasurement>();
	for (const entry of measurements) {
		const key = `${entry.measure}:${entry.mac}`;
		const known = byClient.get(key);
		const order = known ? compareWorstFirst(entry.measure, entry.value, known.value) : -1;
		if (order < 0 || (order === 0 && (entry.measuredAt ?? '') > (known?.measuredAt ?? '')))
			byClient.set(key, entry);
	}
	const all = [...byClient.values()];
	return CLIENT_MEASURES.flatMap((measure) =>
		all
			.filter((entry) => entry.measure === measure)
			.sort(
				(a, b) =>
					compareWorstFirst(measure, a.value, b.value) ||
					(b.measuredAt ?? '').localeCompare(a.measuredAt ?? '') ||
					a.mac.localeCompare(b.mac),
			)
			.slice(0, perMeasure),
	);
}
