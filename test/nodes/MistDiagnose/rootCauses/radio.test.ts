import {
	diagnoseApHealth,
	diagnoseClientHealth,
	diagnoseRfEnvironment,
} from '../../../../nodes/MistDiagnose/rules';
import type { ApStat, SleSummaryInput } from '../../../../nodes/MistDiagnose/rules';
import { explainFindings, ROOT_CAUSE_RULES } from '../../../../nodes/MistDiagnose/rootCauses';
import type { RootCauseContext } from '../../../../nodes/MistDiagnose/rootCauses';
import type { Finding } from '../../../../nodes/shared/findings/types';
import {
	apMac,
	apStat,
	clientMac,
	clientStat,
	context,
	NOW,
	ORG,
	SITE,
	thresholds,
} from '../rules/fixtures';

/** A 5 GHz radio from its airtime parts (util_all is their sum, as Mist reports it). */
function radio5(
	channel: number,
	parts: { tx: number; rx: number; other: number; nonWifi: number },
	noise = -95,
) {
	return {
		channel,
		bandwidth: 40,
		noise_floor: noise,
		util_tx: parts.tx,
		util_rx_in_bss: parts.rx,
		util_rx_other_bss: parts.other,
		util_non_wifi: parts.nonWifi,
		util_all: parts.tx + parts.rx + parts.other + parts.nonWifi,
	};
}
const quiet24 = {
	channel: 1,
	util_all: 12,
	util_tx: 4,
	util_rx_in_bss: 5,
	util_rx_other_bss: 2,
	util_non_wifi: 1,
	noise_floor: -93,
};
const ap = (index: number, band5: ReturnType<typeof radio5>, extra: Partial<ApStat> = {}) =>
	apStat({
		mac: apMac(index),
		id: undefined,
		name: `AP-${index}`,
		radio_stat: { band_24: quiet24, band_5: band5 },
		...extra,
	});
const sle = (metric: string, classifier: string, share: number): SleSummaryInput => ({
	site_id: SITE,
	metric,
	summary: {
		classifiers: [{ name: classifier, samples: { total: 1000, degraded: 1000 * share } }],
	},
});

/** What All Steps finds (client health, AP health, RF) and what the root-cause layer makes of it. */
function diagnose(
	aps: ApStat[],
	clients: ReturnType<typeof clientStat>[],
	sles: SleSummaryInput[] = [],
) {
	const findings: Finding[] = [
		...diagnoseClientHealth({ clients, apInventory: aps }, thresholds(), context).findings,
		...diagnoseApHealth({ aps }, thresholds(), context).findings,
		...diagnoseRfEnvironment({ aps, sle: sles }, thresholds(), context).findings,
	];
	return {
		findings,
		...explainFindings(findings, rootContext(aps, { [SITE]: 'Phoenix' }), ROOT_CAUSE_RULES),
	};
}

/** What correlation reads besides the findings: the AP stats the steps read. */
function rootContext(aps: ApStat[], siteNames: Record<string, string> = {}): RootCauseContext {
	return { org_id: ORG, now: NOW, siteNames, deviceNames: {}, thresholds: thresholds(), aps };
}

const lowSnrClient = (index: number, apIndex: number) =>
	clientStat({
		mac: clientMac(index),
		hostname: `c${index}`,
		ap_mac: apMac(apIndex),
		ap_id: undefined,
		rssi: -62,
		snr: 10,
		band: '5',
		tx_retries: 0,
		rx_retries: 0,
	});

