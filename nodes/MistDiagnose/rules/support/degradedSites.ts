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

/** SLEs of the APs themselves: judged on any site with clients, however few. */
export const AP_SLES = new Set(['ap-availability', 'ap-health']);

/** Whether a site or SLE had enough clients to judge its ratios; an unknown count is given the benefit of the doubt. */
export const hasEnoughClients = (
	clients: number | null | undefined,
	thresholds: DiagnosisThresholds,
) => typeof clients !== 'number' || clients >= thresholds.sleMinClients;

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
 * worst first. Sites without clients are skipped unless `includeEmpty`, because their ratios mean nothing;
 * so are the client SLEs of sites with fewer than `sleMinClients` clients: their ratios are a handful of
 * clients' minutes (a real 6-client site reports throughput 0).
 */
export function degradedSites(
	sitesSle: SiteSle[],
	thresholds: DiagnosisThresholds,
	options: { includeEmpty?: boolean } = {},
): DegradedSite[] {
	const out: DegradedSite[] = [];
	for (const site of sitesSle) {
		if (!options.includeEmpty && site.num_clients === 0) continue;
		const enoughClients = options.includeEmpty || hasEnoughClients(site.num_clients, thresholds);
		const degraded: DegradedSite['degraded'] = [];
		for (const metric of Object.keys(SLE_STEPS)) {
			if (!enoughClients && !AP_SLES.has(metric)) continue;
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
