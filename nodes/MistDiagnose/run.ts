import { DIAGNOSERS } from '../shared/diagnosis';
import type { DiagnosisContext } from '../shared/diagnosis/context';
import type { DiagnosisThresholds } from '../shared/diagnosis/thresholds';
import type { DiagnosisStep, Finding, HealthyEntity } from '../shared/findings/types';
import type { SweepCollector } from './collect/SweepCollector';
import { loadStep } from './load';
import type { LoadOptions } from './load';

export interface StepsOutcome {
	findings: Finding[];
	healthy: HealthyEntity[];
	/** Every site in scope, with its name, for the healthy-site summary. */
	siteNames: Record<string, string>;
}

/**
 * Loads each step's data through one collector (so steps share what they fetch) and applies
 * the pure rules. Input narrowing lets triage reuse the same path with only its items' data.
 */
export async function runSteps(
	collector: SweepCollector,
	steps: DiagnosisStep[],
	options: LoadOptions,
	thresholds: DiagnosisThresholds,
	nowMs: number,
	narrow: (step: DiagnosisStep, input: Record<string, unknown>) => Record<string, unknown> = (_step, input) => input,
): Promise<StepsOutcome> {
	const outcome: StepsOutcome = { findings: [], healthy: [], siteNames: {} };
	for (const step of steps) {
		const loaded = await loadStep(collector, step, options);
		Object.assign(outcome.siteNames, loaded.siteNames);
		const context: DiagnosisContext = {
			org_id: collector.orgId,
			now: Math.floor(nowMs / 1000),
			siteNames: loaded.siteNames,
			deviceNames: loaded.deviceNames,
		};
		const diagnoseStep = DIAGNOSERS[step] as (input: unknown, t: DiagnosisThresholds, c: DiagnosisContext) => ReturnType<(typeof DIAGNOSERS)['dhcp']>;
		const result = diagnoseStep(narrow(step, loaded.input), thresholds, context);
		outcome.findings.push(...result.findings);
		outcome.healthy.push(...result.healthy);
	}
	return outcome;
}
