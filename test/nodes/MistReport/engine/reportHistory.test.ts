import { earlierReports } from '../../../../nodes/MistReport/engine/reportHistory';
import type { ReportSummary } from '../../../../nodes/MistReport/engine/reportHistory';
import { DAY, END, HOUR } from '../fixtures';

function entry(at: number, periodEnd: number, findings: number, subject = 'daily') {
	const value: ReportSummary = {
		type: subject === 'weekly' ? 'weekly' : 'daily',
		periodStart: new Date(periodEnd - DAY).toISOString(),
		periodEnd: new Date(periodEnd).toISOString(),
		sites: 2,
		degradedSites: 1,
		findings,
		criticalFindings: 0,
		incidentsOpened: 0,
		incidentsResolved: 0,
		remediationActions: 0,
	};
	return { at, subject, value: value as unknown as Record<string, number> };
}

describe('Mist Report › earlier reports from the report log', () => {
	it('keeps one summary per period (the latest run), oldest first, none for the current period', () => {
		// Newest first, as the memory returns them.
		const entries = [
			entry(END + 1, END - HOUR, 9), // "Run now" an hour before this report: same period
			{ at: END, subject: 'dashboard', value: { values: { s: 90 } } },
			entry(END - DAY + 5 * 60_000, END - DAY + 5 * 60_000, 4), // re-run of yesterday
			entry(END - DAY, END - DAY, 3),
			entry(END - 2 * DAY, END - 2 * DAY, 2, 'weekly'),
			entry(END - 2 * DAY, END - 2 * DAY, 1),
			{ at: END - 3 * DAY, subject: 'daily', value: { type: 'daily', periodEnd: 'soon' } },
		];
		expect(earlierReports(entries, 'daily', END).map((summary) => summary.findings)).toEqual([
			1, 4,
		]);
	});
});
