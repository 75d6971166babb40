import { NodeApiError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';

export type MemoryFunctions = IExecuteFunctions | IWebhookFunctions | IHookFunctions;

export const SHARED_MEMORY_CREDENTIAL = 'mistSharedMemoryApi';

/** A filter of n8n's Data Table API: every condition must hold. */
export type RowCondition = {
	columnName: string;
	condition: 'eq' | 'lt' | 'gte' | 'like';
	value: unknown;
};

export interface DataTableRow extends IDataObject {
	id: number;
}

/** The answer of n8n that means its Data Table API is not there (n8n execute, an older n8n). */
export class SharedMemoryUnavailable extends Error {}

/**
 * n8n's public API for Data Tables, the one place the memory talks HTTP. Errors name what the
 * memory was doing and n8n's message; the API key never appears in them.
 */
export class N8nDataTablesApi {
	constructor(
		private readonly ctx: MemoryFunctions,
		private readonly baseUrl: string,
	) {}

	async findTable(name: string): Promise<string | undefined> {
		const page = await this.call<{ data?: Array<{ id: string; name: string }> }>(
			'GET',
			'/data-tables',
			'list the Data Tables',
			{ qs: { filter: JSON.stringify({ name }), limit: 100 } },
		);
		return page.data?.find((table) => table.name === name)?.id;
	}

	async createTable(name: string, columns: Array<{ name: string; type: string }>): Promise<string> {
		const table = await this.call<{ id: string }>('POST', '/data-tables', `create ${name}`, {
			body: { name, columns },
		});
		return table.id;
	}

	async rows(
		tableId: string,
		conditions: RowCondition[],
		options: { sortBy?: string; limit?: number } = {},
	): Promise<DataTableRow[]> {
		const qs: IDataObject = { filter: JSON.stringify({ type: 'and', filters: conditions }) };
		if (options.sortBy) qs.sortBy = options.sortBy;
		qs.limit = options.limit ?? 100;
		const page = await this.call<{ data?: DataTableRow[] }>(
			'GET',
			`/data-tables/${tableId}/rows`,
			'read rows',
			{ qs },
		);
		return page.data ?? [];
	}

	async insert(tableId: string, rows: IDataObject[]): Promise<DataTableRow[]> {
		return await this.call<DataTableRow[]>('POST', `/data-tables/${tableId}/rows`, 'insert rows', {
			body: { data: rows, returnType: 'all' },
		});
	}

	/** Updates the rows matching every condition; returns the rows it changed (none: no match). */
	async update(
		tableId: string,
		conditions: RowCondition[],
		data: IDataObject,
	): Promise<DataTableRow[]> {
		const answer = await this.call<DataTableRow[] | boolean>(
			'PATCH',
			`/data-tables/${tableId}/rows/update`,
			'update rows',
			{ body: { filter: { type: 'and', filters: conditions }, data, returnData: true } },
		);
		return Array.isArray(answer) ? answer : [];
	}

	async delete(tableId: string, conditions: RowCondition[]): Promise<void> {
		await this.call('DELETE', `/data-tables/${tableId}/rows/delete`, 'delete rows', {
			qs: { filter: JSON.stringify({ type: 'and', filters: conditions }) },
		});
	}

	private async call<T>(
		method: IHttpRequestMethods,
		path: string,
		doing: string,
		request: { qs?: IDataObject; body?: IDataObject },
	): Promise<T> {
		const url = `${this.baseUrl}/api/v1${path}${queryString(request.qs)}`;
		try {
			return (await this.ctx.helpers.httpRequestWithAuthentication.call(
				this.ctx,
				SHARED_MEMORY_CREDENTIAL,
				{ method, url, json: true, body: request.body },
			)) as T;
		} catch (error) {
			throw this.describe(error as JsonObject & Error, doing);
		}
	}

	private describe(error: JsonObject & Error, doing: string): Error {
		const status = httpStatus(error);
		if (status === undefined || status === 404 || status === 502 || status === 503) {
			return new SharedMemoryUnavailable(
				`n8n's Data Table API at ${this.baseUrl} did not answer (${status ?? networkCode(error)})`,
			);
		}
		const message = `Mist shared memory could not ${doing}: n8n answered ${status}`;
		const description =
			status === 401 || status === 403
				? 'Check the API key of the Mist Shared Memory API credential: n8n refused it.'
				: n8nMessage(error);
		return new NodeApiError(
			this.ctx.getNode(),
			{ message: n8nMessage(error) ?? message } as JsonObject,
			{
				message,
				description,
				httpCode: String(status),
			},
		);
	}
}

/**
 * n8n's public API refuses a `filter` with reserved characters left as they are (`:` in JSON), which
 * a generic query serialiser may do; every value is encoded here.
 */
function queryString(qs: IDataObject | undefined): string {
	const pairs = Object.entries(qs ?? {}).map(
		([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`,
	);
	return pairs.length ? `?${pairs.join('&')}` : '';
}

function httpStatus(error: JsonObject & Error): number | undefined {
	const candidates = [
		(error as { httpCode?: string }).httpCode,
		(error as { statusCode?: number }).statusCode,
		(error as { response?: { status?: number } }).response?.status,
		(error as { cause?: { response?: { status?: number } } }).cause?.response?.status,
	];
	for (const candidate of candidates) {
		const status = Number(candidate);
		if (Number.isInteger(status) && status >= 100) return status;
	}
	return undefined;
}

function networkCode(error: Error): string {
	const code = (error as { code?: string; cause?: { code?: string } }).code;
	return code ?? (error as { cause?: { code?: string } }).cause?.code ?? 'no answer';
}

function n8nMessage(error: JsonObject & Error): string | undefined {
	const body =
		(error as { response?: { data?: { message?: string } } }).response?.data ??
		(error as { cause?: { response?: { data?: { message?: string } } } }).cause?.response?.data;
	return typeof body?.message === 'string' ? body.message : undefined;
}
