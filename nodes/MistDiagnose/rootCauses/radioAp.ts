import { manual } from '../../shared/findings/remediation';
import type { Band } from '../../shared/findings/remediation';
import type { Finding } from '../../shared/findings/types';
import { sortBands } from '../rules/support/bands';
import { airtimeCause, airtimePhrase, radioAirtime } from './radioAirtime';
import {
	apOf,
	distinctFindings,
	onAps,
	rfFindingsOf,
	rrmForAps,
	siteSignals,
} from './radioSymptoms';
import type { Explanation, RootCauseContext, RootCauseRule } from './types';

/**
 * One AP's own finding as the cause of what its clients and the site's SLE show: the finding
 * keeps its rule, scope and severity (it takes the cause over) and gets the fix that fits.
 */
function explainApFindings(
	open: readonly Finding[],
	rule: string,
	related: (finding: Finding, ap: string) => Finding[],
	rewrite: (finding: Finding, ap: string) => Partial<Finding>,
): Explanation[] {
	const explanations: Explanation[] = [];
	const taken = new Set<string>();
	for (const finding of open) {
		const ap = apOf(finding);
		if (finding.rule !== rule || !ap) continue;
		const others = related(finding, ap).filter((other) => !taken.has(other.fingerprint));
		others.forEach((other) => taken.add(other.fingerprint));
		const cause: Finding = { ...finding, ...rewrite(finding, ap) };
		explanations.push({ cause, symptoms: distinctFindings([finding, ...others]) });
	}
	return explanations;
}

/** The AP's radios whose channel is busy with its own clients' traffic. */
function ownBusyRadios(context: RootCauseContext, ap: string) {
	return radioAirtime(context.aps).filter(
		(radio) => radio.ap === ap && airtimeCause(radio, context.thresholds) === 'own',
	);
}

/**
 * An AP with far more clients than it serves well: its own load, so the fix is spreading the
 * clients (band steering, neighbours' power), not the channel plan. The SLE's AP-load
 * classifier and its clients' retries are its symptoms.
 */
export const overloadedAp: RootCauseRule = {
	id: 'ap_overloaded_cause',
	explain: (open, context) =>
		explainApFindings(
			open,
			'ap_overloaded',
			(finding, ap) => {
				const busy = ownBusyRadios(context, ap);
				return [
					...siteSignals(open, finding.scope.site_id, ['sle_ap_load']),
					...onAps(open, finding.scope.site_id, new Set([ap]), ['client_high_retries']),
					...busy.flatMap((radio) =>
						rfFindingsOf(open, finding.scope.site_id, new Set([ap]), radio.band).filter(
							(rf) => rf.rule === 'high_channel_utilization',
						),
					),
				];
			},
			(finding, ap) => {
				const busy = ownBusyRadios(context, ap);
				return {
					likelyCause: `Its own load: more clients than one AP serves well, in a dense spot or because neighbouring APs push clients to it.${busy.length ? ` Airtime: ${busy.map(airtimePhrase).join('; ')}.` : ''}`,
					remediation: manual(
						'Balance the clients: enable band steering (5/6 GHz) on the WLANs and let neighbouring APs take a share; add an AP if the spot stays dense.',
					),
					followUp: [
						rrmForAps(
							finding.scope.site_id,
							busy[0]?.band ?? '5',
							[ap],
							true,
							'Let RRM lower the transmit power of this AP so neighbours take clients',
						),
					],
				};
			},
		),
};

/**
 * Weak clients gathered around one AP: a coverage hole in the area it serves. The site's
 * weak-signal SLE and those clients' low SNR or retries are its symptoms; the fix is the power
 * of that AP (then its placement), not a site-wide RRM run.
 */
export const coverageHole: RootCauseRule = {
	id: 'coverage_hole',
	explain: (open, context) =>
		explainApFindings(
			open,
			'weak_coverage_ap',
			(finding, ap) => [
				...siteSignals(open, finding.scope.site_id, ['sle_weak_signal']),
				...onAps(open, finding.scope.site_id, new Set([ap]), [
					'client_weak_signal',
					'client_low_snr',
					'client_high_retries',
				]),
			],
			(finding, ap) => {
				const bands = Array.isArray(finding.evidence.bands)
					? sortBands(finding.evidence.bands as Band[])
					: [];
				const band = bands.includes('5') || bands.length === 0 ? '5' : bands[0];
				const name = finding.scope.ap_name ?? context.deviceNames[ap] ?? ap;
				return {
					likelyCause: `A coverage hole around AP ${name}: its clients hear it weakly (far corner, obstruction or too little transmit power), while the rest of the site is covered.`,
					remediation: rrmForAps(
						finding.scope.site_id,
						band,
						[ap],
						true,
						`Let RRM raise the transmit power of ${name}; no client disconnects`,
					),
					followUp: [
						manual(
							`Check the placement and mounting of AP ${name}; add an AP in the area its weak clients are in.`,
						),
					],
				};
			},
		),
};
