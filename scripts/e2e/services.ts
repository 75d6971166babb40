/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * Throwaway PostgreSQL and Redis for queue-mode suites: Debian's binaries, started by the harness
 * on loopback and a free port, with their data in a temporary folder, stopped and deleted after.
 * Missing binaries are an error naming the package to install, never a silent skip.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { harnessLog } from './log';
import { freePort } from './ports';
import { delay, removeTempDir, runGroup, spawnGroup, trackTempDir } from './processes';
import type { GroupProcess } from './processes';

/** Debian's PostgreSQL (package `postgresql`, 15 on bookworm); any installed major is accepted. */
const POSTGRES_LIB = '/usr/lib/postgresql';
const PREFERRED_POSTGRES = '15';
/** postgres refuses to run as root, and the harness usually is root (CI containers). */
const POSTGRES_USER = 'postgres';
export const POSTGRES_DATABASE = 'n8n';

export interface RunningPostgres {
	host: string;
	port: number;
	user: string;
	database: string;
	/** The `DB_*` settings that point n8n at this database. */
	n8nEnv: Record<string, string>;
	stop(): Promise<void>;
}

export interface RunningRedis {
	host: string;
	port: number;
	/** The `QUEUE_BULL_REDIS_*` settings that point n8n at this Redis. */
	n8nEnv: Record<string, string>;
	stop(): Promise<void>;
}

export class MissingServiceError extends Error {}

function postgresBinDir(): string {
	const versions = fs.existsSync(POSTGRES_LIB)
		? fs
				.readdirSync(POSTGRES_LIB)
				.filter((v) => fs.existsSync(path.join(POSTGRES_LIB, v, 'bin', 'postgres')))
		: [];
	const chosen = versions.includes(PREFERRED_POSTGRES)
		? PREFERRED_POSTGRES
		: versions.sort((a, b) => Number(b) - Number(a))[0];
	if (!chosen)
		throw new MissingServiceError(
			`PostgreSQL is not installed (no ${POSTGRES_LIB}/<version>/bin/postgres): the queue-mode e2e suite needs it. Install it with: apt-get install postgresql`,
		);
	return path.join(POSTGRES_LIB, chosen, 'bin');
}

function redisBinary(): string {
	const found = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((f) =>
		fs.existsSync(f),
	);
	if (!found)
		throw new MissingServiceError(
			'redis-server is not installed: the queue-mode e2e suite needs it. Install it with: apt-get install redis-server',
		);
	return found;
}

/** Runs a command as the postgres user when the harness is root (setpriv ships with util-linux). */
function asPostgres(command: string, args: string[]): { command: string; args: string[] } {
	if (process.getuid?.() !== 0) return { command, args };
	return {
		command: '/usr/bin/setpriv',
		args: [
			`--reuid=${POSTGRES_USER}`,
			`--regid=${POSTGRES_USER}`,
			'--clear-groups',
			'--',
			command,
			...args,
		],
	};
}

function tempDir(prefix: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	trackTempDir(dir);
	return dir;
}

async function run(command: string, args: string[], logFile: string, env = process.env) {
	const result = await runGroup({
		command,
		args,
		env,
		stdoutFile: logFile,
		stderrFile: logFile,
		timeoutMs: 120_000,
	});
	if (result.exitCode !== 0)
		throw new Error(
			`${path.basename(command)} ${args.slice(0, 3).join(' ')} exited ${result.exitCode}: ${tail(logFile)}`,
		);
}

function tail(file: string): string {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
	} catch {
		return '(no log)';
	}
}

async function waitUntil(
	what: string,
	ready: () => Promise<boolean>,
	proc: GroupProcess,
	logFile: string,
	timeoutMs = 60_000,
): Promise<void> {
	let exitCode: number | null | undefined;
	void proc.exited.then((code) => (exitCode = code));
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (exitCode !== undefined)
			throw new Error(`${what} exited with ${exitCode}: ${tail(logFile)}`);
		if (await ready()) return;
		await delay(200);
	}
	throw new Error(`${what} was not ready within ${timeoutMs} ms: ${tail(logFile)}`);
}

