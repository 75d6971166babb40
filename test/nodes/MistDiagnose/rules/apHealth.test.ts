import { diagnoseApHealth } from '../../../../nodes/MistDiagnose/rules';
import { apMac, apStat, context, NOW, SITE, switchStat, thresholds } from './fixtures';

describe('AP health step: offline', () => {
	it('an offline AP whose switch port is known → critical finding, manual PoE/uplink check, then bouncePort', () => {
		const aps = [
			apStat({ status: 'disconnected', last_seen: NOW - 1800 }),
			apStat({ mac: apMac(2), name: 'Phoenix-Hall' }),
		];
		const [finding] = diagnoseApHealth(
			{ aps, switches: [switchStat] },
			thresholds(),
			context,
		).findings;
		expect(finding).toMatchObject({
			rule: 'ap_offline',
			severity: 'critical',
			scope: {
				level: 'ap',
				ap_mac: '5c5b35d0077b',
				switch_mac: '60c78d939c0f',
				port_id: 'ge-0/0/4',
			},
		});
		expect(finding.summary).toBe(
			'AP Phoenix-Lobby (5c5b35d0077b) at site Phoenix is offline (last seen 30 min ago).',
		);
		expect(finding.remediation.kind).toBe('manual');
		expect(finding.followUp).toEqual([
			{
				kind: 'action',
				operation: 'bouncePort',
				parameters: {
					site_id: SITE,
					device_id: '00000000-0000-0000-1000-60c78d939c0f',
					ports: ['ge-0/0/4'],
				},
				description: expect.any(String),
			},
		]);
	});

	it('without a known Mist switch the offline AP gets a manual fix only', () => {
		const aps = [apStat({ status: 'disconnected' }), apStat({ mac: apMac(2) })];
		const [finding] = diagnoseApHealth({ aps }, thresholds(), context).findings;
		expect(finding.followUp).toEqual([]);
	});

	it('all APs of a site offline → one site_down finding, and AP alarms on that site are suppressed', () => {
		const aps = [1, 2, 3].map((index) =>
			apStat({ mac: apMac(index), name: `AP${index}`, status: 'disconnected' }),
		);
		const alarms = [
			{ id: 'x', type: 'ap_offline', site_id: SITE, aps: [apMac(1)], timestamp: NOW - 100 },
		];
		const { findings } = diagnoseApHealth({ aps, alarms }, thresholds(), context);
		expect(findings).toHaveLength(1);
		expect(findings[0]).toMatchObject({
			rule: 'site_down',
			severity: 'critical',
			count: 3,
			scope: { level: 'site' },
		});
	});

	it('an open ap_offline alarm for an AP the stats show connected is ignored (recovered)', () => {
		const alarms = [
			{ id: 'x', type: 'ap_offline', site_id: SITE, aps: ['5c5b35d0077b'], timestamp: NOW - 3000 },
		];
		expect(diagnoseApHealth({ aps: [apStat()], alarms }, thresholds(), context).findings).toEqual(
			[],
		);
		expect(diagnoseApHealth({ alarms }, thresholds(), context).findings).toEqual([
			expect.objectContaining({ rule: 'ap_offline' }),
		]);
	});

	it('an ap_offline alarm and the disconnected status merge into one finding', () => {
		const aps = [apStat({ status: 'disconnected' }), apStat({ mac: apMac(2) })];
		const alarms = [
			{
				id: 'e70c308f',
				type: 'device_down',
				site_id: SITE,
				aps: ['5c5b35d0077b'],
				hostnames: ['Phoenix-Lobby'],
				timestamp: NOW - 900,
				count: 1,
			},
		];
		const { findings } = diagnoseApHealth({ aps, alarms }, thresholds(), context);
		expect(findings).toHaveLength(1);
		expect(findings[0].evidence.sources).toHaveLength(2);
	});
});

