import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { asNodeError } from '../utils/errors';
import { DataTableMemory } from './dataTableMemory';
import type { MemoryChoice } from './description';
import { N8nDataTablesApi, SHARED_MEMORY_CREDENTIAL, SharedMemoryUnavailable } from './n8nApi';
import type { MemoryFunctions } from './n8nApi';
import { StaticDataMemory } from './staticDataMemory';
import type { MistMemory } from './types';

const NAMESPACE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface OpenMemoryOptions {
	/**
	 * Whose static data holds the workflow-only memory and the fallback: the node's own (default),
	 * or the workflow's global static data, which every node of the workflow shares (the sweep
	 * cache of Mist Diagnose, read by all its steps).
	 */
	staticData?: 'node' | 'global';
}

/**
 * The memory the node's Memory parameter asks for. The shared store falls back to this workflow's
 * static data only when n8n's Data Table API does not answer (`n8n execute` has no server; an
 * older n8n has no such API), and says so in `location.warning`; a refused key is an error.
 */
export async function openMemory(
	ctx: MemoryFunctions,
	options: OpenMemoryOptions = {},
): Promise<MistMemory> {
	const choice = parameter(ctx, 'memory', 'workflow') as MemoryChoice;
	const staticData = ctx.getWorkflowStaticData(options.staticData ?? 'node');
	if (choice !== 'shared') {
		return new StaticDataMemory(staticData, {
			store: 'workflow static data',
			namespace: 'workflow',
		});
	}
	const namespace = String(parameter(ctx, 'memoryNamespace', 'default')).trim();
	const namespaceProblem = memoryNamespaceProblem(namespace);
	if (namespaceProblem) throw new NodeOperationError(ctx.getNode(), namespaceProblem);
	const credential = (await ctx.getCredentials(SHARED_MEMORY_CREDENTIAL)) as IDataObject;
	const baseUrl = sharedMemoryUrl(credential);
	const urlProblem = sharedMemoryUrlProblem(baseUrl);
	if (urlProblem) throw new NodeOperationError(ctx.getNode(), urlProblem);
	const shared = new DataTableMemory(new N8nDataTablesApi(ctx, baseUrl), baseUrl, namespace);
	const problem = await shared.recent('audit', { limit: 1 }).then(
		() => undefined,
		(error: Error) => error,
	);
	if (problem === undefined) return shared;
	if (!(problem instanceof SharedMemoryUnavailable)) throw asNodeError(ctx.getNode(), problem, 0);
	return new StaticDataMemory(staticData, {
		store: 'workflow static data',
		namespace,
		warning: `${problem.message}: this run kept its memory in the workflow's static data instead, not shared with other workflows or workers`,
	});
}

/** Why a namespace cannot be used, or undefined when it can. */
export function memoryNamespaceProblem(namespace: string): string | undefined {
	if (NAMESPACE_PATTERN.test(namespace)) return undefined;
	return `Namespace "${namespace.slice(0, 70)}" is not usable: use 1–64 letters, digits, dots, dashes or underscores`;
}

/** The n8n URL of a Mist Shared Memory credential, without trailing slashes. */
export function sharedMemoryUrl(credential: IDataObject): string {
	return String(credential.baseUrl ?? '').replace(/\/+$/, '');
}

/** Why the credential's n8n URL cannot be used, or undefined when it can. */
export function sharedMemoryUrlProblem(baseUrl: string): string | undefined {
	if (/^https?:\/\/[^/]+/.test(baseUrl)) return undefined;
	return `The n8n URL "${baseUrl.slice(0, 100)}" of the Mist Shared Memory credential is not an http(s) URL`;
}

/** Execute functions read a parameter per item (the first here); webhook and hook functions have no items. */
function parameter(ctx: MemoryFunctions, name: string, fallback: string): unknown {
	if ('getInputData' in ctx) return ctx.getNodeParameter(name, 0, fallback);
	return ctx.getNodeParameter(name, fallback);
}
