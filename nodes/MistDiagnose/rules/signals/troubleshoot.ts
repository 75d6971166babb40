import type { DiagnosisStep, Finding, ScopeLevel } from '../../../shared/findings/types';
import { makeFinding } from '../../../shared/findings/build';
import { manual } from '../../../shared/findings/remediation';
import { normalizeMacLoose, targets } from '../../../shared/findings/fingerprint';
import type { DiagnosisContext } from '../support/context';
import { siteScope } from '../support/context';

/** Marvis `GET /orgs/{org_id}/troubleshoot` answer for one client, one device or one site. */
export interface TroubleshootInput {
	site_id: string;
	client_mac?: string;
	device_mac?: string;
	start?: number;
	end?: number;
	results: Array<{
		category?: string | null;
		reason?: string | null;
		recommendation?: string | null;
		text?: string | null;
	}>;
}

/** Marvis names no step; the reason text decides (first match wins). */
const STEP_PATTERNS: Array<[RegExp, DiagnosisStep]> = [
	[/dhcp/i, 'dhcp'],
	[/auth|802\.1x|radius|psk|password|certificate|credential/i, 'authentication'],
	[/associat/i, 'association'],
	[/dns|arp|gateway|internet|wan|latency|vlan|port|cable|switch/i, 'infrastructure'],
	[/interference|channel|noise|utili[sz]ation|\brf\b/i, 'rf_environment'],
	[/reboot|offline|unreachable|ap (health|down|disconnect)|uptime/i, 'ap_health'],
	[/signal|coverage|rssi|roam|snr|retr/i, 'client_health'],
];

export function troubleshootStep(category: string, reason: string): DiagnosisStep {
	const match = STEP_PATTERNS.find(([pattern]) => pattern.test(reason));
	if (match) return match[1];
	if (/^ap/i.test(category)) return 'ap_health';
	if (/client/i.test(category)) return 'client_health';
	return 'infrastructure';
}

const slug = (text: string) =>
	text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_|_$/g, '')
		.slice(0, 40) || 'issue';

/** Marvis results become `marvis_<reason>` findings of the matching step, with Marvis's recommendation as the manual fix. */
export function troubleshootFindings(
	step: DiagnosisStep,
	inputs: TroubleshootInput[] | undefined,
	context: DiagnosisContext,
): Finding[] {
	const findings: Finding[] = [];
	for (const input of inputs ?? []) {
		for (const result of input.results) {
			const reason = result.reason ?? result.category ?? 'issue';
			if (troubleshootStep(result.category ?? '', reason) !== step) continue;
			const clientMac = input.client_mac ? normalizeMacLoose(input.client_mac) : undefined;
			const deviceMac = input.device_mac ? normalizeMacLoose(input.device_mac) : undefined;
			const level: ScopeLevel = clientMac ? 'client' : deviceMac ? 'ap' : 'site';
			findings.push(
				makeFinding({
					step,
					rule: `marvis_${slug(reason)}`,
					severity: 'minor',
					scope: {
						level,
						...siteScope(context, input.site_id),
						client_mac: clientMac,
						ap_mac: deviceMac,
					},
					target: clientMac ?? deviceMac ?? targets.site(),
					summary: result.text || `Marvis reports ${reason}.`,
					evidence: { marvis: { category: result.category, reason: result.reason } },
					likelyCause: `Marvis: ${reason}.`,
					remediation: manual(
						result.recommendation || 'Follow the Marvis recommendation in the Mist portal.',
					),
					timestamps: [input.start, input.end].filter(
						(value): value is number => typeof value === 'number',
					),
					now: context.now,
				}),
			);
		}
	}
	return findings;
}
