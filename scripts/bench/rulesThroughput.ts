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
const TIMED_RUNS = 3;

export interface StepThroughput {
	step: DiagnosisStep;
	records: number;
	findings: number;
	/** Median of the timed runs. */
	ms: number;
	recordsPerSecond: number;
	meetsTarget: boolean;
}

export interface RulesThroughput {
	scale: RulesScale;
	seed: number;
	/** Share of each step's judged records (clients or APs) that breach a threshold. */
	breachingShare: Record<DiagnosisStep, number>;
	steps: StepThroughput[];
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

/** One warm-up run, then the median of three timed runs, per step. */
export function measureStep(data: RulesBenchData, step: DiagnosisStep): StepThroughput {
	const records = recordsIn(data.inputs[step]);
	let result = runStepRules(data, step);
	const times: number[] = [];
	for (let run = 0; run < TIMED_RUNS; run++) {
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
		recordsPerSecond,
		meetsTarget: recordsPerSecond >= TARGET_RECORDS_PER_SECOND,
	};
}

export function measureRulesThroughput(
	scale: RulesScale = DEFAULT_RULES_SCALE,
	seed = DEFAULT_SEED,
): RulesThroughput {
	const data = generateRulesData(scale, seed);
	const breachingShare = Object.fromEntries(
		STEPS.map((step) => [step, data.breaching[step].breaching / data.breaching[step].of]),
	) as Record<DiagnosisStep, number>;
	return { scale, seed, breachingShare, steps: STEPS.map((step) => measureStep(data, step)) };
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
	].join('\n');
}
