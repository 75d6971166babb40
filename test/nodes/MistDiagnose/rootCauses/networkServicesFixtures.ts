import { explainFindings } from '../../../../nodes/MistDiagnose/rootCauses/explain';
import { NETWORK_SERVICE_CAUSES } from '../../../../nodes/MistDiagnose/rootCauses/networkServices.causes';
import type { RootCauseContext } from '../../../../nodes/MistDiagnose/rootCauses/types';
import { fingerprint, targets } from '../../../../nodes/shared/findings/fingerprint';
import { manual } from '../../../../nodes/shared/findings/remediation';
import type { Evidence, Finding, Severity } from '../../../../nodes/shared/findings/types';
import { NOW, ORG, SITE, SITE2, thresholds } from '../rules/fixtures';

/** Findings as the DHCP and infrastructure steps emit them, and the network-service correlators. */
const iso = (offsetSeconds: number) => new Date((NOW + offsetSeconds) * 1000).toISOString();

export interface Shape {
	severity?: Severity;
	vlan?: string;
	site?: string;
	evidence?: Evidence;
	step?: Finding['step'];
}

export function finding(rule: string, shape: Shape = {}): Finding {
	const site = shape.site ?? SITE;
	const level = rule.startsWith('client_') ? 'client' : shape.vlan ? 'vlan' : 'site';
	const target =
		level === 'client' ? 'aabbccddeeff' : shape.vlan ? targets.vlan(shape.vlan) : 'site';
	return {
		fingerprint: fingerprint(ORG, site, rule, target),
		step: shape.step ?? 'dhcp',
		rule,
		severity: shape.severity ?? 'major',
		scope: { level, org_id: ORG, site_id: site, site_name: 'Phoenix', vlan: shape.vlan },
		summary: `${rule}.`,
		evidence: shape.evidence ?? {},
		likelyCause: 'A symptom.',
		remediation: manual('Look at it.'),
		followUp: [],
		firstSeen: iso(-600),
		lastSeen: iso(0),
		count: 3,
	};
}

const context: RootCauseContext = {
	org_id: ORG,
	now: NOW,
	siteNames: { [SITE]: 'Phoenix', [SITE2]: 'Denver' },
	deviceNames: {},
	thresholds: thresholds(),
};

export const explain = (findings: Finding[]) =>
	explainFindings(findings, context, NETWORK_SERVICE_CAUSES);
export const rulesOf = (findings: Finding[]) => findings.map((one) => one.rule).sort();

export const noAnswer = {
	eventCounts: { MARVIS_EVENT_CLIENT_DHCP_STUCK: 8, MARVIS_EVENT_CLIENT_DHCP_FAILURE: 8 },
};
export const naks = {
	eventCounts: { MARVIS_EVENT_CLIENT_DHCP_NAK: 6, MARVIS_EVENT_CLIENT_STATIC_IP_BLOCKED: 6 },
};
export const alarm = { source: 'alarm', id: 'a1' };
export const pool = (vlan: string, severity: Severity = 'critical') =>
	finding('dhcp_pool_exhausted', { vlan, severity });
