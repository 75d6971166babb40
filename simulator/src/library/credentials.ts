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
];
