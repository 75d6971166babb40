import type { ClientStat } from '../../../../nodes/shared/schemas/mist.schemas';
import {
	DEFAULT_THRESHOLDS,
	resolveThresholds,
	type ApStat,
	type ClientEventInput,
	type DiagnosisContext,
	type ThresholdInput,
} from '../../../../nodes/MistDiagnose/rules';

/** Ids and field names follow the Mist OpenAPI examples (ClientStatsArrayExample, DevicesArrayStatsSiteAccessPointStats…). */
export const ORG = '9777c1a0-6ef6-11e6-8bbf-02e208b2d34f';
export const SITE = '978c48e6-6ef6-11e6-8bbf-02e208b2d34f';
export const SITE2 = '46fc665e-9706-4296-8fe2-78f42f2e67e4';
export const NOW = 1764236700;

export const context: DiagnosisContext = {
	org_id: ORG,
	now: NOW,
	siteNames: { [SITE]: 'Phoenix', [SITE2]: 'Denver' },
	deviceNames: { '5c5b35d0077b': 'Phoenix-Lobby' },
};

export const thresholds = (input: ThresholdInput = {}) =>
	Object.keys(input).length ? resolveThresholds(input) : DEFAULT_THRESHOLDS;

/** Distinct, valid client MACs: dadbfc000001, dadbfc000002… */
export const clientMac = (index: number) => `dadbfc${index.toString(16).padStart(6, '0')}`;
/** Distinct AP MACs: 5c5b35000001… */
export const apMac = (index: number) => `5c5b35${index.toString(16).padStart(6, '0')}`;

export function clientEvent(
	type: string,
	mac: string,
	overrides: Partial<ClientEventInput> = {},
): ClientEventInput {
	return {
		type,
		mac,
		site_id: SITE,
		timestamp: NOW - 120,
		ap: '5c5b350eb31b',
		bssid: '5c5b350918f1',
		band: '5',
		channel: 149,
		ssid: 'Corp',
		wlan_id: 'be22bba7-8e22-e1cf-5185-b880816fe2cf',
		text: 'Status code 1 "Unspecified failure"',
		...overrides,
	};
}

/** Many clients, one event each, spread over `spreadSeconds`. */
export function manyClientEvents(
	type: string,
	count: number,
	overrides: Partial<ClientEventInput> = {},
	spreadSeconds = 300,
): ClientEventInput[] {
	return Array.from({ length: count }, (_, index) =>
		clientEvent(type, clientMac(index + 1), {
			timestamp: NOW - spreadSeconds + Math.floor((index * spreadSeconds) / Math.max(1, count)),
			...overrides,
		}),
	);
}

export function clientStat(overrides: Partial<ClientStat> = {}): ClientStat {
	return {
		mac: 'dadbfc123456',
		site_id: SITE,
		hostname: 'android-9b228dc33690',
		ip: '10.100.0.47',
		ap_mac: '5c5b358e6fea',
		ap_id: '00000000-0000-0000-1000-5c5b358e6fea',
		ssid: 'Live_demo_only',
		wlan_id: '497fc18a-79b5-405a-bf5a-192eed31ea60',
		band: '5',
		channel: 157,
		rssi: -39,
		snr: 47,
		tx_rate: 173.3,
		rx_rate: 6,
		tx_pkts: 43685,
		rx_pkts: 44175,
		tx_retries: 5413,
		rx_retries: 2010,
		idle_time: 5,
		last_seen: NOW - 10,
		vlan_id: '1',
		os: 'Android 10',
		manufacture: 'Unknown',
		...overrides,
	};
}

export function apStat(overrides: Partial<ApStat> = {}): ApStat {
	return {
		id: '00000000-0000-0000-1000-5c5b35d0077b',
		mac: '5c5b35d0077b',
		name: 'Phoenix-Lobby',
		site_id: SITE,
		type: 'ap',
		model: 'AP43',
		status: 'connected',
		uptime: 556200,
		last_seen: NOW - 30,
		num_clients: 12,
		cpu_util: 5,
		last_trouble: { code: '07', timestamp: 1720039666 },
		lldp_stat: {
			chassis_id: '60:c7:8d:93:9c:0f',
			port_id: 'ge-0/0/4',
			system_name: 'Phoenix-Switch',
		},
		radio_stat: {
			band_24: {
				bandwidth: 20,
				channel: 11,
				noise_floor: -95,
				num_clients: 4,
				power: 17,
				util_all: 24,
				util_non_wifi: 2,
			},
			band_5: {
				bandwidth: 40,
				channel: 36,
				noise_floor: -96,
				num_clients: 8,
				power: 15,
				util_all: 18,
				util_non_wifi: 1,
			},
		},
		...overrides,
	};
}

export const switchStat = {
	mac: '60c78d939c0f',
	name: 'Phoenix-Switch',
	site_id: SITE,
	type: 'switch',
	status: 'connected',
	model: 'EX4100-48MP',
};
