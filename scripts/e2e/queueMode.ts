/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error */
/**
 * n8n in queue mode, as production runs it: PostgreSQL and Redis (services.ts), one main
 * (`EXECUTIONS_MODE=queue`: UI, API, activation), workers (`n8n worker`: every execution) and a
 * webhook processor (`n8n webhook`: receives the webhooks and queues their executions). All share
 * one user folder, so the same encryption key and the package installed as in the regular harness.
 */
import fs from 'node:fs';

import { harnessLog } from './log';
import { prepareN8n } from './n8n';
import type { N8nInstance, N8nRoleProcess, RunningN8n } from './n8n';
import { freePort } from './ports';
import { assertServicesInstalled, startPostgres, startRedis } from './services';
import type { RunningPostgres, RunningRedis } from './services';

/** The version queue mode is proven on: the newest supported n8n. */
export const QUEUE_MODE_VERSION = '2.41.1';

/** Each process is started with its name here, so a workflow can tell where it ran (`$env`). */
export const PROCESS_NAME_VARIABLE = 'N8N_E2E_PROCESS';

export interface QueueModeOptions {
	version?: string;
	label?: string;
	/** How many `n8n worker` processes (default 2). */
	workers?: number;
	/** `--concurrency` of each worker (default n8n's 10). */
	workerConcurrency?: number;
	/** Extra settings for every process. */
	env?: NodeJS.ProcessEnv;
	/** Runs after the database exists and before main starts: CLI imports of credentials and workflows. */
	beforeStart?: (n8n: N8nInstance) => Promise<void>;
}

export interface QueueModeStack {
	n8n: N8nInstance;
	/** The main process: the same handle as `n8n.start()` in regular mode (public API, owner session). */
	main: RunningN8n;
	workers: N8nRoleProcess[];
	webhookProcessor: N8nRoleProcess;
	/** Where production webhooks go: `${webhookBaseUrl}/<webhookId>/<path>`, on the webhook processor. */
	webhookBaseUrl: string;
	postgres: RunningPostgres;
	redis: RunningRedis;
	/** From the first service starting to every n8n process ready, in ms. */
	startupMs: number;
	/** The log text of every worker, e.g. to find "Worker started execution <id>". */
	workerLogs(): string[];
	/** Stops every n8n process, then Redis and PostgreSQL, and deletes their folders. */
	stop(): Promise<void>;
}

/** Starts the whole stack; anything started is stopped again when a later step fails. */
export async function startQueueMode(options: QueueModeOptions = {}): Promise<QueueModeStack> {
	// Before anything starts, so a machine without the packages fails with what to install.
	assertServicesInstalled();
	const started = Date.now();
	const cleanups: Array<() => Promise<void>> = [];
	const cleanUp = async () => {
		// Newest first (n8n before the services it uses); each runs once even if stop() is called twice.
		for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
	};
	try {
		const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
		cleanups.push(postgres.stop, redis.stop);
		const webhookPort = await freePort();
		const n8n = await prepareN8n({
			version: options.version ?? QUEUE_MODE_VERSION,
			label: options.label ?? 'queue-mode',
			env: {
				...postgres.n8nEnv,
				...redis.n8nEnv,
				EXECUTIONS_MODE: 'queue',
				// Manual runs ("Execute workflow", runInServer) go to the workers as well.
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
				WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/`,
				[PROCESS_NAME_VARIABLE]: 'main',
				...options.env,
			},
		});
		cleanups.push(async () => void (await n8n.dispose()));
		await options.beforeStart?.(n8n);
		// Main first: it runs the database migrations the other processes expect to be done.
		const main = await n8n.start();
		const concurrency = options.workerConcurrency ?? 10;
		const [webhookProcessor, ...workers] = await Promise.all([
			n8n.spawnRole('webhook', {
				name: 'webhook',
				port: webhookPort,
				env: { [PROCESS_NAME_VARIABLE]: 'webhook' },
			}),
			...Array.from({ length: options.workers ?? 2 }, (_, i) =>
				n8n.spawnRole('worker', {
					name: `worker-${i + 1}`,
					args: [`--concurrency=${concurrency}`],
					env: { [PROCESS_NAME_VARIABLE]: `worker-${i + 1}` },
				}),
			),
		]);
		const startupMs = Date.now() - started;
		harnessLog(
			`queue mode: n8n ${n8n.version} main + ${workers.length} workers + webhook processor ready in ${startupMs} ms`,
		);
		return {
			n8n,
			main,
			workers,
			webhookProcessor,
			webhookBaseUrl: `${webhookProcessor.url}/webhook`,
			postgres,
			redis,
			startupMs,
			workerLogs: () => workers.map((worker) => fs.readFileSync(worker.logFile, 'utf8')),
			stop: cleanUp,
		};
	} catch (error) {
		await cleanUp();
		throw error;
	}
}
