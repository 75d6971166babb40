import type { Band } from '../../shared/findings/remediation';
import { normalizeMacLoose } from '../../shared/findings/fingerprint';
import type { ActionRemediation, Finding } from '../../shared/findings/types';
import { bandsPhrase } from '../../shared/findings/bands';

/** The RF step's per-radio rules: what a radio's own measurements show. */
const RF_RULES = new Set(['non_wifi_interference', 'high_noise_floor', 'high_channel_utilization']);
/** Grouped findings (several APs) name their APs here. */
const GROUPED_LEVELS = new Set(['site', 'channel']);

export const apOf = (finding: Finding) =>
	finding.scope.ap_mac ? normalizeMacLoose(finding.scope.ap_mac) : undefined;

const onSite = (finding: Finding, siteId: string) => finding.scope.site_id === siteId;

function bandsOf(finding: Finding): Band[] | undefined {
	const bands = finding.evidence.bands;
	return Array.isArray(bands) ? (bands as Band[]) : undefined;
}

/**
 * RF findings about these radios: an AP's own finding, or a grouped finding (site, channel) on
 * the band whose APs are all among them. A grouped finding that names other APs too is left
 * alone: it is more than this cause.
 */
export function rfFindingsOf(
	open: readonly Finding[],
	siteId: string,
	aps: ReadonlySet<string>,
	band: Band,
): Finding[] {
	return open.filter((finding) => {
		if (!onSite(finding, siteId) || !RF_RULES.has(finding.rule)) return false;
		const ap = apOf(finding);
		if (ap) return aps.has(ap);
		if (!GROUPED_LEVELS.has(finding.scope.level)) return false;
		const bands = bandsOf(finding);
		if (bands && !bands.includes(band)) return false;
		const macs = (finding.evidence.sampleMacs ?? []).map(normalizeMacLoose);
		return macs.length > 0 && macs.every((mac) => aps.has(mac));
	});
}

/**
 * Findings of the given rules about clients (or the AP itself) sitting on one of these APs; with a
 * band, a client known to be on another band is left out (its radio is not the one in question).
 */
export function onAps(
	open: readonly Finding[],
	siteId: string,
	aps: ReadonlySet<string>,
	rules: readonly string[],
	band?: Band,
): Finding[] {
	return open.filter((finding) => {
		const ap = apOf(finding);
		if (!onSite(finding, siteId) || !rules.includes(finding.rule) || !ap || !aps.has(ap))
			return false;
		return !band || !finding.scope.band || finding.scope.band === band;
	});
}

/** Site-level findings of the given rules (SLE classifiers) on this site. */
export function siteSignals(
	open: readonly Finding[],
	siteId: string,
	rules: readonly string[],
): Finding[] {
	return open.filter(
		(finding) =>
			onSite(finding, siteId) && finding.scope.level === 'site' && rules.includes(finding.rule),
	);
}

/** Distinct findings, first occurrence kept (a finding may match two of the lists above). */
export function distinctFindings(findings: Finding[]): Finding[] {
	const seen = new Set<string>();
	return findings.filter((finding) => {
		if (seen.has(finding.fingerprint)) return false;
		seen.add(finding.fingerprint);
		return true;
	});
}

/**
 * RRM for exactly these APs on one band: channel and power may change (a radio that must leave
 * its channel needs a new one), the rest of the site keeps its plan.
 */
export function rrmForAps(
	siteId: string,
	band: Band,
	macs: string[],
	txpowerOnly: boolean,
	description: string,
): ActionRemediation {
	return {
		kind: 'action',
		operation: 'rrmOptimize',
		parameters: {
			site_id: siteId,
			bands: [band],
			txpower_only: txpowerOnly,
			macs: [...macs].sort(),
		},
		description: `${description} (${bandsPhrase([band])}, ${macs.length === 1 ? 'this AP' : `these ${macs.length} APs`} only).`,
	};
}