/**
 * initdb into a fresh folder (trust authentication, loopback only), then postgres on a free port
 * with its socket in that folder, and one database for n8n. Default settings otherwise, so the
 * measured rates are those of a stock PostgreSQL.
 */
export async function startPostgres(): Promise<RunningPostgres> {
	const bin = postgresBinDir();
	const dir = tempDir('n8n-e2e-postgres-');
	const dataDir = path.join(dir, 'data');
	const logFile = path.join(dir, 'postgres.log');
	fs.mkdirSync(dataDir, { mode: 0o700 });
	if (process.getuid?.() === 0) {
		await run('/bin/chown', ['-R', `${POSTGRES_USER}:${POSTGRES_USER}`, dir], logFile);
	}
	const init = asPostgres(path.join(bin, 'initdb'), [
		'-D',
		dataDir,
		'-U',
		POSTGRES_USER,
		'--auth=trust',
		'--encoding=UTF8',
		'--no-sync',
	]);
	const started = Date.now();
	await run(init.command, init.args, logFile, { ...process.env, LC_ALL: 'C.UTF-8' });
	const host = '127.0.0.1';
	const port = await freePort();
	const server = asPostgres(path.join(bin, 'postgres'), [
		'-D',
		dataDir,
		'-h',
		host,
		'-p',
		String(port),
		'-k',
		dir,
		'-c',
		'max_connections=200',
	]);
	const proc = spawnGroup({
		command: server.command,
		args: server.args,
		env: { ...process.env, LC_ALL: 'C.UTF-8' },
		stdoutFile: logFile,
		stderrFile: logFile,
	});
	const isReady = path.join(bin, 'pg_isready');
	await waitUntil(
		'postgres',
		async () =>
			(
				await runGroup({
					command: isReady,
					args: ['-h', host, '-p', String(port), '-U', POSTGRES_USER],
					env: process.env,
					timeoutMs: 10_000,
				})
			).exitCode === 0,
		proc,
		logFile,
	);
	await run(
		path.join(bin, 'createdb'),
		['-h', host, '-p', String(port), '-U', POSTGRES_USER, POSTGRES_DATABASE],
		logFile,
	);
	harnessLog(`PostgreSQL on ${host}:${port} ready in ${Date.now() - started} ms`);
	return {
		host,
		port,
		user: POSTGRES_USER,
		database: POSTGRES_DATABASE,
		n8nEnv: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: host,
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: POSTGRES_DATABASE,
			DB_POSTGRESDB_USER: POSTGRES_USER,
			DB_POSTGRESDB_PASSWORD: '',
		},
		stop: async () => {
			await proc.stop();
			removeTempDir(dir);
		},
	};
}

/** One Redis command over a raw socket: true when the server answers PING with PONG. */
function redisPing(host: string, port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, host);
		let answer = '';
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2_000, () => done(false));
		socket.once('error', () => done(false));
		socket.on('data', (chunk) => {
			answer += chunk.toString('utf8');
			if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
		});
		socket.once('connect', () => socket.write('PING\r\n'));
	});
}

/** redis-server on loopback and a free port, without persistence (no RDB, no AOF). */
export async function startRedis(): Promise<RunningRedis> {
	const binary = redisBinary();
	const dir = tempDir('n8n-e2e-redis-');
	const logFile = path.join(dir, 'redis.log');
	const host = '127.0.0.1';
	const port = await freePort();
	const started = Date.now();
	const proc = spawnGroup({
		command: binary,
		args: [
			'--bind',
			host,
			'--port',
			String(port),
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
			'--daemonize',
			'no',
		],
		env: process.env,
		stdoutFile: logFile,
		stderrFile: logFile,
	});
	await waitUntil('redis-server', () => redisPing(host, port), proc, logFile);
	harnessLog(`Redis on ${host}:${port} ready in ${Date.now() - started} ms`);
	return {
		host,
		port,
		n8nEnv: { QUEUE_BULL_REDIS_HOST: host, QUEUE_BULL_REDIS_PORT: String(port) },
		stop: async () => {
			await proc.stop();
			removeTempDir(dir);
		},
	};
}

/** Fails fast, before anything starts, when either service cannot be run here. */
export function assertServicesInstalled(): void {
	postgresBinDir();
	redisBinary();
}
