import type { DiagnosisStep, Finding } from '../../../shared/findings/types';
import type { DiagnosisContext } from './context';
import type { DiagnosisThresholds } from './thresholds';
import type { SleSummaryInput } from '../signals/sleClassifiers';
import { sleClassifierFindings } from '../signals/sleClassifiers';
import type { TroubleshootInput } from '../signals/troubleshoot';
import { troubleshootFindings } from '../signals/troubleshoot';
import type { FailureEvent } from './failures';
import { isUnacknowledged } from './failures';
import { isoFromEpoch } from '../../../shared/findings/build';
import { countBy } from './collections';

/** Inputs every step accepts besides its own data. */
export interface CommonStepInput {
	/** Sites in scope; each is reported healthy when nothing is found on it. */
	sites?: Array<{ id: string; name?: string | null }>;
	/** Site SLE summaries (metric + classifiers). */
	sle?: SleSummaryInput[];
	/** Marvis troubleshoot answers. */
	troubleshoot?: TroubleshootInput[];
}

export function commonFindings(
	step: DiagnosisStep,
	input: CommonStepInput,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): Finding[] {
	return [
		...sleClassifierFindings(step, input.sle, thresholds, context),
		...troubleshootFindings(step, input.troubleshoot, context),
	];
}

/**
 * Evidence common to event-based findings: counts per type, a bounded MAC sample, the time span,
 * and when the events carry them, the clients' signal and how many frames went unacknowledged.
 */
export function eventEvidence(
	failures: FailureEvent[],
	macs: string[],
	thresholds: DiagnosisThresholds,
) {
	const stamps = failures.map((failure) => failure.timestamp);
	const rssis = failures
		.map((failure) => failure.rssi)
		.filter((rssi): rssi is number => rssi !== undefined);
	const unacknowledged = failures.filter(isUnacknowledged).length;
	return {
		eventCounts: countBy(failures, (failure) => failure.type),
		affectedClients: macs.length,
		sampleMacs: macs.slice(0, thresholds.maxSampleMacs),
		window: stamps.length ? windowOf(Math.min(...stamps), Math.max(...stamps)) : undefined,
		...(rssis.length ? { rssiDbm: { min: Math.min(...rssis), max: Math.max(...rssis) } } : {}),
		...(unacknowledged ? { unacknowledgedEvents: unacknowledged } : {}),
	};
}

/** Most client findings hold one event: its time is formatted once. */
function windowOf(first: number, last: number): { start: string; end: string } {
	const start = isoFromEpoch(first);
	return { start, end: last === first ? start : isoFromEpoch(last) };
}

/**
 * How fast the failures came, with the count said once: " within 10 min" when every one fell in one
 * window, " (up to 12 within 10 min)" when they spread wider. `note` joins the brackets.
 */
export function windowNote(
	total: number,
	peak: number,
	thresholds: DiagnosisThresholds,
	note?: string,
): string {
	const window = `within ${thresholds.windowSeconds / 60} min`;
	if (peak >= total) return ` ${window}${note ? ` (${note})` : ''}`;
	return ` (up to ${peak} ${window}${note ? `, ${note}` : ''})`;
}