describe('radio root causes', () => {
	// The measured case of issue 14: three of five APs on channel 36 at 55–68 % non-Wi-Fi.
	const interfered = [
		ap(1, radio5(36, { tx: 2, rx: 1, other: 2, nonWifi: 55 }, -76)),
		ap(2, radio5(36, { tx: 4, rx: 3, other: 1, nonWifi: 62 }, -75)),
		ap(3, radio5(36, { tx: 5, rx: 4, other: 2, nonWifi: 68 }, -74)),
		ap(4, radio5(149, { tx: 6, rx: 7, other: 3, nonWifi: 1 })),
		ap(5, radio5(116, { tx: 5, rx: 6, other: 4, nonWifi: 1 })),
	];
	const snrClients = Array.from({ length: 8 }, (_, index) =>
		lowSnrClient(index + 1, (index % 3) + 1),
	);

	it('names one channel-scoped non-Wi-Fi cause for the interfered channel, with every other finding its symptom', () => {
		const { findings, rootCauses, symptoms } = diagnose(interfered, snrClients, [
			sle('capacity', 'non-wifi-interference', 0.4),
		]);
		expect(findings.length).toBeGreaterThanOrEqual(12);
		expect(rootCauses.map((cause) => cause.rule)).toEqual(['non_wifi_interference_channel']);
		const [cause] = rootCauses;
		expect(cause.scope).toMatchObject({ level: 'channel', site_id: SITE, band: '5', channel: 36 });
		expect(cause.severity).toBe('critical');
		expect(cause.summary).toContain('channel 36 (5 GHz)');
		expect(cause.evidence.metrics).toContainEqual({
			metric: `util_non_wifi_5@${apMac(3)}`,
			value: 68,
			unit: '%',
		});
		expect(cause.evidence.metrics).toContainEqual({
			metric: `util_own_5@${apMac(3)}`,
			value: 9,
			unit: '%',
		});
		expect(cause.likelyCause).toContain('not the band');
		expect(cause.likelyCause).not.toContain('site-wide');
		expect(cause.remediation).toMatchObject({
			operation: 'rrmOptimize',
			parameters: {
				site_id: SITE,
				bands: ['5'],
				txpower_only: false,
				macs: [apMac(1), apMac(2), apMac(3)],
			},
		});
		expect(symptoms.filter((symptom) => symptom.rule === 'client_low_snr')).toHaveLength(8);
		expect(new Set(symptoms.map((symptom) => symptom.rule))).toEqual(
			new Set([
				'client_low_snr',
				'sle_non_wifi_interference',
				'non_wifi_interference',
				'high_noise_floor',
				'high_channel_utilization',
			]),
		);
		expect(symptoms.every((symptom) => symptom.rootCause === cause.fingerprint)).toBe(true);
	});

	it('finds the same cause, at the same severity, from the clients alone (a chain stops at client health)', () => {
		const clientsOnly = diagnoseClientHealth(
			{ clients: snrClients, apInventory: interfered },
			thresholds(),
			context,
		).findings;
		const { rootCauses } = explainFindings(clientsOnly, rootContext(interfered), ROOT_CAUSE_RULES);
		expect(
			rootCauses.map((cause) => `${cause.rule}@${cause.scope.level}:${cause.severity}`),
		).toEqual(['non_wifi_interference_channel@channel:critical']);
	});

	it('links only the clients on the interfered band: a 2.4 GHz client of an interfered AP keeps its own finding', () => {
		const onOtherBand = clientStat({ ...lowSnrClient(30, 1), band: '24' });
		const { rootCauses, symptoms } = diagnose(interfered, [...snrClients, onOtherBand]);
		const own = rootCauses.filter((cause) => cause.rule === 'client_low_snr');
		expect(own.map((finding) => finding.scope)).toEqual([
			expect.objectContaining({ client_mac: clientMac(30), band: '24' }),
		]);
		expect(symptoms.filter((symptom) => symptom.rule === 'client_low_snr')).toHaveLength(8);
	});

	it('leaves low-SNR clients of clean APs alone', () => {
		const { rootCauses } = diagnose(interfered, [lowSnrClient(20, 4), lowSnrClient(21, 5)]);
		expect(rootCauses.filter((cause) => cause.rule === 'client_low_snr')).toHaveLength(2);
	});

	it('names nothing without a finding to explain (busy radios of a quiet site are not a problem report)', () => {
		const { rootCauses } = explainFindings([], rootContext(interfered), ROOT_CAUSE_RULES);
		expect(rootCauses).toEqual([]);
	});

	it('one interfered AP: its own RF finding takes the cause over (rule and scope stay) and gets the move-this-radio fix', () => {
		const aps = [
			ap(1, radio5(36, { tx: 2, rx: 1, other: 2, nonWifi: 50 }, -76)),
			ap(4, radio5(149, { tx: 6, rx: 7, other: 3, nonWifi: 1 })),
		];
		const { rootCauses } = diagnose(aps, [lowSnrClient(1, 1)]);
		expect(rootCauses.map((cause) => `${cause.rule}@${cause.scope.level}`)).toEqual([
			'non_wifi_interference@ap',
		]);
		expect(rootCauses[0].remediation).toMatchObject({
			parameters: { bands: ['5'], macs: [apMac(1)] },
		});
		expect(rootCauses[0].explains).toHaveLength(3);
		// Its own measurement stays beside the airtime split.
		expect(rootCauses[0].evidence.metrics?.map((metric) => metric.metric)).toEqual([
			'util_non_wifi_5',
			`util_own_5@${apMac(1)}`,
			`util_other_bss_5@${apMac(1)}`,
			`util_non_wifi_5@${apMac(1)}`,
		]);
	});

	it('one interfered AP seen through its clients only: a radio-scoped cause for that AP and band, as severe as its clients', () => {
		const aps = [
			ap(1, radio5(44, { tx: 2, rx: 1, other: 2, nonWifi: 30 }, -82)),
			ap(4, radio5(149, { tx: 6, rx: 7, other: 3, nonWifi: 1 })),
		];
		const clientsOnly = diagnoseClientHealth(
			{ clients: [lowSnrClient(1, 1), lowSnrClient(2, 1)], apInventory: aps },
			thresholds(),
			context,
		).findings;
		const { rootCauses } = explainFindings(clientsOnly, rootContext(aps), ROOT_CAUSE_RULES);
		expect(
			rootCauses.map((cause) => `${cause.rule}@${cause.scope.level}:${cause.severity}`),
		).toEqual(['non_wifi_interference_channel@radio:major']);
		expect(rootCauses[0].scope).toMatchObject({ ap_mac: apMac(1), band: '5', channel: 44 });
		expect(rootCauses[0].explains).toHaveLength(2);
	});

	it('co-channel congestion: APs sharing a channel and hearing each other → a channel-plan cause, not interference', () => {
		const aps = [1, 2, 3].map((index) =>
			ap(index, radio5(149, { tx: 6, rx: 6, other: 46, nonWifi: 1 })),
		);
		const { rootCauses } = diagnose(aps, [], [sle('capacity', 'wifi-interference', 0.1)]);
		expect(
			rootCauses.map((cause) => `${cause.rule}@${cause.scope.level}:${cause.severity}`),
		).toEqual(['co_channel_congestion@channel:major']);
		expect(rootCauses[0].scope).toMatchObject({ band: '5', channel: 149 });
		expect(rootCauses[0].likelyCause).toMatch(/co-channel/);
		expect(rootCauses[0].followUp[0].description).toMatch(/channel plan/);
	});

	it('one busy AP hearing other BSSs is no co-channel group: its finding stays its own', () => {
		const { rootCauses } = diagnose(
			[ap(1, radio5(149, { tx: 6, rx: 6, other: 46, nonWifi: 1 }))],
			[],
		);
		expect(rootCauses.map((cause) => cause.rule)).toEqual(['high_channel_utilization']);
	});

	it('an overloaded AP explains the AP-load SLE and recommends balancing its clients', () => {
		const aps = [
			ap(1, radio5(36, { tx: 20, rx: 25, other: 5, nonWifi: 1 }), { num_clients: 60 }),
			ap(2, radio5(149, { tx: 5, rx: 5, other: 3, nonWifi: 1 })),
		];
		const findings = [
			...diagnoseApHealth(
				{ aps, sle: [sle('capacity', 'client-count', 0.1)] },
				thresholds(),
				context,
			).findings,
			...diagnoseRfEnvironment({ aps }, thresholds(), context).findings,
		];
		const { rootCauses } = explainFindings(findings, rootContext(aps), ROOT_CAUSE_RULES);
		expect(rootCauses.map((cause) => `${cause.rule}@${cause.scope.level}`)).toEqual([
			'ap_overloaded@ap',
		]);
		expect(rootCauses[0].explains).toHaveLength(2);
		expect(rootCauses[0].likelyCause).toMatch(/own load/i);
		expect(rootCauses[0].remediation.description).toMatch(/band steering/);
	});

	it('a coverage hole around one AP explains the weak-signal SLE, with more power for that AP only', () => {
		const aps = [
			ap(1, radio5(36, { tx: 5, rx: 5, other: 3, nonWifi: 1 })),
			ap(2, radio5(149, { tx: 5, rx: 5, other: 3, nonWifi: 1 })),
		];
		const weak = [1, 2, 3].map((index) =>
			clientStat({
				mac: clientMac(index),
				ap_mac: apMac(1),
				ap_id: undefined,
				rssi: -84,
				snr: 11,
				tx_retries: 0,
				rx_retries: 0,
			}),
		);
		const { rootCauses } = diagnose(aps, weak, []);
		const withSle = explainFindings(
			[
				...diagnoseClientHealth(
					{ clients: weak, apInventory: aps, sle: [sle('coverage', 'weak-signal', 0.15)] },
					thresholds(),
					context,
				).findings,
			],
			rootContext(aps),
			ROOT_CAUSE_RULES,
		);
		expect(rootCauses.map((cause) => `${cause.rule}@${cause.scope.level}`)).toEqual([
			'weak_coverage_ap@ap',
		]);
		expect(withSle.rootCauses.map((cause) => cause.rule)).toEqual(['weak_coverage_ap']);
		expect(withSle.symptoms.map((symptom) => symptom.rule)).toEqual(['sle_weak_signal']);
		expect(rootCauses[0].remediation).toMatchObject({
			operation: 'rrmOptimize',
			parameters: { txpower_only: true, macs: [apMac(1)] },
		});
	});
});
