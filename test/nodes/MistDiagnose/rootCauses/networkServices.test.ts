import { sameVlan } from '../../../../nodes/MistDiagnose/rootCauses/networkServices.support';
import { SITE, SITE2 } from '../rules/fixtures';
import { alarm, explain, finding, naks, noAnswer, pool, rulesOf } from './networkServicesFixtures';

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

	it('no answer on several VLANs of a site is one cause at the site, graded on all its failing clients', () => {
		const unanswered = (vlan: string, clients: number) =>
			finding('dhcp_failures_vlan', {
				vlan,
				evidence: { ...noAnswer, affectedClients: clients },
			});
		const { rootCauses, symptoms } = explain([
			unanswered('10', 6),
			unanswered('20', 5),
			finding('dhcp_failures_site', { evidence: alarm }),
			finding('dhcp_failures_vlan', { vlan: '20', site: SITE2, evidence: noAnswer }),
		]);
		expect(rootCauses).toHaveLength(2);
		expect(rootCauses[0]).toMatchObject({
			rule: 'dhcp_server_unresponsive',
			severity: 'critical',
			scope: { level: 'site', site_id: SITE },
			evidence: { affectedClients: 11, vlans: ['10', '20'] },
		});
		expect(rootCauses[0].likelyCause).toMatch(/on VLANs 10, 20 at Phoenix/);
		expect(rootCauses[1]).toMatchObject({
			rule: 'dhcp_server_unresponsive',
			scope: { level: 'vlan', site_id: SITE2, vlan: '20' },
		});
		expect(symptoms).toHaveLength(4);
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
