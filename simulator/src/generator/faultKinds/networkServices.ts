import type { NetworkServiceFaultKind } from '../../types';
import { makeClientEvent, round3 } from '../eventFactory';
import { isDualStack } from '../realism';
import type { FaultDefinition } from './shared';
import { realistic, connected, clientsOf, names, dropIp } from './shared';
import { LIBRARY_NETWORK_SERVICE_FAULTS } from './networkServicesLibrary';

/** Faults of the network services a client needs after joining: DHCP, DNS, the default gateway. */
export const NETWORK_SERVICE_FAULTS: Record<NetworkServiceFaultKind, FaultDefinition> = {
	dhcp_unresponsive: {
		target: 'clients',
		defaultVlan: 20,
		defaultCount: 10,
		eligible: (c, f) => c.wlan.vlan === f.vlan,
		apply: (world, fault) => dropIp(world, fault),
		tick: (world, fault, _rng, at) => {
			for (const client of clientsOf(world, fault)) {
				world.clientEvents.push(
					makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_DHCP_STUCK', at, {
						text: `DHCP discover unanswered on VLAN ${fault.vlan}`,
					}),
				);
				world.clientEvents.push(
					makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_DHCP_FAILURE', round3(at + 30)),
				);
				if (realistic(world) && isDualStack(client.family)) {
					const text = `No DHCPv6 reply on VLAN ${fault.vlan}`;
					world.clientEvents.push(
						makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_DHCPV6_FAILURE', round3(at + 32), {
							text,
						}),
					);
				}
			}
		},
		alarm: { type: 'dhcp_failure', group: 'marvis', severity: 'critical' },
		sle: [
			{ metric: 'failed-to-connect', classifier: 'DHCP', drop: 0.12 },
			{ metric: 'time-to-connect', classifier: 'DHCP', drop: 0.08 },
		],
		troubleshoot: {
			category: 'connectivity',
			reason: 'dhcp_failure',
			recommendation:
				'The DHCP server for this VLAN does not answer; check the server and the IP helper on the VLAN interface.',
			text: (w, f) =>
				`${f.clientMacs.length} clients on VLAN ${f.vlan} are stuck in DHCP (server unresponsive).`,
		},
		remedies: ['disconnect'],
	},
	dhcp_nak: {
		target: 'clients',
		defaultCount: 1,
		eligible: connected,
		apply: (world, fault) => dropIp(world, fault),
		tick: (world, fault, _rng, at) => {
			for (const client of clientsOf(world, fault)) {
				world.clientEvents.push(
					makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_DHCP_NAK', at, {
						text: 'DHCP server sent DHCPNAK for the requested address',
					}),
				);
				if (realistic(world)) {
					// Refused its old lease, the client keeps using that address as if it were static.
					const text = 'Traffic from the previously leased address was blocked';
					world.clientEvents.push(
						makeClientEvent(
							world,
							client,
							'MARVIS_EVENT_CLIENT_STATIC_IP_BLOCKED',
							round3(at + 3),
							{ text },
						),
					);
				}
			}
		},
		sle: [{ metric: 'failed-to-connect', classifier: 'DHCP', drop: 0.01 }],
		troubleshoot: {
			category: 'client',
			reason: 'dhcp_nak',
			recommendation:
				'The client requests an address the DHCP server refuses (NAK); reconnect it to restart DHCP.',
			text: (w, f) => `Client ${names(clientsOf(w, f))} receives DHCP NAKs.`,
		},
		remedies: ['disconnect'],
	},
	dhcp_pool_exhausted: {
		target: 'clients',
		defaultVlan: 30,
		defaultCount: 5,
		eligible: (c, f) => c.wlan.vlan === f.vlan,
		apply: (world, fault) => {
			dropIp(world, fault);
			const site = world.sitesById.get(fault.siteId);
			const sw = site && world.switches.get(site.switchIds[0]);
			const scope = sw?.dhcpd[`vlan${fault.vlan}`];
			if (sw && scope) {
				fault.switchId = sw.id;
				scope.num_ips = Math.max(scope.num_leased, 16);
				scope.num_leased = scope.num_ips;
			}
		},
		tick: (world, fault, _rng, at) => {
			for (const client of clientsOf(world, fault)) {
				world.clientEvents.push(
					makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_DHCP_FAILURE', at, {
						text: `No free lease in the DHCP pool of VLAN ${fault.vlan}`,
					}),
				);
			}
		},
		alarm: { type: 'dhcp_failure', group: 'marvis', severity: 'critical' },
		sle: [{ metric: 'failed-to-connect', classifier: 'DHCP', drop: 0.06 }],
		troubleshoot: {
			category: 'connectivity',
			reason: 'dhcp_pool_exhausted',
			recommendation: 'Enlarge the DHCP scope or shorten the lease time for this VLAN.',
			text: (w, f) =>
				`The DHCP pool of VLAN ${f.vlan} is exhausted; ${f.clientMacs.length} clients got no address.`,
		},
		remedies: [],
	},
	...LIBRARY_NETWORK_SERVICE_FAULTS,
};
