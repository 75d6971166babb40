import { targets } from '../../shared/findings/fingerprint';
import { manual } from '../../shared/findings/remediation';
import type { Finding } from '../../shared/findings/types';
import { causeFinding } from './cause';
import type { AnswerKind } from './networkServices.support';
import { answerKind, findingsOnVlan, isSignal, onSite, sameVlan } from './networkServices.support';
import type { Explanation, RootCauseRule } from './types';

const siteDhcpSignals = (open: readonly Finding[], siteId: string) =>
	open.filter(
		(finding) =>
			finding.rule === 'dhcp_failures_site' && onSite(finding, siteId) && isSignal(finding),
	);

const where = (finding: Finding) =>
	`${finding.scope.vlan ? `on VLAN ${finding.scope.vlan} ` : ''}at ${finding.scope.site_name ?? finding.scope.site_id}`;

/**
 * An exhausted pool explains the DHCP failures of its VLAN, and the site's DHCP alarms and
 * VLAN-less failures when no other VLAN of the site fails DHCP: clients get no lease because none
 * is left. The cause keeps the pool finding's identity (it takes it over).
 */
export const dhcpPoolExhaustedCause: RootCauseRule = {
	id: 'dhcp_pool_exhausted',
	explain(open) {
		const pools = open.filter(
			(finding) => finding.rule === 'dhcp_pool_exhausted' && finding.severity !== 'info',
		);
		return pools.flatMap((pool): Explanation[] => {
			const siteId = pool.scope.site_id;
			const matches = (finding: Finding) => sameVlan(pool.scope.vlan, finding.scope.vlan);
			const vlanFailures = open.filter(
				(finding) =>
					(finding.rule === 'dhcp_failures_vlan' || finding.rule === 'client_dhcp_failure') &&
					onSite(finding, siteId) &&
					matches(finding),
			);
			const otherVlanFails = open.some(
				(finding) =>
					finding.rule === 'dhcp_failures_vlan' && onSite(finding, siteId) && !matches(finding),
			);
			const siteWide = otherVlanFails
				? []
				: open.filter(
						(finding) => finding.rule === 'dhcp_failures_site' && onSite(finding, siteId),
					);
			const symptoms = [...vlanFailures, ...siteWide];
			if (symptoms.length === 0) return [];
			const cause = causeFinding([pool, ...symptoms], {
				rule: 'dhcp_pool_exhausted',
				step: 'dhcp',
				scope: pool.scope,
				target: targets.vlan(pool.scope.vlan ?? ''),
				summary: `${pool.summary} Clients there fail DHCP because no lease is left.`,
				likelyCause: pool.likelyCause,
				remediation: pool.remediation,
				followUp: pool.followUp,
				evidence: pool.evidence,
			});
			return [{ cause, symptoms: [pool, ...symptoms] }];
		});
	},
};

const WORDS: Record<
	'nak' | 'no_answer',
	{
		rule: 'dhcp_nak_storm' | 'dhcp_server_unresponsive';
		cause: (at: string) => string;
		fix: (at: string) => string;
	}
> = {
	no_answer: {
		rule: 'dhcp_server_unresponsive',
		cause: (at) =>
			`The DHCP server does not answer the clients ${at} (discover with no offer): the server is down or unreachable, or the relay (ip helper) of the VLAN does not forward to it.`,
		fix: (at) =>
			`Check that the DHCP server for the clients ${at} is up and reachable, and that the relay (ip helper) on the VLAN interface points to it.`,
	},
	nak: {
		rule: 'dhcp_nak_storm',
		cause: (at) =>
			`The DHCP server refuses the leases clients ask for ${at} (NAK): stale leases from another subnet after a re-addressing, a relay pointing to the wrong scope, or a rogue DHCP server answering on the VLAN.`,
		fix: (at) =>
			`Check the scope the relay of the clients ${at} points to and clear its stale leases; look for a rogue DHCP server on the VLAN.`,
	},
};

function classified(kind: AnswerKind, finding: Finding, open: readonly Finding[]): Explanation {
	const words = WORDS[kind as 'nak' | 'no_answer'];
	const siteId = finding.scope.site_id;
	const at = where(finding);
	const symptoms = [
		finding,
		...findingsOnVlan(open, 'client_dhcp_failure', siteId, finding.scope.vlan),
		...siteDhcpSignals(open, siteId),
	];
	const test = finding.remediation.kind === 'action' ? [finding.remediation] : [];
	const cause = causeFinding(symptoms, {
		rule: words.rule,
		scope: finding.scope,
		target: finding.scope.vlan ? targets.vlan(finding.scope.vlan) : targets.site(),
		summary: finding.summary,
		likelyCause: words.cause(at),
		remediation: manual(words.fix(at)),
		// The synthetic DHCP test from an AP confirms the fix.
		followUp: test,
		evidence: { eventCounts: finding.evidence.eventCounts },
	});
	return { cause, symptoms };
}

/**
 * DHCP failures shared by the clients of a VLAN (or of a site, VLAN unknown), named by what the
 * clients got back: no answer at all → the server or its relay; NAKs → wrong scope, stale leases
 * or a rogue server. A level usual for the site (baseline, info) is no new outage: left alone.
 */
export const dhcpAnswerCause: RootCauseRule = {
	id: 'dhcp_answer',
	explain(open) {
		const shared = open.filter(
			(finding) =>
				(finding.rule === 'dhcp_failures_vlan' || finding.rule === 'dhcp_failures_site') &&
				!isSignal(finding) &&
				finding.severity !== 'info',
		);
		return shared.flatMap((finding) => {
			const kind = answerKind(finding);
			return kind === 'nak' || kind === 'no_answer' ? [classified(kind, finding, open)] : [];
		});
	},
};
