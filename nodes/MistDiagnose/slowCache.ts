import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { openMemory } from '../shared/memory/open';
import type { MemoryLocation, MistMemory } from '../shared/memory/types';
import type { MistClient } from '../shared/transport/MistClient';
import { warnInOutputPane } from '../shared/utils/hints';

/**
 * Slow-changing data (site list, event catalogue, how the cloud takes type lists) kept between
 * node executions, so that a flowchart of seven steps asks Mist for them once an hour, not seven
 * times. Keys are org-scoped (`<orgId>:<what>`) within the Mist account (accountScopedCache); the
 * data never holds a secret.
 */
export interface SlowDataCache {
	get<T>(key: string, maxAgeMs: number): Promise<T | undefined>;
	set(key: string, value: unknown): Promise<void>;
}

/** One cached value and when it was read from Mist (epoch milliseconds). */
export interface CacheEntry {
	at: number;
	value: unknown;
}

const KEY = 'mistDiagnoseCache';

/** The shared memory's document of one cache key. */
export const SHARED_CACHE_PREFIX = 'diagnoseCache:';

/**
 * The cache in the workflow's global static data (Memory "This Workflow Only"): every Mist
 * Diagnose node of a workflow shares it (so seven steps cost one call), and it survives between runs.
 */
export function workflowSlowCache(staticData: IDataObject, now: number): SlowDataCache {
	const store = ((staticData[KEY] as IDataObject | undefined) ?? {}) as Record<string, CacheEntry>;
	return {
		async get<T>(key: string, maxAgeMs: number): Promise<T | undefined> {
			return fresh<T>(store[key], now, maxAgeMs);
		},
		async set(key: string, value: unknown) {
			store[key] = { at: now, value };
			staticData[KEY] = store as unknown as IDataObject;
		},
	};
}

/**
 * The cache in the shared memory (Memory "Shared"): one document per key, read by every workflow
 * and worker on the namespace. Each key is read once per execution. Concurrent writers may both
 * write (last writer wins, fine for a cache), but an older read never replaces a newer one.
 */
export function memorySlowCache(memory: MistMemory, now: number): SlowDataCache {
	const seen = new Map<string, Promise<CacheEntry | undefined>>();
	const entry = (key: string) => {
		if (!seen.has(key)) seen.set(key, memory.read<CacheEntry>(SHARED_CACHE_PREFIX + key));
		return seen.get(key) as Promise<CacheEntry | undefined>;
	};
	return {
		async get<T>(key: string, maxAgeMs: number): Promise<T | undefined> {
			return fresh<T>(await entry(key), now, maxAgeMs);
		},
		async set(key: string, value: unknown) {
			const mine: CacheEntry = { at: now, value };
			const kept = await memory.update<CacheEntry, CacheEntry>(
				SHARED_CACHE_PREFIX + key,
				(current) =>
					current && current.at > now ? { result: current } : { value: mine, result: mine },
			);
			seen.set(key, Promise.resolve(kept));
		},
	};
}

/**
 * The cache the node's Memory parameter names, and where it lives (for the output). Shared, it
 * falls back to the workflow's global static data when n8n's Data Table API does not answer, so
 * the workflow's Diagnose nodes still share one cache; the fallback is also an execution hint.
 */
export interface OpenedSlowCache {
	cache: SlowDataCache;
	location: MemoryLocation;
	memory: MistMemory;
}

export async function openSlowCache(
	ctx: IExecuteFunctions,
	now: number,
	client: MistClient,
): Promise<OpenedSlowCache> {
	const memory = await openMemory(ctx, { staticData: 'global' });
	const location = { ...memory.location };
	if (location.warning) warnInOutputPane(ctx, location.warning);
	const shared = ctx.getNodeParameter('memory', 0, 'workflow') === 'shared';
	const cache = shared
		? memorySlowCache(memory, now)
		: workflowSlowCache(ctx.getWorkflowStaticData('global'), now);
	return { cache: accountScopedCache(cache, await mistAccountKey(ctx, client)), location, memory };
}

/**
 * Which Mist account the data comes from: the credential and its cloud (or simulator) URL, as a
 * short hash. Two credentials, or one credential moved to another URL, never share an entry,
 * even for the same org id (a simulator restarted at another scale keeps its org id).
 */
export async function mistAccountKey(ctx: IExecuteFunctions, client: MistClient): Promise<string> {
	return accountHash(ctx.getNode().credentials?.mistApi?.id ?? '', await client.getBaseUrl());
}

export function accountHash(credentialId: string, baseUrl: string): string {
	return createHash('sha256')
		.update(JSON.stringify([credentialId, baseUrl]))
		.digest('hex')
		.slice(0, 12);
}

/** The cache with every key prefixed by the Mist account it belongs to. */
export function accountScopedCache(cache: SlowDataCache, account: string): SlowDataCache {
	return {
		get: async <T>(key: string, maxAgeMs: number) =>
			await cache.get<T>(`${account}:${key}`, maxAgeMs),
		set: async (key: string, value: unknown) => await cache.set(`${account}:${key}`, value),
	};
}

function fresh<T>(entry: CacheEntry | undefined, now: number, maxAgeMs: number): T | undefined {
	return entry && now - entry.at <= maxAgeMs ? (entry.value as T) : undefined;
}
