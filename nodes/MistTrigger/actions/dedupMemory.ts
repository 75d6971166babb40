import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { asNodeError } from '../../shared/utils/errors';
import { DataTableMemory } from '../../shared/memory/dataTableMemory';
import {
	N8nDataTablesApi,
	SHARED_MEMORY_CREDENTIAL,
	SharedMemoryUnavailable,
} from '../../shared/memory/n8nApi';
import {
	memoryNamespaceProblem,
	sharedMemoryUrl,
	sharedMemoryUrlProblem,
} from '../../shared/memory/open';
import { claimInShard, SEEN_SHARDS, seenShard } from '../engine/dedup';
import type { ClaimResults, SeenEvents } from '../engine/dedup';
import type { MistEventItem } from '../engine/envelope';
import { RecentEvents } from '../engine/recentEvents';

/**
 * How an emitted event was checked for copies: `shared` in n8n's Data Tables (every main, worker
 * and webhook process), `workflow` in this process as chosen, `process` in this process because
 * the Data Table API did not answer, `unchecked` because the store failed (a duplicate is better
 * than a lost alarm).
 */
export type DedupCheck = 'shared' | 'workflow' | 'process' | 'unchecked';

/** Where the trigger remembers the events it saw, on every emitted item so nobody has to guess. */
export interface TriggerMemoryLocation extends IDataObject {
	store: 'n8n data tables' | 'this n8n process';
	namespace: string;
	warning?: string;
}

export type DedupItem = MistEventItem & { dedupKey: string };
export type CheckedItem = DedupItem & { dedup: DedupCheck; memory: TriggerMemoryLocation };

/** How long the memory's URL and an "API unavailable" verdict are reused before asking again. */
export const CONNECTION_TTL_MS = 60_000;

interface Connection {
	baseUrl: string;
	expiresAt: number;
	/** Set while n8n's Data Table API is taken to be unavailable. */
	unavailable?: string;
}

/** Per trigger node, in this process. */
const recentByNode = new Map<string, RecentEvents>();
/** Per node, credential and namespace: opening without probing or reading the credential each time. */
const connections = new Map<string, Connection>();

/** For tests and restarts: forget what this process has seen and how it reached the memory. */
export function forgetRecentEvents(): void {
	recentByNode.clear();
	connections.clear();
}

class ConfigurationProblem extends Error {}

function isRefusedKey(error: unknown): boolean {
	const status = String((error as { httpCode?: unknown }).httpCode ?? '');
	return status === '401' || status === '403';
}

function recentEventsOf(ctx: IWebhookFunctions): RecentEvents {
	const nodeKey = `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`;
	let recent = recentByNode.get(nodeKey);
	if (!recent) {
		recent = new RecentEvents();
		recentByNode.set(nodeKey, recent);
	}
	return recent;
}

function logContext(ctx: IWebhookFunctions) {
	return { workflowId: ctx.getWorkflow().id, node: ctx.getNode().name };
}

function readNamespace(ctx: IWebhookFunctions): string {
	const namespace = String(ctx.getNodeParameter('memoryNamespace', 'default')).trim();
	const problem = memoryNamespaceProblem(namespace);
	if (problem) throw new ConfigurationProblem(problem);
	return namespace;
}

/** The memory's n8n URL, read from the credential once a minute per node rather than per delivery. */
async function connectionOf(ctx: IWebhookFunctions, namespace: string, now: number) {
	const node = ctx.getNode();
	const credentialId = node.credentials?.[SHARED_MEMORY_CREDENTIAL]?.id ?? '';
	const key = `${ctx.getWorkflow().id ?? ''}:${node.id}:${credentialId}:${namespace}`;
	const known = connections.get(key);
	if (known && known.expiresAt > now) return known;
	const credential = (await ctx.getCredentials(SHARED_MEMORY_CREDENTIAL)) as IDataObject;
	const baseUrl = sharedMemoryUrl(credential);
	const problem = sharedMemoryUrlProblem(baseUrl);
	if (problem) throw new ConfigurationProblem(problem);
	const connection: Connection = { baseUrl, expiresAt: now + CONNECTION_TTL_MS };
	connections.set(key, connection);
	return connection;
}

/** The start of the keys of a trigger node's seen-event documents (its shard number follows). */
function seenPrefix(ctx: IWebhookFunctions | IHookFunctions): string {
	return `trigger:seen:${ctx.getWorkflow().id ?? ''}:${ctx.getNode().name}:`;
}

/**
 * On activation: finds or creates the memory's table and this node's shard documents, so the
 * first delivery pays for none of it (Mist gives a webhook a few seconds to answer). Best effort:
 * a store that does not answer now is reported by the deliveries, per item.
 */
export async function prepareSharedMemory(ctx: IHookFunctions): Promise<void> {
	if (ctx.getNodeParameter('memory', 'workflow') !== 'shared') return;
	try {
		const namespace = String(ctx.getNodeParameter('memoryNamespace', 'default')).trim();
		if (memoryNamespaceProblem(namespace)) return;
		const credential = (await ctx.getCredentials(SHARED_MEMORY_CREDENTIAL)) as IDataObject;
		const baseUrl = sharedMemoryUrl(credential);
		if (sharedMemoryUrlProblem(baseUrl)) return;
		const memory = new DataTableMemory(new N8nDataTablesApi(ctx, baseUrl), baseUrl, namespace);
		const prefix = seenPrefix(ctx);
		const untouched = () => ({ result: undefined });
		await memory.updateMany<SeenEvents, undefined>(
			prefix,
			new Map(Array.from({ length: SEEN_SHARDS }, (_, shard) => [`${prefix}${shard}`, untouched])),
		);
	} catch (error) {
		ctx.logger.warn(
			`Mist Trigger: the shared memory could not be prepared on activation: ${describe(error)}`,
			{ workflowId: ctx.getWorkflow().id, node: ctx.getNode().name },
		);
	}
}

