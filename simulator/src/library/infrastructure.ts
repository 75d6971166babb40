import type { LibraryScenario } from './types';

export const INFRASTRUCTURE_SCENARIOS: LibraryScenario[] = [];
