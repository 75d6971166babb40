/* eslint-disable @n8n/community-nodes/require-node-api-error */
/**
 * The HTTP side of a running n8n: the owner account and API key a fresh instance needs, and the
 * public API calls the tests use (activate, list executions). Uses Node's global fetch.
 */
import { harnessLog } from './log';
import { delay } from './processes';

/** The owner account of an instance; the password meets n8n's rule (8–64 chars, a digit, an upper-case letter). */
export interface OwnerAccount {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

/** Owner of every e2e instance. */
export const E2E_OWNER: OwnerAccount = {
	email: 'e2e-owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a throwaway login of a temporary instance
	password: 'E2e-owner-Passw0rd',
};

/** What the tests need from the public API; n8n 2.8.4 and 2.41.1 both accept these scopes. */
const API_KEY_SCOPES = [
	'workflow:read',
	'workflow:list',
	'workflow:activate',
	'workflow:deactivate',
	'execution:read',
	'execution:list',
	// The shared memory's placeholder credential gets this instance's URL and key (connectSharedMemory).
	'credential:update',
	// What the Mist nodes' shared memory does with the key (unlicensed instances ignore scopes).
	'dataTable:create',
	'dataTable:read',
	'dataTable:list',
	'dataTableRow:create',
	'dataTableRow:read',
	'dataTableRow:update',
	'dataTableRow:delete',
];

/** The id of the shipped workflows' shared-memory credential (see scripts/shippedCredentials.ts). */
export const SHARED_MEMORY_CREDENTIAL_ID = 'demoSharedMemory';

export class N8nHttpError extends Error {
	constructor(
		readonly method: string,
		readonly url: string,
		readonly status: number,
		readonly body: string,
	) {
		super(`${method} ${url} answered ${status}: ${body.slice(0, 500)}`);
	}
}

async function send(
	method: string,
	url: string,
	init: { headers?: Record<string, string>; body?: unknown } = {},
) {
	const response = await fetch(url, {
		method,
		headers: {
			accept: 'application/json',
			...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
			...init.headers,
		},
		body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
	});
	const text = await response.text();
	if (!response.ok) throw new N8nHttpError(method, url, response.status, text);
	try {
		return { response, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
	} catch {
		throw new N8nHttpError(
			method,
			url,
			response.status,
			`not JSON (${response.headers.get('content-type') ?? 'no content type'}): ${text}`,
		);
	}
}

/** Worth another try a moment later: the server is still settling (or busy), not refusing us. */
function isTransient(error: unknown): boolean {
	if (error instanceof N8nHttpError)
		return error.status >= 500 || error.status === 429 || error.body.startsWith('not JSON');
	return error instanceof TypeError; // fetch failed: refused or reset
}

async function withRetries<T>(
	what: string,
	action: () => Promise<T>,
	timeoutMs = 30_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (let attempt = 1; ; attempt++) {
		try {
			return await action();
		} catch (error) {
			if (!isTransient(error) || Date.now() > deadline) throw error;
			harnessLog(
				`${what}: attempt ${attempt} failed (${error instanceof Error ? error.message.slice(0, 200) : String(error)}); retrying`,
			);
			await delay(Math.min(500 * attempt, 3000));
		}
	}
}

function authCookie(response: Response): string {
	const cookies = response.headers.getSetCookie();
	const auth = cookies.find((c) => c.startsWith('n8n-auth='));
	if (!auth) throw new Error('n8n did not set the n8n-auth cookie');
	return auth.split(';')[0];
}

/** Creates the owner on a fresh instance (or logs in when it exists) and returns the session cookie. */
export async function ownerSession(
	baseUrl: string,
	owner: OwnerAccount = E2E_OWNER,
): Promise<string> {
	return await withRetries('owner setup', () => setupOrLogin(baseUrl, owner));
}

async function setupOrLogin(baseUrl: string, owner: OwnerAccount): Promise<string> {
	try {
		const { response } = await send('POST', `${baseUrl}/rest/owner/setup`, { body: owner });
		return authCookie(response);
	} catch (error) {
		// 400 "Instance owner already setup": a restarted instance keeps its owner.
		if (!(error instanceof N8nHttpError) || error.status !== 400) throw error;
		const { response } = await send('POST', `${baseUrl}/rest/login`, {
			body: { emailOrLdapLoginId: owner.email, password: owner.password },
		});
		return authCookie(response);
	}
}

export async function createApiKey(baseUrl: string, cookie: string): Promise<string> {
	const { json } = await withRetries('API key', () =>
		send('POST', `${baseUrl}/rest/api-keys`, {
			headers: { cookie },
			body: { label: `e2e-${Date.now()}`, scopes: API_KEY_SCOPES, expiresAt: null },
		}),
	);
	const rawApiKey = (json.data as { rawApiKey?: string } | undefined)?.rawApiKey;
	if (!rawApiKey) throw new Error('POST /rest/api-keys returned no rawApiKey');
	return rawApiKey;
}

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
	finished: boolean;
	mode: string;
	startedAt: string;
	stoppedAt?: string | null;
	data?: unknown;
}

interface PublicationStatus {
	status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
	triggers?: Array<{ nodeId: string; status: string; errorMessage?: string | null }>;
}

/** The public API (X-N8N-API-KEY) of one running instance. */
export class PublicApi {
	constructor(
		readonly baseUrl: string,
		readonly apiKey: string,
		/** The owner's session, for the few internal REST calls the public API lacks. */
		private readonly cookie: string,
	) {}

