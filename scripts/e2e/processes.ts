/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
/**
 * Child processes that never outlive the harness: each one gets its own process group (so n8n's
 * task runners die with it), led by a watchdog that kills the group once the harness is gone.
 * Every live group is tracked and stopped by stop(); exit/signal hooks cover CLI use (install.js).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import fs from 'node:fs';

const liveGroups = new Set<number>();
/** Temporary folders to delete even when the run is interrupted before its afterAll, with their janitors. */
const tempDirs = new Map<string, ChildProcess>();
let exitHooksInstalled = false;

/** Deletes argv[2] once the harness (argv[1]) is gone; killed by removeTempDir on a normal end. */
const JANITOR_SOURCE = `
const { rmSync } = require('node:fs');
const [harnessPid, dir] = process.argv.slice(1);
setInterval(() => {
	try { process.kill(Number(harnessPid), 0); } catch { rmSync(dir, { recursive: true, force: true }); process.exit(0); }
}, 500);
`;

/**
 * Makes sure a temporary folder disappears even if the run is interrupted: jest hands tests a copy
 * of `process`, so exit and signal listeners registered from a test never fire. A small detached
 * janitor watches the harness instead.
 */
export function trackTempDir(dir: string): void {
	installExitHooks();
	const janitor = spawn(process.execPath, ['-e', JANITOR_SOURCE, String(process.pid), dir], {
		detached: true,
		stdio: 'ignore',
	});
	janitor.unref();
	tempDirs.set(dir, janitor);
}

export function removeTempDir(dir: string): void {
	fs.rmSync(dir, { recursive: true, force: true });
	tempDirs.get(dir)?.kill('SIGKILL');
	tempDirs.delete(dir);
}

function cleanUpEverything(): void {
	for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
	liveGroups.clear();
	for (const dir of [...tempDirs.keys()]) removeTempDir(dir);
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// ESRCH: the group is already gone, which is the goal.
	}
}

function groupAlive(pid: number): boolean {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

function installExitHooks(): void {
	if (exitHooksInstalled) return;
	exitHooksInstalled = true;
	process.on('exit', cleanUpEverything);
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			cleanUpEverything();
			// Re-raise with the default action so the runner still stops as the user asked.
			process.kill(process.pid, signal);
		});
	}
}

/** Runs argv[2..] in the caller's process group; kills the group once the harness (argv[1]) is gone. */
const WATCHDOG_SOURCE = `
const { spawn } = require('node:child_process');
const [harnessPid, command, ...args] = process.argv.slice(1);
const child = spawn(command, args, { stdio: 'inherit' });
child.on('error', (error) => { console.error(error.message); process.exit(127); });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
// Group signals reach the child too; stay alive to report its exit code.
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => {});
setInterval(() => {
	try { process.kill(Number(harnessPid), 0); } catch { try { process.kill(0, 'SIGKILL'); } catch {} }
}, 500).unref();
`;

export interface GroupProcess {
	child: ChildProcess;
	pid: number;
	/** Resolves with the exit code (or null when killed by a signal). */
	exited: Promise<number | null>;
	/** SIGTERM the whole group, SIGKILL it after graceMs; resolves when the group is gone. */
	stop(graceMs?: number): Promise<void>;
}

export interface SpawnGroupOptions {
	command: string;
	args: string[];
	env: NodeJS.ProcessEnv;
	cwd?: string;
	/**
	 * Appends stdout here. A file, not a pipe: n8n calls process.exit() right after printing a run,
	 * and output still queued on a pipe is lost then (files are written synchronously).
	 */
	stdoutFile?: string;
	/** Appends stderr here (may be the same file as stdoutFile). */
	stderrFile?: string;
	/** Inherit the terminal instead (installs show npm's progress this way). */
	inheritStdio?: boolean;
}

function outputTarget(
	file: string | undefined,
	inherit: boolean | undefined,
): 'inherit' | 'ignore' | number {
	if (inherit) return 'inherit';
	return file ? fs.openSync(file, 'a') : 'ignore';
}

