/**
 * Org-wide Mist data sets shared by the Diagnose nodes of one execution: a sweep chain of seven
 * steps reads the org's device stats, alarms, site SLEs and drill-downs once, whichever step asks
 * first, as All Steps does. An execution runs in one process (in queue mode on one worker), so
 * this lives in process memory, keyed by execution, credential, org and time window; it is
 * dropped a minute after its last use, and at most a few executions are kept.
 */
export type ExecutionReads = Map<string, Promise<unknown>>;

/** Idle time after which an execution's reads are dropped (a chain's steps follow in seconds). */
export const EXECUTION_READS_IDLE_MS = 60_000;
/** Executions kept at once: the reads of a 1,000-site org are tens of MB. */
export const MAX_EXECUTIONS_KEPT = 4;

const byExecution = new Map<string, { reads: ExecutionReads; usedAt: number }>();

/**
 * The reads shared by this execution's Diagnose nodes; without an execution id (a unit test, an
 * old n8n) a map of this node alone.
 */
export function executionReads(
	scope: { executionId?: string; credentialId?: string; orgId: string; window: object },
	now = Date.now(),
): ExecutionReads {
	if (!scope.executionId) return new Map();
	for (const [key, entry] of byExecution)
		if (now - entry.usedAt > EXECUTION_READS_IDLE_MS) byExecution.delete(key);
	const key = JSON.stringify([
		scope.executionId,
		scope.credentialId ?? '',
		scope.orgId,
		scope.window,
	]);
	const known = byExecution.get(key);
	// Re-inserted so the map's order is least recently used first.
	byExecution.delete(key);
	const entry = { reads: known?.reads ?? new Map(), usedAt: now };
	byExecution.set(key, entry);
	while (byExecution.size > MAX_EXECUTIONS_KEPT)
		byExecution.delete(byExecution.keys().next().value as string);
	return entry.reads;
}

/**
 * The shared read of `key`, loading it when no node of the execution has. A failed read is not
 * kept: a node that waited on another's failed read asks again itself, so the error it reports
 * names its own node and item.
 */
export async function readOnce<T>(
	reads: ExecutionReads,
	key: string,
	load: () => Promise<T>,
): Promise<T> {
	const pending = reads.get(key) as Promise<T> | undefined;
	if (pending) {
		try {
			return await pending;
		} catch {
			// Read again below, as this node.
		}
	}
	const own = load();
	reads.set(key, own);
	own.catch(() => {
		if (reads.get(key) === own) reads.delete(key);
	});
	return await own;
}

/** For tests: forget every execution's reads. */
export function forgetExecutionReads(): void {
	byExecution.clear();
}
