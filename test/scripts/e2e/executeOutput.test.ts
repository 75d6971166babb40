import { parseExecuteOutput } from '../../../scripts/e2e/executeOutput';

describe('parseExecuteOutput', () => {
	const run = {
		data: {
			resultData: {
				runData: {
					Set: [
						{ data: { main: [[{ json: { a: 1 } }, { json: { a: 2 } }], [{ json: { b: 1 } }]] } },
					],
				},
			},
		},
		status: 'success',
	};
	const pretty = JSON.stringify(run, null, 2);

	it('reads the run after the log lines and ignores lines printed after it', () => {
		const stdout = `n8n Task Broker ready\nExecution was successful:\n====\n${pretty}\nshutting down\n`;
		const result = parseExecuteOutput(stdout, 0, 10, 'x.log');

		expect(result.ok).toBe(true);
		expect(result.items('Set')).toEqual([{ a: 1 }, { a: 2 }]);
		expect(result.items('Set', 1)).toEqual([{ b: 1 }]);
		expect(result.messages).toContain('Execution was successful');
		expect(result.errorMessage()).toBeUndefined();
	});

	it.each([
		['no JSON at all', 'The workflow with the id "x" does not exist.\n'],
		['a cut-off run', `log\n${pretty.slice(0, pretty.length / 2)}`],
	])('is not ok with %s', (_name, stdout) => {
		const result = parseExecuteOutput(stdout, 1, 10, 'x.log');

		expect(result.ok).toBe(false);
		expect(result.run).toBeUndefined();
		expect(result.errorMessage()).toBeTruthy();
	});

	it('names the nodes that ran when asked for one that did not', () => {
		const result = parseExecuteOutput(pretty, 0, 10, 'x.log');
		expect(() => result.items('Missing')).toThrow('Node "Missing" did not run (ran: Set)');
	});

	it('reports the first node error of a failed run', () => {
		const failed = {
			data: { resultData: { runData: { Mist: [{ error: { message: 'Invalid token.' } }] } } },
		};
		const result = parseExecuteOutput(JSON.stringify(failed, null, 2), 1, 10, 'x.log');
		expect(result.ok).toBe(false);
		expect(result.errorMessage()).toBe('Invalid token.');
	});
});
