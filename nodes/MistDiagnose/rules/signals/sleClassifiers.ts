import type { SleSummary } from '../../../shared/schemas/mist.schemas';
import type { DiagnosisStep, Finding, Remediation } from '../../../shared/findings/types';
import { makeFinding } from '../../../shared/findings/build';
import type { KnownRule } from '../../../shared/findings/titles';
import { manual, remediate } from '../../../shared/findings/remediation';
import { targets } from '../../../shared/findings/fingerprint';
import { severityForGrade } from '../../../shared/findings/severity';
import type { DiagnosisThresholds } from '../support/thresholds';
import { gradeHigherIsWorse } from '../support/thresholds';
import type { DiagnosisContext } from '../support/context';
import { siteLabel, siteScope } from '../support/context';
import { round } from '../support/collections';
import { AP_SLES, hasEnoughClients } from '../support/degradedSites';

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
			impact?: {
				num_users?: number | null;
				num_aps?: number | null;
				total_users?: number | null;
				total_aps?: number | null;
			} | null;
			samples?: { total?: Samples; degraded?: Samples } | null;
		}> | null;
		start?: number | null;
		end?: number | null;
	};
}

type SleRule = Extract<KnownRule, `sle_${string}`>;

interface ClassifierRule {
	/** SLE metrics whose classifier this is. */
	metrics: string[];
	/** Classifier names, lower-case with `_` read as `-`: those starting with a prefix, or equal to a name. */
	classifiers: { prefixes?: string[]; names?: string[] };
	step: DiagnosisStep;
	rule: SleRule;
	meaning: string;
	cause: string;
	remediation: (siteId: string) => Remediation;
}

const CONNECT_METRICS = ['time-to-connect', 'failed-to-connect', 'successful-connect'];
const AP_DOWN = {
	cause: 'APs rebooted or lost their uplink.',
	remediation: () => manual('Check PoE and uplinks of the impacted APs.'),
};

/** (metric, classifier) → rule; the first matching entry wins. */
const CLASSIFIER_RULES: ClassifierRule[] = [
	{
		metrics: CONNECT_METRICS,
		classifiers: { prefixes: ['association'] },
		step: 'association',
		rule: 'sle_association',
		meaning: 'association',
		cause: 'Clients fail or are slow to associate (AP, band steering or roaming problems).',
		remediation: () =>
			manual('Open the impacted APs of the association classifier and check them.'),
	},
	{
		metrics: CONNECT_METRICS,
		classifiers: { prefixes: ['authorization', 'auth'] },
		step: 'authentication',
		rule: 'sle_authorization',
		meaning: 'authorization',
		cause: 'Clients fail or are slow to authenticate (RADIUS/IdP, credentials or PSK).',
		remediation: () => manual('Check the RADIUS/IdP servers and the impacted WLANs.'),
	},
	{
		metrics: CONNECT_METRICS,
		classifiers: { prefixes: ['dhcp'] },
		step: 'dhcp',
		rule: 'sle_dhcp',
		meaning: 'DHCP',
		cause: 'Clients fail or are slow to get an address (DHCP server, relay or pool).',
		remediation: () =>
			manual('Check the DHCP server, the relay (ip helper) and the pool of the impacted VLANs.'),
	},
	{
		metrics: CONNECT_METRICS,
		classifiers: { prefixes: ['ip-services'], names: ['arp', 'dns'] },
		step: 'infrastructure',
		rule: 'sle_ip_services',
		meaning: 'IP services (ARP/DNS)',
		cause: 'Gateway ARP or DNS is slow or failing.',
		remediation: () => manual('Check the default gateway and the DNS servers handed out by DHCP.'),
	},
	{
		metrics: ['coverage'],
		classifiers: { names: ['weak-signal'] },
		step: 'client_health',
		rule: 'sle_weak_signal',
		meaning: 'weak signal',
		cause: 'Clients see a weak signal: coverage gaps or low transmit power.',
		remediation: (siteId) =>
			remediate.rrmOptimize(
				siteId,
				['24', '5'],
				true,
				'Let RRM raise transmit power where coverage is weak (no client disconnects).',
			),
	},
	{
		metrics: ['coverage'],
		classifiers: { prefixes: ['asymmetry'] },
		step: 'client_health',
		rule: 'sle_coverage_asymmetry',
		meaning: 'coverage asymmetry',
		cause: 'AP and client transmit power do not match, so one direction of the link is weak.',
		remediation: () =>
			manual('Lower AP transmit power on the impacted APs or check client power-save settings.'),
	},
	{
		metrics: ['capacity'],
		classifiers: { names: ['ap-load', 'client-count', 'client-usage'] },
		step: 'ap_health',
		rule: 'sle_ap_load',
		meaning: 'AP load',
		cause: 'Too many clients or too much traffic on some APs.',
		remediation: () =>
			manual('Add capacity (APs or 5/6 GHz radios) or enable band steering where APs are loaded.'),
	},
	{
		metrics: ['capacity'],
		classifiers: { names: ['wifi-interference'] },
		step: 'rf_environment',
		rule: 'sle_wifi_interference',
		meaning: 'Wi-Fi interference',
		cause: 'Co-channel or neighbour Wi-Fi interference.',
		remediation: (siteId) =>
			remediate.rrmOptimize(
				siteId,
				['24', '5'],
				false,
				'Let RRM re-plan channels and power for the site.',
			),
	},
	{
		metrics: ['capacity'],
		classifiers: { names: ['non-wifi-interference'] },
		step: 'rf_environment',
		rule: 'sle_non_wifi_interference',
		meaning: 'non-Wi-Fi interference',
		cause: 'Non-Wi-Fi energy (microwaves, Bluetooth, video senders) on the channels.',
		remediation: () =>
			manual(
				'Find the interference source (spectrum analysis) and move or shield it; RRM can change channels meanwhile.',
			),
	},
	{
		metrics: ['ap-availability'],
		classifiers: { names: ['ap-reboot'] },
		step: 'ap_health',
		rule: 'sle_ap_reboot',
		meaning: 'ap reboot',
		...AP_DOWN,
	},
	{
		metrics: ['ap-availability'],
		classifiers: { names: ['ap-unreachable'] },
		step: 'ap_health',
		rule: 'sle_ap_unreachable',
		meaning: 'ap unreachable',
		...AP_DOWN,
	},
	{
		metrics: ['ap-availability'],
		classifiers: { names: ['site-down'] },
		step: 'ap_health',
		rule: 'sle_site_down',
		meaning: 'site down',
		cause: 'The whole site lost cloud connectivity (WAN/ISP or core switch).',
		remediation: () => manual('Check the site WAN link and core switch.'),
	},
];

