import { dhcpAnswerCause, dhcpPoolExhaustedCause } from './networkServices.dhcp';
import type { RootCauseRule } from './types';

/** Network services: DHCP, DNS, gateway. Most specific first. */
export const NETWORK_SERVICE_CAUSES: readonly RootCauseRule[] = [
	// A full pool explains its VLAN's failures before they are read as a silent server.
	dhcpPoolExhaustedCause,
	dhcpAnswerCause,
];
