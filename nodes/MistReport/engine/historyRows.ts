import { classifyReportItem } from './classify';
import { findingRow, isHistoryRowShape, metricRow } from './history';
import type { HistoryRow } from './types';

type Json = Record<string, unknown>;

/** Findings and metric snapshots → flat Data Table rows; other inputs are refused by name. */
export function toHistoryRows(
	json: Json,
	timezone: string,
): { rows: HistoryRow[] } | { error: string } {
	if (isHistoryRowShape(json))
		return { error: 'Already a history row: pass findings or metric snapshots to To History Rows' };
	const classified = classifyReportItem(json);
	if ('error' in classified) return classified;
	const rows: HistoryRow[] = [];
	for (const record of classified.records) {
		if (record.kind === 'finding') rows.push(findingRow(record, timezone));
		else if (record.kind === 'metric') rows.push(metricRow(record, timezone));
		else
			return {
				error: `To History Rows takes findings and metric snapshots, not a ${record.kind.replace('_', ' ')} record`,
			};
	}
	return { rows };
}
