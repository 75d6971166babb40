import { diagnoseClientHealth } from '../../../../nodes/MistDiagnose/rules';
import { retryPercent } from '../../../../nodes/MistDiagnose/rules/clientHealth';
import { apMac, clientMac, clientStat, context, SITE, thresholds } from './fixtures';

const rulesOf = (result: ReturnType<typeof diagnoseClientHealth>) =>
	result.findings.map((finding) => `${finding.rule}:${finding.severity}`);

describe('client health step: per client', () => {
	it('the spec example client (RSSI -39, SNR 47, 12% retries) is healthy', () => {
		const result = diagnoseClientHealth({ clients: [clientStat()] }, thresholds(), context);
		expect(result.findings).toEqual([]);
		expect(result.healthy.map((entity) => entity.level).sort()).toEqual(['client', 'site']);
	});

	it.each([
		[-72, []],
		[-72.5, ['client_weak_signal:minor']],
		[-80, ['client_weak_signal:minor']],
		[-81, ['client_weak_signal:major']],
	])('RSSI %d dBm (data profile) → %j', (rssi, expected) => {
		expect(
			rulesOf(
				diagnoseClientHealth({ clients: [clientStat({ rssi, snr: 30 })] }, thresholds(), context),
			),
		).toEqual(expected);
	});

	it.each([
		[-67, []],
		[-70, ['client_weak_signal:minor']],
		[-76, ['client_weak_signal:major']],
	])('RSSI %d dBm (voice profile) → %j', (rssi, expected) => {
		expect(
			rulesOf(
				diagnoseClientHealth(
					{ clients: [clientStat({ rssi, snr: 30 })] },
					thresholds({ rssiProfile: 'voice' }),
					context,
				),
			),
		).toEqual(expected);
	});

	it.each([
		[25, []],
		[24, ['client_low_snr:minor']],
		[14, ['client_low_snr:major']],
	])('SNR %d dB with a good signal → %j', (snr, expected) => {
		expect(
			rulesOf(
				diagnoseClientHealth({ clients: [clientStat({ rssi: -60, snr })] }, thresholds(), context),
			),
		).toEqual(expected);
	});

	it('does not add a low-SNR finding on top of a weak signal', () => {
		expect(
			rulesOf(
				diagnoseClientHealth(
					{ clients: [clientStat({ rssi: -85, snr: 5 })] },
					thresholds(),
					context,
				),
			),
		).toEqual(['client_weak_signal:major']);
	});

	it.each([
		[1500, 10000, []],
		[1501, 10000, ['client_high_retries:minor']],
		[2001, 10000, ['client_high_retries:major']],
		[50, 99, []],
	])('%d retries of %d packets → %j (min 100 packets)', (retries, packets, expected) => {
		const stat = clientStat({
			tx_retries: retries,
			tx_pkts: packets,
			rx_retries: 0,
			rx_pkts: packets,
		});
		expect(rulesOf(diagnoseClientHealth({ clients: [stat] }, thresholds(), context))).toEqual(
			expected,
		);
	});

	it('retry share is the worse of transmit and receive', () => {
		expect(
			retryPercent(
				clientStat({ tx_retries: 10, tx_pkts: 1000, rx_retries: 300, rx_pkts: 1000 }),
				100,
			),
		).toBe(30);
		expect(retryPercent(clientStat({ tx_pkts: null, rx_pkts: 5 }), 100)).toBeUndefined();
	});

	it('a weak client gets a roam/placement fix and a reconnect follow-up', () => {
		const [finding] = diagnoseClientHealth(
			{ clients: [clientStat({ rssi: -85 })] },
			thresholds(),
			context,
		).findings;
		expect(finding).toMatchObject({
			scope: { level: 'client', client_mac: 'dadbfc123456', ap_mac: '5c5b358e6fea' },
			remediation: { kind: 'manual' },
		});
		expect(finding.followUp[0]).toMatchObject({
			operation: 'reconnectClient',
			parameters: { site_id: SITE, client_mac: 'dadbfc123456' },
		});
		expect(finding.summary).toContain('-85 dBm');
	});
});

describe('client health step: coverage correlation', () => {
	const onAp = (count: number, rssi: number, offset = 0) =>
		Array.from({ length: count }, (_, index) =>
			clientStat({ mac: clientMac(offset + index + 1), ap_mac: apMac(1), rssi, snr: 30 }),
		);

	it('3 weak of 5 clients on one AP → one AP coverage finding (RRM tx power), no per-client weak findings', () => {
		const result = diagnoseClientHealth(
			{ clients: [...onAp(3, -78), ...onAp(2, -50, 10)] },
			thresholds(),
			context,
		);
		expect(rulesOf(result)).toEqual(['weak_coverage_ap:minor']);
		expect(result.findings[0].remediation).toMatchObject({
			operation: 'rrmOptimize',
			parameters: { site_id: SITE, bands: ['5'], txpower_only: true },
		});
		expect(result.findings[0].evidence).toMatchObject({ affectedClients: 3, apClients: 5 });
		expect(result.healthy.filter((entity) => entity.level === 'client')).toHaveLength(2);
	});

	it('2 weak clients on one AP → two client findings', () => {
		expect(rulesOf(diagnoseClientHealth({ clients: onAp(2, -78) }, thresholds(), context))).toEqual(
			['client_weak_signal:minor', 'client_weak_signal:minor'],
		);
	});

	it('3 weak of 11 clients (27%) stays below the share', () => {
		const rules = rulesOf(
			diagnoseClientHealth(
				{ clients: [...onAp(3, -78), ...onAp(8, -50, 10)] },
				thresholds(),
				context,
			),
		);
		expect(rules).toEqual(Array(3).fill('client_weak_signal:minor'));
	});

	it('a critically weak client makes the AP coverage finding major', () => {
		expect(
			rulesOf(
				diagnoseClientHealth(
					{ clients: [...onAp(2, -78), ...onAp(1, -88, 5)] },
					thresholds(),
					context,
				),
			),
		).toEqual(['weak_coverage_ap:major']);
	});

	it('reads coverage SLE classifiers into this step', () => {
		const sle = [
			{
				site_id: SITE,
				metric: 'coverage',
				summary: {
					classifiers: [
						{
							name: 'weak-signal',
							impact: { num_users: 9, total_users: 26 },
							samples: { total: [100, 100], degraded: [30, 10] },
						},
					],
				},
			},
		];
		const [finding] = diagnoseClientHealth({ sle }, thresholds(), context).findings;
		expect(finding).toMatchObject({
			rule: 'sle_weak_signal',
			step: 'client_health',
			severity: 'major',
			scope: { level: 'site' },
		});
	});
});
