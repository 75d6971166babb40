import type { RootCauseRule } from './types';

/** Infrastructure: AP uplinks, switch ports, PoE, roaming. Most specific first. */
export const INFRASTRUCTURE_CAUSES: readonly RootCauseRule[] = [];
