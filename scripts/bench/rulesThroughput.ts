/* eslint-disable @n8n/community-nodes/no-restricted-globals -- a benchmark script, not node code: it times with process.hrtime */
/**
 * Rules throughput: each diagnosis step's pure rules (the `diagnose` of its step definition, the
 * function the node calls once the collector has loaded the data) on generated org data, timed
 * without n8n, HTTP or the simulator. Only the rules are timed, never the data generation.
 */
import { STEPS } from '../../nodes/shared/findings/types';
import type { DiagnosisStep, StepResult } from '../../nodes/shared/findings/types';
import { STEP_DEFINITIONS } from '../../nodes/MistDiagnose/steps';
import { DEFAULT_THRESHOLDS } from '../../nodes/MistDiagnose/rules';
import type { RulesBenchData, RulesScale } from './rulesData';
import { DEFAULT_RULES_SCALE, DEFAULT_SEED, generateRulesData, recordsIn } from './rulesData';

export { DEFAULT_RULES_SCALE, generateRulesData, recordsIn } from './rulesData';
export type { RulesBenchData, RulesScale } from './rulesData';

/** The target of issue 17: every step at least this many records per second. */
export const TARGET_RECORDS_PER_SECOND = 200_000;

/**
 * How a step is timed: as in a long-running n8n process, where the rules run again and again and
 * V8 has compiled them, not as a cold first call. A step is run untimed until it has judged
 * `warmUpRecords` records (at least `minWarmUpRuns`, at most `maxWarmUpRuns` runs, so a 10,000-AP
 * step warms up as long as a 100,000-client one), then timed `timedRuns` times; the median counts.
 */
export interface MeasureOptions {
	warmUpRecords: number;
	minWarmUpRuns: number;
	maxWarmUpRuns: number;
	timedRuns: number;
}

export const DEFAULT_MEASURE: MeasureOptions = {
	warmUpRecords: 500_000,
	minWarmUpRuns: 2,
	maxWarmUpRuns: 50,
	timedRuns: 7,
};

/** The number of untimed runs before a step of `records` records is timed. */
export function warmUpRuns(records: number, options: MeasureOptions = DEFAULT_MEASURE): number {
	const runs = Math.ceil(options.warmUpRecords / Math.max(1, records));
	return Math.min(options.maxWarmUpRuns, Math.max(options.minWarmUpRuns, runs));
}

/** The method in words, printed under the table. */
export function describeMethod(options: MeasureOptions = DEFAULT_MEASURE): string {
	return `Warm process: each step first runs untimed until it has judged ${options.warmUpRecords.toLocaleString('en-US')} records (${options.minWarmUpRuns} to ${options.maxWarmUpRuns} runs), then ms and records/s are the median of ${options.timedRuns} timed runs.`;
}

export interface StepThroughput {
	step: DiagnosisStep;
	records: number;
	findings: number;
	/** Median of the timed runs, after the warm-up runs. */
	ms: number;
	/** Untimed runs before the timed ones. */
	warmUpRuns?: number;
	/** Each timed run (ms), in order. */
	runsMs?: number[];
	recordsPerSecond: number;
	meetsTarget: boolean;
}

export interface RulesThroughput {
	scale: RulesScale;
	seed: number;
	/** Share of each step's judged records (clients or APs) that breach a threshold. */
	breachingShare: Record<DiagnosisStep, number>;
	steps: StepThroughput[];
	/** How the steps were timed (see `describeMethod`). */
	method?: MeasureOptions;
}

/** Runs one step's rules on its input: the same call the node makes after loading. */
export function runStepRules(data: RulesBenchData, step: DiagnosisStep): StepResult {
	const diagnose = STEP_DEFINITIONS[step].diagnose as (
		input: RulesBenchData['inputs'][DiagnosisStep],
		thresholds: typeof DEFAULT_THRESHOLDS,
		context: RulesBenchData['context'],
	) => StepResult;
	return diagnose(data.inputs[step], DEFAULT_THRESHOLDS, data.context);
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Warm-up runs (see `MeasureOptions`), then the median of the timed runs, per step. */
export function measureStep(
	data: RulesBenchData,
	step: DiagnosisStep,
	options: MeasureOptions = DEFAULT_MEASURE,
): StepThroughput {
	const records = recordsIn(data.inputs[step]);
	const warmUp = warmUpRuns(records, options);
	let result = runStepRules(data, step);
	for (let run = 1; run < warmUp; run++) result = runStepRules(data, step);
	const times: number[] = [];
	for (let run = 0; run < options.timedRuns; run++) {
		const start = process.hrtime.bigint();
		result = runStepRules(data, step);
		times.push(Number(process.hrtime.bigint() - start) / 1e6);
	}
	const ms = median(times);
	const recordsPerSecond = ms > 0 ? Math.round(records / (ms / 1000)) : Infinity;
	return {
		step,
		records,
		findings: result.findings.length,
		ms: Math.round(ms * 10) / 10,
		warmUpRuns: warmUp,
		runsMs: times.map((time) => Math.round(time * 10) / 10),
		recordsPerSecond,
		meetsTarget: recordsPerSecond >= TARGET_RECORDS_PER_SECOND,
	};
}

export function measureRulesThroughput(
	scale: RulesScale = DEFAULT_RULES_SCALE,
	seed = DEFAULT_SEED,
	options: MeasureOptions = DEFAULT_MEASURE,
): RulesThroughput {
	const data = generateRulesData(scale, seed);
	const breachingShare = Object.fromEntries(
		STEPS.map((step) => [step, data.breaching[step].breaching / data.breaching[step].of]),
	) as Record<DiagnosisStep, number>;
	const steps = STEPS.map((step) => measureStep(data, step, options));
	return { scale, seed, breachingShare, steps, method: options };
}

const number = (value: number) => (Number.isFinite(value) ? value.toLocaleString('en-US') : '∞');

/** A plain-text table: step, records, findings, ms, records/s, and whether it reaches the target. */
export function formatRulesTable(throughput: RulesThroughput): string {
	const header = ['step', 'records', 'findings', 'ms', 'records/s', '≥ 200k/s'];
	const rows = throughput.steps.map((step) => [
		step.step,
		number(step.records),
		number(step.findings),
		step.ms.toFixed(1),
		number(step.recordsPerSecond),
		step.meetsTarget ? 'yes' : 'NO',
	]);
	const widths = header.map((title, column) =>
		Math.max(title.length, ...rows.map((row) => row[column].length)),
	);
	const line = (cells: string[]) =>
		cells
			.map((cell, column) =>
				column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]),
			)
			.join('  ');
	const { clients, aps, sites } = throughput.scale;
	return [
		`Rules throughput: ${number(clients)} clients, ${number(aps)} APs, ${number(sites)} sites (seed ${throughput.seed})`,
		line(header),
		line(widths.map((width) => '-'.repeat(width))),
		...rows.map(line),
		describeMethod(throughput.method),
	].join('\n');
}
