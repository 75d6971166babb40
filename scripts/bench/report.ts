/**
 * The benchmark's results as a table (console and Markdown) and the lines that answer issue 16:
 * All Steps against the per-site baseline at 1,000 sites (target ≥ 50× fewer calls and ≥ 10× less
 * wall time) and the shipped chain's calls at 1,000 sites (target ≤ 30).
 */
import type { Approach } from './approaches';
import type { FaultMatch } from './faults';

export interface ApproachResult {
	scale: string;
	sites: number;
	approach: Approach['key'];
	label: string;
	/** Medians of three runs. */
	calls: number;
	/** The first run's calls: more when a once-a-day check ran then. */
	firstRunCalls: number;
	wallMs: number;
	executionMs?: number;
	/** The largest of the three runs. */
	peakRssMb?: number;
	faults: FaultMatch;
	/** The first run's Mist calls by path template. */
	callTemplates: Record<string, number>;
}

const seconds = (ms: number | undefined) => (ms === undefined ? 'n/a' : (ms / 1000).toFixed(1));

export function tableRows(results: ApproachResult[]): Array<Record<string, string | number>> {
	return results.map((result) => ({
		scale: result.scale,
		approach: result.label,
		'Mist calls':
			result.firstRunCalls === result.calls
				? result.calls
				: `${result.calls} (1st run ${result.firstRunCalls})`,
		'execution s': seconds(result.executionMs),
		'wall s (with CLI start)': seconds(result.wallMs),
		'peak RSS MB': result.peakRssMb ?? 'n/a',
		'faults found': `${result.faults.found}/${result.faults.injected}`,
		'sites flagged without a fault': result.faults.falseAlarmSites,
	}));
}

export function markdownTable(results: ApproachResult[]): string {
	const rows = tableRows(results);
	const header = Object.keys(rows[0] ?? {});
	return [
		`| ${header.join(' | ')} |`,
		`| ${header.map(() => '---').join(' | ')} |`,
		...rows.map((row) => `| ${header.map((key) => String(row[key])).join(' | ')} |`),
	].join('\n');
}

const times = (ratio: number) => `${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}×`;

/** The issue's done-when lines at one scale (the 1,000-site one). */
export function ratioLines(results: ApproachResult[], scale: string, scaleLabel: string): string[] {
	const at = (key: Approach['key']) =>
		results.find((result) => result.scale === scale && result.approach === key);
	const allSteps = at('allSteps');
	const baseline = at('baseline');
	const chain = at('chain');
	const lines: string[] = [];
	if (allSteps && baseline) {
		const callRatio = baseline.calls / allSteps.calls;
		const execution =
			allSteps.executionMs && baseline.executionMs
				? baseline.executionMs / allSteps.executionMs
				: undefined;
		const wall = baseline.wallMs / allSteps.wallMs;
		const timeRatio = execution ?? wall;
		const met = callRatio >= 50 && timeRatio >= 10 ? 'met' : 'NOT met';
		lines.push(
			`All Steps vs per-site baseline at ${scaleLabel}: ${times(callRatio)} fewer calls, ` +
				`${times(timeRatio)} less wall time (target ≥ 50× / ≥ 10×: ${met})` +
				(execution ? `; ${times(wall)} including the n8n CLI start` : ''),
		);
	}
	if (chain)
		lines.push(
			`shipped chain at ${scaleLabel}: ${chain.calls} calls (target ≤ 30: ${chain.calls <= 30 ? 'met' : `NOT met, ${chain.calls - 30} over`})`,
		);
	return lines;
}
