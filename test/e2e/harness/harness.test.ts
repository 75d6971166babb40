/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * Fast checks of the e2e harness logic that needs no n8n: version selection, parsing of
 * `n8n execute` output, and process groups that die completely. Runs with the unit tests.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { N8N_E2E_VERSIONS, selectedVersions } from '../../../scripts/e2e/config';
import { parseExecuteOutput } from '../../../scripts/e2e/executeOutput';
import { liveProcessGroupCount, runGroup, spawnGroup } from '../../../scripts/e2e/processes';

describe('selectedVersions', () => {
	it.each([
		['', N8N_E2E_VERSIONS.map((s) => s.version)],
		['2.8.4', ['2.8.4']],
		[' 2.41.1 , 2.8.4 ', ['2.41.1', '2.8.4']],
	])('N8N_E2E_VERSIONS=%j selects %j', (value, expected) => {
		expect(selectedVersions({ N8N_E2E_VERSIONS: value }).map((s) => s.version)).toEqual(expected);
	});

	it('refuses a version the harness does not know, naming it', () => {
		expect(() => selectedVersions({ N8N_E2E_VERSIONS: '1.0.0' })).toThrow(/n8n 1\.0\.0.*known: 2\.8\.4, 2\.41\.1/);
	});

	it('pins exact versions only', () => {
		for (const spec of N8N_E2E_VERSIONS) expect(spec.version).toMatch(/^\d+\.\d+\.\d+$/);
	});
});

describe('parseExecuteOutput', () => {
	const run = {
		data: { resultData: { runData: { Set: [{ data: { main: [[{ json: { a: 1 } }, { json: { a: 2 } }], [{ json: { b: 1 } }]] } }] } } },
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
		const failed = { data: { resultData: { runData: { Mist: [{ error: { message: 'Invalid token.' } }] } } } };
		const result = parseExecuteOutput(JSON.stringify(failed, null, 2), 1, 10, 'x.log');
		expect(result.ok).toBe(false);
		expect(result.errorMessage()).toBe('Invalid token.');
	});
});

describe('process groups', () => {
	const pidAlive = (pid: number) => {
		try {
			process.kill(pid, 0);
			return true;
		} catch {
			return false;
		}
	};

	it('stop() ends the command and every process it started', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-proc-'));
		const pidFile = path.join(dir, 'grandchild.pid');
		// The grandchild ignores SIGTERM, so only the SIGKILL of the whole group can end it.
		const proc = spawnGroup({
			command: 'sh',
			args: ['-c', `sh -c 'trap "" TERM; sleep 300' & echo $! > ${pidFile}; wait`],
			env: process.env,
		});
		while (!fs.existsSync(pidFile) || !fs.readFileSync(pidFile, 'utf8').trim()) await new Promise((r) => setTimeout(r, 20));
		const grandchild = Number(fs.readFileSync(pidFile, 'utf8'));
		expect(pidAlive(grandchild)).toBe(true);

		await proc.stop(300);

		expect(pidAlive(grandchild)).toBe(false);
		expect(liveProcessGroupCount()).toBe(0);
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('runGroup returns the exit code and the stdout written to a file', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-proc-'));
		const stdoutFile = path.join(dir, 'out.log');
		const result = await runGroup({
			command: 'sh',
			args: ['-c', 'echo before; echo "{\\"x\\": 1}"; exit 3'],
			env: process.env,
			stdoutFile,
			timeoutMs: 10_000,
		});

		expect(result.exitCode).toBe(3);
		expect(result.stdout).toBe('before\n{"x": 1}\n');
		expect(liveProcessGroupCount()).toBe(0);
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('runGroup kills a command that outlives its timeout', async () => {
		await expect(runGroup({ command: 'sleep', args: ['30'], env: process.env, timeoutMs: 200 })).rejects.toThrow(
			'sleep 30 did not finish within 200 ms',
		);
		expect(liveProcessGroupCount()).toBe(0);
	});
});
