import type { BudgetGate } from '../../shared/budget/governor';
import type { CoverageRecord } from '../coverage';
import type { DiagnosisStep, StepResult } from '../../shared/findings/types';
import type { MistDataCollector } from '../collect/MistDataCollector';
import type { CommonStepInput } from '../rules/support/common';
import type { DiagnosisContext } from '../rules/support/context';
import type { EventCategory } from '../rules/support/eventClassifier';
import type { DiagnosisThresholds } from '../rules/support/thresholds';

/** Per entity (a site, an AP radio…), its recent values, oldest first. */
export type BaselineHistory = Record<string, number[]>;

/** Which sites a run looks at and how deep it drills (the node's Thresholds and Options). */
export interface SweepScope {
	thresholds: DiagnosisThresholds;
	/** Most sites to drill into per step; the worst degraded first. */
	maxDrilldownSites: number;
	/** Drill into every site instead of only SLE-degraded ones (small orgs). */
	drillAllSites: boolean;
	/** Only these sites (empty: all). */
	siteFilter: Set<string>;
	/** The Baseline Field: per step, the history its baseline checks compare with. */
	baseline: Partial<Record<DiagnosisStep, BaselineHistory>>;
	/** The sweep's share of the token's hourly API budget; drill-downs beyond it are skipped. */
	budget?: BudgetGate;
	/** Rotating coverage of client health (coverage.ts): off when undefined. */
	coverage?: SweepCoverage;
}

/** What a sweep's rotating coverage starts from, and (filled by the step) which sites it read. */
export interface SweepCoverage {
	record?: CoverageRecord;
	periodMs: number;
	nowMs: number;
	/** Sites whose client stats this sweep read, degraded and rotating alike. */
	read: string[];
}

/** The Mist data a step reads besides sites, alarms and device stats. */
export interface StepNeeds {
	/** Client event families; their types come from the `/const/client_events` catalogue. */
	eventCategories?: EventCategory[];
	/** NAC (Access Assurance) event types: they have their own search endpoint. */
	nacEventTypes?: string[];
	deviceEventTypes?: string[];
	/** Site SLE metrics whose classifiers are read on the drilled-into sites. */
	sleMetrics?: string[];
}

/** The fields triage reads of a step's input: who failed where, and the clients or APs it narrows to its items. */
export interface TriageFields {
	events?: Array<{ mac?: string | null; ssid?: string | null; vlan?: unknown }>;
	clients?: Array<{ mac: string; vlan_id?: unknown; last_vlan?: unknown }>;
	aps?: Array<{ mac: string }>;
}

export type StepInput = CommonStepInput & TriageFields;

/** What a step's load gives its rules, with the device names its findings show. */
export interface LoadedInput<Input> {
	input: Input;
	deviceNames?: Record<string, string>;
}

/**
 * One step of the triage flowchart: the option the node shows, the data it needs, how it loads
 * that data through the collector, and the pure rules that turn it into findings. `Input` ties the
 * two together, so what `load` returns is what `diagnose` receives.
 */
export interface DiagnosisStepDefinition<Id extends DiagnosisStep, Input extends StepInput> {
	id: Id;
	/** The Step option of the node (its value is the id). */
	option: { name: string; description: string };
	needs: StepNeeds;
	/** Loads the step's data for the sites in scope (the runner adds `sites`). */
	load: (collector: MistDataCollector, scope: SweepScope) => Promise<LoadedInput<Input>>;
	/** The step's pure rules (function properties, so their input is checked strictly). */
	diagnose: (
		input: Input,
		thresholds: DiagnosisThresholds,
		context: DiagnosisContext,
	) => StepResult;
}
