import { radiusServerOf } from '../generator/faultKinds/credentials';
import type { LibraryScenario } from './types';

export const CREDENTIALS_SCENARIOS: LibraryScenario[] = [
	{
		id: 'expired-server-certificate',
		family: 'credentials',
		title: 'The RADIUS server certificate expired: every 802.1X client of the SSID fails',
		faults: [{ kind: 'expired_certificate', count: 8 }],
		expect: {
			rule: 'auth_failures_ssid',
			level: 'ssid',
			scope: (_world, faults) => ({ ssid: faults[0].ssid }),
			severity: 'major',
			fix: { manual: /certificate/i },
			cause: /certificate/i,
		},
	},
	{
		id: 'radius-server-unreachable',
		family: 'credentials',
		title: 'The RADIUS server does not answer: 802.1X clients of every SSID using it time out',
		faults: [{ kind: 'radius_unreachable', count: 12 }],
		expect: {
			rule: 'radius_server_unreachable',
			level: 'server',
			scope: (world, faults) => ({ server: radiusServerOf(world, faults[0]) }),
			severity: 'critical',
			fix: { manual: /reachab.*shared secret|shared secret.*reachab/i },
			cause: /unreachable|not answer/i,
		},
	},
	{
		id: 'one-user-bad-password',
		family: 'credentials',
		title: 'One user types a wrong password: their two devices fail on several APs and two SSIDs',
		faults: [{ kind: 'wrong_password', count: 2 }],
		expect: {
			rule: 'user_auth_failure',
			level: 'user',
			scope: (world, faults) => ({
				username: world.clients.get(faults[0].clientMacs[0])?.username,
			}),
			severity: 'minor',
			fix: { manual: /reset.*password|password.*reset/i },
			cause: /password/i,
		},
	},
	{
		id: 'wrong-psk-one-device',
		family: 'credentials',
		title: 'One device has a wrong PSK: only it fails the 4-way handshake',
		faults: [{ kind: 'wrong_psk', count: 1 }],
		expect: {
			rule: 'client_auth_failure',
			level: 'client',
			scope: (_world, faults) => ({ client_mac: faults[0].clientMacs[0] }),
			severity: 'minor',
			fix: { manual: /re-enter the PSK/i },
			cause: /pre-shared key/i,
		},
	},
	{
		id: 'psk-changed',
		family: 'credentials',
		title: 'The PSK of an SSID changed: its clients fail the 4-way handshake at once',
		faults: [{ kind: 'psk_changed', count: 10 }],
		expect: {
			rule: 'auth_failures_ssid',
			level: 'ssid',
			scope: (_world, faults) => ({ ssid: faults[0].ssid }),
			severity: 'major',
			fix: { manual: /new PSK/i },
			cause: /pre-shared key.*changed/i,
		},
	},
];
