import { sleep } from 'n8n-workflow';

import type { DataTableRow, N8nDataTablesApi, RowCondition } from './n8nApi';
import { tableId } from './tables';
import type { MemoryTable } from './tables';
import type {
	DocumentChange,
	LogEntry,
	LogKind,
	MemoryLocation,
	MistMemory,
	RecentOptions,
} from './types';

/** Concurrent writers of one document retry this often before the run gives up with an error. */
const MAX_ATTEMPTS = 12;
/** Log entries older than this are deleted when new ones are written. */
export const LOG_RETENTION_MS = 30 * 24 * 3600_000;

/**
 * The memory in n8n's Data Tables, shared by every workflow, worker and webhook processor of the
 * instance. A document is the lowest-id row of its namespace and key; a change is written with
 * `update … where id = ? and version = ?`, which one writer wins in SQLite (writes are
 * serialised) and in Postgres (the second update re-checks the row after the first commits).
 */
export class DataTableMemory implements MistMemory {
	readonly location: MemoryLocation;

	constructor(
		private readonly api: N8nDataTablesApi,
		private readonly baseUrl: string,
		namespace: string,
	) {
		this.location = { store: 'n8n data tables', namespace };
	}

	async read<T>(key: string): Promise<T | undefined> {
		const row = await this.documentRow(key);
		return row ? parseValue<T>(row.value) : undefined;
	}

	async update<T, R>(
		key: string,
		change: (current: T | undefined) => DocumentChange<T, R>,
	): Promise<R> {
		return await this.changeDocument(await this.table('documents'), key, change);
	}

	/**
	 * Changes several documents whose keys start with `prefix`: one request reads them all, the
	 * missing ones are added in one more, then each is written with its own compare-and-set and
	 * only one that lost a race is read again. Each key gets its result or its error.
	 */
	async updateMany<T, R>(
		prefix: string,
		changes: Map<string, (current: T | undefined) => DocumentChange<T, R>>,
	): Promise<Map<string, { result?: R; error?: unknown }>> {
		const table = await this.table('documents');
		let rows = await this.documentRows(table, prefix);
		const missing = [...changes.keys()].filter((key) => !rows.has(key));
		if (missing.length > 0) {
			const { namespace } = this.location;
			await this.api.insert(
				table,
				missing.map((key) => ({ namespace, key, version: 0, value: '' })),
			);
			rows = await this.documentRows(table, prefix);
		}
		const outcomes = await Promise.all(
			[...changes].map(async ([key, change]) => {
				try {
					return [key, { result: await this.changeDocument(table, key, change, rows.get(key)) }];
				} catch (error) {
					return [key, { error }];
				}
			}),
		);
		return new Map(outcomes as Array<[string, { result?: R; error?: unknown }]>);
	}

	/** The compare-and-set loop; `known` spares the first read when the row was just read. */
	private async changeDocument<T, R>(
		table: string,
		key: string,
		change: (current: T | undefined) => DocumentChange<T, R>,
		known?: DataTableRow,
	): Promise<R> {
		for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			const row =
				(attempt === 1 ? known : undefined) ??
				(await this.documentRow(key)) ??
				(await this.createDocument(table, key));
			const { value, result } = change(parseValue<T>(row.value));
			if (value === undefined) return result;
			const version = Number(row.version);
			const written = await this.api
				.update(table, [where('id', 'eq', row.id), where('version', 'eq', version)], {
					version: version + 1,
					value: JSON.stringify(value),
				})
				.catch((error: Error) => {
					// SQLite refuses a write whose read snapshot went stale: that is a lost race too.
					if (/SQLITE_BUSY|database is locked/i.test(error.message)) return [];
					throw error;
				});
			if (written.length > 0) return result;
			await sleep(10 + Math.floor(Math.random() * 40 * attempt));
		}
		throw new Error(
			`Mist shared memory: "${key}" kept changing under ${MAX_ATTEMPTS} attempts to write it (too many executions writing at once); the run changed nothing`,
		);
	}

	async append(kind: LogKind, entries: LogEntry[]): Promise<void> {
		if (entries.length === 0) return;
		const table = await this.table('log');
		const { namespace } = this.location;
		await this.api.insert(
			table,
			entries.map((entry) => ({
				namespace,
				kind,
				at: entry.at,
				subject: entry.subject,
				value: JSON.stringify(entry.value),
			})),
		);
		const cutoff = Math.max(...entries.map((entry) => entry.at)) - LOG_RETENTION_MS;
		await this.api.delete(table, [
			where('namespace', 'eq', namespace),
			where('kind', 'eq', kind),
			where('at', 'lt', cutoff),
		]);
	}

	async recent(kind: LogKind, options: RecentOptions = {}) {
		const table = await this.table('log');
		const conditions = [
			where('namespace', 'eq', this.location.namespace),
			where('kind', 'eq', kind),
		];
		if (options.since !== undefined) conditions.push(where('at', 'gte', options.since));
		if (options.subject !== undefined) conditions.push(where('subject', 'eq', options.subject));
		const rows = await this.api.rows(table, conditions, {
			sortBy: 'at:desc',
			limit: options.limit ?? 100,
		});
		return rows.map(
			(row): LogEntry => ({
				at: Number(row.at),
				subject: String(row.subject ?? ''),
				value: parseValue(row.value) ?? {},
			}),
		);
	}

	private async documentRow(key: string): Promise<DataTableRow | undefined> {
		const table = await this.table('documents');
		const [row] = await this.api.rows(
			table,
			[where('namespace', 'eq', this.location.namespace), where('key', 'eq', key)],
			{ sortBy: 'id:asc', limit: 1 },
		);
		return row;
	}

	/** Every document whose key starts with `prefix`, the lowest id per key (see createDocument). */
	private async documentRows(table: string, prefix: string): Promise<Map<string, DataTableRow>> {
		// `like` takes % as its only wildcard (n8n escapes _); a % in the prefix only widens the match.
		const rows = await this.api.rows(
			table,
			[where('namespace', 'eq', this.location.namespace), where('key', 'like', `${prefix}%`)],
			{ sortBy: 'id:asc', limit: 100 },
		);
		const byKey = new Map<string, DataTableRow>();
		for (const row of rows) {
			const key = String(row.key);
			if (key.startsWith(prefix) && !byKey.has(key)) byKey.set(key, row);
		}
		return byKey;
	}

	/** An empty version-0 row; when two executions add one at once, the lowest id is the document. */
	private async createDocument(table: string, key: string): Promise<DataTableRow> {
		await this.api.insert(table, [
			{ namespace: this.location.namespace, key, version: 0, value: '' },
		]);
		const row = await this.documentRow(key);
		if (!row)
			throw new Error(`Mist shared memory: the row for "${key}" vanished after it was added`);
		return row;
	}

	private async table(table: MemoryTable): Promise<string> {
		return await tableId(this.api, this.baseUrl, table);
	}
}

function parseValue<T>(raw: unknown): T | undefined {
	if (typeof raw !== 'string' || raw === '') return undefined;
	return JSON.parse(raw) as T;
}

function where(columnName: string, condition: RowCondition['condition'], value: unknown) {
	return { columnName, condition, value } satisfies RowCondition;
}
