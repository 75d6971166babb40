import type { LibraryScenario } from './types';

const faultVlan = (faults: Array<{ vlan?: number }>) => ({ vlan: String(faults[0]?.vlan) });

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
	{
		id: 'dhcp-server-down',
		family: 'networkServices',
		title: 'DHCP discovers on the client VLAN get no offer',
		faults: [{ kind: 'dhcp_unresponsive' }],
		expect: {
			rule: 'dhcp_server_unresponsive',
			level: 'vlan',
			scope: (_world, faults) => faultVlan(faults),
			severity: 'major',
			fix: { manual: /DHCP server.*relay|ip helper/i },
			cause: /does not answer.*relay/i,
		},
	},
];
