import { diagnoseDhcp } from '../../../../nodes/MistDiagnose/rules';
import type { DhcpServerStat } from '../../../../nodes/MistDiagnose/rules';
import {
	clientEvent,
	clientMac,
	clientStat,
	context,
	manyClientEvents,
	NOW,
	SITE,
	SITE2,
	thresholds,
} from './fixtures';

const STUCK = 'MARVIS_EVENT_CLIENT_DHCP_STUCK';

describe('DHCP step: correlation', () => {
	it('100 clients failing DHCP on one VLAN → exactly one critical VLAN finding with a bounded MAC sample', () => {
		const events = manyClientEvents(STUCK, 100, { vlan: '10' });
		const { findings } = diagnoseDhcp({ events }, thresholds(), context);
		expect(findings).toHaveLength(1);
		const [finding] = findings;
		expect(finding).toMatchObject({
			step: 'dhcp',
			rule: 'dhcp_failures_vlan',
			severity: 'critical',
			scope: { level: 'vlan', vlan: '10', site_name: 'Phoenix' },
		});
		expect(finding.fingerprint).toBe(`mist:${context.org_id}:${SITE}:dhcp_failures_vlan:vlan=10`);
		expect(finding.evidence.affectedClients).toBe(100);
		expect(finding.evidence.sampleMacs).toHaveLength(10);
		expect(finding.evidence.eventCounts).toEqual({ [STUCK]: 100 });
		expect(finding.summary).toBe(
			'100 clients failed DHCP on VLAN 10 at site Phoenix within 10 min.',
		);
		expect(finding.remediation).toMatchObject({
			kind: 'action',
			operation: 'syntheticTest',
			parameters: {
				type: 'dhcp',
				vlan_id: '10',
				device_id: '00000000-0000-0000-1000-5c5b350eb31b',
			},
		});
	});

	it('one client failing → one client finding with reconnectClient', () => {
		const { findings } = diagnoseDhcp(
			{
				events: [
					clientEvent(STUCK, clientMac(1)),
					clientEvent(STUCK, clientMac(1), { timestamp: NOW - 60 }),
				],
			},
			thresholds(),
			context,
		);
		expect(findings).toHaveLength(1);
		expect(findings[0]).toMatchObject({
			rule: 'client_dhcp_failure',
			severity: 'minor',
			count: 2,
			scope: { level: 'client', client_mac: clientMac(1) },
		});
		expect(findings[0].remediation).toMatchObject({
			operation: 'reconnectClient',
			parameters: { site_id: SITE, client_mac: clientMac(1) },
		});
	});

	it.each([
		[
			'2 clients within 10 min, no VLAN → site finding (major)',
			[0, 599],
			1,
			'dhcp_failures_site',
			'major',
		],
		['2 clients exactly 10 min apart → site finding', [0, 600], 1, 'dhcp_failures_site', 'major'],
		['2 clients 11 min apart → two client findings', [0, 660], 2, 'client_dhcp_failure', 'minor'],
	])('%s', (_label, offsets, expectedCount, rule, severity) => {
		const events = offsets.map((offset, index) =>
			clientEvent(STUCK, clientMac(index + 1), { timestamp: NOW - 1000 + offset }),
		);
		const { findings } = diagnoseDhcp({ events }, thresholds(), context);
		expect(findings).toHaveLength(expectedCount);
		findings.forEach((finding) => expect(finding).toMatchObject({ rule, severity }));
	});

	it.each([
		[10, 'major'],
		[11, 'critical'],
	])('%d clients on a site → %s', (count, severity) => {
		const { findings } = diagnoseDhcp(
			{ events: manyClientEvents(STUCK, count) },
			thresholds(),
			context,
		);
		expect(findings).toHaveLength(1);
		expect(findings[0].severity).toBe(severity);
	});

	it('takes VLANs from client records when events lack them, and keeps sites apart', () => {
		const events = [
			...manyClientEvents(STUCK, 3),
			clientEvent(STUCK, clientMac(50), { site_id: SITE2 }),
		];
		const clients = [1, 2, 3].map((index) => clientStat({ mac: clientMac(index), vlan_id: '20' }));
		const { findings } = diagnoseDhcp({ events, clients }, thresholds(), context);
		expect(
			findings.map((finding) => [finding.rule, finding.scope.site_id, finding.scope.vlan]),
		).toEqual([
			['dhcp_failures_vlan', SITE, '20'],
			['client_dhcp_failure', SITE2, undefined],
		]);
	});

	it('names a NAK-dominated failure as a refused lease, a stuck one as no answer', () => {
		const nak = diagnoseDhcp(
			{ events: manyClientEvents('MARVIS_EVENT_CLIENT_DHCP_NAK', 3) },
			thresholds(),
			context,
		).findings[0];
		const stuck = diagnoseDhcp({ events: manyClientEvents(STUCK, 3) }, thresholds(), context)
			.findings[0];
		expect(nak.likelyCause).toMatch(/refuses leases \(NAK\)/);
		expect(stuck.likelyCause).toMatch(/no answer/);
	});

	it('ignores non-DHCP events, and counts a new DHCP failure type known only from the catalogue', () => {
		const events = [
			clientEvent('CLIENT_IP_ASSIGNED', clientMac(1)),
			clientEvent('CLIENT_IP_NOT_OBTAINED', clientMac(2)),
			clientEvent('CLIENT_IP_NOT_OBTAINED', clientMac(3)),
		];
		expect(diagnoseDhcp({ events }, thresholds(), context).findings).toHaveLength(0);
		const catalogue = [
			{ key: 'CLIENT_IP_NOT_OBTAINED', display: 'DHCP Failure: no offer received', group: 'DHCP' },
		];
		const { findings } = diagnoseDhcp({ events, catalogue }, thresholds(), context);
		expect(findings).toHaveLength(1);
		expect(findings[0]).toMatchObject({
			rule: 'dhcp_failures_site',
			evidence: { affectedClients: 2 },
		});
	});
});

