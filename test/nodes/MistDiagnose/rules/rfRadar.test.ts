import { diagnoseRfEnvironment } from '../../../../nodes/MistDiagnose/rules';
import type { DeviceEventInput } from '../../../../nodes/MistDiagnose/rules';
import { apMac, apStat, context, NOW, SITE, thresholds } from './fixtures';

const radar = (
	ap: number,
	at: number,
	extra: Partial<DeviceEventInput> = {},
): DeviceEventInput => ({
	type: 'AP_RADAR_DETECTED',
	timestamp: NOW - at,
	mac: apMac(ap),
	site_id: SITE,
	text: 'Radar detected on channel 100 (5 GHz); the radio left the channel',
	...extra,
});
const ap = (index: number, channel5: number) =>
	apStat({ mac: apMac(index), radio_stat: { band_5: { channel: channel5, util_all: 10 } } });
const run = (events: DeviceEventInput[], aps = [ap(1, 100), ap(2, 36), ap(3, 40)]) =>
	diagnoseRfEnvironment({ aps, deviceEvents: events }, thresholds(), context).findings;

describe('RF environment: radar on DFS channels', () => {
	it.each([
		[2, []],
		[3, ['dfs_radar_hits:major:channel:100']],
	])('%d radar detections of one AP → %j', (count, expected) => {
		const events = Array.from({ length: count }, (_, index) => radar(1, index * 900));
		expect(
			run(events).map(
				(finding) =>
					`${finding.rule}:${finding.severity}:${finding.scope.level}:${finding.scope.channel}`,
			),
		).toEqual(expected);
	});

	it('moves the one AP to the non-DFS channel the fewest APs of the site use', () => {
		const [finding] = run([radar(1, 0), radar(1, 900), radar(1, 1800)]);
		expect(finding.scope).toMatchObject({ band: '5', channel: 100 });
		expect(finding.remediation).toMatchObject({
			operation: 'setRadio',
			parameters: { site_id: SITE, band: '5', channel: 44 },
		});
		expect(finding.followUp[0].description).toMatch(/DFS channels .* RF template/);
		expect(finding.likelyCause).toMatch(/radar/i);
	});

	it('counts each site’s own APs for the target channel, lowest channel first on a tie', () => {
		const OTHER = 'other-site';
		const aps = [
			ap(1, 100),
			ap(2, 36),
			ap(3, 40),
			ap(4, 44),
			// The other site crowds 48 here but uses 36 and 40 less: each site its own count.
			...[5, 6].map((index) => apStat({ ...ap(index, 48), site_id: OTHER })),
			apStat({ ...ap(7, 100), site_id: OTHER }),
		];
		const events = [1, 7].flatMap((index) =>
			[0, 900, 1800].map((at) => radar(index, at, index === 7 ? { site_id: OTHER } : {})),
		);
		const channels = run(events, aps).map((finding) => [
			finding.scope.site_id,
			(finding.remediation as { parameters?: { channel?: number } }).parameters?.channel,
		]);
		expect(channels).toEqual(
			expect.arrayContaining([
				[SITE, 48],
				[OTHER, 36],
			]),
		);
		expect(channels).toHaveLength(2);
	});

	it('takes the channel from the event field when it has one, and groups the APs of a channel', () => {
		const events = [1, 2].flatMap((index) =>
			[0, 900, 1800].map((at) =>
				radar(index, at, { text: 'Radar detected', channel: 52 } as Partial<DeviceEventInput>),
			),
		);
		const findings = run(events);
		expect(findings).toHaveLength(1);
		expect(findings[0].scope.channel).toBe(52);
		expect(findings[0].evidence.sampleMacs).toEqual([apMac(1), apMac(2)]);
		expect(findings[0].remediation.kind).toBe('manual');
	});

	it('ignores other device events', () => {
		const events = [0, 900, 1800].map((at) => radar(1, at, { type: 'AP_RESTARTED' }));
		expect(run(events)).toEqual([]);
	});
});
