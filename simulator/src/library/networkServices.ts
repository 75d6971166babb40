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
	{
		id: 'dhcp-nak-storm',
		family: 'networkServices',
		title: 'The DHCP server refuses the leases the clients of one VLAN ask for',
		faults: [{ kind: 'dhcp_nak_storm' }],
		expect: {
			rule: 'dhcp_nak_storm',
			level: 'vlan',
			scope: (_world, faults) => faultVlan(faults),
			severity: 'major',
			fix: { manual: /stale leases.*rogue DHCP server/i },
			cause: /NAK/,
		},
	},
	{
		id: 'dns-server-unreachable',
		family: 'networkServices',
		title: 'The DNS servers stop answering the clients of every VLAN of a site',
		faults: [{ kind: 'dns_unreachable' }],
		expect: {
			rule: 'dns_servers_unreachable',
			level: 'site',
			severity: 'critical',
			fix: { manual: /DNS servers/i },
			cause: /DNS servers/,
		},
	},
	{
		id: 'gateway-unreachable',
		family: 'networkServices',
		title: 'The default gateway of one VLAN does not answer ARP',
		faults: [{ kind: 'gateway_unreachable' }],
		expect: {
			rule: 'gateway_unreachable',
			level: 'vlan',
			scope: (_world, faults) => faultVlan(faults),
			severity: 'major',
			fix: { manual: /gateway.*L3 interface/i },
			cause: /gateway/,
		},
	},
];
