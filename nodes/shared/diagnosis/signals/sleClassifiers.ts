import type { SleSummary } from '../../schemas/mist.schemas';
import type { DiagnosisStep, Finding, Remediation } from '../../findings/types';
import { makeFinding } from '../../findings/build';
import type { KnownRule } from '../../findings/titles';
import { manual, remediate } from '../../findings/remediation';
import { targets } from '../../findings/fingerprint';
import { severityForGrade } from '../../findings/severity';
import type { DiagnosisThresholds } from '../thresholds';
import { gradeHigherIsWorse } from '../thresholds';
import type { DiagnosisContext } from '../context';
import { siteLabel, siteScope } from '../context';
import { round } from '../collections';

type Samples = number | Array<number | null> | null | undefined;

/**
 * Site SLE summary (`…/sle/site/{site_id}/metric/{metric}/summary`). Classifier samples are
 * per-interval arrays in real responses (spec example) though the shared schema declares numbers,
 * so both are accepted here.
 */
export interface SleSummaryInput {
	site_id: string;
	metric: string;
	summary: Omit<SleSummary, 'classifiers'> & {
		classifiers?: Array<{
			name: string;
			impact?: { num_users?: number | null; num_aps?: number | null; total_users?: number | null; total_aps?: number | null } | null;
			samples?: { total?: Samples; degraded?: Samples } | null;
		}> | null;
		start?: number | null;
		end?: number | null;
	};
}

type SleRule = Extract<KnownRule, `sle_${string}`>;

interface ClassifierRule {
	step: DiagnosisStep;
	rule: SleRule;
	meaning: string;
	cause: string;
	remediation: (siteId: string) => Remediation;
}

const CONNECT_METRICS = ['time-to-connect', 'failed-to-connect', 'successful-connect'];

/** (metric, classifier) → rule. Classifier names are matched lower-case with `_` read as `-`. */
function ruleFor(metric: string, classifier: string): ClassifierRule | undefined {
	const name = classifier.toLowerCase().replace(/_/g, '-');
	if (CONNECT_METRICS.includes(metric)) {
		if (name.startsWith('association'))
			return {
				step: 'association',
				rule: 'sle_association',
				meaning: 'association',
				cause: 'Clients fail or are slow to associate (AP, band steering or roaming problems).',
				remediation: () => manual('Open the impacted APs of the association classifier and check them.'),
			};
		if (name.startsWith('authorization') || name.startsWith('auth'))
			return {
				step: 'authentication',
				rule: 'sle_authorization',
				meaning: 'authorization',
				cause: 'Clients fail or are slow to authenticate (RADIUS/IdP, credentials or PSK).',
				remediation: () => manual('Check the RADIUS/IdP servers and the impacted WLANs.'),
			};
		if (name.startsWith('dhcp'))
			return {
				step: 'dhcp',
				rule: 'sle_dhcp',
				meaning: 'DHCP',
				cause: 'Clients fail or are slow to get an address (DHCP server, relay or pool).',
				remediation: () => manual('Check the DHCP server, the relay (ip helper) and the pool of the impacted VLANs.'),
			};
		if (name.startsWith('ip-services') || name === 'arp' || name === 'dns')
			return {
				step: 'infrastructure',
				rule: 'sle_ip_services',
				meaning: 'IP services (ARP/DNS)',
				cause: 'Gateway ARP or DNS is slow or failing.',
				remediation: () => manual('Check the default gateway and the DNS servers handed out by DHCP.'),
			};
	}
	if (metric === 'coverage') {
		if (name === 'weak-signal')
			return {
				step: 'client_health',
				rule: 'sle_weak_signal',
				meaning: 'weak signal',
				cause: 'Clients see a weak signal: coverage gaps or low transmit power.',
				remediation: (siteId) =>
					remediate.rrmOptimize(siteId, ['24', '5'], true, 'Let RRM raise transmit power where coverage is weak (no client disconnects).'),
			};
		if (name.startsWith('asymmetry'))
			return {
				step: 'client_health',
				rule: 'sle_coverage_asymmetry',
				meaning: 'coverage asymmetry',
				cause: 'AP and client transmit power do not match, so one direction of the link is weak.',
				remediation: () => manual('Lower AP transmit power on the impacted APs or check client power-save settings.'),
			};
	}
	if (metric === 'capacity') {
		if (['ap-load', 'client-count', 'client-usage'].includes(name))
			return {
				step: 'ap_health',
				rule: 'sle_ap_load',
				meaning: 'AP load',
				cause: 'Too many clients or too much traffic on some APs.',
				remediation: () => manual('Add capacity (APs or 5/6 GHz radios) or enable band steering where APs are loaded.'),
			};
		if (name === 'wifi-interference')
			return {
				step: 'rf_environment',
				rule: 'sle_wifi_interference',
				meaning: 'Wi-Fi interference',
				cause: 'Co-channel or neighbour Wi-Fi interference.',
				remediation: (siteId) => remediate.rrmOptimize(siteId, ['24', '5'], false, 'Let RRM re-plan channels and power for the site.'),
			};
		if (name === 'non-wifi-interference')
			return {
				step: 'rf_environment',
				rule: 'sle_non_wifi_interference',
				meaning: 'non-Wi-Fi interference',
				cause: 'Non-Wi-Fi energy (microwaves, Bluetooth, video senders) on the channels.',
				remediation: () =>
					manual('Find the interference source (spectrum analysis) and move or shield it; RRM can change channels meanwhile.'),
			};
	}
	if (metric === 'ap-availability') {
		const rules: Record<string, SleRule> = {
			'ap-reboot': 'sle_ap_reboot',
			'ap-unreachable': 'sle_ap_unreachable',
			'site-down': 'sle_site_down',
		};
		if (rules[name])
			return {
				step: 'ap_health',
				rule: rules[name],
				meaning: name.replace(/-/g, ' '),
				cause:
					name === 'site-down' ? 'The whole site lost cloud connectivity (WAN/ISP or core switch).' : 'APs rebooted or lost their uplink.',
				remediation: () =>
					manual(name === 'site-down' ? 'Check the site WAN link and core switch.' : 'Check PoE and uplinks of the impacted APs.'),
			};
	}
	return undefined;
}

