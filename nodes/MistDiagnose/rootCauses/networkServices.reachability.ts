import { targets } from '../../shared/findings/fingerprint';
import { manual } from '../../shared/findings/remediation';
import { severityForGrade } from '../../shared/findings/severity';
import type { Finding, Remediation } from '../../shared/findings/types';
import { gradeSharedClients } from '../rules/support/thresholds';
import { causeFinding } from './cause';
import { findingsOnVlan, isSignal, onSite } from './networkServices.support';
import type { Explanation, RootCauseContext, RootCauseRule } from './types';

const siteName = (finding: Finding) => finding.scope.site_name ?? finding.scope.site_id;
const actions = (findings: Finding[]): Remediation[] =>
	findings.map((finding) => finding.remediation).filter((fix) => fix.kind === 'action');

const ARP_RULES = new Set(['gateway_arp_failures_vlan', 'gateway_arp_failures_site']);

/** Graded on every failing client of the findings, as one site-wide group of them would be. */
function siteSeverity(findings: Finding[], context: RootCauseContext) {
	const clients = findings.reduce(
		(sum, finding) => sum + Number(finding.evidence.affectedClients ?? 1),
		0,
	);
	const grade = gradeSharedClients(clients, context.thresholds);
	return { clients, severity: grade === 'ok' ? undefined : severityForGrade(grade, 'site') };
}

function gatewayCause(
	failing: Finding[],
	open: readonly Finding[],
	context: RootCauseContext,
): Explanation {
	const [first] = failing;
	const siteId = first.scope.site_id;
	const vlans = failing.map((finding) => finding.scope.vlan).filter((vlan) => !!vlan) as string[];
	const symptoms = [
		...failing,
		...vlans.flatMap((vlan) => [
			...findingsOnVlan(open, 'client_arp_failure', siteId, vlan),
			...findingsOnVlan(open, 'dns_failures_vlan', siteId, vlan),
		]),
		...open.filter(
			(other) => ARP_RULES.has(other.rule) && onSite(other, siteId) && isSignal(other),
		),
	];
	const base = { rule: 'gateway_unreachable' as const, followUp: actions(failing).slice(0, 1) };
	if (failing.length === 1 && vlans.length === 1) {
		const at = `VLAN ${vlans[0]} at ${siteName(first)}`;
		const cause = causeFinding(symptoms, {
			...base,
			scope: first.scope,
			target: targets.vlan(vlans[0]),
			summary: `${first.summary.replace(/\.$/, '')}: the default gateway of the VLAN does not answer.`,
			likelyCause: `The default gateway of ${at} does not answer ARP: its L3 interface (SVI/IRB) is down or lacks the gateway address, or the VLAN does not reach it (missing on a trunk).`,
			remediation: manual(
				`Check the gateway of ${at}: its L3 interface (SVI/IRB) is up and holds the gateway address, and VLAN ${vlans[0]} is carried from the AP uplinks to it.`,
			),
			evidence: { eventCounts: first.evidence.eventCounts },
		});
		return { cause, symptoms };
	}
	const at = `${vlans.length ? `on VLANs ${vlans.sort().join(', ')} ` : ''}at ${siteName(first)}`;
	const { clients, severity } = siteSeverity(failing, context);
	const cause = causeFinding(symptoms, {
		...base,
		scope: { ...first.scope, level: 'site', vlan: undefined },
		target: targets.site(),
		summary: `${clients} clients get no ARP reply from their gateway ${at}.`,
		likelyCause: `The gateways ${at} do not answer ARP: the L3 device that holds them (router, firewall or core switch) is down or unreachable from the access layer.`,
		remediation: manual(
			`Check the L3 device holding the gateways ${at}: it is up, its L3 interfaces (SVI/IRB) are up, and the VLANs reach it from the AP uplinks.`,
		),
		severity,
		evidence: { affectedClients: clients, vlans },
	});
	return { cause, symptoms };
}

/**
 * Clients whose ARP for the default gateway gets no reply. On one VLAN: that VLAN's L3 interface;
 * on several VLANs of a site (or VLAN unknown): the L3 device holding the site's gateways. Without
 * a gateway the same clients fail DNS too: those VLANs' DNS findings are its symptoms, and so are
 * the site's ARP alarms.
 */
export const gatewayUnreachableCause: RootCauseRule = {
	id: 'gateway_unreachable',
	explain(open, context) {
		const bySite = new Map<string, Finding[]>();
		for (const finding of open) {
			if (!ARP_RULES.has(finding.rule) || isSignal(finding) || finding.severity === 'info')
				continue;
			bySite.set(finding.scope.site_id, [...(bySite.get(finding.scope.site_id) ?? []), finding]);
		}
		return [...bySite.values()].map((failing) => gatewayCause(failing, open, context));
	},
};

const DNS_RULES = new Set(['dns_failures_vlan', 'dns_failures_site', 'client_dns_failure']);

/**
 * DNS failures shared by clients of several VLANs of a site (or of the whole site, VLANs unknown):
 * one cause, the DNS servers the site's clients are handed, graded on every failing client of
 * the site. DNS failures of one VLAN alone stay that VLAN's problem (its DHCP scope's settings).
 */
export const dnsServersUnreachableCause: RootCauseRule = {
	id: 'dns_servers_unreachable',
	explain(open, context) {
		const sites = new Set(
			open.filter((finding) => DNS_RULES.has(finding.rule)).map((finding) => finding.scope.site_id),
		);
		return [...sites].flatMap((siteId): Explanation[] => {
			const ofSite = open.filter(
				(finding) => DNS_RULES.has(finding.rule) && onSite(finding, siteId),
			);
			const fromEvents = ofSite.filter((finding) => !isSignal(finding));
			const shared = fromEvents.filter(
				(finding) => finding.rule !== 'client_dns_failure' && finding.severity !== 'info',
			);
			const vlans = new Set(shared.map((finding) => finding.scope.vlan ?? 'unknown'));
			const siteWide = vlans.size >= 2 || vlans.has('unknown');
			if (!siteWide) return [];
			const { clients, severity } = siteSeverity(fromEvents, context);
			const site = siteName(shared[0]);
			const cause = causeFinding(ofSite, {
				rule: 'dns_servers_unreachable',
				step: 'infrastructure',
				scope: { ...shared[0].scope, level: 'site', vlan: undefined },
				target: targets.site(),
				summary: `${clients} clients failed DNS at ${site}, on ${vlans.has('unknown') ? 'the whole site' : `VLANs ${[...vlans].sort().join(', ')}`}.`,
				likelyCause: `The DNS servers the clients of ${site} are handed do not answer, or the client VLANs cannot reach them: a failure shared by every VLAN is not one VLAN's problem.`,
				remediation: manual(
					`Check the DNS servers the DHCP scopes of ${site} hand out: that they answer, and that the client VLANs reach them (routing, firewall rules for port 53).`,
				),
				followUp: actions(shared).slice(0, 1),
				severity,
				evidence: { affectedClients: clients, vlans: [...vlans].sort() },
			});
			return [{ cause, symptoms: ofSite }];
		});
	},
};
