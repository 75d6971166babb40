import { STEP_DEFINITIONS } from '../../../../nodes/MistDiagnose/steps';
import { findingSchema, STEPS } from '../../../../nodes/shared/findings';
import type { Finding, RemediationOperation } from '../../../../nodes/shared/findings';
import {
	apMac,
	apStat,
	clientEvent,
	clientMac,
	clientStat,
	context,
	manyClientEvents,
	NOW,
	SITE,
	switchStat,
	thresholds,
} from './fixtures';

/** Parameters the Mist Remediate node expects per operation: a finding that recommends it must carry them. */
const REQUIRED: Record<RemediationOperation, string[]> = {
	reconnectClient: ['site_id', 'client_mac'],
	reauthenticateClient: ['client_mac'],
	unauthorizeGuest: ['site_id', 'client_mac'],
	restartDevice: ['site_id', 'device_id'],
	bouncePort: ['site_id', 'device_id', 'ports'],
	rrmOptimize: ['site_id', 'bands', 'txpower_only'],
	resetRadios: ['site_id', 'bands'],
	setRadio: ['site_id', 'device_id', 'band'],
	ping: ['site_id', 'device_id', 'host'],
	traceroute: ['site_id', 'device_id', 'host'],
	arp: ['site_id', 'device_id'],
	syntheticTest: ['site_id', 'device_id', 'type'],
	cableTest: ['site_id', 'device_id', 'port'],
	iseLookup: ['client_mac'],
};

const everyStep: Finding[] = [
	...STEP_DEFINITIONS.association.diagnose(
		{ events: manyClientEvents('CLIENT_ASSOCIATION_FAILURE', 4, { ap: apMac(1) }) },
		thresholds(),
		context,
	).findings,
	...STEP_DEFINITIONS.authentication.diagnose(
		{
			events: [
				...manyClientEvents('MARVIS_EVENT_CLIENT_AUTH_FAILURE', 3),
				clientEvent('NAC_CLIENT_DENY', clientMac(40), { ssid: 'Other' }),
			],
		},
		thresholds(),
		context,
	).findings,
	...STEP_DEFINITIONS.dhcp.diagnose(
		{ events: manyClientEvents('MARVIS_EVENT_CLIENT_DHCP_NAK', 30, { vlan: '10' }) },
		thresholds(),
		context,
	).findings,
	...STEP_DEFINITIONS.client_health.diagnose(
		{
			clients: [
				clientStat({ rssi: -90 }),
				clientStat({ mac: clientMac(2), tx_retries: 5000, tx_pkts: 10000 }),
			],
		},
		thresholds(),
		context,
	).findings,
	...STEP_DEFINITIONS.ap_health.diagnose(
		{
			aps: [apStat({ status: 'disconnected' }), apStat({ mac: apMac(2), num_clients: 70 })],
			switches: [switchStat],
		},
		thresholds(),
		context,
	).findings,
	...STEP_DEFINITIONS.rf_environment.diagnose(
		{
			aps: [
				apStat({ radio_stat: { band_5: { util_all: 90, noise_floor: -70, util_non_wifi: 40 } } }),
			],
		},
		thresholds(),
		context,
	).findings,
	...STEP_DEFINITIONS.infrastructure.diagnose(
		{
			events: manyClientEvents('MARVIS_DNS_FAILURE', 3),
			deviceEvents: [0, 1, 2].map((index) => ({
				type: 'SW_PORT_DOWN',
				mac: '60c78d939c0f',
				port_id: 'ge-0/0/1',
				site_id: SITE,
				timestamp: NOW - index * 60,
			})),
			latency: [{ site_id: SITE, timestamp: NOW, avg_dhcp: 4 }],
		},
		thresholds(),
		context,
	).findings,
];

describe('finding contract across all steps', () => {
	it('covers every step', () => {
		expect(new Set(everyStep.map((finding) => finding.step))).toEqual(new Set(STEPS));
	});

	it.each(everyStep.map((finding) => [finding.fingerprint, finding] as const))(
		'%s validates against the finding schema',
		(_key, finding) => {
			expect(findingSchema.safeParse(JSON.parse(JSON.stringify(finding))).success).toBe(true);
			expect(
				finding.fingerprint.startsWith(`mist:${context.org_id}:${SITE}:${finding.rule}:`),
			).toBe(true);
			expect(finding.summary).toMatch(/\.$/);
			expect(finding.summary).not.toMatch(/undefined|NaN|\[object/);
		},
	);

	it('every action remediation carries the parameters its operation needs', () => {
		const actions = everyStep
			.flatMap((finding) => [finding.remediation, ...finding.followUp])
			.filter((item) => item.kind === 'action');
		expect(actions.length).toBeGreaterThan(5);
		for (const action of actions) {
			if (action.kind !== 'action') continue;
			for (const key of REQUIRED[action.operation]) expect(action.parameters).toHaveProperty(key);
			if ('device_id' in action.parameters)
				expect(action.parameters.device_id).toMatch(/^00000000-0000-0000-1000-[0-9a-f]{12}$/);
		}
	});
});
