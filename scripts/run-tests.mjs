#!/usr/bin/env node
/**
 * The project's whole test command: lint, build, type check, unit tests, end-to-end tests in a real
 * n8n. Every stage runs even when an earlier one failed, so one run shows every problem; the last
 * line is "N passed, N failed" (test counts, plus one failure per failed non-test stage).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import testFailures from './testFailures.cjs';

const { collectFailures, formatFailures } = testFailures;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'test-output');
mkdirSync(out, { recursive: true });

const onlyUnit = process.argv.includes('--unit-only');
const stages = [
	{ name: 'lint', cmd: ['npm', 'run', 'lint', '--silent'] },
	{ name: 'build', cmd: ['npm', 'run', 'build', '--silent'] },
	{ name: 'build tools', cmd: ['npm', 'run', 'build:tools', '--silent'] },
	{ name: 'type check', cmd: ['npm', 'run', 'typecheck', '--silent'] },
	{ name: 'unit tests', jest: 'unit.json', cmd: ['npx', 'jest', '--json', `--outputFile=${path.join(out, 'unit.json')}`] },
	...(onlyUnit
		? []
		: [
				{
					name: 'end-to-end tests',
					jest: 'e2e.json',
					cmd: ['npx', 'jest', '--config', 'jest.e2e.config.js', '--runInBand', '--json', `--outputFile=${path.join(out, 'e2e.json')}`],
				},
			]),
];

let passed = 0;
let failed = 0;
const report = [];
const failures = [];

for (const stage of stages) {
	if (stage.jest) rmSync(path.join(out, stage.jest), { force: true });
	const started = Date.now();
	console.log(`\n=== ${stage.name}: ${stage.cmd.join(' ')}`);
	const result = spawnSync(stage.cmd[0], stage.cmd.slice(1), { cwd: root, stdio: 'inherit' });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (stage.jest) {
		const file = path.join(out, stage.jest);
		if (existsSync(file)) {
			const summary = JSON.parse(readFileSync(file, 'utf8'));
			passed += summary.numPassedTests;
			failed += summary.numFailedTests;
			// A suite that fails to load has no failed tests but must still fail the run.
			const brokenSuites = summary.numFailedTestSuites - summary.testResults.filter((suite) => suite.assertionResults.some((test) => test.status === 'failed')).length;
			failed += Math.max(0, brokenSuites);
			failures.push(...collectFailures(stage.name, summary, root));
			report.push(`${stage.name}: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numTotalTestSuites} suites (${seconds} s)`);
			continue;
		}
	}
	const ok = result.status === 0;
	if (!ok) failed += 1;
	report.push(`${stage.name}: ${ok ? 'ok' : `FAILED (exit ${result.status})`} (${seconds} s)`);
}

const failureText = formatFailures(failures);
if (failureText) console.log(`\n${failureText}`);
console.log('\n=== summary');
for (const line of report) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