export function spawnGroup(options: SpawnGroupOptions): GroupProcess {
	installExitHooks();
	const stdout = outputTarget(options.stdoutFile, options.inheritStdio);
	const stderr =
		options.stderrFile && options.stderrFile === options.stdoutFile
			? stdout
			: outputTarget(options.stderrFile, options.inheritStdio);
	const spawnOptions: SpawnOptions = {
		cwd: options.cwd,
		env: options.env,
		detached: true, // own process group: killing -pid reaches every descendant
		stdio: ['ignore', stdout, stderr],
	};
	// The watchdog leads the group and runs the command inside it, so even a SIGKILLed harness
	// leaves nothing running: the watchdog notices its parent is gone and kills the group.
	const child = spawn(
		process.execPath,
		['-e', WATCHDOG_SOURCE, String(process.pid), options.command, ...options.args],
		spawnOptions,
	);
	if (child.pid === undefined) throw new Error(`Could not start ${options.command}`);
	const pid = child.pid;
	liveGroups.add(pid);
	// The child holds its own copies of the descriptors.
	for (const fd of new Set([stdout, stderr])) if (typeof fd === 'number') fs.closeSync(fd);

	const exited = new Promise<number | null>((resolve, reject) => {
		child.once('error', reject);
		child.once('close', (code) => resolve(code));
	});

	const stop = async (graceMs = 10_000): Promise<void> => {
		if (!liveGroups.has(pid)) return;
		killGroup(pid, 'SIGTERM');
		const deadline = Date.now() + graceMs;
		while (groupAlive(pid) && Date.now() < deadline) await delay(100);
		if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
		while (groupAlive(pid)) await delay(50);
		liveGroups.delete(pid);
		await exited.catch(() => undefined);
	};

	// The leader exiting does not end its group (task runners may linger), so keep tracking until stop().
	return { child, pid, exited, stop };
}

export interface RunResult {
	exitCode: number | null;
	/** Everything the command printed on stdout (empty unless stdoutFile was given). */
	stdout: string;
	durationMs: number;
	/** With `sampleRssEveryMs`: the largest peak resident set (VmHWM) of one process of the group, in kB. */
	peakRssKb?: number;
}

/** The pids of a process group's members (Linux /proc; none elsewhere). */
function groupMembers(pgid: number): number[] {
	let entries: string[];
	try {
		entries = fs.readdirSync('/proc');
	} catch {
		return [];
	}
	return entries
		.filter((entry) => /^\d+$/.test(entry) && processGroupOf(Number(entry)) === pgid)
		.map(Number);
}

function processGroupOf(pid: number): number | undefined {
	try {
		// Fields after the command name, which is in parentheses and may hold spaces: state ppid pgrp …
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
	} catch {
		return undefined; // gone meanwhile
	}
}

function peakRssOf(pid: number): number {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		return Number(
			/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? /^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0,
		);
	} catch {
		return 0;
	}
}

/**
 * Polls a process group every `everyMs` and keeps the largest peak resident set of any one member
 * (e.g. the n8n process beside its watchdog and task runners). stop() returns it in kB, or
 * undefined when nothing could be read (no /proc).
 */
export function sampleGroupPeakRss(pgid: number, everyMs: number): { stop(): number | undefined } {
	let peak = 0;
	const sample = () => {
		for (const pid of groupMembers(pgid)) peak = Math.max(peak, peakRssOf(pid));
	};
	sample();
	const timer = setInterval(sample, everyMs);
	return {
		stop() {
			clearInterval(timer);
			return peak > 0 ? peak : undefined;
		},
	};
}

/** Runs a command to completion in its own group; kills the group after timeoutMs. */
export async function runGroup(
	options: SpawnGroupOptions & {
		timeoutMs: number;
		/** Sample the group's peak memory at this interval (RunResult.peakRssKb). */
		sampleRssEveryMs?: number;
	},
): Promise<RunResult> {
	const started = Date.now();
	const stdoutStart =
		options.stdoutFile && fs.existsSync(options.stdoutFile)
			? fs.statSync(options.stdoutFile).size
			: 0;
	const proc = spawnGroup(options);
	const memory = options.sampleRssEveryMs
		? sampleGroupPeakRss(proc.pid, options.sampleRssEveryMs)
		: undefined;
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		void proc.stop(2_000);
	}, options.timeoutMs);
	try {
		const exitCode = await proc.exited;
		const peakRssKb = memory?.stop();
		if (timedOut) {
			throw new Error(
				`${options.command} ${options.args.join(' ')} did not finish within ${options.timeoutMs} ms`,
			);
		}
		const durationMs = Date.now() - started;
		const stdout = options.stdoutFile
			? fs.readFileSync(options.stdoutFile).subarray(stdoutStart).toString('utf8')
			: '';
		return { exitCode, stdout, durationMs, ...(peakRssKb ? { peakRssKb } : {}) };
	} finally {
		memory?.stop();
		clearTimeout(timer);
		await proc.stop(2_000);
	}
}

export function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** How many process groups the harness still owns (tests assert it returns to zero). */
export function liveProcessGroupCount(): number {
	for (const pid of liveGroups) if (!groupAlive(pid)) liveGroups.delete(pid);
	return liveGroups.size;
}
