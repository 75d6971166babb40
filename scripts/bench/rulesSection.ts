/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console */
/**
 * The rules throughput section of `npm run benchmark`: no n8n, no simulator, so it also runs alone
 * (`node build/scripts/benchmark.js --rules-only`, or `BENCH_ONLY=rules`) in seconds.
 */
import fs from 'node:fs';
import os from 'node:os';

import { formatRulesTable, measureRulesThroughput } from './rulesThroughput';
import type { RulesThroughput } from './rulesThroughput';

export interface RulesThroughputReport extends RulesThroughput {
	at: string;
	node: string;
	cpus: number;
}

export const rulesOnlyRequested = (
	argv: string[] = process.argv,
	env: NodeJS.ProcessEnv = process.env,
) => argv.includes('--rules-only') || env.BENCH_ONLY === 'rules';

/** Measures at the default scale, prints the table and names the steps below the target. */
export function runRulesSection(): RulesThroughputReport {
	console.log('Rules throughput: generating the org and timing each step…');
	const throughput = measureRulesThroughput();
	console.log(`\n${formatRulesTable(throughput)}`);
	const slow = throughput.steps.filter((step) => !step.meetsTarget).map((step) => step.step);
	console.log(
		slow.length
			? `Below 200,000 records/s: ${slow.join(', ')}.`
			: 'Every step reaches 200,000 records/s.',
	);
	return {
		...throughput,
		at: new Date().toISOString(),
		node: process.version,
		cpus: os.cpus().length,
	};
}

/**
 * A rules-only run replaces `rulesThroughput` in an existing benchmark.json and keeps the rest
 * (the n8n figures carry their own `at`).
 */
export function writeRulesOnly(file: string, report: RulesThroughputReport): void {
	let previous: Record<string, unknown> = {};
	try {
		previous = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
	} catch {
		// No earlier benchmark (or not JSON): the file holds the rules figures alone.
	}
	fs.writeFileSync(file, JSON.stringify({ ...previous, rulesThroughput: report }, null, 2));
}
