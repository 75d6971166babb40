import type { RootCauseRule } from './types';

/** Network services: DHCP, DNS, gateway. Most specific first. */
export const NETWORK_SERVICE_CAUSES: readonly RootCauseRule[] = [];
