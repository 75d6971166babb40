import { mockDeep } from 'jest-mock-extended';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';

import { emulatedHttpRequest, mistTokenAuth } from './n8nHttp';
import type { CredentialAuthenticator } from './n8nHttp';

export const MIST_TEST_URL = 'https://api.mist.test';
/** The fake API token: a canary string that tests search for in every output and error. */
export const LEAK_CANARY = 'tok-SECRET-5f0c1d2e3a4b';
export const ORG_ID = '6748cfa6-4e12-11e6-9188-0242ac110007';
export const SITE_ID = '978c48e6-6ef6-11e6-8bbf-02e208b2d34f';

export const mistCredentials: ICredentialDataDecryptedObject = {
	apiToken: LEAK_CANARY,
	cloud: 'custom',
	customUrl: MIST_TEST_URL,
	orgId: ORG_ID,
};

export type Params = Record<string, unknown> | ((itemIndex: number) => Record<string, unknown>);

export interface ContextOptions {
	/** Node parameters, as the editor stores them (resource locators may be `{__rl, mode, value}`). */
	params: Params;
	items?: INodeExecutionData[];
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	authenticators?: Record<string, CredentialAuthenticator>;
	continueOnFail?: boolean;
	node?: Partial<INode>;
	staticData?: IDataObject;
}

function readPath(source: Record<string, unknown>, name: string): unknown {
	return name
		.split('.')
		.reduce<unknown>(
			(value, key) =>
				value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
			source,
		);
}

/** A mocked IExecuteFunctions whose HTTP goes through the real network stack (intercepted by nock). */
export function createExecuteContext(options: ContextOptions) {
	const ctx = mockDeep<IExecuteFunctions>();
	const node: INode = {
		id: 'node-1',
		name: 'Juniper Mist',
		type: 'n8n-nodes-juniper-mist.mist',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		...options.node,
	};
	const credentials = options.credentials ?? { mistApi: mistCredentials };
	const authenticators: Record<string, CredentialAuthenticator> = {
		mistApi: mistTokenAuth,
		...options.authenticators,
	};
	const items = options.items ?? [{ json: {} }];
	const paramsFor = (itemIndex: number) =>
		typeof options.params === 'function' ? options.params(itemIndex) : options.params;
	const staticData = options.staticData ?? {};

	ctx.getNode.mockReturnValue(node);
	ctx.getInputData.mockReturnValue(items);
	ctx.continueOnFail.mockReturnValue(options.continueOnFail ?? false);
	ctx.getWorkflowStaticData.mockReturnValue(staticData);
	ctx.getNodeParameter.mockImplementation(((
		name: string,
		itemIndex: number,
		fallback?: unknown,
		extra?: { extractValue?: boolean },
	) => {
		const value = readPath(paramsFor(itemIndex), name);
		if (value === undefined) {
			if (fallback !== undefined) return fallback;
			throw new Error(`Test did not set parameter "${name}"`);
		}
		if (extra?.extractValue && value && typeof value === 'object' && 'value' in (value as object)) {
			return (value as { value: unknown }).value;
		}
		return value;
	}) as IExecuteFunctions['getNodeParameter']);
	ctx.getCredentials.mockImplementation(async (type: string) => {
		const found = credentials[type];
		if (!found) throw new Error(`No credentials of type ${type}`);
		return found;
	});
	ctx.helpers.httpRequestWithAuthentication.mockImplementation(async function (
		credentialType: string,
		request: IHttpRequestOptions,
	) {
		const authenticate = authenticators[credentialType];
		if (!authenticate) throw new Error(`No authenticator for ${credentialType}`);
		return await emulatedHttpRequest(node, credentials[credentialType], authenticate, request);
	});
	ctx.helpers.httpRequest.mockImplementation(
		async (request: IHttpRequestOptions) =>
			await emulatedHttpRequest(node, {}, (_c, o) => o, request),
	);
	ctx.helpers.returnJsonArray.mockImplementation((data: IDataObject | IDataObject[]) =>
		(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
	);
	ctx.helpers.constructExecutionMetaData.mockImplementation((data, meta) =>
		data.map((entry) => ({ ...entry, pairedItem: meta.itemData })),
	);
	return ctx;
}

/** Every string in the output or the error, to prove the token never leaks. */
export function serialise(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, (_key, val) => {
		if (val && typeof val === 'object') {
			if (seen.has(val)) return undefined;
			seen.add(val);
		}
		if (val instanceof Error)
			return {
				...val,
				message: val.message,
				stack: val.stack,
				description: (val as { description?: string }).description,
			};
		return val;
	});
}
