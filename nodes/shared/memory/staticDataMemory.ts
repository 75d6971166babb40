import type { IDataObject } from 'n8n-workflow';

import type { DocumentChange, LogEntry, LogKind, MemoryLocation, MistMemory } from './types';

/** Log entries kept per kind in static data, newest last: static data is saved whole each run. */
const MAX_LOG_ENTRIES = 500;

/**
 * The memory in one workflow's static data: what the nodes kept before the shared store, and the
 * fallback where n8n's Data Table API cannot be reached (`n8n execute`, an older n8n). One
 * execution at a time owns it, so a change is simply applied; n8n saves it when the run ends.
 */
export class StaticDataMemory implements MistMemory {
	constructor(
		private readonly staticData: IDataObject,
		readonly location: MemoryLocation,
	) {}

	async read<T>(key: string): Promise<T | undefined> {
		return this.documents()[key] as T | undefined;
	}

	async update<T, R>(
		key: string,
		change: (current: T | undefined) => DocumentChange<T, R>,
	): Promise<R> {
		const documents = this.documents();
		const { value, result } = change(documents[key] as T | undefined);
		if (value !== undefined) documents[key] = value as unknown as IDataObject;
		return result;
	}

	async append(kind: LogKind, entries: LogEntry[]): Promise<void> {
		if (entries.length === 0) return;
		const log = this.log();
		log[kind] = [...(log[kind] ?? []), ...entries].slice(-MAX_LOG_ENTRIES);
	}

	async recent(kind: LogKind, options: { since?: number; limit?: number } = {}) {
		const since = options.since ?? 0;
		return (this.log()[kind] ?? [])
			.filter((entry) => entry.at >= since)
			.reverse()
			.slice(0, options.limit ?? 100);
	}

	private documents(): IDataObject {
		const key = `memory:${this.location.namespace}`;
		this.staticData[key] ??= {};
		return this.staticData[key] as IDataObject;
	}

	private log(): Partial<Record<LogKind, LogEntry[]>> {
		const key = `memoryLog:${this.location.namespace}`;
		this.staticData[key] ??= {};
		return this.staticData[key] as Partial<Record<LogKind, LogEntry[]>>;
	}
}
