/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/** Process groups end completely: the harness relies on it to leave nothing running after a run. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { liveProcessGroupCount, runGroup, spawnGroup } from '../../../scripts/e2e/processes';

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
		while (!fs.existsSync(pidFile) || !fs.readFileSync(pidFile, 'utf8').trim())
			await new Promise((r) => setTimeout(r, 20));
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
		await expect(
			runGroup({ command: 'sleep', args: ['30'], env: process.env, timeoutMs: 200 }),
		).rejects.toThrow('sleep 30 did not finish within 200 ms');
		expect(liveProcessGroupCount()).toBe(0);
	});
});
