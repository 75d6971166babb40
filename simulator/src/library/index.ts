import type { Scenario } from '../types';
import { CREDENTIALS_SCENARIOS } from './credentials';
import { INFRASTRUCTURE_SCENARIOS } from './infrastructure';
import { NETWORK_SERVICE_SCENARIOS } from './networkServices';
import { RADIO_SCENARIOS } from './radio';
import type { LibraryScenario } from './types';

export type { ExpectedCause, ExpectedFix, LibraryFamily, LibraryScenario } from './types';

/** Every scenario of the library, by family. */
export const LIBRARY_SCENARIOS: readonly LibraryScenario[] = [
	...CREDENTIALS_SCENARIOS,
	...NETWORK_SERVICE_SCENARIOS,
	...RADIO_SCENARIOS,
	...INFRASTRUCTURE_SCENARIOS,
];

/** The site a library scenario is placed on. */
export function librarySiteName(scenario: LibraryScenario): string {
	return `Lib-${scenario.id}`;
}

export const LIBRARY_HEALTHY_SITES = ['Lib-Healthy-1', 'Lib-Healthy-2', 'Lib-Healthy-3'];

/**
 * One org with every chosen scenario on a site of its own and healthy sites beside them, so
 * problems meet each other as on a real org. Seeded: the same org every run.
 */
export function libraryOrg(
	scenarios: readonly LibraryScenario[] = LIBRARY_SCENARIOS,
	options: { seed?: number; aps?: number; clients?: number } = {},
): Scenario {
	const ids = new Set<string>();
	for (const scenario of scenarios) {
		if (ids.has(scenario.id)) throw new Error(`Library scenario "${scenario.id}" is listed twice`);
		ids.add(scenario.id);
	}
	return {
		name: 'library',
		seed: options.seed ?? 1404,
		org: { name: 'Scenario Library' },
		scale: { sites: 0, apsPerSite: options.aps ?? 5, clientsPerSite: options.clients ?? 40 },
		sites: [
			...scenarios.map((scenario) => ({ name: librarySiteName(scenario), ...scenario.site })),
			...LIBRARY_HEALTHY_SITES.map((name) => ({ name })),
		],
		faults: scenarios.flatMap((scenario) =>
			scenario.faults.map((fault) => ({ ...fault, site: librarySiteName(scenario) })),
		),
	};
}
