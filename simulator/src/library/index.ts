import type { Scenario, ScenarioFault } from '../types';
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
 * What every real site has: one client with a glitch of its own (a mistyped PSK, a refused lease).
 * A healthy site with a lone-client minor finding must still be Healthy.
 */
export const LIBRARY_HEALTHY_GLITCHES: ScenarioFault[] = [
	{ kind: 'wrong_psk', site: 'Lib-Healthy-1', count: 1 },
	{ kind: 'dhcp_nak', site: 'Lib-Healthy-2', count: 1 },
	{ kind: 'wrong_psk', site: 'Lib-Healthy-3', count: 1 },
];

/**
 * One org with every chosen scenario on a site of its own and healthy sites (each with a lone-client
 * glitch) beside them, so problems meet each other as on a real org. Seeded: the same org every run.
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
		faults: [
			...scenarios.flatMap((scenario) =>
				scenario.faults.map((fault) => ({ ...fault, site: librarySiteName(scenario) })),
			),
			...LIBRARY_HEALTHY_GLITCHES,
		],
	};
}
