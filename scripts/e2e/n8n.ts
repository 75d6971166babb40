/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error */
/**
 * One real n8n per test file: a fresh user folder with SQLite and the package installed, CLI
 * imports, `n8n execute` for manual workflows, and `n8n start` for webhook-triggered ones.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { E2E_ENCRYPTION_KEY, keepAllLogs, TEST_OUTPUT_DIR, versionSpec } from './config';
import { harnessLog } from './log';
import { cleanEnv, ensureN8nInstalled } from './install';
import type { N8nInstallation } from './install';
import { installPackageInto } from './package';
import { freePort } from './ports';
import { delay, removeTempDir, runGroup, spawnGroup, trackTempDir } from './processes';
import type { GroupProcess } from './processes';
import { createApiKey, E2E_OWNER, ownerSession, PublicApi } from './restApi';
import type { OwnerAccount } from './restApi';
import { parseExecuteOutput } from './executeOutput';
import type { ExecuteResult } from './executeOutput';

export interface CredentialToImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** A workflow as n8n exports it: at least nodes and connections, and an `id` to execute it by. */
export interface WorkflowJson {
	id: string;
	name: string;
	nodes: unknown[];
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface RunningN8n {
	url: string;
	apiKey: string;
	/** The owner's session cookie (`n8n-auth=…`), e.g. for a browser. */
	cookie: string;
	api: PublicApi;
	/** Time from spawn to a healthy /healthz, in ms. */
	startupMs: number;
	activateWorkflow: PublicApi['activateWorkflow'];
	listExecutions: PublicApi['listExecutions'];
	waitForExecution: PublicApi['waitForExecution'];
	runInServer: PublicApi['runInServer'];
	stop(): Promise<void>;
}

export interface PrepareOptions {
	version: string;
	/** Defaults to a fresh temporary folder, removed by dispose(). */
	userFolder?: string;
	/** Names the kept log folder, e.g. the test file. */
	label?: string;
	/** A fixed port for the server (the demo); by default a free one, changed when a start fails. */
	port?: number;
	/** The owner account created at the first start (default: the e2e owner). */
	owner?: OwnerAccount;
	/**
	 * Extra settings for every n8n process of this instance, over the harness's own (e.g. queue
	 * mode's `EXECUTIONS_MODE`, `DB_*` and `QUEUE_BULL_REDIS_*`, or another `WEBHOOK_URL`).
	 */
	env?: NodeJS.ProcessEnv;
}

/** n8n's other processes in queue mode: `n8n worker` runs executions, `n8n webhook` receives webhooks. */
export type N8nRole = 'worker' | 'webhook';

export interface N8nRoleProcess {
	role: N8nRole;
	/** Names the process in its log file and in the harness's messages, e.g. `worker-1`. */
	name: string;
	/** The webhook server's port, or the worker's health-check port. */
	port: number;
	url: string;
	logFile: string;
	/** Time from spawn to a ready /healthz/readiness (database and Redis connected), in ms. */
	startupMs: number;
	stop(): Promise<void>;
}

export interface SpawnRoleOptions {
	name?: string;
	/** A fixed port (e.g. one already named in WEBHOOK_URL); a free one by default. */
	port?: number;
	/** Extra CLI arguments, e.g. `--concurrency=10`. */
	args?: string[];
	/** Settings for this process only, over the instance's. */
	env?: NodeJS.ProcessEnv;
	timeoutMs?: number;
}

/** Quiet, headless, reproducible: what every n8n child process of the harness gets. */
function n8nEnv(
	installation: N8nInstallation,
	userFolder: string,
	port: number,
	brokerPort: number,
	extra: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
	const inherited = Object.fromEntries(
		// A developer's own N8N_*/DB_* settings, and jest's NODE_ENV=test, would change how n8n behaves.
		Object.entries(cleanEnv(installation.pathPrefix)).filter(
			([key]) => !key.startsWith('N8N_') && !key.startsWith('DB_') && key !== 'WEBHOOK_URL',
		),
	);
	return {
		...inherited,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_SECURE_COOKIE: 'false',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// n8n ≥2.3x publishes activations from an outbox polled every 15 s by default; tests wait less.
		N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS: '250',
		...extra,
	};
}

/** Set by the e2e jest environment when a test or hook fails, so dispose() keeps the logs. */
function testFailureSeen(): boolean {
	return Boolean((globalThis as { __N8N_E2E_FAILED__?: boolean }).__N8N_E2E_FAILED__);
}

export class N8nInstance {
	private commandCount = 0;
	private running?: { proc: GroupProcess; handle: RunningN8n };
	/** Ids of imported shared-memory credentials, completed with this instance's URL and key on start. */
	private readonly sharedMemoryCredentials = new Set<string>();
	private readonly roles = new Set<N8nRoleProcess>();
	private failed = false;