describe('DHCP step: baseline', () => {
	const events = manyClientEvents(STUCK, 5);
	it.each([
		['usual for the site (history around 5) → info', [4, 5, 6, 5, 4, 6], 'info'],
		['far above the history → keeps its severity', [0, 1, 0, 1, 0, 1], 'major'],
		['too little history → unchanged', [5, 5], 'major'],
	])('%s', (_label, history, severity) => {
		const { findings } = diagnoseDhcp(
			{ events, baseline: { [SITE]: history } },
			thresholds(),
			context,
		);
		expect(findings[0].severity).toBe(severity);
	});
});

describe('DHCP step: pools', () => {
	const server = (numLeased: number, numIps = 100): DhcpServerStat => ({
		mac: '60c78d939c0f',
		name: 'Phoenix-Switch',
		site_id: SITE,
		type: 'switch',
		last_seen: NOW - 20,
		dhcpd_stat: { corp_dc1: { num_ips: numIps, num_leased: numLeased } },
	});
	it.each([
		[85, undefined],
		[86, 'major'],
		[95, 'major'],
		[96, 'critical'],
		[100, 'critical'],
	])('%d of 100 leased → %s', (leased, severity) => {
		const { findings, healthy } = diagnoseDhcp(
			{ dhcpServers: [server(leased)] },
			thresholds(),
			context,
		);
		if (!severity) {
			expect(findings).toHaveLength(0);
			expect(healthy).toContainEqual(expect.objectContaining({ level: 'vlan', id: 'corp_dc1' }));
			return;
		}
		expect(findings).toHaveLength(1);
		expect(findings[0]).toMatchObject({
			rule: 'dhcp_pool_exhausted',
			severity,
			scope: { level: 'vlan', vlan: 'corp_dc1' },
			evidence: { num_leased: leased, num_ips: 100 },
		});
	});

	it('skips pools of size 0', () => {
		expect(
			diagnoseDhcp({ dhcpServers: [server(0, 0)] }, thresholds(), context).findings,
		).toHaveLength(0);
	});
});

