/* eslint-disable @typescript-eslint/no-require-imports, @n8n/community-nodes/no-restricted-imports */
/**
 * The test command ends with the reasons of its failures (CI may show only the tail of the output).
 */
import path from 'node:path';

interface Failure {
	where: string;
	message: string;
}
const { collectFailures, formatFailures, suiteTimings } =
	require('../../scripts/testFailures.cjs') as {
		collectFailures(stage: string, summary: unknown, root: string): Failure[];
		formatFailures(failures: Failure[]): string;
		suiteTimings(summary: unknown, root: string): string[];
	};

const root = '/repo';
const hookError =
	'\u001b[31mError: n8n 2.41.1 did not start (3 attempts); last error: port taken\u001b[39m\n    at Object.<anonymous> (/repo/x.ts:1:1)\n    at next (/repo/y.ts:2:2)';
const summary = {
	testResults: [
		{
			name: path.join(root, 'test/e2e/editor.e2e.test.ts'),
			status: 'failed',
			message: '',
			assertionResults: [
				{ status: 'passed', fullName: 'editor opens the canary', failureMessages: [] },
				{
					status: 'failed',
					fullName: 'editor opens wfA with every node known',
					failureMessages: [hookError],
				},
				{
					status: 'failed',
					fullName: 'editor opens wfB with every node known',
					failureMessages: [hookError],
				},
			],
		},
		{
			name: path.join(root, 'test/e2e/broken.e2e.test.ts'),
			status: 'failed',
			message: 'Cannot find module ./missing',
			assertionResults: [],
		},
		{
			name: path.join(root, 'test/e2e/fine.e2e.test.ts'),
			status: 'passed',
			message: '',
			assertionResults: [{ status: 'passed', fullName: 'fine', failureMessages: [] }],
		},
	],
};

describe('test command failure summary', () => {
	it('lists each failed test and each suite that did not load, by file', () => {
		expect(
			collectFailures('end-to-end tests', summary, root).map((failure) => failure.where),
		).toEqual([
			'end-to-end tests: test/e2e/editor.e2e.test.ts › editor opens wfA with every node known',
			'end-to-end tests: test/e2e/editor.e2e.test.ts › editor opens wfB with every node known',
			'end-to-end tests: test/e2e/broken.e2e.test.ts',
		]);
	});

	it('prints the message without colours or stack frames, and a repeated hook error once', () => {
		const text = formatFailures(collectFailures('e2e', summary, root));
		expect(text.split('\n')).toEqual([
			'=== failures (3)',
			'- e2e: test/e2e/editor.e2e.test.ts › editor opens wfA with every node known',
			'    Error: n8n 2.41.1 did not start (3 attempts); last error: port taken',
			'- e2e: test/e2e/editor.e2e.test.ts › editor opens wfB with every node known (same error as above)',
			'- e2e: test/e2e/broken.e2e.test.ts',
			'    Cannot find module ./missing',
		]);
	});

	it('prints nothing when nothing failed, and caps a long list', () => {
		expect(formatFailures([])).toBe('');
		const many = Array.from({ length: 30 }, (_, i) => ({ where: `t${i}`, message: `boom ${i}` }));
		const text = formatFailures(many);
		expect(text).toContain('- t24\n    boom 24');
		expect(text).not.toContain('t25');
		expect(text.endsWith('… and 5 more (see test-output/*.json)')).toBe(true);
	});

	it('lists the time of every suite, slowest first', () => {
		const timed = {
			testResults: [
				{ name: path.join(root, 'test/e2e/a.e2e.test.ts'), startTime: 1_000, endTime: 31_000 },
				{ name: path.join(root, 'test/e2e/b.e2e.test.ts'), startTime: 31_000, endTime: 151_500 },
			],
		};
		expect(suiteTimings(timed, root)).toEqual([
			'test/e2e/b.e2e.test.ts: 120.5 s',
			'test/e2e/a.e2e.test.ts: 30.0 s',
		]);
	});
});
