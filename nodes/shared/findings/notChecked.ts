import { STEPS } from './types';
import type { DiagnosisStep } from './types';

/**
 * A sweep step that did not look this run (its cadence was not due, or the API budget could not
 * afford it) says so on its Issues output with one marker item. Without it, a run without the
 * step's findings would look clean, and Mist Alert would resolve incidents nobody re-checked.
 */
export const NOT_CHECKED = 'notChecked';

export type NotCheckedReason = 'notDue' | 'apiBudget';

export interface NotCheckedMarker {
	kind: typeof NOT_CHECKED;
	level: 'org';
	steps: DiagnosisStep[];
	reason: NotCheckedReason;
	summary: string;
	/** When the step checks next (not due), as an ISO date. */
	nextCheckAt?: string;
}

export function notCheckedMarker(
	steps: DiagnosisStep[],
	reason: NotCheckedReason,
	summary: string,
	nextCheckAt?: string,
): NotCheckedMarker {
	return {
		kind: NOT_CHECKED,
		level: 'org',
		steps,
		reason,
		summary,
		...(nextCheckAt ? { nextCheckAt } : {}),
	};
}

/**
 * The steps a not-checked marker names; undefined when the item is not one. An item of that kind
 * naming no known step is an error, so a hand-made marker with a typo does not pass for clean.
 */
export function notCheckedSteps(
	json: Record<string, unknown>,
): DiagnosisStep[] | { error: string } | undefined {
	if (json.kind !== NOT_CHECKED) return undefined;
	const steps = Array.isArray(json.steps) ? json.steps : [];
	const unknown = steps.filter((step) => !(STEPS as readonly unknown[]).includes(step));
	if (steps.length === 0 || unknown.length)
		return {
			error: `Not-checked marker: "steps" must list diagnosis steps (${STEPS.join(', ')}), got ${JSON.stringify(json.steps)}`,
		};
	return steps as DiagnosisStep[];
}
