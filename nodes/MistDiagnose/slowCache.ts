import type { IDataObject } from 'n8n-workflow';

/**
 * Slow-changing data (site list, event catalogue) kept between node executions of the same
 * workflow, so that a flowchart of seven steps asks Mist for them once an hour, not seven times.
 */
export interface SlowDataCache {
	get<T>(key: string, maxAgeMs: number): T | undefined;
	set(key: string, value: unknown): void;
}

const KEY = 'mistDiagnoseCache';

/**
 * The site list and event catalogue, kept in the workflow's global static data: every Mist Diagnose
 * node of a workflow shares them (so seven steps cost one call), and they survive between runs.
 */
export function workflowSlowCache(staticData: IDataObject, now: number): SlowDataCache {
	const store = ((staticData[KEY] as IDataObject | undefined) ?? {}) as Record<
		string,
		{ at: number; value: unknown }
	>;
	return {
		get<T>(key: string, maxAgeMs: number): T | undefined {
			const entry = store[key];
			return entry && now - entry.at <= maxAgeMs ? (entry.value as T) : undefined;
		},
		set(key: string, value: unknown) {
			store[key] = { at: now, value };
			staticData[KEY] = store as unknown as IDataObject;
		},
	};
}
