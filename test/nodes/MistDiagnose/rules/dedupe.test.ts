import { dedupeClientEvents } from '../../../../nodes/MistDiagnose/rules/support/dedupe';
import { clientEvent, clientMac, NOW } from './fixtures';

const AUTH = 'MARVIS_EVENT_CLIENT_AUTH_FAILURE';
/** The three copies real Mist returns for one logical auth failure (client-events-search.md §2). */
const variants = (timestamp: number) => {
	const event = clientEvent(AUTH, clientMac(1), { timestamp, status_code: 79, rssi: -78 });
	return {
		withoutPcap: { ...event, has_pcap: false, pcap_url: 'https://api.mist.com/pcaps/1?token=a' },
		bare: { ...event },
		withPcap: { ...event, has_pcap: true, pcap_url: 'https://api.mist.com/pcaps/1?token=b' },
	};
};

describe('dedupeClientEvents: one event per (client MAC, type, timestamp, AP, BSSID)', () => {
	const one = variants(NOW - 100);

	it.each([
		[
			'has_pcap false + pcap_url, bare, has_pcap true + pcap_url',
			[one.withoutPcap, one.bare, one.withPcap],
			1,
		],
		['bare, has_pcap true', [one.bare, one.withPcap], 1],
		['has_pcap false twice (same copy delivered twice)', [one.withoutPcap, one.withoutPcap], 1],
		[
			'the three copies of two logical events',
			[...Object.values(variants(NOW - 100)), ...Object.values(variants(NOW - 70))],
			2,
		],
		['the same failure of two clients', [one.bare, { ...one.bare, mac: clientMac(2) }], 2],
		[
			'the same client on two APs at once',
			[one.bare, { ...one.bare, ap: '5c5b35000002', bssid: '5c5b35000012' }],
			2,
		],
		[
			'two types at one timestamp',
			[one.bare, { ...one.bare, type: 'MARVIS_EVENT_CLIENT_DHCP_STUCK' }],
			2,
		],
		[
			'one MAC written two ways',
			[one.bare, { ...one.bare, mac: clientMac(1).toUpperCase().match(/../g)!.join(':') }],
			1,
		],
	])('%s → %d', (_case, events, expected) => {
		expect(dedupeClientEvents(events)).toHaveLength(expected);
	});

	it('keeps the first copy, its fields filled by the later copies', () => {
		const [kept] = dedupeClientEvents([{ ...one.bare, rssi: undefined }, one.withPcap]);
		expect(kept).toEqual({
			...one.bare,
			rssi: -78,
			has_pcap: true,
			pcap_url: one.withPcap.pcap_url,
		});
	});
});
