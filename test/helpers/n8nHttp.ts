/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * A stand-in for n8n-core's httpRequestWithAuthentication, faithful to what n8n 2.x does with the
 * options our transport uses (axios underneath, generic header auth from the credential,
 * returnFullResponse, ignoreHttpStatusErrors, errors wrapped in NodeApiError). nock intercepts it.
 */
import axios from 'axios';
import type { AxiosRequestConfig } from 'axios';
import { NodeApiError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	INode,
	JsonObject,
} from 'n8n-workflow';

export type CredentialAuthenticator = (
	credentials: ICredentialDataDecryptedObject,
	options: IHttpRequestOptions,
) => IHttpRequestOptions;

/** How the Mist API credential authenticates: `Authorization: Token …` (see MistApi.authenticate). */
export const mistTokenAuth: CredentialAuthenticator = (credentials, options) => ({
	...options,
	headers: { ...(options.headers ?? {}), Authorization: `Token ${String(credentials.apiToken)}` },
});

export async function emulatedHttpRequest(
	node: INode,
	credentials: ICredentialDataDecryptedObject,
	authenticate: CredentialAuthenticator,
	requestOptions: IHttpRequestOptions,
) {
	const options = authenticate(credentials, requestOptions);
	const config: AxiosRequestConfig = {
		method: options.method ?? 'GET',
		url: options.url,
		baseURL: options.baseURL,
		params: options.qs,
		headers: { ...(options.headers ?? {}) } as AxiosRequestConfig['headers'],
		timeout: options.timeout,
		maxBodyLength: Infinity,
		maxContentLength: Infinity,
		responseType: options.encoding as AxiosRequestConfig['responseType'],
	};
	if (options.auth)
		config.auth = { username: options.auth.username, password: options.auth.password };
	if (options.skipSslCertificateValidation) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const https = require('https');
		config.httpsAgent = new https.Agent({ rejectUnauthorized: false });
	}
	const method = String(config.method).toUpperCase();
	const body = options.body as unknown;
	if (
		body !== undefined &&
		method !== 'GET' &&
		(typeof body === 'string' || Array.isArray(body) || Object.keys(body as object).length > 0)
	) {
		config.data = body;
	}
	if (options.json) config.headers = { Accept: 'application/json', ...config.headers };
	config.headers = { 'User-Agent': 'n8n', ...config.headers };
	if (options.ignoreHttpStatusErrors) config.validateStatus = () => true;
	try {
		const result = await axios.request(config);
		if (options.returnFullResponse) {
			return {
				body: result.data,
				headers: result.headers,
				statusCode: result.status,
				statusMessage: result.statusText,
			};
		}
		return result.data;
	} catch (error) {
		throw new NodeApiError(node, error as JsonObject);
	}
}
