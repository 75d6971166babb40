import { explainFindings } from '../../../../nodes/MistDiagnose/rootCauses/explain';
import { NETWORK_SERVICE_CAUSES } from '../../../../nodes/MistDiagnose/rootCauses/networkServices.causes';
import { sameVlan } from '../../../../nodes/MistDiagnose/rootCauses/networkServices.support';
import type { RootCauseContext } from '../../../../nodes/MistDiagnose/rootCauses/types';
import { fingerprint, targets } from '../../../../nodes/shared/findings/fingerprint';
import { manual } from '../../../../nodes/shared/findings/remediation';
import type { Evidence, Finding, Severity } from '../../../../nodes/shared/findings/types';
import { NOW, ORG, SITE, SITE2, thresholds } from '../rules/fixtures';

const iso = (offsetSeconds: number) => new Date((NOW + offsetSeconds) * 1000).toISOString();

interface Shape {
	severity?: Severity;
	vlan?: string;
	site?: string;
	evidence?: Evidence;
	step?: Finding['step'];
}

function finding(rule: string, shape: Shape = {}): Finding {
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

const explain = (findings: Finding[]) => explainFindings(findings, context, NETWORK_SERVICE_CAUSES);
const rulesOf = (findings: Finding[]) => findings.map((one) => one.rule).sort();

const noAnswer = {
	eventCounts: { MARVIS_EVENT_CLIENT_DHCP_STUCK: 8, MARVIS_EVENT_CLIENT_DHCP_FAILURE: 8 },
};
const naks = {
	eventCounts: { MARVIS_EVENT_CLIENT_DHCP_NAK: 6, MARVIS_EVENT_CLIENT_STATIC_IP_BLOCKED: 6 },
};
const alarm = { source: 'alarm', id: 'a1' };
const pool = (vlan: string, severity: Severity = 'critical') =>
	finding('dhcp_pool_exhausted', { vlan, severity });

describe('network service root causes: DHCP', () => {
	it.each([
		['vlan30', '30', true],
		['corp-30', '30', true],
		['30', '30', true],
		['vlan130', '30', false],
		['vlan30', '3', false],
		['guest', '30', false],
	])('pool %s serves VLAN %s: %s', (network, vlan, same) => {
		expect(sameVlan(network, vlan)).toBe(same);
	});

	it('an exhausted pool explains the DHCP failures of its VLAN and the site alarm', () => {
		const { rootCauses, symptoms } = explain([
			pool('vlan30'),
			finding('dhcp_failures_vlan', { vlan: '30', evidence: noAnswer }),
			finding('dhcp_failures_site', { evidence: alarm }),
		]);
		expect(rootCauses).toHaveLength(1);
		expect(rootCauses[0]).toMatchObject({
			rule: 'dhcp_pool_exhausted',
			severity: 'critical',
			fingerprint: pool('vlan30').fingerprint,
			scope: { level: 'vlan', vlan: 'vlan30' },
		});
		expect(rulesOf(symptoms)).toEqual(['dhcp_failures_site', 'dhcp_failures_vlan']);
	});

	it('an exhausted pool leaves the failures of another VLAN, and the site alarm, to their own cause', () => {
		const { rootCauses } = explain([
			pool('vlan30'),
			finding('dhcp_failures_vlan', { vlan: '30', evidence: noAnswer }),
			finding('dhcp_failures_vlan', { vlan: '40', evidence: noAnswer }),
			finding('dhcp_failures_site', { evidence: alarm }),
		]);
		expect(rulesOf(rootCauses)).toEqual(['dhcp_pool_exhausted', 'dhcp_server_unresponsive']);
		const server = rootCauses.find((cause) => cause.rule === 'dhcp_server_unresponsive');
		expect(server?.scope.vlan).toBe('40');
	});

	it('a full pool with no failing client stays a finding of its own', () => {
		const { rootCauses, symptoms } = explain([pool('vlan30', 'major')]);
		expect(rootCauses).toEqual([pool('vlan30', 'major')]);
		expect(symptoms).toEqual([]);
	});

	it('discovers with no answer on a VLAN name the DHCP server or its relay', () => {
		const { rootCauses, symptoms } = explain([
			finding('dhcp_failures_vlan', { vlan: '20', evidence: noAnswer }),
			finding('dhcp_failures_site', { evidence: alarm }),
		]);
		expect(rootCauses).toHaveLength(1);
		expect(rootCauses[0]).toMatchObject({
			rule: 'dhcp_server_unresponsive',
			severity: 'major',
			scope: { level: 'vlan', vlan: '20' },
			remediation: { kind: 'manual' },
		});
		expect(rootCauses[0].likelyCause).toMatch(/does not answer.*relay \(ip helper\)/);
		expect(symptoms).toHaveLength(2);
	});

	it('NAKs (and the blocked old addresses that follow them) on a VLAN name stale leases, a wrong scope or a rogue server', () => {
		const { rootCauses } = explain([
			finding('dhcp_failures_vlan', { vlan: '40', evidence: naks }),
			finding('client_dhcp_failure', { vlan: '40', severity: 'minor' }),
		]);
		expect(rootCauses).toHaveLength(1);
		expect(rootCauses[0]).toMatchObject({ rule: 'dhcp_nak_storm', scope: { vlan: '40' } });
		expect(rootCauses[0].likelyCause).toMatch(/NAK.*stale leases.*rogue DHCP server/);
		expect(rootCauses[0].remediation.description).toMatch(/stale leases.*rogue DHCP server/);
	});

	it('leaves blocked static addresses, a usual (baseline) level and alarms alone', () => {
		const blocked = { eventCounts: { MARVIS_EVENT_CLIENT_STATIC_IP_BLOCKED: 5 } };
		const findings = [
			finding('dhcp_failures_vlan', { vlan: '50', evidence: blocked }),
			finding('dhcp_failures_vlan', {
				vlan: '20',
				evidence: noAnswer,
				severity: 'info',
				site: SITE2,
			}),
			finding('dhcp_failures_site', { evidence: alarm, site: SITE2 }),
		];
		expect(rulesOf(explain(findings).rootCauses)).toEqual(rulesOf(findings));
	});
});

describe('network service root causes: DNS and the gateway', () => {
	const dns = (vlan: string | undefined, clients: number, site = SITE) =>
		finding(vlan ? 'dns_failures_vlan' : 'dns_failures_site', {
			vlan,
			site,
			step: 'infrastructure',
			evidence: { affectedClients: clients, eventCounts: { MARVIS_DNS_FAILURE: clients } },
		});
	const arp = (vlan: string) =>
		finding('gateway_arp_failures_vlan', {
			vlan,
			step: 'infrastructure',
			evidence: { affectedClients: 8, eventCounts: { CLIENT_GW_ARP_FAILURE: 8 } },
		});
	const signal = (rule: string) => finding(rule, { step: 'infrastructure', evidence: alarm });

	it('DNS failures on several VLANs of a site are the DNS servers, graded on every failing client', () => {
		const { rootCauses, symptoms } = explain([
			dns('10', 7),
			dns('20', 6),
			finding('client_dns_failure', { vlan: '40', severity: 'minor', step: 'infrastructure' }),
			signal('dns_failures_site'),
		]);
		expect(rootCauses).toHaveLength(1);
		expect(rootCauses[0]).toMatchObject({
			rule: 'dns_servers_unreachable',
			severity: 'critical',
			scope: { level: 'site', site_id: SITE },
			evidence: { affectedClients: 14, vlans: ['10', '20'] },
		});
		expect(rootCauses[0].remediation.description).toMatch(/DNS servers.*port 53/);
		expect(symptoms).toHaveLength(4);
	});

	it('a few clients of two VLANs make a major DNS cause, not a critical one', () => {
		const { rootCauses } = explain([dns('10', 2), dns('20', 3)]);
		expect(rootCauses[0]).toMatchObject({ rule: 'dns_servers_unreachable', severity: 'major' });
	});

	it('DNS failures with no VLAN known are named at the site', () => {
		const { rootCauses } = explain([dns(undefined, 4)]);
		expect(rootCauses[0]).toMatchObject({
			rule: 'dns_servers_unreachable',
			scope: { level: 'site' },
		});
	});

	it('DNS failures of one VLAN, or on two sites, stay findings of their VLAN', () => {
		const findings = [dns('10', 5), dns('20', 5, SITE2)];
		expect(rulesOf(explain(findings).rootCauses)).toEqual([
			'dns_failures_vlan',
			'dns_failures_vlan',
		]);
	});

	it("a VLAN's clients failing ARP for the gateway name its L3 interface, and explain their DNS failures", () => {
		const { rootCauses, symptoms } = explain([
			arp('10'),
			dns('10', 8),
			signal('gateway_arp_failures_site'),
		]);
		expect(rootCauses).toHaveLength(1);
		expect(rootCauses[0]).toMatchObject({
			rule: 'gateway_unreachable',
			severity: 'major',
			scope: { level: 'vlan', vlan: '10' },
			remediation: { kind: 'manual' },
		});
		expect(rootCauses[0].remediation.description).toMatch(/gateway of VLAN 10.*L3 interface/);
		expect(rulesOf(symptoms)).toEqual([
			'dns_failures_vlan',
			'gateway_arp_failures_site',
			'gateway_arp_failures_vlan',
		]);
	});

	it('a gateway cause leaves the DNS failures of other VLANs to the DNS cause', () => {
		const { rootCauses } = explain([arp('10'), dns('10', 8), dns('20', 4), dns('30', 3)]);
		expect(rulesOf(rootCauses)).toEqual(['dns_servers_unreachable', 'gateway_unreachable']);
		const dnsCause = rootCauses.find((cause) => cause.rule === 'dns_servers_unreachable');
		expect(dnsCause?.evidence.vlans).toEqual(['20', '30']);
	});
});