	private call(method: string, path: string, body?: unknown) {
		return send(method, `${this.baseUrl}/api/v1${path}`, {
			headers: { 'X-N8N-API-KEY': this.apiKey },
			body,
		});
	}

	/**
	 * Publishes the workflow and returns once its triggers are live. n8n ≥2.3x publishes through an
	 * outbox in the background, so the activate call alone does not mean the webhooks exist yet.
	 */
	async activateWorkflow(workflowId: string, options: { timeoutMs?: number } = {}): Promise<void> {
		await this.call('POST', `/workflows/${encodeURIComponent(workflowId)}/activate`);
		const deadline = Date.now() + (options.timeoutMs ?? 60_000);
		for (;;) {
			const status = await this.publicationStatus(workflowId);
			if (status === undefined || status.status === 'published') return;
			if (status.status === 'failed' || status.status === 'partial') {
				const reasons = (status.triggers ?? [])
					.map((t) => t.errorMessage)
					.filter(Boolean)
					.join('; ');
				throw new Error(
					`Activating workflow ${workflowId} ${status.status}: ${reasons || 'no reason given'}`,
				);
			}
			if (Date.now() > deadline)
				throw new Error(`Workflow ${workflowId} was not published in time (${status.status})`);
			await delay(200);
		}
	}

	/** undefined when this n8n has no publication service (2.8.4 activates synchronously). */
	private async publicationStatus(workflowId: string): Promise<PublicationStatus | undefined> {
		try {
			const url = `${this.baseUrl}/rest/workflows/${encodeURIComponent(workflowId)}/publication-status`;
			const { json } = await send('GET', url, { headers: { cookie: this.cookie } });
			return json.data as PublicationStatus;
		} catch (error) {
			if (error instanceof N8nHttpError && error.status === 404) return undefined;
			throw error;
		}
	}

	/**
	 * Runs a workflow in the server as the editor's "Execute workflow" button does (manual mode,
	 * from the named trigger) and returns its execution once finished. Unlike `n8n execute`, the
	 * run has every module of the server (Data Tables among them).
	 */
	async runInServer(
		workflowId: string,
		triggerName: string,
		options: { timeoutMs?: number } = {},
	): Promise<ExecutionSummary> {
		const id = encodeURIComponent(workflowId);
		const headers = { cookie: this.cookie };
		const { json: workflow } = await send('GET', `${this.baseUrl}/rest/workflows/${id}`, {
			headers,
		});
		const { json: started } = await send('POST', `${this.baseUrl}/rest/workflows/${id}/run`, {
			headers,
			body: { workflowData: workflow.data, triggerToStartFrom: { name: triggerName } },
		});
		const executionId = (started.data as { executionId?: string } | undefined)?.executionId;
		if (!executionId)
			throw new Error(
				`n8n did not start workflow ${workflowId} from "${triggerName}": ${JSON.stringify(started).slice(0, 300)}`,
			);
		return await this.waitForExecution(workflowId, {
			timeoutMs: options.timeoutMs ?? 180_000,
			predicate: (e) => String(e.id) === String(executionId),
		});
	}

	/**
	 * Points the shared-memory credential at this instance with this instance's API key: both exist
	 * only once n8n runs, so the credential is imported as a placeholder and completed here.
	 */
	async connectSharedMemory(credentialId = SHARED_MEMORY_CREDENTIAL_ID): Promise<void> {
		await this.call('PATCH', `/credentials/${encodeURIComponent(credentialId)}`, {
			// n8n adds a domain restriction to every credential; its API schema wants it stated.
			data: { baseUrl: this.baseUrl, apiKey: this.apiKey, allowedHttpRequestDomains: 'all' },
		});
	}

	async deactivateWorkflow(workflowId: string): Promise<void> {
		await this.call('POST', `/workflows/${encodeURIComponent(workflowId)}/deactivate`);
	}

	async listExecutions(
		workflowId: string,
		options: { includeData?: boolean } = {},
	): Promise<ExecutionSummary[]> {
		const qs = new URLSearchParams({
			workflowId,
			limit: '250',
			includeData: String(options.includeData ?? false),
		});
		const { json } = await this.call('GET', `/executions?${qs.toString()}`);
		return (json.data as ExecutionSummary[]) ?? [];
	}

	/**
	 * Polls until the workflow has an execution that matches (default: any finished one that is not
	 * already in `ignoreIds`), then returns it with its data.
	 */
	async waitForExecution(
		workflowId: string,
		options: {
			timeoutMs?: number;
			ignoreIds?: string[];
			predicate?: (e: ExecutionSummary) => boolean;
		} = {},
	): Promise<ExecutionSummary> {
		const deadline = Date.now() + (options.timeoutMs ?? 60_000);
		const ignore = new Set(options.ignoreIds ?? []);
		const done = (e: ExecutionSummary) =>
			!ignore.has(String(e.id)) &&
			e.status !== 'running' &&
			e.status !== 'new' &&
			e.status !== 'waiting';
		for (;;) {
			const executions = await this.listExecutions(workflowId, { includeData: true });
			const match = executions.find((e) => done(e) && (options.predicate?.(e) ?? true));
			if (match) return match;
			if (Date.now() > deadline) {
				const seen = executions.map((e) => `${e.id}:${e.status}`).join(', ') || 'none';
				throw new Error(
					`No finished execution of workflow ${workflowId} within the timeout (seen: ${seen})`,
				);
			}
			await delay(250);
		}
	}
}
