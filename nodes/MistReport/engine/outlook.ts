import { detectAnomaly } from './anomaly';
import type { AnomalyRow, ForecastRow } from './figures';
import { forecastCrossing } from './forecast';
import { round } from './stats';
import type { MetricRecord, ReportOptions } from './types';

function seriesBySite(metrics: MetricRecord[], metric: string): Map<string, MetricRecord[]> {
	const bySite = new Map<string, MetricRecord[]>();
	for (const record of metrics.filter((entry) => entry.metric === metric))
		bySite.set(record.siteId, [...(bySite.get(record.siteId) ?? []), record]);
	for (const list of bySite.values()) list.sort((a, b) => a.timestamp - b.timestamp);
	return bySite;
}

export function forecasts(
	metrics: MetricRecord[],
	names: Map<string, string>,
	options: ReportOptions,
): ForecastRow[] {
	const rows: ForecastRow[] = [];
	for (const rule of options.forecasts) {
		for (const [siteId, series] of seriesBySite(metrics, rule.metric)) {
			const result = forecastCrossing(
				series.map((record) => ({ t: record.timestamp, value: record.value })),
				rule.threshold,
				{ now: options.end, direction: rule.direction, minSamples: options.forecastMinSamples },
			);
			if (
				!result ||
				result.daysToThreshold === null ||
				result.daysToThreshold > options.forecastHorizonDays
			)
				continue;
			rows.push({
				siteId,
				siteName: names.get(siteId) ?? siteId,
				metric: rule.metric,
				threshold: rule.threshold,
				direction: rule.direction,
				latest: series[series.length - 1].value,
				slopePerDay: round(result.slopePerDay, 3),
				daysToThreshold: round(result.daysToThreshold, 1),
				reachesAt: result.reachesAt as string,
				r2: round(result.r2, 2),
			});
		}
	}
	return rows.sort((a, b) => a.daysToThreshold - b.daysToThreshold);
}

/** The latest value of each site metric in the period, judged against every earlier sample. */
export function anomalies(
	metrics: MetricRecord[],
	names: Map<string, string>,
	options: ReportOptions,
	inCurrent: (ms?: number) => boolean,
): AnomalyRow[] {
	const rows: AnomalyRow[] = [];
	const metricNames = [...new Set(metrics.map((metric) => metric.metric))].sort();
	for (const metric of metricNames) {
		for (const [siteId, series] of seriesBySite(metrics, metric)) {
			const latest = series[series.length - 1];
			if (!inCurrent(latest.timestamp)) continue;
			const check = detectAnomaly(
				series.slice(0, -1).map((record) => record.value),
				latest.value,
				{ k: options.anomalyK, minSamples: options.anomalyMinSamples },
			);
			if (!check?.anomalous) continue;
			rows.push({
				siteId,
				siteName: names.get(siteId) ?? siteId,
				metric,
				value: latest.value,
				mean: round(check.mean, 2),
				stddev: round(check.stddev, 2),
				zScore: Number.isFinite(check.zScore) ? round(check.zScore, 1) : null,
				timestamp: new Date(latest.timestamp).toISOString(),
			});
		}
	}
	return rows;
}
