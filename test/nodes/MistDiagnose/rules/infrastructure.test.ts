import { diagnoseInfrastructure } from '../../../../nodes/MistDiagnose/rules';
import {
	apMac,
	clientEvent,
	clientMac,
	context,
	manyClientEvents,
	NOW,
	SITE,
	thresholds,
} from './fixtures';

const summary = (result: ReturnType<typeof diagnoseInfrastructure>) =>
	result.findings.map((finding) => `${finding.rule}:${finding.severity}:${finding.scope.level}`);

describe('infrastructure step: gateway ARP and DNS reachability', () => {
	it.each([
		['MARVIS_DNS_FAILURE', 12, ['dns_failures_site:critical:site']],
		['MARVIS_DNS_FAILURE', 1, ['client_dns_failure:minor:client']],
		['CLIENT_GW_ARP_FAILURE', 3, ['gateway_arp_failures_site:major:site']],
		['CLIENT_EXCESSIVE_ARPING_GW', 1, ['client_arp_failure:minor:client']],
	])('%s by %d clients → %j', (type, count, expected) => {
		expect(
			summary(
				diagnoseInfrastructure({ events: manyClientEvents(type, count) }, thresholds(), context),
			),
		).toEqual(expected);
	});

	it('groups gateway ARP failures per VLAN and tests ARP from the AP that saw most of them', () => {
		const [finding] = diagnoseInfrastructure(
			{ events: manyClientEvents('CLIENT_GW_ARP_FAILURE', 4, { vlan: '30', ap: apMac(7) }) },
			thresholds(),
			context,
		).findings;
		expect(finding).toMatchObject({ rule: 'gateway_arp_failures_vlan', scope: { vlan: '30' } });
		expect(finding.remediation).toMatchObject({
			operation: 'syntheticTest',
			parameters: { type: 'arp', vlan_id: '30', device_id: `00000000-0000-0000-1000-${apMac(7)}` },
		});
	});
});

describe('infrastructure step: switch ports', () => {
	const portEvent = (type: string, timestamp: number, port = 'ge-0/0/17') => ({
		type,
		mac: '60c78d939c0f',
		device_type: 'switch',
		port_id: port,
		site_id: SITE,
		text: `ifIndex 533, ifAdminStatus up(1), ifOperStatus down(2), ifName ${port}`,
		timestamp,
	});
	it.each([
		[2, []],
		[3, ['switch_port_flap:major:switch_port']],
	])('%d SW_PORT_DOWN on one port → %j', (downs, expected) => {
		const deviceEvents = Array.from({ length: downs }, (_, index) => [
			portEvent('SW_PORT_DOWN', NOW - 900 + index * 120),
			portEvent('SW_PORT_UP', NOW - 880 + index * 120),
		]).flat();
		expect(summary(diagnoseInfrastructure({ deviceEvents }, thresholds(), context))).toEqual(
			expected,
		);
	});

	it('a flapping port: cable test first, then bounce the port', () => {
		const deviceEvents = [0, 1, 2].map((index) =>
			portEvent('SW_PORT_DOWN', NOW - 600 + index * 60),
		);
		const [finding] = diagnoseInfrastructure({ deviceEvents }, thresholds(), context).findings;
		expect(finding.fingerprint).toBe(
			`mist:${context.org_id}:${SITE}:switch_port_flap:60c78d939c0f/ge-0/0/17`,
		);
		expect(finding.remediation).toMatchObject({
			operation: 'cableTest',
			parameters: { device_id: '00000000-0000-0000-1000-60c78d939c0f', port: 'ge-0/0/17' },
		});
		expect(finding.followUp[0]).toMatchObject({
			operation: 'bouncePort',
			parameters: { ports: ['ge-0/0/17'] },
		});
	});

	it('a port_flap alarm for the same port merges with the event-derived finding', () => {
		const deviceEvents = [0, 1, 2].map((index) =>
			portEvent('SW_PORT_DOWN', NOW - 600 + index * 60),
		);
		const alarms = [
			{
				id: 'p1',
				type: 'port_flap',
				site_id: SITE,
				switches: ['60:c7:8d:93:9c:0f'],
				port_ids: ['ge-0/0/17'],
				count: 5,
				timestamp: NOW - 700,
			},
		];
		expect(
			diagnoseInfrastructure({ deviceEvents, alarms }, thresholds(), context).findings,
		).toHaveLength(1);
	});

	it.each([
		[
			'bad_cable alarm',
			{
				alarms: [
					{
						id: 'b1',
						type: 'bad_cable',
						site_id: SITE,
						switches: ['60c78d939c0f'],
						port_id: 'ge-0/0/3',
						timestamp: NOW - 50,
					},
				],
			},
			'switch_port_bad_cable',
			'cableTest',
		],
		[
			'missing_vlan Marvis action',
			{
				marvisActions: [
					{
						symptom: 'missing_vlan',
						site_id: SITE,
						mac: '60c78d939c0f',
						port_id: 'ge-0/0/4',
						vlan: 30,
						status: 'open',
					},
				],
			},
			'switch_port_missing_vlan',
			undefined,
		],
	])('%s → %s', (_label, input, rule, operation) => {
		const [finding] = diagnoseInfrastructure(input, thresholds(), context).findings;
		expect(finding.rule).toBe(rule);
		if (operation) expect(finding.remediation).toMatchObject({ operation });
		else
			expect(finding.remediation).toEqual({
				kind: 'manual',
				description: 'Add VLAN 30 to port ge-0/0/4 of switch 60c78d939c0f (port profile / trunk).',
			});
	});

	it('ignores resolved Marvis actions', () => {
		expect(
			diagnoseInfrastructure(
				{
					marvisActions: [
						{ symptom: 'port_flap', site_id: SITE, mac: '60c78d939c0f', status: 'resolved' },
					],
				},
				thresholds(),
				context,
			).findings,
		).toEqual([]);
	});
});

