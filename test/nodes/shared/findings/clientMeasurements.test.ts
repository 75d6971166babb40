import type { ClientMeasurement } from '../../../../nodes/shared/findings/clientMeasurements';
import {
	clientMeasurementsOf,
	worstClientsByMeasure,
} from '../../../../nodes/shared/findings/clientMeasurements';
import { makeFinding } from '../../../../nodes/shared/findings/build';
import { manual } from '../../../../nodes/shared/findings/remediation';
import type { Evidence, Finding } from '../../../../nodes/shared/findings/types';

const ORG = '6748cfa6-4e12-11e6-9188-0242ac110007';
const SITE = '978c48e6-6ef6-11e6-8bbf-02e208b2d34f';
const NOW = Date.UTC(2026, 11, 6, 10) / 1000;

function finding(rule: string, scope: Record<string, string>, evidence: Evidence): Finding {
	return makeFinding({
		step: 'client_health',
		rule: rule as never,
		severity: 'minor',
		scope: { level: 'client', org_id: ORG, site_id: SITE, site_name: 'HQ', ...scope },
		target: 'x',
		summary: 's',
		evidence,
		likelyCause: 'c',
		remediation: manual('m'),
		timestamps: [NOW - 60],
		now: NOW,
	});
}

const siteWorst = finding(
	'low_snr_clients_site',
	{},
	{
		metrics: [{ metric: 'low_snr_clients_site', value: 8, warn: 15, crit: 10, unit: 'dB' }],
		worstClients: [
			{
				mac: 'aa0000000001',
				hostname: 'cam-1',
				value: 8,
				unit: 'dB',
				ap_mac: 'ap1',
				ap_name: 'AP 1',
				measured_at: '2026-12-06T09:59:00.000Z',
			},
			{ mac: 'aa0000000002', value: 11, unit: 'dB' },
			{ mac: 42, value: 3 },
			{ mac: 'aa0000000003', value: 'low' },
		],
	},
);

describe('clientMeasurementsOf', () => {
	it.each<[string, Finding, Array<Partial<ClientMeasurement>>]>([
		[
			'a per-client finding: its client, value, limit and last sighting',
			finding(
				'client_weak_signal',
				{ client_mac: 'bb0000000001', client_hostname: 'laptop', ap_mac: 'ap2' },
				{ metrics: [{ metric: 'rssi', value: -83, warn: -72, crit: -80, unit: 'dBm' }] },
			),
			[
				{
					measure: 'rssi',
					value: -83,
					unit: 'dBm',
					limit: -72,
					mac: 'bb0000000001',
					hostname: 'laptop',
					apMac: 'ap2',
					siteId: SITE,
					siteName: 'HQ',
					measuredAt: new Date((NOW - 60) * 1000).toISOString(),
				},
			],
		],
		[
			"a site's worst clients: each listed client, malformed entries left out",
			siteWorst,
			[
				{
					measure: 'snr',
					mac: 'aa0000000001',
					hostname: 'cam-1',
					value: 8,
					limit: 15,
					apName: 'AP 1',
					measuredAt: '2026-12-06T09:59:00.000Z',
				},
				{
					measure: 'snr',
					mac: 'aa0000000002',
					value: 11,
					hostname: undefined,
					measuredAt: undefined,
				},
			],
		],
		[
			'retries of one client',
			finding(
				'client_high_retries',
				{ client_mac: 'cc0000000001' },
				{ metrics: [{ metric: 'retries', value: 31, warn: 15, crit: 30, unit: '%' }] },
			),
			[{ measure: 'retries', value: 31, unit: '%', mac: 'cc0000000001' }],
		],
		['a finding of another rule: none', finding('weak_coverage_ap', { ap_mac: 'ap1' }, {}), []],
		[
			'a per-client finding without a metric: none',
			finding('client_low_snr', { client_mac: 'dd0000000001' }, {}),
			[],
		],
	])('%s', (_name, input, expected) => {
		const measured = clientMeasurementsOf(input);
		expect(measured).toHaveLength(expected.length);
		expected.forEach((fields, index) =>
			expect(measured[index]).toEqual(expect.objectContaining(fields)),
		);
	});
});

const m = (
	measure: ClientMeasurement['measure'],
	mac: string,
	value: number,
	measuredAt?: string,
): ClientMeasurement => ({
	measure,
	mac,
	value,
	unit: '',
	siteId: SITE,
	measuredAt,
});

describe('worstClientsByMeasure', () => {
	it.each<[string, ClientMeasurement[], number, string[]]>([
		[
			'weakest signal first, lowest SNR first, most retries first; measures in a fixed order',
			[
				m('retries', 'r1', 20),
				m('snr', 's1', 12),
				m('rssi', 'a1', -75),
				m('retries', 'r2', 40),
				m('rssi', 'a2', -85),
				m('snr', 's2', 5),
			],
			10,
			['rssi a2 -85', 'rssi a1 -75', 'snr s2 5', 'snr s1 12', 'retries r2 40', 'retries r1 20'],
		],
		[
			'at most N a measure',
			[m('rssi', 'a1', -75), m('rssi', 'a2', -85), m('rssi', 'a3', -80)],
			2,
			['rssi a2 -85', 'rssi a3 -80'],
		],
		[
			'a client counts once a measure, at its worst value',
			[m('rssi', 'a1', -75), m('rssi', 'a1', -88), m('rssi', 'a1', -70), m('snr', 'a1', 9)],
			5,
			['rssi a1 -88', 'snr a1 9'],
		],
	])('%s', (_name, input, perMeasure, expected) => {
		expect(
			worstClientsByMeasure(input, perMeasure).map(
				(entry) => `${entry.measure} ${entry.mac} ${entry.value}`,
			),
		).toEqual(expected);
	});

	it('keeps the latest measurement of an equal worst value', () => {
		const [kept] = worstClientsByMeasure(
			[
				m('rssi', 'a1', -80, '2026-12-06T09:00:00Z'),
				m('rssi', 'a1', -80, '2026-12-06T10:00:00Z'),
				m('rssi', 'a1', -80, '2026-12-06T08:00:00Z'),
			],
			5,
		);
		expect(kept.measuredAt).toBe('2026-12-06T10:00:00Z');
	});
});