describe('DHCP step: healthy output and other signals', () => {
	it('reports checked sites and clients without findings as healthy', () => {
		const clients = [clientStat({ mac: clientMac(1) }), clientStat({ mac: clientMac(2) })];
		const { findings, healthy } = diagnoseDhcp(
			{
				events: [clientEvent(STUCK, clientMac(1))],
				clients,
				sites: [{ id: SITE }, { id: SITE2, name: 'Denver' }],
			},
			thresholds(),
			context,
		);
		expect(findings).toHaveLength(1);
		expect(healthy.map((entity) => `${entity.level}:${entity.id}`).sort()).toEqual([
			`client:${clientMac(2)}`,
			`site:${SITE2}`,
		]);
		expect(healthy.find((entity) => entity.level === 'site')).toMatchObject({
			step: 'dhcp',
			name: 'Denver',
			org_id: context.org_id,
		});
	});

	it('turns an open dhcp_failure alarm into a site finding and ignores a resolved one', () => {
		const alarm = {
			id: 'e70c308f-7007-4866-9ecd-0d01842979ea',
			type: 'dhcp_failure',
			site_id: SITE,
			count: 4,
			timestamp: NOW - 500,
			last_seen: NOW - 100,
			group: 'marvis',
			severity: 'critical',
		};
		const open = diagnoseDhcp({ alarms: [alarm] }, thresholds(), context).findings;
		expect(open).toHaveLength(1);
		expect(open[0]).toMatchObject({ rule: 'dhcp_failures_site', count: 4 });
		expect(
			diagnoseDhcp({ alarms: [{ ...alarm, status: 'resolved' }] }, thresholds(), context).findings,
		).toHaveLength(0);
	});

	it('uses triage defaults for events without mac/site', () => {
		const event = { type: STUCK, timestamp: NOW - 10 };
		expect(diagnoseDhcp({ events: [event] }, thresholds(), context).findings).toHaveLength(0);
		const { findings } = diagnoseDhcp(
			{ events: [event], defaults: { site_id: SITE, client_mac: 'DA:DB:FC:00:00:01' } },
			thresholds(),
			context,
		);
		expect(findings[0].scope.client_mac).toBe(clientMac(1));
	});
});

describe('DHCP step: real types beyond DHCPv4', () => {
	const V6 = 'MARVIS_EVENT_CLIENT_DHCPV6_STUCK';

	it('DHCPv6 failures alone, even of many clients, make no finding (dual-stack noise)', () => {
		const { findings, healthy } = diagnoseDhcp(
			{ events: manyClientEvents(V6, 20), sites: [{ id: SITE }] },
			thresholds(),
			context,
		);
		expect(findings).toEqual([]);
		expect(healthy).toEqual([expect.objectContaining({ level: 'site', site_id: SITE })]);
	});

	it('DHCPv6 failures next to DHCPv4 ones are counted in the evidence', () => {
		const events = [
			...manyClientEvents(STUCK, 3, { vlan: '10' }),
			...manyClientEvents(V6, 5),
			clientEvent(V6, clientMac(40), { site_id: SITE2 }),
		];
		const [finding] = diagnoseDhcp({ events }, thresholds(), context).findings;
		expect(finding).toMatchObject({
			rule: 'dhcp_failures_vlan',
			evidence: { affectedClients: 3, dhcpv6Failures: 5 },
		});
	});

	it('clients blocked for a static IP are a DHCP-step finding that says so', () => {
		const events = [clientEvent('MARVIS_EVENT_CLIENT_STATIC_IP_BLOCKED', clientMac(1))];
		const [finding] = diagnoseDhcp({ events }, thresholds(), context).findings;
		expect(finding).toMatchObject({
			rule: 'client_dhcp_failure',
			likelyCause: 'This client uses a static IP address that the WLAN blocks.',
		});
		const shared = diagnoseDhcp(
			{ events: manyClientEvents('MARVIS_EVENT_CLIENT_STATIC_IP_BLOCKED', 4) },
			thresholds(),
			context,
		).findings;
		expect(shared[0].likelyCause).toMatch(/static IP address the WLAN blocks/);
	});
});
