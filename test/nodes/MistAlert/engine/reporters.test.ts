import { alertConfig } from '../../../../nodes/MistAlert/engine/config';
import { evaluate } from '../../../../nodes/MistAlert/engine/evaluate';
import { emptyState } from '../../../../nodes/MistAlert/engine/state';
import type { AlertState } from '../../../../nodes/MistAlert/engine/types';
import type { Finding } from '../../../../nodes/shared/findings/types';
import { apFinding, MIN, T0 } from '../fixtures';

const HOUR = 60 * MIN;
const config = alertConfig({
	groupWaitMs: 0,
	firstRunDigest: false,
	openAfterRuns: 2,
	forgetReportersAfterMs: 3 * HOUR,
});
const finding = apFinding('aabbccddee31', 'minor');

/** One run of a reporter on shared state; returns the kinds of notices it sent. */
function run(state: AlertState, reporter: string, findings: Finding[], at: number) {
	const input = {
		findings: findings.map((each, itemIndex) => ({ finding: each, itemIndex })),
		acks: [],
		countsAsRun: true,
		reporter,
	};
	return evaluate(state, input, config, at).notices.map((notice) => notice.kind);
}

describe('Mist Alert engine › reporters', () => {
	it('a reporter that stops seeing a pending finding drops only its own sighting', () => {
		const state = emptyState();
		run(state, 'a', [finding], T0);
		run(state, 'b', [finding], T0 + MIN);
		// Two sightings pass the hold-down of 2: one incident, opened by b's run.
		expect(state.incidents[finding.fingerprint].status).toBe('open');

		const other = emptyState();
		run(other, 'a', [finding], T0);
		run(other, 'b', [], T0 + MIN);
		expect(other.incidents[finding.fingerprint]?.status).toBe('pending');
		run(other, 'a', [], T0 + 2 * MIN);
		expect(other.incidents).toEqual({});
	});

	it('records when each reporter last ran and forgets those silent too long', () => {
		const state = emptyState();
		run(state, 'a', [], T0);
		run(state, 'b', [], T0 + HOUR);
		expect(Object.keys(state.reporters ?? {})).toEqual(['a', 'b']);
		run(state, 'b', [], T0 + 4 * HOUR);
		expect(Object.keys(state.reporters ?? {})).toEqual(['b']);
	});

	it("resolves an incident whose reporters have all gone silent at another reporter's run", () => {
		const state = emptyState();
		run(state, 'a', [finding], T0);
		run(state, 'a', [finding], T0 + MIN);
		expect(run(state, 'b', [], T0 + 2 * HOUR)).not.toContain('resolved');
		expect(run(state, 'b', [], T0 + 4 * HOUR)).toContain('resolved');
	});

	it("digests a new reporter's first announcement on a shared state, then notifies per group", () => {
		const digesting = alertConfig({ groupWaitMs: 0, firstRunDigest: true, openAfterRuns: 1 });
		const runOf = (state: AlertState, reporter: string, findings: Finding[], at: number) =>
			evaluate(
				state,
				{
					findings: findings.map((each, itemIndex) => ({ finding: each, itemIndex })),
					acks: [],
					countsAsRun: true,
					reporter,
				},
				digesting,
				at,
			).notices.filter((notice) => notice.tier === 'tier1');
		const state = emptyState();
		const problems = (...macs: string[]) =>
			macs.map((mac) => apFinding(mac, 'minor', `site-${mac}`));
		// Two new groups on a node's first run: one digest.
		expect(runOf(state, 'ap-sweep', problems('aabbccddee31', 'aabbccddee32'), T0)).toHaveLength(1);
		// Another workflow joins the shared state with two new groups: one digest too.
		const joined = problems('aabbccddee41', 'aabbccddee42');
		const first = runOf(state, 'client-sweep', joined, T0 + MIN);
		expect(first.map((n) => n.digest ?? false)).toEqual([true]);
		// From then on, one message per group.
		const later = runOf(
			state,
			'client-sweep',
			[...joined, ...problems('aabbccddee51', 'aabbccddee52')],
			T0 + 10 * MIN,
		);
		expect(later.map((n) => n.digest ?? false)).toEqual([false, false]);
	});
});
