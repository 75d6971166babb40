import { diagnoseRfEnvironment } from '../../../../nodes/MistDiagnose/rules';
import type { ApStat } from '../../../../nodes/MistDiagnose/rules';
import { apMac, apStat, context, SITE, thresholds } from './fixtures';

const radio5 = (overrides: Record<string, number | boolean>): Partial<ApStat> => ({
	radio_stat: {
		band_5: {
			channel: 36,
			bandwidth: 40,
			noise_floor: -95,
			util_all: 20,
			util_non_wifi: 1,
			num_clients: 5,
			...overrides,
		},
	},
});
const rules = (aps: ApStat[], history?: Record<string, number[]>) =>
	diagnoseRfEnvironment({ aps, utilizationHistory: history }, thresholds(), context).findings.map(
		(finding) => `${finding.rule}:${finding.severity}:${finding.scope.level}`,
	);

describe('RF environment step', () => {
	it.each([
		[50, []],
		[51, ['high_channel_utilization:minor:ap']],
		[70, ['high_channel_utilization:minor:ap']],
		[71, ['high_channel_utilization:major:ap']],
	])('util_all %d%% → %j', (util, expected) => {
		expect(rules([apStat(radio5({ util_all: util }))])).toEqual(expected);
	});

	it.each([
		[-85, []],
		[-84, ['high_noise_floor:minor:ap']],
		[-79, ['high_noise_floor:major:ap']],
	])('noise floor %d dBm → %j', (noise, expected) => {
		expect(rules([apStat(radio5({ noise_floor: noise }))])).toEqual(expected);
	});

	it.each([
		[20, []],
		[21, ['non_wifi_interference:minor:ap']],
		[36, ['non_wifi_interference:major:ap']],
	])('util_non_wifi %d%% → %j', (util, expected) => {
		expect(rules([apStat(radio5({ util_non_wifi: util }))])).toEqual(expected);
	});

	it('the spec example AP (util 24%, noise -80 dBm on 2.4 GHz) flags the noise floor only', () => {
		const ap = apStat({
			radio_stat: { band_24: { channel: 11, noise_floor: -80, util_all: 24, util_non_wifi: 0 } },
		});
		expect(rules([ap])).toEqual(['high_noise_floor:minor:ap']);
	});

	it('one finding per AP and rule, listing every affected band, with RRM for those bands', () => {
		const ap = apStat({ radio_stat: { band_24: { util_all: 80 }, band_5: { util_all: 60 } } });
		const { findings } = diagnoseRfEnvironment({ aps: [ap] }, thresholds(), context);
		expect(findings).toHaveLength(1);
		expect(findings[0].evidence.bands).toEqual(['24', '5']);
		expect(findings[0].remediation).toMatchObject({
			operation: 'rrmOptimize',
			parameters: { site_id: SITE, bands: ['24', '5'], txpower_only: false },
			description: 'Let RRM re-plan channels and power on bands 2.4 and 5 GHz.',
		});
	});

	it('writes the bands of a site-wide finding as "2.4 and 5 GHz"', () => {
		const aps = [1, 2, 3].map((index) =>
			apStat({
				mac: apMac(index),
				radio_stat: { band_24: { util_all: 60 }, band_5: { util_all: 60 } },
			}),
		);
		const [finding] = diagnoseRfEnvironment({ aps }, thresholds(), context).findings;
		expect(finding.summary).toBe(
			'3 APs at site Phoenix have high channel utilisation on 2.4 and 5 GHz (60%).',
		);
		expect(finding.remediation.description).toBe(
			'Let RRM re-plan channels and power on bands 2.4 and 5 GHz.',
		);
	});

	it('skips disabled radios and offline APs', () => {
		expect(
			rules([
				apStat(radio5({ util_all: 90, disabled: true })),
				apStat({ mac: apMac(2), status: 'disconnected', ...radio5({ util_all: 90 }) }),
			]),
		).toEqual([]);
	});

	it.each([
		[2, ['high_channel_utilization:minor:ap', 'high_channel_utilization:minor:ap']],
		[3, ['high_channel_utilization:major:site']],
	])('%d busy APs on a site → %j', (count, expected) => {
		const aps = Array.from({ length: count }, (_, index) =>
			apStat({ mac: apMac(index + 1), name: `AP${index}`, ...radio5({ util_all: 60 }) }),
		);
		expect(rules(aps)).toEqual(expected);
	});

	describe('baseline on channel utilisation', () => {
		const key = '5c5b35d0077b:5';
		it.each([
			[
				'busy but normal for this radio → info',
				60,
				[58, 60, 62, 59, 61, 60],
				['high_channel_utilization:info:ap'],
			],
			[
				'busy and above its normal → keeps severity',
				75,
				[20, 22, 21, 19, 20, 21],
				['high_channel_utilization:major:ap'],
			],
			[
				'below the limit but far above its normal → minor (unusual)',
				45,
				[10, 11, 9, 10, 12, 10],
				['high_channel_utilization:minor:ap'],
			],
			['below the limit and normal → nothing', 45, [44, 46, 45, 43, 47, 45], []],
			['too little history → absolute limits only', 45, [10, 10], []],
		])('%s', (_label, util, history, expected) => {
			expect(rules([apStat(radio5({ util_all: util }))], { [key]: history })).toEqual(expected);
		});

		it('says "unusually high" when only the baseline fired', () => {
			const { findings } = diagnoseRfEnvironment(
				{
					aps: [apStat(radio5({ util_all: 45 }))],
					utilizationHistory: { [key]: [10, 11, 9, 10, 12, 10] },
				},
				thresholds(),
				context,
			);
			expect(findings[0].summary).toContain('unusually high channel utilisation');
			expect(findings[0].evidence.metrics).toEqual([
				expect.objectContaining({
					metric: 'util_all_5',
					value: 45,
					baseline: expect.objectContaining({ samples: 6 }),
				}),
			]);
		});
	});

	it('reads capacity SLE interference classifiers into this step', () => {
		const sle = [
			{
				site_id: SITE,
				metric: 'capacity',
				summary: {
					classifiers: [
						{ name: 'wifi-interference', samples: { total: 1000, degraded: 60 } },
						{ name: 'client-count', samples: { total: 1000, degraded: 600 } },
					],
				},
			},
		];
		const { findings } = diagnoseRfEnvironment({ sle }, thresholds(), context);
		expect(findings.map((finding) => `${finding.rule}:${finding.severity}`)).toEqual([
			'sle_wifi_interference:major',
		]);
	});

	describe('a busy channel is named by what takes its airtime', () => {
		const busy = (parts: Record<string, number>) => {
			const util_all = Object.values(parts).reduce((sum, value) => sum + value, 0);
			return diagnoseRfEnvironment(
				{ aps: [apStat(radio5({ util_all, ...parts }))] },
				thresholds(),
				context,
			).findings.find((finding) => finding.rule === 'high_channel_utilization');
		};

		it('non-Wi-Fi energy: an interference source, not co-channel clients, and no fewer-SSIDs advice', () => {
			const finding = busy({
				util_tx: 3,
				util_rx_in_bss: 2,
				util_rx_other_bss: 2,
				util_non_wifi: 58,
			});
			expect(finding?.likelyCause).toMatch(/^Most of the airtime is non-Wi-Fi energy \(58%/);
			expect(finding?.likelyCause).not.toMatch(/co-channel/);
			expect(finding?.followUp.map((step) => step.description).join(' ')).not.toMatch(/SSID/);
		});

		it('other BSSs: co-channel interference, with the channel-plan follow-up', () => {
			const finding = busy({
				util_tx: 6,
				util_rx_in_bss: 6,
				util_rx_other_bss: 48,
				util_non_wifi: 1,
			});
			expect(finding?.likelyCause).toMatch(/other Wi-Fi on the same channel \(48% other BSSs/);
			expect(finding?.remediation).toMatchObject({ operation: 'rrmOptimize' });
		});

		it('its own clients: balance them (band steering), RRM only after', () => {
			const finding = busy({
				util_tx: 30,
				util_rx_in_bss: 25,
				util_rx_other_bss: 4,
				util_non_wifi: 1,
			});
			expect(finding?.likelyCause).toMatch(/own traffic \(55% tx\+rx/);
			expect(finding?.remediation).toMatchObject({ kind: 'manual' });
			expect(finding?.remediation.description).toMatch(/band steering/);
			expect(finding?.followUp[0]).toMatchObject({ operation: 'rrmOptimize' });
		});

		it('many APs on one channel: that channel, not the site, is named', () => {
			const aps = [1, 2, 3].map((index) =>
				apStat({ mac: apMac(index), ...radio5({ util_all: 60, util_non_wifi: 55 }) }),
			);
			const finding = diagnoseRfEnvironment({ aps }, thresholds(), context).findings.find(
				(candidate) => candidate.rule === 'non_wifi_interference',
			);
			expect(finding?.likelyCause).toContain('all on channel 36 (5 GHz)');
			expect(finding?.likelyCause).not.toContain('site-wide');
		});
	});
});