describe('infrastructure step: connectivity drops and device up/downs', () => {
	const session = (mac: string, ap: string, duration: number, offset = 0) => ({
		mac,
		ap,
		ssid: 'Corp',
		site_id: SITE,
		band: '5',
		connect: NOW - 1000 + offset,
		disconnect: NOW - 1000 + offset + duration,
		duration,
		tags: ['disassociate'],
		timestamp: NOW - 1000 + offset + duration,
	});

	it.each([
		[
			'5 clients with short sessions on one AP → AP finding',
			Array.from({ length: 5 }, (_, index) => session(clientMac(index + 1), apMac(1), 20)),
			['connectivity_drops_ap:major:ap'],
		],
		[
			'sessions of exactly 60 s are not short',
			Array.from({ length: 5 }, (_, index) => session(clientMac(index + 1), apMac(1), 60)),
			[],
		],
		[
			'one client with 3 short sessions on different APs → client finding',
			[1, 2, 3].map((index) => session(clientMac(1), apMac(index), 10, index * 100)),
			['client_connectivity_drops:minor:client'],
		],
		[
			'one client with 2 short sessions → nothing',
			[1, 2].map((index) => session(clientMac(1), apMac(index), 10, index * 100)),
			[],
		],
	])('%s', (_label, sessions, expected) => {
		expect(summary(diagnoseInfrastructure({ sessions }, thresholds(), context))).toEqual(expected);
	});

	it('switch going down twice → device_updown_flaps; a gateway_down alarm → critical device_down', () => {
		const deviceEvents = [0, 1].map((index) => ({
			type: 'SW_DISCONNECTED',
			mac: '60c78d939c0f',
			device_type: 'switch',
			site_id: SITE,
			timestamp: NOW - 500 + index * 100,
		}));
		const alarms = [
			{
				id: 'g1',
				type: 'gateway_down',
				site_id: SITE,
				gateways: ['020001a2b3c4'],
				timestamp: NOW - 60,
			},
		];
		expect(
			summary(diagnoseInfrastructure({ deviceEvents, alarms }, thresholds(), context)),
		).toEqual(['device_down:critical:switch_port', 'device_updown_flaps:major:switch_port']);
	});
});

describe('infrastructure step: latency', () => {
	const latency = (overrides: Record<string, number>) => ({
		site_id: SITE,
		timestamp: NOW - 300,
		avg_auth: 0.17,
		avg_dhcp: 0.018,
		avg_dns: 0.025,
		...overrides,
	});

	it('the spec client-latency example is fine', () => {
		expect(
			diagnoseInfrastructure({ latency: [latency({})] }, thresholds(), context).findings,
		).toEqual([]);
	});

	it.each([
		[{ avg_dhcp: 1 }, []],
		[{ avg_dhcp: 1.2 }, ['slow_dhcp:minor:site']],
		[{ avg_auth: 3.5 }, ['slow_auth:major:site']],
		[{ avg_dns: 0.31 }, ['slow_dns:minor:site']],
	])('%j → %j', (overrides, expected) => {
		expect(
			summary(diagnoseInfrastructure({ latency: [latency(overrides)] }, thresholds(), context)),
		).toEqual(expected);
	});

	it('judges only the latest event per site', () => {
		const result = diagnoseInfrastructure(
			{
				latency: [latency({ avg_dhcp: 5, timestamp: NOW - 900 }), latency({ timestamp: NOW - 60 })],
			},
			thresholds(),
			context,
		);
		expect(result.findings).toEqual([]);
	});

	it('slow but usual for the site → info', () => {
		const result = diagnoseInfrastructure(
			{
				latency: [latency({ avg_dhcp: 1.5 })],
				latencyHistory: { [`${SITE}:dhcp`]: [1.4, 1.5, 1.6, 1.5, 1.4, 1.6] },
			},
			thresholds(),
			context,
		);
		expect(summary(result)).toEqual(['slow_dhcp:info:site']);
	});

	it.each([
		[
			'a spike above mean + 3σ',
			[0.02, 0.021, 0.019, 0.02, 0.022, 0.018, 0.2],
			['latency_spike:minor:site'],
		],
		['a flat series', [0.02, 0.021, 0.019, 0.02, 0.022, 0.018, 0.021], []],
		['too few points', [0.02, 0.5], []],
	])('insight series with %s → %j', (_label, values, expected) => {
		expect(
			summary(
				diagnoseInfrastructure(
					{ latencySeries: [{ site_id: SITE, metric: 'client_dhcp_latency', values }] },
					thresholds(),
					context,
				),
			),
		).toEqual(expected);
	});
});

describe('infrastructure step: healthy', () => {
	it('a checked site with nothing wrong is healthy; a site with a problem is not', () => {
		const { healthy } = diagnoseInfrastructure(
			{
				sites: [{ id: SITE }, { id: 'f5fcbee5-1234-5678-9101-1619ede87879' }],
				events: [clientEvent('MARVIS_DNS_FAILURE', clientMac(1))],
			},
			thresholds(),
			context,
		);
		expect(healthy.map((entity) => entity.id)).toEqual(['f5fcbee5-1234-5678-9101-1619ede87879']);
	});
});
