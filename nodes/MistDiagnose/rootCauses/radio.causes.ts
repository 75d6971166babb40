import { coverageHole, overloadedAp } from './radioAp';
import { coChannelCongestion, nonWifiChannelInterference } from './radioChannel';
import type { RootCauseRule } from './types';

/**
 * Radio: channels, interference, coverage, load. Most specific first: what uses a channel's
 * airtime (non-Wi-Fi, then other BSSs) is decided from the radios' stats before an AP's own load
 * or coverage claims its clients.
 */
export const RADIO_CAUSES: readonly RootCauseRule[] = [
	nonWifiChannelInterference,
	coChannelCongestion,
	overloadedAp,
	coverageHole,
];
