import type { ActiveFault, World } from '../types';
import {
	CROWDED_CHANNEL,
	DFS_CHANNEL,
	INTERFERED_CHANNEL,
} from '../generator/faultKinds/radioAirtime';
import type { ExpectedFix, LibraryScenario } from './types';

/** The MACs of the APs the faults name, sorted (as a cause lists them). */
const faultApMacs = (world: World, faults: ActiveFault[]) =>
	[...new Set(faults.flatMap((fault) => fault.apIds))]
		.map((id) => world.aps.get(id)?.mac as string)
		.sort();

/** Move exactly the faulted APs' 5 GHz radios (RRM with channel changes), not the whole band. */
const RRM_FOR_THESE_APS_ON_5: ExpectedFix = {
	operation: 'rrmOptimize',
	parameters: (world, faults) => ({
		bands: ['5'],
		txpower_only: false,
		macs: faultApMacs(world, faults),
	}),
};

const apsOfSite = (id: string, numbers: number[]) =>
	numbers.map((n) => `Lib-${id}-AP-${String(n).padStart(2, '0')}`);

export const RADIO_SCENARIOS: LibraryScenario[] = [
	{
		id: 'non-wifi-interference-channel',
		family: 'radio',
		title:
			'A non-Wi-Fi source on channel 36: three of five APs lose most airtime to it, their clients have low SNR',
		site: { aps: 5, clients: 10 },
		faults: apsOfSite('non-wifi-interference-channel', [1, 2, 3]).map((ap) => ({
			kind: 'non_wifi_channel' as const,
			ap,
		})),
		expect: {
			rule: 'non_wifi_interference_channel',
			level: 'channel',
			scope: () => ({ band: '5', channel: INTERFERED_CHANNEL }),
			severity: 'critical',
			fix: RRM_FOR_THESE_APS_ON_5,
			cause: /non-Wi-Fi/,
		},
	},
	{
		id: 'co-channel-congestion',
		family: 'radio',
		title: 'Four APs on channel 149 at 80 MHz hear each other: the airtime goes to other BSSs',
		faults: apsOfSite('co-channel-congestion', [1, 2, 3, 4]).map((ap) => ({
			kind: 'co_channel_congestion' as const,
			ap,
		})),
		expect: {
			rule: 'co_channel_congestion',
			level: 'channel',
			scope: () => ({ band: '5', channel: CROWDED_CHANNEL }),
			severity: 'major',
			fix: RRM_FOR_THESE_APS_ON_5,
			cause: /co-channel/i,
		},
	},
	{
		id: 'coverage-hole',
		family: 'radio',
		title: 'The clients around one AP hear it weakly: a coverage hole in the area it serves',
		faults: [{ kind: 'coverage_hole', ap: 'Lib-coverage-hole-AP-02', count: 4 }],
		expect: {
			rule: 'weak_coverage_ap',
			level: 'ap',
			scope: (world, faults) => ({ ap_mac: faultApMacs(world, faults)[0] }),
			severity: 'major',
			fix: {
				operation: 'rrmOptimize',
				parameters: (world, faults) => ({
					txpower_only: true,
					macs: faultApMacs(world, faults),
				}),
			},
			cause: /coverage hole/i,
		},
	},
	{
		id: 'overloaded-ap',
		family: 'radio',
		title: 'One AP serves far more clients than its neighbours',
		site: { aps: 5, clients: 80 },
		faults: [{ kind: 'overloaded_ap', ap: 'Lib-overloaded-ap-AP-03' }],
		expect: {
			rule: 'ap_overloaded',
			level: 'ap',
			scope: (world, faults) => ({ ap_mac: faultApMacs(world, faults)[0] }),
			severity: 'major',
			fix: { manual: /band steering/i },
			cause: /own load/i,
		},
	},
	{
		id: 'dfs-radar-hits',
		family: 'radio',
		title: 'An AP on DFS channel 100 detects radar again and again and keeps leaving the channel',
		faults: [{ kind: 'radar_hits', ap: 'Lib-dfs-radar-hits-AP-02' }],
		expect: {
			rule: 'dfs_radar_hits',
			level: 'channel',
			scope: () => ({ band: '5', channel: DFS_CHANNEL }),
			severity: 'major',
			fix: {
				operation: 'setRadio',
				parameters: (world, faults) => ({
					band: '5',
					device_id: world.aps.get(faults[0].apIds[0])?.id,
				}),
			},
			cause: /radar/i,
		},
	},
];
