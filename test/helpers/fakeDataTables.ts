/**
 * n8n's public Data Table API, faked in memory behind nock: what the Mist nodes' shared memory
 * talks to in unit tests. Each request is handled in one synchronous step, like one SQL statement,
 * so concurrent executions race exactly where they would against n8n (between their requests).
 */
import nock from 'nock';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { CredentialAuthenticator } from './n8nHttp';

export const N8N_TEST_URL = 'http://n8n.test';
/** The fake API key: a canary that tests search for in every output and error. */
export const N8N_LEAK_CANARY = 'n8n-api-key-CANARY-7e1d';

export const sharedMemoryCredentials: ICredentialDataDecryptedObject = {
	baseUrl: N8N_TEST_URL,
	apiKey: N8N_LEAK_CANARY,
};

/** How the credential authenticates (see MistSharedMemoryApi.authenticate). */
export const n8nApiKeyAuth: CredentialAuthenticator = (credentials, options) => ({
	...options,
	headers: { ...(options.headers ?? {}), 'X-N8N-API-KEY': String(credentials.apiKey) },
});

type Row = Record<string, unknown> & { id: number };
interface Condition {
	columnName: string;
	condition: 'eq' | 'lt' | 'gte' | 'like';
	value: unknown;
}
interface Table {
	id: string;
	name: string;
	columns: Array<{ name: string; type: string }>;
	rows: Row[];
}

export class FakeDataTables {
	readonly tables = new Map<string, Table>();

	/** Requests per method and path pattern, to assert what the memory costs. */
	readonly calls: string[] = [];

	private nextRowId = 1;

	constructor(baseUrl = N8N_TEST_URL) {
		const scope = nock(baseUrl).persist();
		scope
			.get('/api/v1/data-tables')
			.query(true)
			.reply((uri) => this.handle('list tables', uri, () => this.listTables(uri)));
		scope
			.post('/api/v1/data-tables')
			.reply((uri, body) => this.handle('create table', uri, () => this.createTable(body)));
		scope
			.get(/\/api\/v1\/data-tables\/[^/]+\/rows/)
			.query(true)
			.reply((uri) => this.handle('read rows', uri, () => this.readRows(uri)));
		scope
			.post(/\/api\/v1\/data-tables\/[^/]+\/rows$/)
			.reply((uri, body) => this.handle('insert rows', uri, () => this.insertRows(uri, body)));
		scope
			.patch(/\/api\/v1\/data-tables\/[^/]+\/rows\/update$/)
			.reply((uri, body) => this.handle('update rows', uri, () => this.updateRows(uri, body)));
		scope
			.delete(/\/api\/v1\/data-tables\/[^/]+\/rows\/delete/)
			.query(true)
			.reply((uri) => this.handle('delete rows', uri, () => this.deleteRows(uri)));
	}

	/** The rows of a table by name (for assertions). */
	rowsOf(name: string): Row[] {
		return [...this.tables.values()].find((table) => table.name === name)?.rows ?? [];
	}

	private handle(what: string, uri: string, run: () => unknown): [number, unknown] {
		this.calls.push(what);
		// As n8n's API validator does: a filter must arrive fully URL-encoded.
		const rawFilter = /[?&]filter=([^&]*)/.exec(uri)?.[1];
		if (rawFilter !== undefined && /[{}":,[\]]/.test(rawFilter))
			return [
				400,
				{
					message:
						"Parameter 'filter' must be url encoded. Its value may not contain reserved characters.",
				},
			];
		try {
			return [200, run()];
		} catch (error) {
			const { status, message } = error as { status?: number; message: string };
			return [status ?? 400, { message }];
		}
	}

	private listTables(uri: string) {
		const filter = JSON.parse(query(uri).get('filter') ?? '{}') as { name?: string };
		const data = [...this.tables.values()]
			.filter((table) => !filter.name || table.name.includes(filter.name))
			.map(({ id, name, columns }) => ({ id, name, columns }));
		return { data, nextCursor: null };
	}

	private createTable(body: unknown) {
		const { name, columns } = body as { name: string; columns: Table['columns'] };
		if ([...this.tables.values()].some((table) => table.name === name))
			throw Object.assign(new Error(`Data table with name '${name}' already exists`), {
				status: 409,
			});
		const id = `dt${this.tables.size + 1}`;
		this.tables.set(id, { id, name, columns, rows: [] });
		return { id, name, columns };
	}

	private table(uri: string): Table {
		const id = /data-tables\/([^/?]+)/.exec(uri)?.[1] ?? '';
		const table = this.tables.get(id);
		if (!table) throw Object.assign(new Error(`Data table ${id} not found`), { status: 404 });
		return table;
	}

	private readRows(uri: string) {
		const table = this.table(uri);
		const params = query(uri);
		const filter = JSON.parse(params.get('filter') ?? '{"filters":[]}') as { filters: Condition[] };
		let rows = table.rows.filter((row) => matches(row, filter.filters));
		const [column, direction] = (params.get('sortBy') ?? 'id:asc').split(':');
		rows = [...rows].sort(
			(a, b) => compare(a[column], b[column]) * (direction === 'desc' ? -1 : 1),
		);
		return { data: rows.slice(0, Number(params.get('limit') ?? 100)).map(clone), nextCursor: null };
	}

	private insertRows(uri: string, body: unknown) {
		const table = this.table(uri);
		const { data } = body as { data: Array<Record<string, unknown>> };
		const inserted = data.map((values) => {
			for (const key of Object.keys(values))
				if (!table.columns.some((column) => column.name === key))
					throw new Error(`unknown column name '${key}'`);
			const row: Row = { ...values, id: this.nextRowId++ };
			table.rows.push(row);
			return clone(row);
		});
		return inserted;
	}

	private updateRows(uri: string, body: unknown) {
		const table = this.table(uri);
		const { filter, data } = body as {
			filter: { filters: Condition[] };
			data: Record<string, unknown>;
		};
		const changed = table.rows.filter((row) => matches(row, filter.filters));
		for (const row of changed) Object.assign(row, data);
		return changed.map(clone);
	}

	private deleteRows(uri: string) {
		const table = this.table(uri);
		const filter = JSON.parse(query(uri).get('filter') ?? '{"filters":[]}') as {
			filters: Condition[];
		};
		if (filter.filters.length === 0) throw new Error('Filter is required');
		table.rows = table.rows.filter((row) => !matches(row, filter.filters));
		return true;
	}
}

function query(uri: string): URLSearchParams {
	return new URL(uri, N8N_TEST_URL).searchParams;
}

function matches(row: Row, conditions: Condition[]): boolean {
	return conditions.every(({ columnName, condition, value }) => {
		const actual = row[columnName];
		if (condition === 'eq') return actual === value;
		if (condition === 'like') return likePattern(String(value)).test(String(actual));
		if (condition === 'lt') return compare(actual, value) < 0;
		return compare(actual, value) >= 0;
	});
}

/** n8n's `like`: % matches any run of characters, everything else (even _) only itself. */
function likePattern(value: string): RegExp {
	const parts = value.split('%').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(`^${parts.join('[\\s\\S]*')}$`);
}

function compare(a: unknown, b: unknown): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return String(a).localeCompare(String(b));
}

function clone<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}
