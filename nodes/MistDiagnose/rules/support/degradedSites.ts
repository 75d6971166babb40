import type { SiteSle } from '../../../shared/schemas/mist.schemas';
import { STEPS } from '../../../shared/findings/types';
import type { DiagnosisStep } from '../../../shared/findings/types';
import type { DiagnosisThresholds } from './thresholds';

/** The wifi SLE keys of `insights/sites-sle` and the steps that explain a drop in each. */
export const SLE_STEPS: Record<string, DiagnosisStep[]> = {
	'successful-connect': ['association', 'authentication', 'dhcp'],
	'time-to-connect': ['association', 'authentication', 'dhcp', 'infrastructure'],
	coverage: ['client_health'],
	roaming: ['client_health', 'association'],
	throughput: ['client_health', 'rf_environment'],
	capacity: ['rf_environment', 'ap_health'],
	'ap-health': ['ap_health'],
	'ap-availability': ['ap_health', 'infrastructure'],
};

export interface DegradedSite {
	site_id: string;
	num_clients?: number;
	num_aps?: number;
	degraded: Array<{ metric: string; value: number; threshold: number }>;
	/** Lowest degraded ratio, for ordering. */
	worst: number;
	/** Steps to drill into, in catalogue order, without repeats. */
	steps: DiagnosisStep[];
}

/**
 * Sites whose SLE ratio is strictly below the limit (0.9 by default: 0.9 itself is fine) for any wifi SLE,
 * worst first. Sites without clients are skipped unless `includeEmpty`, because their ratios mean nothing.
 */
export function degradedSites(
	sitesSle: SiteSle[],
	thresholds: DiagnosisThresholds,
	options: { includeEmpty?: boolean } = {},
): DegradedSite[] {
	const out: DegradedSite[] = [];
	for (const site of sitesSle) {
		if (!options.includeEmpty && site.num_clients === 0) continue;
		const degraded: DegradedSite['degraded'] = [];
		for (const metric of Object.keys(SLE_STEPS)) {
			const value = (site as Record<string, unknown>)[metric];
			if (typeof value !== 'number') continue;
			const threshold = thresholds.sleMetricDegradedBelow[metric] ?? thresholds.sleDegradedBelow;
			if (value < threshold) degraded.push({ metric, value, threshold });
		}
		if (degraded.length === 0) continue;
		const wanted = new Set(degraded.flatMap((entry) => SLE_STEPS[entry.metric]));
		out.push({
			site_id: site.site_id,
			num_clients: site.num_clients ?? undefined,
			num_aps: site.num_aps ?? undefined,
			degraded: degraded.sort((a, b) => a.value - b.value),
			worst: Math.min(...degraded.map((entry) => entry.value)),
			steps: STEPS.filter((step) => wanted.has(step)),
		});
	}
	return out.sort((a, b) => a.worst - b.worst || a.site_id.localeCompare(b.site_id));
}
