import { targets } from '../../shared/findings/fingerprint';
import { manual } from '../../shared/findings/remediation';
import { severityForGrade } from '../../shared/findings/severity';
import type { Finding, Remediation } from '../../shared/findings/types';
import { gradeSharedClients } from '../rules/support/thresholds';
import { causeFinding } from './cause';
import { findingsOnVlan, isSignal, onSite } from './networkServices.support';
import type { Explanation, RootCauseRule } from './types';

const siteName = (finding: Finding) => finding.scope.site_name ?? finding.scope.site_id;
const actions = (findings: Finding[]): Remediation[] =>
	findings.map((finding) => finding.remediation).filter((fix) => fix.kind === 'action');

/**
 * Clients of one VLAN whose ARP for the default gateway gets no reply: the gateway's L3 interface
 * for that VLAN is down or unreachable. Without a gateway the same clients fail DNS too: those
 * findings of the VLAN are its symptoms, and so are the site's ARP alarms.
 */
export const gatewayUnreachableCause: RootCauseRule = {
	id: 'gateway_unreachable',
	explain(open) {
		const failing = open.filter(
			(finding) =>
				finding.rule === 'gateway_arp_failures_vlan' &&
				!isSignal(finding) &&
				finding.severity !== 'info',
		);
		return failing.map((finding): Explanation => {
			const siteId = finding.scope.site_id;
			const vlan = finding.scope.vlan as string;
			const symptoms = [
				finding,
				...findingsOnVlan(open, 'client_arp_failure', siteId, vlan),
				...findingsOnVlan(open, 'dns_failures_vlan', siteId, vlan),
				...open.filter(
					(other) =>
						other.rule === 'gateway_arp_failures_site' && onSite(other, siteId) && isSignal(other),
				),
			];
			const at = `VLAN ${vlan} at ${siteName(finding)}`;
			const cause = causeFinding(symptoms, {
				rule: 'gateway_unreachable',
				scope: finding.scope,
				target: targets.vlan(vlan),
				summary: `${finding.summary.replace(/\.$/, '')}: the default gateway of the VLAN does not answer.`,
				likelyCause: `The default gateway of ${at} does not answer ARP: its L3 interface (SVI/IRB) is down or lacks the gateway address, or the VLAN does not reach it (missing on a trunk).`,
				remediation: manual(
					`Check the gateway of ${at}: its L3 interface (SVI/IRB) is up and holds the gateway address, and VLAN ${vlan} is carried from the AP uplinks to it.`,
				),
				followUp: actions([finding]),
				evidence: { eventCounts: finding.evidence.eventCounts },
			});
			return { cause, symptoms };
		});
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
			const clients = fromEvents.reduce(
				(sum, finding) => sum + Number(finding.evidence.affectedClients ?? 1),
				0,
			);
			const grade = gradeSharedClients(clients, context.thresholds);
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
				severity: grade === 'ok' ? undefined : severityForGrade(grade, 'site'),
				evidence: { affectedClients: clients, vlans: [...vlans].sort() },
			});
			return [{ cause, symptoms: ofSite }];
		});
	},
};
