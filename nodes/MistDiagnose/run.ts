import type { DiagnosisStep, Finding, HealthyEntity } from '../shared/findings/types';
import { explainFindings, ROOT_CAUSE_RULES } from './rootCauses';
import type { Explained } from './rootCauses';
import type { MistDataCollector } from './collect/MistDataCollector';
import type { DiagnosisThresholds } from './rules/support/thresholds';
import { STEP_DEFINITIONS } from './steps';
import { sitesInScope } from './steps/loaders';
import type { StepInput, SweepScope } from './steps/types';

export interface StepsOutcome {
	findings: Finding[];
	healthy: HealthyEntity[];
	/** Every site in scope, with its name, for the healthy-site summary. */
	siteNames: Record<string, string>;
	/** Device names the steps knew (APs, switches), for the root causes' wording. */
	deviceNames: Record<string, string>;
}

/** Triage's view of a step's loaded input: it may narrow it to its items; it keeps the type. */
export type InputNarrowing = <Input extends StepInput>(step: DiagnosisStep, input: Input) => Input;

const unchanged: InputNarrowing = (_step, input) => input;

/** Loads one step's data (sites in scope first) and applies its rules to it. */
async function runStep<Step extends DiagnosisStep>(
	step: Step,
	collector: MistDataCollector,
	scope: SweepScope,
	thresholds: DiagnosisThresholds,
	nowMs: number,
	narrow: InputNarrowing,
) {
	const definition = STEP_DEFINITIONS[step];
	const { input, deviceNames = {} } = await definition.load(collector, scope);
	// After the load: a site its events or stats name that the cached list lacks is read now.
	const sites = await sitesInScope(collector, scope);
	const siteNames = Object.fromEntries(
		sites.map((site) => [site.id, String(site.name ?? site.id)]),
	);
	const context = {
		org_id: collector.orgId,
		now: Math.floor(nowMs / 1000),
		siteNames,
		deviceNames,
	};
	return {
		siteNames,
		deviceNames,
		result: definition.diagnose(narrow(step, { ...input, sites }), thresholds, context),
	};
}

/** The org-wide reads each step's load makes whatever it finds (its drill-downs depend on the data). */
const ORG_WIDE_READS: Record<
	DiagnosisStep,
	Array<(collector: MistDataCollector, scope: SweepScope) => unknown>
> = {
	association: [(c) => c.eventCatalogue()],
	authentication: [(c) => c.eventCatalogue(), (c) => c.alarms()],
	dhcp: [
		(c) => c.eventCatalogue(),
		(c) => c.deviceStats('switch'),
		(c) => c.deviceStats('gateway'),
	],
	client_health: [(c, scope) => (scope.drillAllSites ? c.sites() : c.sitesSle())],
	ap_health: [(c) => c.deviceStats('ap'), (c) => c.deviceStats('switch'), (c) => c.alarms()],
	rf_environment: [
		(c) => c.deviceStats('ap'),
		(c, scope) => (scope.drillAllSites ? c.sites() : c.sitesSle()),
	],
	infrastructure: [(c) => c.eventCatalogue(), (c) => c.deviceStats('switch')],
};

/**
 * Starts, all at once, the org-wide reads the steps will make in turn anyway: the org's 10,000 AP
 * stats (ten pages at 1,000 sites) then arrive while the first steps read their events, instead
 * of after them. Each read is still made once (the collector shares it); a failure is left to
 * the step that awaits it, which reports it as its own.
 */
function startOrgWideReads(
	collector: MistDataCollector,
	steps: DiagnosisStep[],
	scope: SweepScope,
): void {
	for (const step of steps)
		for (const read of ORG_WIDE_READS[step])
			void Promise.resolve(read(collector, scope)).catch(() => undefined);
}

/**
 * Runs the steps through one collector (so steps share what they fetch) and applies the pure
 * rules. Input narrowing lets triage reuse the same path with only its items' data.
 */
export async function runSteps(
	collector: MistDataCollector,
	steps: DiagnosisStep[],
	scope: SweepScope,
	thresholds: DiagnosisThresholds,
	nowMs: number,
	narrow: InputNarrowing = unchanged,
): Promise<StepsOutcome> {
	const outcome: StepsOutcome = { findings: [], healthy: [], siteNames: {}, deviceNames: {} };
	startOrgWideReads(collector, steps, scope);
	for (const step of steps) {
		const { siteNames, deviceNames, result } = await runStep(
			step,
			collector,
			scope,
			thresholds,
			nowMs,
			narrow,
		);
		Object.assign(outcome.siteNames, siteNames);
		Object.assign(outcome.deviceNames, deviceNames);
		outcome.findings.push(...result.findings);
		outcome.healthy.push(...result.healthy);
	}
	return outcome;
}

/**
 * The root-cause layer over the steps' findings: one finding per problem, its symptoms linked to
 * it. It reads only what the steps already loaded (no Mist call of its own).
 */
export async function explainOutcome(
	collector: MistDataCollector,
	outcome: Pick<StepsOutcome, 'findings' | 'siteNames' | 'deviceNames'>,
	thresholds: DiagnosisThresholds,
	nowMs: number,
): Promise<Explained> {
	const context = {
		org_id: collector.orgId,
		now: Math.floor(nowMs / 1000),
		siteNames: outcome.siteNames,
		deviceNames: outcome.deviceNames,
		thresholds,
		aps: await collector.loadedDeviceStats('ap'),
	};
	return explainFindings(outcome.findings, context, ROOT_CAUSE_RULES);
}
