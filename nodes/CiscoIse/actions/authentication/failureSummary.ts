import type { IDataObject } from 'n8n-workflow';

import type { AuthQuery } from './authRecords';

interface ReasonTally {
	code: number | null;
	reason: string;
	category: unknown;
	cause: unknown;
	fix: unknown;
	count: number;
	lastSeen: unknown;
}

/**
 * One item that answers "why can't this device connect?": how many attempts failed, the reasons
 * ranked by count, and whether the latest attempt still fails. `records` are newest first.
 */
export function summariseFailures(query: AuthQuery, records: IDataObject[]): IDataObject {
	const failures = records.filter((record) => record.failed === true);
	const tallies = new Map<string, ReasonTally>();
	for (const record of failures) {
		const key = String(record.failureCode ?? record.failureReason ?? 'unknown');
		const tally = tallies.get(key);
		if (tally) {
			tally.count++;
			continue;
		}
		tallies.set(key, {
			code: (record.failureCode as number | null) ?? null,
			reason: String(record.failureReason ?? 'No failure reason given'),
			category: record.category,
			cause: record.cause,
			fix: record.fix,
			count: 1,
			lastSeen: record.timestamp,
		});
	}
	const reasons = [...tallies.values()].sort((a, b) => b.count - a.count);
	const latest = records[0];
	const lastSuccess = records.find((record) => record.passed === true);
	const top = reasons[0];
	return {
		mac: query.mac,
		windowSeconds: query.windowSeconds,
		attempts: records.length,
		failures: failures.length,
		passes: records.length - failures.length,
		stillFailing: latest?.failed === true,
		lastFailureAt: failures[0]?.timestamp ?? null,
		lastSuccessAt: lastSuccess?.timestamp ?? null,
		topFailureCode: top?.code ?? null,
		topCause: top?.cause ?? null,
		topFix: top?.fix ?? null,
		reasons: reasons as unknown as IDataObject[],
	};
}
