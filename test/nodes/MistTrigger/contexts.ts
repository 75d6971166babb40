import { mockDeep } from 'jest-mock-extended';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHookFunctions,
	IHttpRequestOptions,
	INode,
	IWebhookFunctions,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { deriveWebhookSecret } from '../../../nodes/MistTrigger/engine/webhookSecret';
import { mistCredentials } from '../../helpers/executeContext';
import { n8nApiKeyAuth } from '../../helpers/fakeDataTables';
import { emulatedHttpRequest, mistTokenAuth } from '../../helpers/n8nHttp';

export const WEBHOOK_URL =
	'http://127.0.0.1:5678/webhook/6f1c2e9a-1111-4222-8333-944455556666/webhook';
export const WORKFLOW = { id: 'wf-trigger-1', name: 'Mist alarms', active: true };

export const NODE_WEBHOOK_ID = '6f1c2e9a-1111-4222-8333-944455556666';

const node: INode = {
	id: 'trigger-node-1',
	name: 'Juniper Mist Trigger',
	type: 'n8n-nodes-juniper-mist.mistTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	webhookId: NODE_WEBHOOK_ID,
};

/** The secret the node derives for its own webhook from the test Mist credential's token. */
export const DERIVED_SECRET = deriveWebhookSecret(
	String(mistCredentials.apiToken),
	NODE_WEBHOOK_ID,
);

/** The node, with the Mist Webhook Secret and Shared Memory API credentials the test selects. */
function nodeWith(
	webhookSecret?: string,
	webhookId = NODE_WEBHOOK_ID,
	sharedMemory = false,
): INode {
	const credentials: NonNullable<INode['credentials']> = {};
	if (webhookSecret !== undefined)
		credentials.mistWebhookSecretApi = { id: 'cred-secret-1', name: 'Mist webhook secret' };
	if (sharedMemory)
		credentials.mistSharedMemoryApi = { id: 'cred-memory-1', name: 'Mist shared memory' };
	if (Object.keys(credentials).length === 0) return { ...node, webhookId };
	return { ...node, webhookId, credentials };
}

/** getCredentials by type, failing as n8n's does for a type the node has none of. */
function credentialReader(
	mist?: ICredentialDataDecryptedObject,
	webhookSecret?: string,
	sharedMemory?: ICredentialDataDecryptedObject,
) {
	return async (type: string) => {
		if (type === 'mistWebhookSecretApi' && webhookSecret !== undefined)
			return { secret: webhookSecret } as never;
		if (type === 'mistSharedMemoryApi' && sharedMemory) return sharedMemory as never;
		if (type === 'mistApi' && mist) return mist as never;
		throw new Error(`Node does not have any credentials set for "${type}"`);
	};
}

type Params = Record<string, unknown>;

/** getNodeParameter as n8n's trigger contexts have it: (name, fallback, {extractValue}). */
function parameterReader(params: Params) {
	return (name: string, fallback?: unknown, options?: { extractValue?: boolean }) => {
		const value = params[name];
		if (value === undefined) return fallback;
		if (
			options?.extractValue &&
			value &&
			typeof value === 'object' &&
			'value' in (value as object)
		) {
			return (value as { value: unknown }).value;
		}
		return value;
	};
}

export interface HookContextOptions {
	params: Params;
	staticData?: IDataObject;
	credentials?: ICredentialDataDecryptedObject;
	webhookUrl?: string;
	mode?: WorkflowExecuteMode;
	/** The secret in the node's Mist Webhook Secret API credential; without it, none is selected. */
	webhookSecret?: string;
	/** n8n's webhook id of the node (the secret is derived from it). */
	nodeWebhookId?: string;
	/** The node's Mist Shared Memory API credential (n8n URL and API key); without it, none. */
	sharedMemory?: ICredentialDataDecryptedObject;
}

