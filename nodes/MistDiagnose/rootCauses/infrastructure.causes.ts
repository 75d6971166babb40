import { fastRoamingFailuresSsid } from './infrastructure.roaming';
import { switchPortBadCable, switchPortFlap, switchPortPoe } from './infrastructure.uplink';
import type { RootCauseRule } from './types';

/**
 * Infrastructure: AP uplinks, switch ports, PoE, roaming. Most specific first: a port out of PoE
 * also flaps, and a bad cable can flap, so PoE and cable go before the flap.
 */
export const INFRASTRUCTURE_CAUSES: readonly RootCauseRule[] = [
	switchPortPoe,
	switchPortBadCable,
	switchPortFlap,
	fastRoamingFailuresSsid,
];
