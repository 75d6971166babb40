import type { N8nDataTablesApi } from './n8nApi';

/**
 * The Data Tables the Mist nodes create on first use (documented in the README, "Where the
 * memory lives"). Documents: one row per namespace and key, its JSON value changed only by
 * compare-and-set on `version`. Log: append-only entries, pruned by age.
 */
export const MEMORY_TABLES = {
	documents: {
		name: 'mist_memory',
		columns: [
			{ name: 'namespace', type: 'string' },
			{ name: 'key', type: 'string' },
			{ name: 'version', type: 'number' },
			{ name: 'value', type: 'string' },
		],
	},
	log: {
		name: 'mist_log',
		columns: [
			{ name: 'namespace', type: 'string' },
			{ name: 'kind', type: 'string' },
			{ name: 'at', type: 'number' },
			{ name: 'subject', type: 'string' },
			{ name: 'value', type: 'string' },
		],
	},
} as const;

export type MemoryTable = keyof typeof MEMORY_TABLES;

/**
 * Table ids per n8n URL, found once per process: tables are never renamed by the nodes. The
 * lookup itself is shared, so the parallel requests of a first delivery (one per dedup shard)
 * ask n8n once instead of each racing to create the table.
 */
const knownIds = new Map<string, Promise<string>>();

/** The id of a memory table, created when missing (a concurrent creator wins: its table is used). */
export async function tableId(api: N8nDataTablesApi, baseUrl: string, table: MemoryTable) {
	const { name, columns } = MEMORY_TABLES[table];
	const cacheKey = `${baseUrl} ${name}`;
	let id = knownIds.get(cacheKey);
	if (!id) {
		// Another process may win between our look and our create (n8n answers 409): use its table.
		id = (async () =>
			(await api.findTable(name)) ??
			(await api.createTable(name, [...columns]).catch(async () => await api.findTable(name))) ??
			(await api.createTable(name, [...columns])))();
		knownIds.set(cacheKey, id);
		// A failed lookup is not remembered: the next call asks again.
		id.catch(() => knownIds.delete(cacheKey));
	}
	return await id;
}

/** For tests and for a table deleted by hand in the UI: the next call looks again. */
export function forgetTableIds(): void {
	knownIds.clear();
}
