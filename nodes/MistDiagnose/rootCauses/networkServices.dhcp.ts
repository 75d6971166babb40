import { targets } from '../../shared/findings/fingerprint';
import { manual } from '../../shared/findings/remediation';
import { severityForGrade } from '../../shared/findings/severity';
import type { Finding } from '../../shared/findings/types';
import { gradeSharedClients } from '../rules/support/thresholds';
import { causeFinding } from './cause';
import { answerKind, findingsOnVlan, isSignal, onSite, sameVlan } from './networkServices.support';
import type { Explanation, RootCauseContext, RootCauseRule } from './types';

const siteDhcpSignals = (open: readonly Finding[], siteId: string) =>
	open.filter(
		(finding) =>
			finding.rule === 'dhcp_failures_site' && onSite(finding, siteId) && isSignal(finding),
	);

const siteName = (finding: Finding) => finding.scope.site_name ?? finding.scope.site_id;
const where = (finding: Finding) =>
	`${finding.scope.vlan ? `on VLAN ${finding.scope.vlan} ` : ''}at ${siteName(finding)}`;
const actionsOf = (findings: Finding[]) =>
	findings.map((finding) => finding.remediation).filter((fix) => fix.kind === 'action');

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

type Answer = 'nak' | 'no_answer';

/** The site's shared failures of one answer kind: one VLAN → that VLAN; several → the site's server. */
function classified(
	kind: Answer,
	findings: Finding[],
	open: readonly Finding[],
	context: RootCauseContext,
): Explanation {
	const words = WORDS[kind];
	const [first] = findings;
	const siteId = first.scope.site_id;
	const vlans = findings.map((finding) => finding.scope.vlan).filter((vlan) => !!vlan);
	const single = findings.length === 1;
	const at = single ? where(first) : `on VLANs ${vlans.sort().join(', ')} at ${siteName(first)}`;
	const symptoms = [
		...findings,
		...findings.flatMap((finding) =>
			findingsOnVlan(open, 'client_dhcp_failure', siteId, finding.scope.vlan),
		),
		...siteDhcpSignals(open, siteId),
	];
	const clients = findings.reduce(
		(sum, finding) => sum + Number(finding.evidence.affectedClients ?? 0),
		0,
	);
	const grade = gradeSharedClients(clients, context.thresholds);
	const cause = causeFinding(symptoms, {
		rule: words.rule,
		scope: single ? first.scope : { ...first.scope, level: 'site', vlan: undefined },
		target: single && first.scope.vlan ? targets.vlan(first.scope.vlan) : targets.site(),
		summary: single ? first.summary : `${clients} clients failed DHCP ${at}.`,
		likelyCause: words.cause(at),
		remediation: manual(words.fix(at)),
		// The synthetic DHCP test from an AP confirms the fix.
		followUp: actionsOf(findings).slice(0, 1),
		// Several VLANs: graded on every failing client of the site, as one site-wide group would be.
		severity: single || grade === 'ok' ? undefined : severityForGrade(grade, 'site'),
		evidence: {
			eventCounts: first.evidence.eventCounts,
			...(single ? {} : { affectedClients: clients, vlans }),
		},
	});
	return { cause, symptoms };
}

/**
 * DHCP failures shared by the clients of a VLAN (or of a site, VLAN unknown), named by what the
 * clients got back: no answer at all → the server or its relay; NAKs → wrong scope, stale leases
 * or a rogue server. The same answer on several VLANs of a site is one cause at the site (one
 * server, or one relay device, serves them). A level usual for the site (baseline, info) is no new
 * outage: left alone.
 */
export const dhcpAnswerCause: RootCauseRule = {
	id: 'dhcp_answer',
	explain(open, context) {
		const groups = new Map<string, { kind: Answer; findings: Finding[] }>();
		for (const finding of open) {
			if (finding.rule !== 'dhcp_failures_vlan' && finding.rule !== 'dhcp_failures_site') continue;
			if (isSignal(finding) || finding.severity === 'info') continue;
			const kind = answerKind(finding);
			if (kind !== 'nak' && kind !== 'no_answer') continue;
			const key = `${finding.scope.site_id}/${kind}`;
			const group = groups.get(key) ?? { kind, findings: [] };
			group.findings.push(finding);
			groups.set(key, group);
		}
		return [...groups.values()].map(({ kind, findings }) =>
			classified(kind, findings, open, context),
		);
	},
};