/**
 * Claims the keys in their shard documents: one read of all the node's shards, then one
 * compare-and-set update per shard touched. A key already there is a copy another process claimed
 * (nothing written), a new key is written.
 */
async function claimShared(
	ctx: IWebhookFunctions,
	memory: DataTableMemory,
	keys: string[],
	now: number,
	windowMs: number,
): Promise<Array<{ keys: string[]; claims?: ClaimResults; error?: unknown }>> {
	const prefix = seenPrefix(ctx);
	const byShard = new Map<string, string[]>();
	for (const key of keys) {
		const document = `${prefix}${seenShard(key)}`;
		byShard.set(document, [...(byShard.get(document) ?? []), key]);
	}
	const changes = new Map(
		[...byShard].map(([document, shardKeys]) => [
			document,
			(seen: SeenEvents | undefined) => claimInShard(seen, shardKeys, now, windowMs),
		]),
	);
	try {
		const outcomes = await memory.updateMany<SeenEvents, ClaimResults>(prefix, changes);
		return [...byShard].map(([document, shardKeys]) => {
			const outcome = outcomes.get(document);
			return { keys: shardKeys, claims: outcome?.result, error: outcome?.error };
		});
	} catch (error) {
		return [...byShard.values()].map((shardKeys) => ({ keys: shardKeys, error }));
	}
}

function describe(error: unknown): string {
	return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}

/**
 * Drops the events this trigger already saw within the window and marks how each kept one was
 * checked. A copy this process saw costs no request; one another process claimed costs one (the
 * read of the node's shards); new events one read plus one write per shard they fall in. Only a refused n8n API key stops the
 * delivery: any other failure of the store lets the events through, marked `unchecked`.
 */
export async function deduplicate(
	ctx: IWebhookFunctions,
	items: DedupItem[],
	windowMs: number,
	now: number,
): Promise<CheckedItem[]> {
	const recent = recentEventsOf(ctx);
	// Remembered before any request, so concurrent copies in this process wait for nothing.
	const candidates = items.filter((item) => {
		if (recent.seenAt(item.dedupKey, now, windowMs) !== undefined) return false;
		recent.remember(item.dedupKey, now);
		return true;
	});
	const mark = (kept: DedupItem[], dedup: DedupCheck, memory: TriggerMemoryLocation) =>
		kept.map((item): CheckedItem => ({ ...item, dedup, memory }));

	if (ctx.getNodeParameter('memory', 'workflow') !== 'shared')
		return mark(candidates, 'workflow', { store: 'this n8n process', namespace: 'workflow' });

	let namespace = 'default';
	let connection: Connection;
	try {
		namespace = readNamespace(ctx);
		connection = await connectionOf(ctx, namespace, now);
	} catch (error) {
		if (isRefusedKey(error)) throw asNodeError(ctx.getNode(), error as Error, 0);
		const problem = `Duplicates were not checked: ${describe(error)}`;
		ctx.logger.warn(`Mist Trigger: ${problem}`, logContext(ctx));
		return mark(candidates, 'unchecked', { store: 'n8n data tables', namespace, warning: problem });
	}
	const inProcess = (warning: string): TriggerMemoryLocation => ({
		store: 'this n8n process',
		namespace,
		warning,
	});
	if (connection.unavailable) return mark(candidates, 'process', inProcess(connection.unavailable));
	if (candidates.length === 0) return [];

	const memory = new DataTableMemory(
		new N8nDataTablesApi(ctx, connection.baseUrl),
		connection.baseUrl,
		namespace,
	);
	const shards = await claimShared(
		ctx,
		memory,
		candidates.map((item) => item.dedupKey),
		now,
		windowMs,
	);
	const refused = shards.find((shard) => shard.error !== undefined && isRefusedKey(shard.error));
	if (refused) {
		candidates.forEach((item) => recent.forget(item.dedupKey));
		throw asNodeError(ctx.getNode(), refused.error as Error, 0);
	}
	const checks = new Map<string, { dedup: DedupCheck; memory: TriggerMemoryLocation } | null>();
	for (const shard of shards) {
		if (shard.claims) {
			for (const key of shard.keys) {
				const claim = shard.claims[key];
				if (!claim.fresh) recent.remember(key, claim.seenAt);
				checks.set(
					key,
					claim.fresh ? { dedup: 'shared', memory: { store: 'n8n data tables', namespace } } : null,
				);
			}
			continue;
		}
		let check: { dedup: DedupCheck; memory: TriggerMemoryLocation };
		if (shard.error instanceof SharedMemoryUnavailable) {
			const warning = `${shard.error.message}: duplicates are checked in this n8n process only, not shared with other workers, for the next minute`;
			if (!connection.unavailable) ctx.logger.warn(`Mist Trigger: ${warning}`, logContext(ctx));
			connection.unavailable = warning;
			check = { dedup: 'process', memory: inProcess(warning) };
		} else {
			const warning = `Duplicates were not checked in n8n's Data Tables: ${describe(shard.error)}`;
			ctx.logger.warn(`Mist Trigger: ${warning}`, logContext(ctx));
			check = {
				dedup: 'unchecked',
				memory: { store: 'n8n data tables', namespace, warning },
			};
		}
		for (const key of shard.keys) checks.set(key, check);
	}
	return candidates.flatMap((item) => {
		const check = checks.get(item.dedupKey);
		return check ? [{ ...item, ...check }] : [];
	});
}
