import type { LibraryScenario } from './types';

export const RADIO_SCENARIOS: LibraryScenario[] = [];
