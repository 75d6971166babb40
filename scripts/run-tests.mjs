#!/usr/bin/env node
/**
 * The project's whole test command: lint, build, type check, unit tests, end-to-end tests in a real
 * n8n. Every stage runs even when an earlier one failed, so one run shows every problem. The n8n
 * installs the end-to-end tests need start in the background at once (downloads overlap the other
 * stages; nothing in those stages uses them). The output ends with the reasons of the failures, the
 * time of every stage and end-to-end suite, and a line "N passed, N failed" (test counts, plus one
 * failure per failed non-test stage).
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import testFailures from './testFailures.cjs';

const { collectFailures, formatFailures, suiteTimings } = testFailures;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'test-output');
mkdirSync(out, { recursive: true });
const startedAll = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const onlyUnit = process.argv.includes('--unit-only');
const jestJson = (file) => ['--json', `--outputFile=${path.join(out, file)}`];
const stages = [
	{ name: 'build tools', cmd: ['npm', 'run', 'build:tools', '--silent'] },
	...(onlyUnit ? [] : [{ name: 'n8n install (started)', background: 'install' }]),
	{ name: 'lint', cmd: ['npm', 'run', 'lint', '--silent'] },
	{ name: 'build', cmd: ['npm', 'run', 'build', '--silent'] },
	{ name: 'type check', cmd: ['npm', 'run', 'typecheck', '--silent'] },
	// An empty n8n cache for the unit tests: none may depend on an install (those belong to the
	// end-to-end stage), and this way a test that does fails on every machine, not only on a fresh one.
	{
		name: 'unit tests',
		jest: 'unit.json',
		cmd: ['npx', 'jest', ...jestJson('unit.json')],
		env: { N8N_E2E_CACHE: path.join(out, 'empty-n8n-cache') },
	},
	...(onlyUnit
		? []
		: [
				{ name: 'n8n install', await: 'install' },
				{
					name: 'end-to-end tests',
					jest: 'e2e.json',
					cmd: [
						'npx',
						'jest',
						'--config',
						'jest.e2e.config.js',
						'--runInBand',
						...jestJson('e2e.json'),
					],
				},
			]),
];

let passed = 0;
let failed = 0;
const report = [];
const failures = [];
const background = new Map();

/** Starts a command whose output goes to a file, to be awaited by a later stage. */
function startBackground(name) {
	const logFile = path.join(out, 'n8n-install.log');
	const fd = openSync(logFile, 'w');
	const child = spawn(
		process.execPath,
		[path.join(root, 'build', 'scripts', 'e2e', 'install.js')],
		{
			cwd: root,
			stdio: ['ignore', fd, fd],
		},
	);
	closeSync(fd);
	const started = Date.now();
	const exited = new Promise((resolve) => {
		child.on('exit', (code) => resolve({ code, ms: Date.now() - started }));
		child.on('error', () => resolve({ code: -1, ms: Date.now() - started }));
	});
	background.set(name, { exited, logFile, started });
	console.log(
		`\n=== n8n install: running in the background, output in ${path.relative(root, logFile)}`,
	);
}

/** Shows what the background command printed so far and until it ends; returns its exit code. */
async function awaitBackground(name) {
	const job = background.get(name);
	let shown = 0;
	const show = () => {
		const text = existsSync(job.logFile) ? readFileSync(job.logFile, 'utf8') : '';
		if (text.length > shown) process.stdout.write(text.slice(shown));
		shown = text.length;
	};
	const timer = setInterval(show, 2_000);
	const result = await job.exited;
	clearInterval(timer);
	show();
	return result;
}

for (const stage of stages) {
	if (stage.background) {
		startBackground(stage.background);
		continue;
	}
	const started = Date.now();
	if (stage.await) {
		console.log(`\n=== ${stage.name}: waiting for the background install`);
		const { code, ms } = await awaitBackground(stage.await);
		const waited = Date.now() - started;
		if (code !== 0) failed += 1;
		if (code !== 0)
			failures.push({
				where: stage.name,
				message: `the installer exited with code ${code}; see ${path.relative(root, background.get(stage.await).logFile)}`,
			});
		report.push(
			`${stage.name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} (${seconds(ms)} in the background, ${seconds(waited)} waited for)`,
		);
		continue;
	}
	if (stage.jest) rmSync(path.join(out, stage.jest), { force: true });
	console.log(`\n=== ${stage.name}: ${stage.cmd.join(' ')}`);
	if (stage.env?.N8N_E2E_CACHE) rmSync(stage.env.N8N_E2E_CACHE, { recursive: true, force: true });
	const result = spawnSync(stage.cmd[0], stage.cmd.slice(1), {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, ...stage.env },
	});
	const took = seconds(Date.now() - started);
	if (stage.jest) {
		const file = path.join(out, stage.jest);
		if (existsSync(file)) {
			const summary = JSON.parse(readFileSync(file, 'utf8'));
			passed += summary.numPassedTests;
			failed += summary.numFailedTests;
			// A suite that fails to load has no failed tests but must still fail the run.
			const brokenSuites =
				summary.numFailedTestSuites -
				summary.testResults.filter((suite) =>
					suite.assertionResults.some((test) => test.status === 'failed'),
				).length;
			failed += Math.max(0, brokenSuites);
			failures.push(...collectFailures(stage.name, summary, root));
			report.push(
				`${stage.name}: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numTotalTestSuites} suites (${took})`,
			);
			if (stage.name === 'end-to-end tests')
				report.push(...suiteTimings(summary, root).map((line) => `  ${line}`));
			continue;
		}
	}
	const ok = result.status === 0;
	if (!ok) failed += 1;
	report.push(`${stage.name}: ${ok ? 'ok' : `FAILED (exit ${result.status})`} (${took})`);
}

const failureText = formatFailures(failures);
if (failureText) console.log(`\n${failureText}`);
console.log('\n=== summary');
for (const line of report) console.log(line);
console.log(`whole run: ${seconds(Date.now() - startedAll)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
