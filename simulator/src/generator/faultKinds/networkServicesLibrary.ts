import type { Client, NetworkServiceFaultKind, World, ActiveFault } from '../../types';
import { makeClientEvent, round3 } from '../eventFactory';
import type { FaultDefinition } from './shared';
import { realistic, connected, clientsOf, dropIp } from './shared';

/** The address a client's DNS server or gateway would have on its VLAN (10.{vlan}.x.1). */
const subnetHost = (client: Client, host: number) =>
	`${(client.ip ?? client.savedIp ?? `10.${client.wlan.vlan}.0.2`).split('.').slice(0, 3).join('.')}.${host}`;

const onFaultVlan = (client: Client, fault: ActiveFault) =>
	connected(client) && client.wlan.vlan === fault.vlan;

function emitEach(
	world: World,
	fault: ActiveFault,
	at: number,
	event: (client: Client) => { type: string; text: string },
) {
	for (const client of clientsOf(world, fault)) {
		const { type, text } = event(client);
		world.clientEvents.push(makeClientEvent(world, client, type, at, { text }));
	}
}

/** Network-service faults the scenario library places (the demo scenario does not use them). */
export const LIBRARY_NETWORK_SERVICE_FAULTS: Record<
	Extract<NetworkServiceFaultKind, 'dhcp_nak_storm' | 'dns_unreachable' | 'gateway_unreachable'>,
	FaultDefinition
> = {
	// Clients of a re-addressed VLAN ask to renew leases of the old subnet: the server refuses them.
	dhcp_nak_storm: {
		target: 'clients',
		defaultVlan: 30,
		defaultCount: 6,
		eligible: onFaultVlan,
		apply: (world, fault) => dropIp(world, fault),
		tick: (world, fault, _rng, at) => {
			emitEach(world, fault, at, () => ({
				type: 'MARVIS_EVENT_CLIENT_DHCP_NAK',
				text: `DHCP server sent DHCPNAK on VLAN ${fault.vlan}: requested address not on this subnet`,
			}));
			if (realistic(world))
				emitEach(world, fault, round3(at + 3), () => ({
					type: 'MARVIS_EVENT_CLIENT_STATIC_IP_BLOCKED',
					text: 'Traffic from the previously leased address was blocked',
				}));
		},
		sle: [{ metric: 'failed-to-connect', classifier: 'DHCP', drop: 0.05 }],
		troubleshoot: {
			category: 'connectivity',
			reason: 'dhcp_nak',
			recommendation:
				'The DHCP server refuses the leases clients of this VLAN request; check the scope the relay points to, stale leases, and rogue DHCP servers.',
			text: (_w, f) => `${f.clientMacs.length} clients on VLAN ${f.vlan} receive DHCP NAKs.`,
		},
		remedies: ['disconnect'],
	},
	// The DNS servers DHCP hands out stop answering: clients on every VLAN fail their lookups.
	dns_unreachable: {
		target: 'clients',
		defaultCount: 16,
		eligible: connected,
		apply: () => undefined,
		tick: (world, fault, _rng, at) =>
			emitEach(world, fault, at, () => ({
				type: 'MARVIS_DNS_FAILURE',
				text: 'DNS queries to 10.0.0.53 timed out',
			})),
		alarm: { type: 'dns_failure', group: 'marvis', severity: 'critical' },
		sle: [{ metric: 'failed-to-connect', classifier: 'DNS', drop: 0.1 }],
		troubleshoot: {
			category: 'connectivity',
			reason: 'dns_failure',
			recommendation: 'The DNS servers do not answer; check them and the path to them.',
			text: (_w, f) => `${f.clientMacs.length} clients fail DNS lookups (server not answering).`,
		},
		remedies: [],
	},
	// The gateway (L3 interface) of one VLAN is down: its clients' ARP for it gets no reply.
	gateway_unreachable: {
		target: 'clients',
		defaultVlan: 10,
		defaultCount: 8,
		eligible: onFaultVlan,
		apply: () => undefined,
		tick: (world, fault, _rng, at) =>
			emitEach(world, fault, at, (client) => ({
				type: 'CLIENT_GW_ARP_FAILURE',
				text: `No ARP reply from the gateway ${subnetHost(client, 1)} on VLAN ${fault.vlan}`,
			})),
		alarm: { type: 'arp_failure', group: 'marvis', severity: 'critical' },
		sle: [{ metric: 'failed-to-connect', classifier: 'ARP', drop: 0.08 }],
		troubleshoot: {
			category: 'connectivity',
			reason: 'arp_failure',
			recommendation:
				'The default gateway of this VLAN does not answer ARP; check its L3 interface.',
			text: (_w, f) =>
				`${f.clientMacs.length} clients on VLAN ${f.vlan} cannot reach their gateway.`,
		},
		remedies: [],
	},
};
