import type { ActiveFault, ScenarioFault, World } from '../types';

/** The families of the library; each has its own file in this folder. */
export type LibraryFamily = 'credentials' | 'networkServices' | 'radio' | 'infrastructure';

/** The fix a root cause must recommend: a Mist action (with parameters), or a manual step. */
export type ExpectedFix =
	| {
			operation: string;
			parameters?: (world: World, faults: ActiveFault[]) => Record<string, unknown>;
	  }
	| { manual: RegExp };

/** What Mist Diagnose must report for a scenario: one root cause, at this scope, with this fix. */
export interface ExpectedCause {
	rule: string;
	level: string;
	/** Scope fields the cause must carry (besides level and site), from the injected faults. */
	scope?: (world: World, faults: ActiveFault[]) => Record<string, unknown>;
	severity: 'critical' | 'major' | 'minor';
	fix: ExpectedFix;
	/** Text the likely cause must contain (names the cause, not a symptom). */
	cause?: RegExp;
}

/**
 * A problem an engineer meets, as simulator faults on one site of its own, and the root cause a
 * correct diagnosis names. `faults` omit `site`: the library places each scenario on its site.
 */
export interface LibraryScenario {
	id: string;
	family: LibraryFamily;
	title: string;
	/** Size of the scenario's site when the default (scale) does not fit the problem. */
	site?: { aps?: number; clients?: number };
	faults: Array<Omit<ScenarioFault, 'site'>>;
	expect: ExpectedCause;
}
