import { mockDeep } from 'jest-mock-extended';
import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
} from 'n8n-workflow';

import { mistCredentials } from './executeContext';
import { emulatedHttpRequest, mistTokenAuth } from './n8nHttp';

export interface LoadOptionsContextOptions {
	/** Parameters of the node being edited, as the editor stores them (locators as `{__rl, mode, value}`). */
	currentParams?: Record<string, unknown>;
	credentials?: ICredentialDataDecryptedObject;
}

/** A mocked ILoadOptionsFunctions whose HTTP goes through the real network stack (intercepted by nock). */
export function createLoadOptionsContext(options: LoadOptionsContextOptions = {}) {
	const ctx = mockDeep<ILoadOptionsFunctions>();
	const node: INode = {
		id: 'node-1',
		name: 'Juniper Mist',
		type: 'n8n-nodes-juniper-mist.mist',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const credentials = options.credentials ?? mistCredentials;
	const params = options.currentParams ?? {};
	ctx.getNode.mockReturnValue(node);
	ctx.getCredentials.mockImplementation(async () => credentials);
	ctx.getCurrentNodeParameter.mockImplementation(((
		name: string,
		extra?: { extractValue?: boolean },
	) => {
		const value = params[name];
		if (extra?.extractValue && value && typeof value === 'object' && 'value' in (value as object)) {
			return (value as { value: unknown }).value;
		}
		return value;
	}) as ILoadOptionsFunctions['getCurrentNodeParameter']);
	ctx.getNodeParameter.mockImplementation(
		((name: string, fallback?: unknown) =>
			params[name] ?? fallback) as ILoadOptionsFunctions['getNodeParameter'],
	);
	ctx.helpers.httpRequestWithAuthentication.mockImplementation(async function (
		_type: string,
		request: IHttpRequestOptions,
	) {
		return await emulatedHttpRequest(node, credentials, mistTokenAuth, request);
	});
	return ctx;
}
