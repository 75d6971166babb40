/**
 * The failures and suite timings of a jest --json summary, short enough to print at the end of the
 * test command: CI may show only the tail of the output, so the tail must say why a run failed and
 * where its time went.
 */
const path = require('node:path');

const MAX_SHOWN = 25;
const MAX_LINES = 8;

const stripAnsi = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** One entry per failed test, plus one per suite that failed without a failed test (it did not load). */
function collectFailures(stageName, summary, root) {
	const failures = [];
	for (const suite of summary.testResults ?? []) {
		const file = path.relative(root, suite.name);
		const failedTests = suite.assertionResults.filter((test) => test.status === 'failed');
		if (!failedTests.length && suite.status === 'failed')
			failures.push({ where: `${stageName}: ${file}`, message: suite.message ?? '' });
		for (const test of failedTests)
			failures.push({
				where: `${stageName}: ${file} › ${test.fullName}`,
				message: test.failureMessages?.[0] ?? '',
			});
	}
	return failures;
}

/** The first lines of each message without stack frames; a message repeated (a failed beforeAll) is printed once. */
function formatFailures(failures) {
	if (!failures.length) return '';
	const out = [`=== failures (${failures.length})`];
	const seen = new Set();
	for (const { where, message } of failures.slice(0, MAX_SHOWN)) {
		const lines = stripAnsi(message)
			.split('\n')
			.map((line) => line.trimEnd())
			.filter((line) => line.trim() && !/^\s+at /.test(line));
		const excerpt = lines.slice(0, MAX_LINES).join('\n    ');
		out.push(seen.has(excerpt) ? `- ${where} (same error as above)` : `- ${where}\n    ${excerpt}`);
		seen.add(excerpt);
	}
	if (failures.length > MAX_SHOWN)
		out.push(`… and ${failures.length - MAX_SHOWN} more (see test-output/*.json)`);
	return out.join('\n');
}

/** One line per test file, slowest first: where the time of a stage went. */
function suiteTimings(summary, root) {
	return (summary.testResults ?? [])
		.map((suite) => ({
			file: path.relative(root, suite.name),
			ms: (suite.endTime ?? 0) - (suite.startTime ?? 0),
		}))
		.sort((a, b) => b.ms - a.ms)
		.map(({ file, ms }) => `${file}: ${(ms / 1000).toFixed(1)} s`);
}

module.exports = { collectFailures, formatFailures, suiteTimings };
