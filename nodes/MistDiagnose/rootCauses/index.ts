import type { RootCauseRule } from './types';

export { explainFindings } from './explain';
export type { Explained } from './explain';
export type { Explanation, RootCauseContext, RootCauseRule } from './types';

/**
 * The correlators, most specific first: a finding one of them explains is not offered to the
 * ones after it. Each lives in its own file in this folder.
 */
export const ROOT_CAUSE_RULES: readonly RootCauseRule[] = [
	// Infrastructure (AP uplinks, switch ports, PoE, roaming)
	// Radio (channels, interference, coverage, load)
	// People and credentials (users, SSIDs, RADIUS servers)
	// Network services (DHCP, DNS, gateway)
];
