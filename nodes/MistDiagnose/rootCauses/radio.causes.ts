import type { RootCauseRule } from './types';

/** Radio: channels, interference, coverage, load. Most specific first. */
export const RADIO_CAUSES: readonly RootCauseRule[] = [];