function ruleFor(metric: string, classifier: string): ClassifierRule | undefined {
	const name = classifier.toLowerCase().replace(/_/g, '-');
	return CLASSIFIER_RULES.find(
		({ metrics, classifiers }) =>
			metrics.includes(metric) &&
			(!!classifiers.prefixes?.some((prefix) => name.startsWith(prefix)) ||
				!!classifiers.names?.includes(name)),
	);
}

/** The summary's own count of users in the window, when it gives one. */
function summaryUsers(summary: SleSummaryInput['summary']): number | undefined {
	const users = (summary.impact as { total_users?: unknown } | null | undefined)?.total_users;
	return typeof users === 'number' ? users : undefined;
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
			// Too little use to judge a client SLE: a few user-minutes make any share (low-traffic sites).
			if (!AP_SLES.has(metric)) {
				if (all < thresholds.sleMinUserMinutes) continue;
				if (!hasEnoughClients(classifier.impact?.total_users ?? summaryUsers(summary), thresholds))
					continue;
			}
			const share = degraded / all;
			const grade = gradeHigherIsWorse(share, thresholds.sleClassifierShare);
			if (grade === 'ok') continue;
			const impacted = classifier.impact?.num_users ?? undefined;
			const severity = rule.rule === 'sle_site_down' ? 'critical' : severityForGrade(grade, 'site');
			findings.push(
				makeFinding({
					step,
					rule: rule.rule,
					severity,
					scope: { level: 'site', ...siteScope(context, siteId) },
					target: targets.site(),
					summary: `The ${metric} SLE of ${siteLabel(context, siteId)} is degraded by ${rule.meaning}: ${round(share * 100)}% of user-minutes${impacted !== undefined ? `, ${impacted} of ${classifier.impact?.total_users ?? '?'} users affected` : ''}.`,
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
						affectedClients: impacted,
						impact: classifier.impact ?? undefined,
					},
					likelyCause: rule.cause,
					remediation: rule.remediation(siteId),
					timestamps: [summary.start, summary.end].filter(
						(value): value is number => typeof value === 'number',
					),
					now: context.now,
				}),
			);
		}
	}
	return findings;
}
