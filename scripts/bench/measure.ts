/**
 * How the benchmark measures one approach: three `n8n execute` runs, each with the simulator's
 * call log reset first, reduced to medians. Pure helpers (median, execution time, path templates)
 * are exported for the unit test.
 */
import type { N8nInstance } from '../e2e/n8n';
import type { ExecuteResult } from '../e2e/executeOutput';
import type { RunningSimulator } from '../../simulator/src/index';

export const RUNS = 3;
/** How often the n8n process's memory is polled. */
const RSS_SAMPLE_MS = 100;

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(values: number[]): number {
	if (values.length === 0) throw new Error('median of nothing');
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The execution's own time from the run n8n prints (startedAt → stoppedAt), without the CLI start. */
export function executionMs(run: ExecuteResult['run']): number | undefined {
	const started = Date.parse(String(run?.startedAt ?? ''));
	const stopped = Date.parse(String(run?.stoppedAt ?? ''));
	return Number.isFinite(started) && Number.isFinite(stopped) ? stopped - started : undefined;
}

/** A call's path with its ids folded, e.g. `/api/v1/sites/{id}/stats/clients`. */
export function pathTemplate(path: string): string {
	return path
		.split('/')
		.map((part) =>
			/^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(part) || /^[0-9a-f]{12}$/i.test(part) ? '{id}' : part,
		)
		.join('/');
}

/** Mist API calls by path template, most called first. */
export function callsByTemplate(paths: string[]): Record<string, number> {
	const counts = new Map<string, number>();
	for (const path of paths)
		counts.set(pathTemplate(path), (counts.get(pathTemplate(path)) ?? 0) + 1);
	return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]));
}

export interface Measurement {
	/** Mist API calls (paths under /api/v1/) of each run. */
	calls: number[];
	/** Wall time of each `n8n execute`, including the CLI start. */
	wallMs: number[];
	/** The execution's own time of each run (undefined when n8n did not print it). */
	executionMs: Array<number | undefined>;
	/** Peak resident memory of the n8n process of each run, in kB. */
	peakRssKb: Array<number | undefined>;
	/** The Mist calls of the first run by path template. */
	callTemplates: Record<string, number>;
	/** The first run, for the findings. */
	firstRun: ExecuteResult;
}

export async function measure(
	n8n: N8nInstance,
	sim: RunningSimulator,
	workflowId: string,
	onRun?: (run: number) => void,
): Promise<Measurement> {
	const result: Partial<Measurement> & Omit<Measurement, 'firstRun' | 'callTemplates'> = {
		calls: [],
		wallMs: [],
		executionMs: [],
		peakRssKb: [],
	};
	for (let run = 1; run <= RUNS; run++) {
		onRun?.(run);
		sim.resetCalls();
		const execution = await n8n.execute(workflowId, {
			timeoutMs: 900_000,
			sampleRssEveryMs: RSS_SAMPLE_MS,
		});
		if (!execution.ok)
			throw new Error(
				`${workflowId} failed: ${execution.errorMessage()} (log: ${execution.logFile})`,
			);
		const paths = sim
			.calls()
			.map((call) => call.path)
			.filter((path) => path.startsWith('/api/v1/'));
		result.calls.push(paths.length);
		result.wallMs.push(execution.durationMs);
		result.executionMs.push(executionMs(execution.run));
		result.peakRssKb.push(execution.peakRssKb);
		if (run === 1) {
			result.firstRun = execution;
			result.callTemplates = callsByTemplate(paths);
		}
	}
	return result as Measurement;
}

/** The median of the runs that have a value, or undefined. */
export function medianOf(values: Array<number | undefined>): number | undefined {
	const known = values.filter((value): value is number => value !== undefined);
	return known.length ? median(known) : undefined;
}
