import type { IDataObject } from 'n8n-workflow';

import type {
	DocumentChange,
	LogEntry,
	LogKind,
	MemoryLocation,
	MistMemory,
	RecentOptions,
} from './types';

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
		return this.documents(false)?.[key] as T | undefined;
	}

	async update<T, R>(
		key: string,
		change: (current: T | undefined) => DocumentChange<T, R>,
	): Promise<R> {
		const { value, result } = change(this.documents(false)?.[key] as T | undefined);
		if (value !== undefined) this.documents(true)[key] = value as unknown as IDataObject;
		return result;
	}

	async append(kind: LogKind, entries: LogEntry[]): Promise<void> {
		if (entries.length === 0) return;
		const log = this.log(true);
		log[kind] = [...(log[kind] ?? []), ...entries].slice(-MAX_LOG_ENTRIES);
	}

	async recent(kind: LogKind, options: RecentOptions = {}) {
		const since = options.since ?? 0;
		return (this.log(false)?.[kind] ?? [])
			.filter((entry) => entry.at >= since)
			.filter((entry) => options.subject === undefined || entry.subject === options.subject)
			.reverse()
			.slice(0, options.limit ?? 100);
	}

	// Only a write creates the objects: n8n saves the workflow whenever its static data changed.
	private documents(create: true): IDataObject;
	private documents(create: false): IDataObject | undefined;
	private documents(create: boolean): IDataObject | undefined {
		return this.slot(`memory:${this.location.namespace}`, create);
	}

	private log(create: true): Partial<Record<LogKind, LogEntry[]>>;
	private log(create: false): Partial<Record<LogKind, LogEntry[]>> | undefined;
	private log(create: boolean): Partial<Record<LogKind, LogEntry[]>> | undefined {
		return this.slot(`memoryLog:${this.location.namespace}`, create);
	}

	private slot<T>(key: string, create: boolean): T | undefined {
		if (create) this.staticData[key] ??= {};
		return this.staticData[key] as T | undefined;
	}
}
