/**
 * What the dashboard keeps in and reads from the Mist memory: its mean-SLE trend samples in the
 * 'report' log (subject 'dashboard'), at most one per interval across every execution, and the
 * remediation audit that Mist Remediate appends, for "Recent remediation".
 */
import type { LogEntry, MistMemory } from '../../../shared/memory/types';
import { classifyReportItem } from '../classify';
import type { RemediationRecord } from '../types';

/** The claim document: who took the latest trend sample, and when. */
export const TREND_CLAIM_KEY = 'report:trend-claim';
export const TREND_SUBJECT = 'dashboard';

interface TrendClaim {
	at: number;
}

export interface TrendSample {
	/** Epoch ms. */
	at: number;
	/** Mean SLE percent per site id. */
	values: Record<string, number>;
}

/**
 * Appends the sample when this execution wins the interval's claim: pages rendered together (a
 * wall screen and a few browsers) all ask, one appends. A clock behind the claim's also waits.
 */
export async function recordTrendSample(
	memory: MistMemory,
	sample: TrendSample,
	minGapMs: number,
): Promise<boolean> {
	if (!Object.keys(sample.values).length) return false;
	const won = await memory.update<TrendClaim, boolean>(TREND_CLAIM_KEY, (claim) =>
		claim && Number.isFinite(claim.at) && Math.abs(sample.at - claim.at) < minGapMs
			? { result: false }
			: { value: { at: sample.at }, result: true },
	);
	// After the update: its change may run several times, the append must happen once.
	if (won)
		await memory.append('report', [
			{ at: sample.at, subject: TREND_SUBJECT, value: { values: sample.values } },
		]);
	return won;
}

function valuesOf(entry: LogEntry): Record<string, number> | undefined {
	if (entry.subject !== TREND_SUBJECT) return undefined;
	const values = entry.value.values;
	if (!values || typeof values !== 'object' || Array.isArray(values)) return undefined;
	return values as Record<string, number>;
}

/**
 * Per site, its stored samples oldest first (`entries` come newest first; report summaries in the
 * same log are skipped), then this run's own value, so the line always ends with what the page shows.
 */
export function trendsFromLog(
	entries: LogEntry[],
	current: Record<string, number>,
	maxSamples: number,
): Record<string, number[]> {
	const samples = entries
		.map(valuesOf)
		.filter((values): values is Record<string, number> => values !== undefined)
		.slice(0, Math.max(0, maxSamples - 1))
		.reverse();
	const series: Record<string, number[]> = {};
	for (const values of [...samples, current]) {
		for (const [siteId, value] of Object.entries(values)) {
			if (Number.isFinite(value)) (series[siteId] ??= []).push(value);
		}
	}
	return series;
}

/** A Mist Remediate audit entry as a remediation record (the entry's time when the record has none). */
export function auditRemediation(entry: LogEntry): RemediationRecord[] {
	const classified = classifyReportItem({ at: entry.at, ...entry.value });
	if ('error' in classified) return [];
	return classified.records.filter(
		(record): record is RemediationRecord => record.kind === 'remediation',
	);
}

/** Remediation fed in as items and read from the audit, each action once. */
export function distinctRemediation(records: RemediationRecord[]): RemediationRecord[] {
	const byKey = new Map<string, RemediationRecord>();
	for (const record of records)
		byKey.set(`${record.timestamp}|${record.operation}|${record.target}`, record);
	return [...byKey.values()];
}