function total(samples: Samples): number {
	if (typeof samples === 'number') return samples;
	return (samples ?? []).reduce<number>((sum, value) => sum + (value ?? 0), 0);
}

/** Findings for one step from site SLE summaries: a classifier fires when its degraded share breaches `sleClassifierShare`. */
export function sleClassifierFindings(
	step: DiagnosisStep,
	summaries: SleSummaryInput[] | undefined,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): Finding[] {
	const findings: Finding[] = [];
	for (const { site_id: siteId, metric, summary } of summaries ?? []) {
		for (const classifier of summary.classifiers ?? []) {
			const rule = ruleFor(metric, classifier.name);
			if (!rule || rule.step !== step) continue;
			const degraded = total(classifier.samples?.degraded);
			const all = total(classifier.samples?.total);
			if (all <= 0) continue;
			const share = degraded / all;
			const grade = gradeHigherIsWorse(share, thresholds.sleClassifierShare);
			if (grade === 'ok') continue;
			const users = classifier.impact?.num_users ?? undefined;
			const severity = rule.rule === 'sle_site_down' ? 'critical' : severityForGrade(grade, 'site');
			findings.push(
				makeFinding({
					step,
					rule: rule.rule,
					severity,
					scope: { level: 'site', ...siteScope(context, siteId) },
					target: targets.site(),
					summary: `The ${metric} SLE of ${siteLabel(context, siteId)} is degraded by ${rule.meaning}: ${round(share * 100)}% of user-minutes${users !== undefined ? `, ${users} of ${classifier.impact?.total_users ?? '?'} users affected` : ''}.`,
					evidence: {
						metrics: [
							{
								metric: `${metric}/${classifier.name}`,
								value: round(share, 3),
								warn: thresholds.sleClassifierShare.warn,
								crit: thresholds.sleClassifierShare.crit,
								unit: 'share',
							},
						],
						affectedClients: users,
						impact: classifier.impact ?? undefined,
					},
					likelyCause: rule.cause,
					remediation: rule.remediation(siteId),
					timestamps: [summary.start, summary.end].filter((value): value is number => typeof value === 'number'),
					now: context.now,
				}),
			);
		}
	}
	return findings;
}
