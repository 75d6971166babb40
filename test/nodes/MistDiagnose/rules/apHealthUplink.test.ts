import { diagnoseApHealth } from '../../../../nodes/MistDiagnose/rules';
import { apStat, context, NOW, SITE, switchStat, thresholds } from './fixtures';

/** The fixture switch with the port the fixture AP hangs on (LLDP: ge-0/0/4) and a PoE budget. */
function switchWith(port: Record<string, unknown>, poe = { max_power: 370, power_draw: 58 }) {
	return {
		...switchStat,
		ports: [
			{ port_id: 'ge-0/0/3', up: true, rx_pkts: 1000, rx_errors: 900 },
			{ port_id: 'ge-0/0/4', up: true, rx_pkts: 48_000_000, rx_errors: 0, tx_errors: 0, ...port },
		],
		module_stat: [{ poe: { ...poe, status: 'AC' } }],
	};
}

const restarts = [0, 1].map((index) => ({
	type: 'AP_RESTARTED',
	mac: '5c5b35d0077b',
	site_id: SITE,
	timestamp: NOW - 900 + index * 600,
}));

describe('AP health step: the switch port of the AP', () => {
	it('input errors above 0.01 % of the frames on the AP port → major finding naming the port, cable test first', () => {
		const { findings } = diagnoseApHealth(
			{ aps: [apStat()], switches: [switchWith({ rx_errors: 52_000 })] },
			thresholds(),
			context,
		);
		expect(findings).toHaveLength(1);
		expect(findings[0]).toMatchObject({
			rule: 'ap_uplink_port_errors',
			severity: 'major',
			scope: {
				level: 'ap',
				ap_mac: '5c5b35d0077b',
				switch_mac: '60c78d939c0f',
				switch_name: 'Phoenix-Switch',
				port_id: 'ge-0/0/4',
			},
			remediation: {
				operation: 'cableTest',
				parameters: {
					site_id: SITE,
					device_id: '00000000-0000-0000-1000-60c78d939c0f',
					port: 'ge-0/0/4',
				},
			},
		});
		expect(findings[0].summary).toBe(
			'The uplink of AP Phoenix-Lobby (5c5b35d0077b) at site Phoenix (port ge-0/0/4 of switch Phoenix-Switch) counts 52000 errors (0.11% of frames).',
		);
	});

	it.each([
		['0.01 % of the frames exactly: not above the share', { rx_errors: 4800 }, false],
		['just above the share', { rx_errors: 4801 }, true],
		['tx errors count too', { rx_errors: 2400, tx_errors: 2401 }, true],
		['99 errors: below the minimum even on few frames', { rx_errors: 99, rx_pkts: 1000 }, false],
		['no frame counter: no share to judge', { rx_errors: 5000, rx_pkts: undefined }, false],
	])('%s', (_label, port, expected) => {
		const { findings } = diagnoseApHealth(
			{ aps: [apStat()], switches: [switchWith(port)] },
			thresholds(),
			context,
		);
		expect(findings.some((finding) => finding.rule === 'ap_uplink_port_errors')).toBe(expected);
	});

	it('errors on a port of another device, or an AP whose switch Mist does not manage, say nothing', () => {
		const unknownSwitch = apStat({ lldp_stat: { system_name: 'core-sw', port_id: 'Gi1/0/4' } });
		for (const aps of [
			[apStat({ lldp_stat: { ...apStat().lldp_stat, port_id: 'ge-0/0/9' } })],
			[unknownSwitch],
		])
			expect(
				diagnoseApHealth(
					{ aps, switches: [switchWith({ rx_errors: 52_000 })] },
					thresholds(),
					context,
				).findings,
			).toEqual([]);
	});

	it("a rebooting AP's finding carries its switch port and what the switch reports of it", () => {
		const { findings } = diagnoseApHealth(
			{
				aps: [apStat()],
				switches: [
					switchWith(
						{ last_flapped: NOW - 300, poe_on: true, power_draw: 14.5 },
						{ max_power: 370, power_draw: 360 },
					),
				],
				deviceEvents: restarts,
			},
			thresholds(),
			context,
		);
		expect(findings).toHaveLength(1);
		expect(findings[0]).toMatchObject({
			rule: 'ap_repeated_reboots',
			scope: { switch_mac: '60c78d939c0f', switch_name: 'Phoenix-Switch', port_id: 'ge-0/0/4' },
			evidence: {
				uplinkPort: {
					up: true,
					last_flapped: NOW - 300,
					poe_on: true,
					power_draw: 14.5,
					poe_budget: { max_power: 370, power_draw: 360 },
				},
			},
		});
	});

	it('without switch stats the finding stays on the AP, with no port', () => {
		const [finding] = diagnoseApHealth(
			{ aps: [apStat()], deviceEvents: restarts },
			thresholds(),
			context,
		).findings;
		expect(finding.scope.port_id).toBeUndefined();
		expect(finding.evidence.uplinkPort).toBeUndefined();
	});
});
