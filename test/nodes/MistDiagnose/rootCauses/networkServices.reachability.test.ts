import { SITE, SITE2 } from '../rules/fixtures';
import { alarm, explain, finding, rulesOf } from './networkServicesFixtures';

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

	it('no gateway answering on several VLANs of a site names the L3 device holding them', () => {
		const { rootCauses, symptoms } = explain([
			arp('10'),
			arp('20'),
			dns('20', 8),
			signal('gateway_arp_failures_site'),
		]);
		expect(rootCauses).toHaveLength(1);
		expect(rootCauses[0]).toMatchObject({
			rule: 'gateway_unreachable',
			severity: 'critical',
			scope: { level: 'site', site_id: SITE },
			evidence: { affectedClients: 16, vlans: ['10', '20'] },
		});
		expect(rootCauses[0].remediation.description).toMatch(/L3 device.*VLANs 10, 20/);
		expect(symptoms).toHaveLength(4);
	});

	it('a gateway cause leaves the DNS failures of other VLANs to the DNS cause', () => {
		const { rootCauses } = explain([arp('10'), dns('10', 8), dns('20', 4), dns('30', 3)]);
		expect(rulesOf(rootCauses)).toEqual(['dns_servers_unreachable', 'gateway_unreachable']);
		const dnsCause = rootCauses.find((cause) => cause.rule === 'dns_servers_unreachable');
		expect(dnsCause?.evidence.vlans).toEqual(['20', '30']);
	});
});