describe('AP health step: stability and load', () => {
	const restart = (timestamp: number, type = 'AP_RESTARTED') => ({
		type,
		mac: '5c5b35d0077b',
		site_id: SITE,
		device_type: 'ap',
		timestamp,
	});

	it.each([
		[1, []],
		[2, ['ap_repeated_reboots:major']],
	])('%d restarts → %j', (count, expected) => {
		const deviceEvents = Array.from({ length: count }, (_, index) =>
			restart(NOW - 1000 + index * 100),
		);
		const { findings } = diagnoseApHealth({ aps: [apStat()], deviceEvents }, thresholds(), context);
		expect(findings.map((finding) => `${finding.rule}:${finding.severity}`)).toEqual(expected);
	});

	it('counts device_restarted alarm occurrences together with restart events', () => {
		const alarms = [
			{
				id: 'r1',
				type: 'device_restarted',
				site_id: SITE,
				aps: ['5c5b35d0077b'],
				count: 1,
				timestamp: NOW - 50,
			},
		];
		const { findings } = diagnoseApHealth(
			{ aps: [apStat()], deviceEvents: [restart(NOW - 500)], alarms },
			thresholds(),
			context,
		);
		expect(findings[0]).toMatchObject({
			rule: 'ap_repeated_reboots',
			count: 2,
			evidence: { alarmCount: 1 },
		});
	});

	it('counts each AP only its own device_restarted alarms, also an AP with alarms and no events', () => {
		const alarm = (id: string, aps: string[], count: number, at: number) => ({
			id,
			type: 'device_restarted',
			site_id: SITE,
			aps,
			count,
			timestamp: NOW - at,
		});
		const alarms = [
			alarm('r1', [apMac(1), apMac(2)], 1, 50),
			alarm('r2', [apMac(2)], 2, 40),
			alarm('r3', [apMac(3)], 1, 30),
		];
		const aps = [1, 2, 3].map((index) => apStat({ mac: apMac(index), name: `AP-${index}` }));
		const { findings } = diagnoseApHealth(
			{ aps, deviceEvents: [{ ...restart(NOW - 500), mac: apMac(1) }], alarms },
			thresholds(),
			context,
		);
		const reboots = findings
			.filter((finding) => finding.rule === 'ap_repeated_reboots')
			.map((finding) => [finding.scope.ap_mac, finding.count, finding.evidence.alarmCount]);
		// AP 1: one event and one alarm; AP 2: alarms of 1 and 2; AP 3: one alarm, below the limit.
		expect(reboots).toEqual(
			expect.arrayContaining([
				[apMac(1), 2, 1],
				[apMac(2), 3, 3],
			]),
		);
		expect(reboots).toHaveLength(2);
	});

	it('repeated AP disconnects (device-updowns with `ap`) → unstable uplink with a cable test follow-up', () => {
		const deviceEvents = [0, 1, 2].map((index) => ({
			type: 'AP_DISCONNECTED',
			ap: '5c5b35d0077b',
			site_id: SITE,
			timestamp: NOW - 900 + index * 60,
		}));
		const [finding] = diagnoseApHealth(
			{ aps: [apStat()], switches: [switchStat], deviceEvents },
			thresholds(),
			context,
		).findings;
		expect(finding).toMatchObject({ rule: 'ap_unstable_uplink', count: 3 });
		expect(finding.followUp[0]).toMatchObject({
			operation: 'cableTest',
			parameters: { port: 'ge-0/0/4' },
		});
	});

	it.each([
		[30, []],
		[31, ['ap_overloaded:minor']],
		[50, ['ap_overloaded:minor']],
		[51, ['ap_overloaded:major']],
	])('%d clients on an AP → %j', (numClients, expected) => {
		const { findings } = diagnoseApHealth(
			{ aps: [apStat({ num_clients: numClients })] },
			thresholds(),
			context,
		);
		expect(findings.map((finding) => `${finding.rule}:${finding.severity}`)).toEqual(expected);
	});

	it('an overloaded AP suggests capacity, then RRM on its bands', () => {
		const [finding] = diagnoseApHealth(
			{ aps: [apStat({ num_clients: 60 })] },
			thresholds(),
			context,
		).findings;
		expect(finding.followUp[0]).toMatchObject({
			operation: 'rrmOptimize',
			parameters: { bands: ['24', '5'], txpower_only: true },
		});
	});

	it.each([
		[80, []],
		[81, ['ap_high_cpu:minor']],
		[96, ['ap_high_cpu:major']],
	])('CPU %d%% → %j', (cpu, expected) => {
		expect(
			diagnoseApHealth({ aps: [apStat({ cpu_util: cpu })] }, thresholds(), context).findings.map(
				(finding) => `${finding.rule}:${finding.severity}`,
			),
		).toEqual(expected);
	});

	it('a healthy AP is listed on the healthy output', () => {
		const { findings, healthy } = diagnoseApHealth({ aps: [apStat()] }, thresholds(), context);
		expect(findings).toEqual([]);
		expect(healthy).toContainEqual({
			step: 'ap_health',
			level: 'ap',
			id: '5c5b35d0077b',
			org_id: context.org_id,
			site_id: SITE,
			name: 'Phoenix-Lobby',
		});
	});
});
