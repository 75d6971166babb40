import type { LibraryScenario } from './types';

export const NETWORK_SERVICE_SCENARIOS: LibraryScenario[] = [
	{
		id: 'dhcp-scope-exhausted',
		family: 'networkServices',
		title: 'The DHCP scope of the client VLAN is full',
		faults: [{ kind: 'dhcp_pool_exhausted' }],
		expect: {
			rule: 'dhcp_pool_exhausted',
			level: 'vlan',
			severity: 'critical',
			fix: { manual: /pool|scope|lease/i },
		},
	},
];
