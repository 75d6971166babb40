import type { IDataObject } from 'n8n-workflow';

/** What one change to a document decides: the new value (none: leave it) and what to return. */
export interface DocumentChange<T, R> {
	value?: T;
	result: R;
}

/** One entry of an append-only log (remediation audit, report history). */
export interface LogEntry {
	/** Epoch milliseconds. */
	at: number;
	/** What the entry is about (a site, an operation, a report kind), for filtering. */
	subject: string;
	value: IDataObject;
}

export type LogKind = 'audit' | 'report';

export interface RecentOptions {
	since?: number;
	limit?: number;
	subject?: string;
}

/** Where a node's memory lives this run; nodes put it in their output so nobody has to guess. */
export interface MemoryLocation {
	store: 'n8n data tables' | 'workflow static data';
	namespace: string;
	/** Set when the shared store was asked for but could not be used this run. */
	warning?: string;
}

/**
 * The memory every Mist node keeps: documents changed by compare-and-set (so concurrent
 * executions, in any workflow or worker, never lose each other's writes or both win a claim),
 * and append-only logs.
 */
export interface MistMemory {
	readonly location: MemoryLocation;
	read<T>(key: string): Promise<T | undefined>;
	/**
	 * Applies `change` to the newest value atomically: when another writer got in first, it is
	 * called again on that writer's value. `change` must be pure (it may run more than once).
	 */
	update<T, R>(key: string, change: (current: T | undefined) => DocumentChange<T, R>): Promise<R>;
	append(kind: LogKind, entries: LogEntry[]): Promise<void>;
	/** Newest first; `subject` keeps only that subject's entries (reports apart from dashboard samples). */
	recent(kind: LogKind, options?: RecentOptions): Promise<LogEntry[]>;
}