	private constructor(
		readonly installation: N8nInstallation,
		readonly userFolder: string,
		private serverPort: number,
		readonly logDir: string,
		private readonly ownsUserFolder: boolean,
		private readonly label: string,
		private readonly fixedPort: boolean,
		readonly owner: OwnerAccount,
		private readonly extraEnv: NodeJS.ProcessEnv = {},
	) {}

	static async prepare(options: PrepareOptions): Promise<N8nInstance> {
		const installation = await ensureN8nInstalled(versionSpec(options.version));
		const ownsUserFolder = !options.userFolder;
		const userFolder =
			options.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), `n8n-e2e-${options.version}-`));
		fs.mkdirSync(userFolder, { recursive: true });
		if (ownsUserFolder) trackTempDir(userFolder);
		await installPackageInto(userFolder);
		const logDir = path.join(userFolder, 'logs');
		fs.mkdirSync(logDir, { recursive: true });
		const label = options.label ?? 'run';
		const port = options.port ?? (await freePort());
		return new N8nInstance(
			installation,
			userFolder,
			port,
			logDir,
			ownsUserFolder,
			label,
			options.port !== undefined,
			options.owner ?? E2E_OWNER,
			options.env ?? {},
		);
	}

	get version(): string {
		return this.installation.version;
	}

	get port(): number {
		return this.serverPort;
	}

	/** Mark the run failed so dispose() keeps its logs (assertion failures are seen automatically). */
	markFailed(): void {
		this.failed = true;
	}

	private nextLogFile(name: string): string {
		return path.join(
			this.logDir,
			`${String(++this.commandCount).padStart(2, '0')}-${name.replace(/[^a-z]/gi, '_')}.log`,
		);
	}

	/** One CLI command; stdout goes to its log file (n8n's messages and the run JSON), stderr next to it. */
	private async cli(args: string[], timeoutMs = 120_000, sampleRssEveryMs?: number) {
		const logFile = this.nextLogFile(args[0]);
		const env = n8nEnv(
			this.installation,
			this.userFolder,
			this.port,
			await freePort(),
			this.extraEnv,
		);
		const result = await runGroup({
			command: this.installation.nodeBinary,
			args: [this.installation.n8nBin, ...args],
			env,
			cwd: this.userFolder,
			stdoutFile: logFile,
			stderrFile: logFile.replace(/\.log$/, '.stderr.log'),
			timeoutMs,
			sampleRssEveryMs,
		});
		return { ...result, logFile };
	}

	private async importFile(kind: 'credentials', file: string): Promise<void> {
		const result = await this.cli([`import:${kind}`, `--input=${file}`]);
		if (result.exitCode !== 0) {
			this.failed = true;
			throw new Error(
				`n8n import:${kind} exited ${result.exitCode}; see ${result.logFile}\n${tail(result.stdout)}`,
			);
		}
	}

	/** Imports credentials with fixed ids; the file holding their plain data is deleted right after. */
	async importCredentials(credentials: CredentialToImport[]): Promise<void> {
		const file = path.join(this.userFolder, `credentials-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
		try {
			await this.importFile('credentials', file);
		} finally {
			fs.rmSync(file, { force: true });
		}
		for (const credential of credentials)
			if (credential.type === 'mistSharedMemoryApi')
				this.sharedMemoryCredentials.add(credential.id);
	}

	/** Imports a workflow from a file or an object and returns its id (import always deactivates). */
	async importWorkflow(workflow: string | WorkflowJson): Promise<string> {
		const [id] = await this.importWorkflows([workflow]);
		return id;
	}

	/** Imports several workflows with one n8n process (`import:workflow --separate`); returns their ids. */
	async importWorkflows(workflows: Array<string | WorkflowJson>): Promise<string[]> {
		const dir = fs.mkdtempSync(path.join(this.userFolder, 'workflows-'));
		try {
			const ids = workflows.map((workflow) => {
				const json: WorkflowJson =
					typeof workflow === 'string' ? JSON.parse(fs.readFileSync(workflow, 'utf8')) : workflow;
				if (!json.id)
					throw new Error(
						`Workflow "${json.name}" has no id; give it a fixed one to execute it by`,
					);
				fs.writeFileSync(path.join(dir, `${json.id}.json`), JSON.stringify(json));
				return json.id;
			});
			const result = await this.cli(['import:workflow', '--separate', `--input=${dir}`]);
			if (result.exitCode !== 0) {
				this.failed = true;
				throw new Error(
					`n8n import:workflow exited ${result.exitCode}; see ${result.logFile}\n${tail(result.stdout)}`,
				);
			}
			return ids;
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	}

	/**
	 * `n8n execute --id`: runs a workflow that starts with a Manual Trigger, in a separate process.
	 * `sampleRssEveryMs` polls that process's memory (ExecuteResult.peakRssKb; the benchmark).
	 */
	async execute(
		workflowId: string,
		options: { timeoutMs?: number; sampleRssEveryMs?: number } = {},
	): Promise<ExecuteResult> {
		const result = await this.cli(
			['execute', `--id=${workflowId}`],
			options.timeoutMs ?? 180_000,
			options.sampleRssEveryMs,
		);
		// A failed execute is not marked here: some tests expect one; a failing assertion keeps the logs.
		const parsed = parseExecuteOutput(
			result.stdout,
			result.exitCode,
			result.durationMs,
			result.logFile,
		);
		return result.peakRssKb ? { ...parsed, peakRssKb: result.peakRssKb } : parsed;
	}

	/**
	 * `n8n start`, then owner setup and an API key. Only one server per instance at a time. A start
	 * that fails (the port taken meanwhile, n8n exiting, owner setup refused) is retried on a new
	 * port, and each failure is reported, so a flaky machine costs a retry rather than a suite.
	 */
	async start(options: { timeoutMs?: number; attempts?: number } = {}): Promise<RunningN8n> {
		if (this.running) throw new Error('This n8n is already running');
		const attempts = options.attempts ?? 3;
		for (let attempt = 1; ; attempt++) {
			try {
				return await this.startOnce(options.timeoutMs ?? 120_000);
			} catch (error) {
				this.failed = true;
				const message = error instanceof Error ? error.message : String(error);
				if (attempt >= attempts || this.fixedPort) {
					throw new Error(
						`n8n ${this.version} did not start (${attempt} attempt${attempt > 1 ? 's' : ''}); last error: ${message}`,
					);
				}
				harnessLog(
					`n8n ${this.version}: start attempt ${attempt} failed (${message}); retrying on a new port`,
				);
				this.serverPort = await freePort();
			}
		}
	}

	private async startOnce(timeoutMs: number): Promise<RunningN8n> {
		const url = `http://127.0.0.1:${this.port}`;
		const logFile = this.nextLogFile('start');
		const started = Date.now();
		const proc = spawnGroup({
			command: this.installation.nodeBinary,
			args: [this.installation.n8nBin, 'start'],
			env: n8nEnv(this.installation, this.userFolder, this.port, await freePort(), this.extraEnv),
			cwd: this.userFolder,
			stdoutFile: logFile,
			stderrFile: logFile,
		});
		try {
			await waitHealthy(url, proc, timeoutMs, logFile);
			const startupMs = Date.now() - started;
			const cookie = await ownerSession(url, this.owner);
			const apiKey = await createApiKey(url, cookie);
			const api = new PublicApi(url, apiKey, cookie);
			for (const id of this.sharedMemoryCredentials) await api.connectSharedMemory(id);
			const handle: RunningN8n = {
				url,
				apiKey,
				cookie,
				api,
				startupMs,
				activateWorkflow: (id, o) => api.activateWorkflow(id, o),
				listExecutions: (id, o) => api.listExecutions(id, o),
				waitForExecution: (id, o) => api.waitForExecution(id, o),
				runInServer: (id, trigger, o) => api.runInServer(id, trigger, o),
				stop: () => this.stopServer(),
			};
			this.running = { proc, handle };
			return handle;
		} catch (error) {
			await proc.stop();
			const message = error instanceof Error ? error.message : String(error);
			throw new Error(`${message} (log: ${logFile})\n${tail(readQuietly(logFile), 15)}`);
		}
	}

	/**
	 * Starts `n8n worker` or `n8n webhook` with this instance's user folder and settings (same
	 * encryption key, same installed package) and waits until its /healthz/readiness answers, i.e.
	 * it reached the database and Redis. Queue mode needs those settings in `env` of prepare().
	 */
	async spawnRole(role: N8nRole, options: SpawnRoleOptions = {}): Promise<N8nRoleProcess> {
		const name = options.name ?? role;
		const port = options.port ?? (await freePort());
		const logFile = this.nextLogFile(name);
		const roleEnv: NodeJS.ProcessEnv =
			role === 'worker'
				? {
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(port),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					}
				: { N8N_PORT: String(port) };
		const started = Date.now();
		const proc = spawnGroup({
			command: this.installation.nodeBinary,
			args: [this.installation.n8nBin, role, ...(options.args ?? [])],
			env: {
				...n8nEnv(this.installation, this.userFolder, this.port, await freePort(), this.extraEnv),
				...roleEnv,
				...options.env,
			},
			cwd: this.userFolder,
			stdoutFile: logFile,
			stderrFile: logFile,
		});
		const url = `http://127.0.0.1:${port}`;
		try {
			await waitReady(`${url}/healthz/readiness`, proc, options.timeoutMs ?? 120_000, logFile);
		} catch (error) {
			this.failed = true;
			await proc.stop();
			const message = error instanceof Error ? error.message : String(error);
			throw new Error(
				`n8n ${role} "${name}" did not start: ${message}\n${tail(readQuietly(logFile), 15)}`,
			);
		}
		const handle: N8nRoleProcess = {
			role,
			name,
			port,
			url,
			logFile,
			startupMs: Date.now() - started,
			stop: async () => {
				this.roles.delete(handle);
				await proc.stop();
			},
		};
		this.roles.add(handle);
		return handle;
	}

	private async stopServer(): Promise<void> {
		const running = this.running;
		this.running = undefined;
		await running?.proc.stop();
	}

	/** Stops what runs, keeps the logs when something failed (or N8N_E2E_KEEP_LOGS=1), removes the folder. */
	async dispose(options: { failed?: boolean } = {}): Promise<string | undefined> {
		await Promise.all([...this.roles].map((role) => role.stop()));
		await this.stopServer();
		let keptLogs: string | undefined;
		if (options.failed || this.failed || testFailureSeen() || keepAllLogs()) {
			const stamp = new Date().toISOString().replace(/[:.]/g, '-');
			keptLogs = path.join(TEST_OUTPUT_DIR, `${stamp}-${this.label}-n8n-${this.version}`);
			fs.mkdirSync(path.dirname(keptLogs), { recursive: true });
			fs.cpSync(this.logDir, keptLogs, { recursive: true });
			harnessLog(`n8n ${this.version} logs kept in ${keptLogs}`);
		}
		if (this.ownsUserFolder) removeTempDir(this.userFolder);
		return keptLogs;
	}
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** What answers on the port: nothing yet (or n8n still mounting its REST API), n8n, or another server. */
async function whoAnswers(url: string): Promise<'nothing yet' | 'n8n' | 'another server'> {
	try {
		// /healthz answers before the REST controllers are mounted; /rest/settings only after.
		const health = await fetch(`${url}/healthz`);
		const settings = health.ok ? await fetch(`${url}/rest/settings`) : undefined;
		if (!settings?.ok) return 'nothing yet';
		const text = await settings.text();
		// While starting, n8n answers every path with a 200 HTML page "n8n is starting up".
		if (/n8n is starting up/i.test(text)) return 'nothing yet';
		const body = parseJson(text) as { data?: unknown } | undefined;
		return body?.data ? 'n8n' : 'another server';
	} catch {
		return 'nothing yet'; // not listening yet
	}
}

/**
 * Healthy means: our process is still running and n8n's own settings answer as JSON. A process
 * that exited (e.g. port in use), or another server on the port, is not mistaken for n8n.
 */
async function waitHealthy(
	url: string,
	proc: GroupProcess,
	timeoutMs: number,
	logFile: string,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let exitCode: number | null | undefined;
	void proc.exited.then((code) => (exitCode = code));
	const exitedError = () =>
		new Error(`n8n start exited with ${exitCode} before it was healthy; see ${logFile}`);
	while (Date.now() < deadline) {
		if (exitCode !== undefined) throw exitedError();
		const answer = await whoAnswers(url);
		if (answer === 'another server')
			throw new Error(
				`${url}/rest/settings answered without n8n's settings: another server holds the port?`,
			);
		if (answer === 'n8n') {
			// Give a process that lost the port race a moment to exit before we trust the answer.
			await delay(250);
			if (exitCode !== undefined) throw exitedError();
			return;
		}
		await delay(250);
	}
	throw new Error(`n8n did not answer ${url}/healthz within ${timeoutMs} ms; see ${logFile}`);
}

/** Polls a readiness URL until it answers 2xx; fails as soon as the process exits. */
async function waitReady(
	url: string,
	proc: GroupProcess,
	timeoutMs: number,
	logFile: string,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let exitCode: number | null | undefined;
	void proc.exited.then((code) => (exitCode = code));
	while (Date.now() < deadline) {
		if (exitCode !== undefined) throw new Error(`exited with ${exitCode}; see ${logFile}`);
		const ok = await fetch(url).then(
			(response) => response.ok,
			() => false,
		);
		if (ok) return;
		await delay(250);
	}
	throw new Error(`${url} was not ready within ${timeoutMs} ms; see ${logFile}`);
}

function readQuietly(file: string): string {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

function tail(text: string, lines = 20): string {
	return text.split('\n').slice(-lines).join('\n');
}

export function prepareN8n(options: PrepareOptions): Promise<N8nInstance> {
	return N8nInstance.prepare(options);
}