/** A mocked IHookFunctions whose HTTP goes through the real network stack (intercepted by nock). */
export function createHookContext(options: HookContextOptions) {
	const ctx = mockDeep<IHookFunctions>();
	const credentials = options.credentials ?? mistCredentials;
	const staticData = options.staticData ?? {};
	ctx.getNode.mockReturnValue(nodeWith(options.webhookSecret, options.nodeWebhookId));
	ctx.getWorkflow.mockReturnValue(WORKFLOW);
	ctx.getMode.mockReturnValue(options.mode ?? 'trigger');
	ctx.getWorkflowStaticData.mockReturnValue(staticData);
	ctx.getNodeWebhookUrl.mockReturnValue(options.webhookUrl ?? WEBHOOK_URL);
	ctx.getNodeParameter.mockImplementation(
		parameterReader(options.params) as IHookFunctions['getNodeParameter'],
	);
	const { sharedMemory } = options;
	ctx.getCredentials.mockImplementation(
		credentialReader(credentials, options.webhookSecret, sharedMemory),
	);
	ctx.helpers.httpRequestWithAuthentication.mockImplementation(async function (
		type: string,
		request: IHttpRequestOptions,
	) {
		if (type === 'mistSharedMemoryApi') {
			if (!sharedMemory) throw new Error(`Node does not have any credentials set for "${type}"`);
			return await emulatedHttpRequest(node, sharedMemory, n8nApiKeyAuth, request);
		}
		return await emulatedHttpRequest(node, credentials, mistTokenAuth, request);
	});
	return { ctx, staticData };
}

export interface Delivery {
	body: Buffer | string | undefined;
	headers?: Record<string, string | string[] | undefined>;
}

export interface WebhookContextOptions {
	params: Params;
	delivery: Delivery;
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
	/** The node's Mist credential; without one, getCredentials fails as n8n's does. */
	credentials?: ICredentialDataDecryptedObject;
	/** The secret in the node's Mist Webhook Secret API credential; without it, none is selected. */
	webhookSecret?: string;
	/** The node's Mist Shared Memory API credential (n8n URL and API key); without it, none. */
	sharedMemory?: ICredentialDataDecryptedObject;
}

/** A mocked IWebhookFunctions with a raw body, headers and a chainable response. */
export function createWebhookContext(options: WebhookContextOptions) {
	const ctx = mockDeep<IWebhookFunctions>();
	const staticData = options.staticData ?? {};
	const { body } = options.delivery;
	const rawBody = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
	const headers: Record<string, unknown> = {
		'content-type': 'application/json',
		'user-agent': 'Mist-webhook',
		...options.delivery.headers,
	};
	const response = { statusCode: 200, body: undefined as unknown };
	interface ChainableResponse {
		status: jest.Mock<ChainableResponse, [number]>;
		json: jest.Mock<ChainableResponse, [unknown]>;
	}
	const res: ChainableResponse = {
		status: jest.fn((code: number) => {
			response.statusCode = code;
			return res;
		}),
		json: jest.fn((payload: unknown) => {
			response.body = payload;
			return res;
		}),
	};
	const { sharedMemory } = options;
	ctx.getNode.mockReturnValue(nodeWith(options.webhookSecret, NODE_WEBHOOK_ID, !!sharedMemory));
	ctx.getWorkflow.mockReturnValue(WORKFLOW);
	ctx.getMode.mockReturnValue(options.mode ?? 'webhook');
	ctx.getWorkflowStaticData.mockReturnValue(staticData);
	ctx.getNodeParameter.mockImplementation(
		parameterReader(options.params) as IWebhookFunctions['getNodeParameter'],
	);
	ctx.getHeaderData.mockReturnValue(headers as ReturnType<IWebhookFunctions['getHeaderData']>);
	ctx.getRequestObject.mockReturnValue({ rawBody, headers } as unknown as ReturnType<
		IWebhookFunctions['getRequestObject']
	>);
	ctx.getResponseObject.mockReturnValue(
		res as unknown as ReturnType<IWebhookFunctions['getResponseObject']>,
	);
	ctx.helpers.returnJsonArray.mockImplementation((data: IDataObject | IDataObject[]) =>
		(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
	);
	const { credentials } = options;
	ctx.getCredentials.mockImplementation(
		credentialReader(credentials, options.webhookSecret, sharedMemory),
	);
	ctx.helpers.httpRequestWithAuthentication.mockImplementation(async function (
		type: string,
		request: IHttpRequestOptions,
	) {
		if (type === 'mistSharedMemoryApi') {
			if (!sharedMemory) throw new Error(`Node does not have any credentials set for "${type}"`);
			return await emulatedHttpRequest(node, sharedMemory, n8nApiKeyAuth, request);
		}
		if (!credentials) throw new Error('Node does not have any credentials set for "mistApi"');
		return await emulatedHttpRequest(node, credentials, mistTokenAuth, request);
	});
	return { ctx, res, response, staticData };
}

/** Everything the trigger logged, as one string, to prove no secret is ever in it. */
export function loggedText(ctx: { logger: { [level: string]: unknown } }): string {
	return ['debug', 'info', 'warn', 'error']
		.map((level) => JSON.stringify((ctx.logger[level] as jest.Mock).mock.calls))
		.join('\n');
}
