import { dhcpAnswerCause, dhcpPoolExhaustedCause } from './networkServices.dhcp';
import {
	dnsServersUnreachableCause,
	gatewayUnreachableCause,
} from './networkServices.reachability';
import type { RootCauseRule } from './types';

/** Network services: DHCP, DNS, gateway. Most specific first. */
export const NETWORK_SERVICE_CAUSES: readonly RootCauseRule[] = [
	// A full pool explains its VLAN's failures before they are read as a silent server.
	dhcpPoolExhaustedCause,
	dhcpAnswerCause,
	// A VLAN without its gateway fails DNS too: the gateway claims that VLAN's DNS failures first.
	gatewayUnreachableCause,
	dnsServersUnreachableCause,
];
