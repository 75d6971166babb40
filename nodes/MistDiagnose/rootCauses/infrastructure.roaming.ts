import { targets } from '../../shared/findings/fingerprint';
import { manual } from '../../shared/findings/remediation';
import type { Finding } from '../../shared/findings/types';
import { causeFinding } from './cause';
import type { Explanation, RootCauseRule } from './types';

/** A client that fails only fast roaming (its association findings count failures by family). */
function failsOnlyRoaming(finding: Finding): boolean {
	const categories = finding.evidence.categories as Record<string, number> | undefined;
	const kinds = Object.keys(categories ?? {});
	return (
		finding.rule === 'client_association_failure' &&
		!!finding.scope.ssid &&
		kinds.length > 0 &&
		kinds.every((kind) => kind === 'roaming_failure')
	);
}

const apsOf = (finding: Finding) => (finding.evidence.aps as string[] | undefined) ?? [];

/**
 * Many clients of one SSID fail fast roaming (802.11r FT, OKC), on more than one AP: the keys are
 * not found where the clients roam to, which is the SSID's roaming setup, not each client's driver.
 */
export const fastRoamingFailuresSsid: RootCauseRule = {
	id: 'fast_roaming_failures_ssid',
	explain(open, context): Explanation[] {
		const bySsid = new Map<string, Finding[]>();
		for (const finding of open.filter(failsOnlyRoaming)) {
			const key = `${finding.scope.site_id}|${finding.scope.ssid}`;
			bySsid.set(key, [...(bySsid.get(key) ?? []), finding]);
		}
		const explanations: Explanation[] = [];
		for (const symptoms of bySsid.values()) {
			const aps = new Set(symptoms.flatMap(apsOf));
			if (symptoms.length < context.thresholds.roamingSsidMinClients || aps.size < 2) continue;
			const { site_id: siteId, ssid } = symptoms[0].scope as { site_id: string; ssid: string };
			explanations.push({
				symptoms,
				cause: causeFinding(symptoms, {
					rule: 'fast_roaming_failures_ssid',
					severity: 'major',
					scope: {
						level: 'ssid',
						org_id: context.org_id,
						site_id: siteId,
						site_name: context.siteNames[siteId],
						ssid,
					},
					target: targets.ssid(ssid),
					summary: `${symptoms.length} clients of SSID ${ssid} fail fast roaming on ${aps.size} APs.`,
					evidence: { affectedClients: symptoms.length, aps: [...aps] },
					likelyCause:
						'Fast roaming fails across the SSID: the APs do not find the clients’ 802.11r (FT) or cached PMK keys where they roam to, so the SSID’s fast-roaming setup is at fault, not the clients.',
					remediation: manual(
						`Check the fast-roaming settings of SSID ${ssid}: 802.11r (FT) and PMK caching/OKC, the same on all its APs; turn 802.11r off for the SSID if its clients keep failing.`,
					),
				}),
			});
		}
		return explanations;
	},
};
