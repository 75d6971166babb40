import {
	currentLedger,
	DEFAULT_POLICY,
	estimatedUsed,
	fairAllocation,
	HOUR_MS,
	hourlyDemand,
	recorded,
	recordedUnpaced,
	reconciled,
	shouldReconcile,
	sweepGrant,
} from '../../../../nodes/shared/budget/ledger';
import type { BudgetLedger } from '../../../../nodes/shared/budget/ledger';

const HOUR = Date.UTC(2026, 11, 6, 10);
const MIN = 60_000;

function ledger(overrides: Partial<BudgetLedger> = {}): BudgetLedger {
	return { ...currentLedger(undefined, HOUR), ...overrides };
}

const spend = (lastSweepAt: number, intervalMs: number, calls = 100, lastSweepCalls = 20) => ({
	calls,
	sweeps: 5,
	skipped: 0,
	lastSweepAt,
	intervalMs,
	lastSweepCalls,
});

describe('budget ledger', () => {
	it('starts afresh at every full hour (Mist resets there), keeping what it learned of the workflows', () => {
		const old = ledger({
			reconciledUsed: 4000,
			reconciledAt: HOUR + 50 * MIN,
			recordedSince: 300,
			limit: 10_000,
			workflows: { a: spend(HOUR + 59 * MIN, 30_000), gone: spend(HOUR - 2 * HOUR_MS, 30_000) },
		});
		const next = currentLedger(old, HOUR + HOUR_MS + MIN);
		expect(next.hourStart).toBe(HOUR + HOUR_MS);
		expect(estimatedUsed(next)).toBe(0);
		expect(next.reconciledAt).toBe(0);
		expect(next.limit).toBe(10_000);
		expect(next.workflows).toEqual({
			a: { ...spend(HOUR + 59 * MIN, 30_000), calls: 0, sweeps: 0, skipped: 0 },
		});
		expect(currentLedger(old, HOUR + 59 * MIN)).toBe(old);
	});

	it.each([
		['never asked this hour', { reconciledAt: 0 }, HOUR + MIN, true],
		['asked a minute ago', { reconciledAt: HOUR, reconciledUsed: 100 }, HOUR + MIN, false],
		['asked five minutes ago', { reconciledAt: HOUR, reconciledUsed: 100 }, HOUR + 5 * MIN, true],
		[
			'close to the limit (less than twice the reserve left)',
			{ reconciledAt: HOUR, reconciledUsed: 4000, recordedSince: 100 },
			HOUR + MIN,
			true,
		],
	])('asks /self/usage: %s', (_case, overrides, now, expected) => {
		expect(shouldReconcile(ledger(overrides), now, DEFAULT_POLICY)).toBe(expected);
	});

	it("replaces its estimate by Mist's count when reconciled", () => {
		const before = ledger({ reconciledUsed: 100, recordedSince: 250, reconciledAt: HOUR });
		const after = reconciled(before, { requests: 900, requestLimit: 5000 }, HOUR + 10 * MIN);
		expect(estimatedUsed(after)).toBe(900);
		expect(after.reconciledAt).toBe(HOUR + 10 * MIN);
	});

	it('records calls per workflow, counts a sweep once, and measures the time between sweeps', () => {
		let l = ledger();
		l = recorded(l, 'wf', { calls: 12, skipped: 0, sweepStartedAt: HOUR, newSweep: true });
		l = recorded(l, 'wf', { calls: 8, skipped: 2, sweepStartedAt: HOUR, newSweep: false });
		l = recorded(l, 'wf', { calls: 5, skipped: 0, sweepStartedAt: HOUR + 30_000, newSweep: true });
		expect(l.workflows.wf).toEqual({
			calls: 25,
			sweeps: 2,
			skipped: 2,
			lastSweepAt: HOUR + 30_000,
			intervalMs: 30_000,
			lastSweepCalls: 5,
		});
		expect(l.recordedSince).toBe(25);
	});

	// limit 5000, reserve 500: 4,500 calls above the reserve. A sweep of 20 calls every 30 s
	// needs 2,400 an hour; every 60 s, 1,200.
	it.each([
		['a first sweep, never seen: what a first sweep may spend', {}, 'new', HOUR, 50, 50 / 4500],
		[
			'every 30 s, 100 calls spent at the start of the hour: five minutes of its 2,400',
			{ workflows: { wf: spend(HOUR, 30_000) } },
			'wf',
			HOUR,
			100,
			2400 / 4500,
		],
		[
			'beside two others that need 2,400 too: a third each (max-min fair)',
			{
				workflows: {
					wf: spend(HOUR, 30_000),
					b: spend(HOUR - 10 * MIN, 30_000),
					c: spend(HOUR - 20 * MIN, 30_000),
				},
			},
			'wf',
			HOUR,
			25,
			1 / 3,
		],
		[
			'beside a cheap workflow: it takes what it needs, the rest is left to the heavy one',
			{
				workflows: {
					wf: spend(HOUR, 30_000, 100, 40),
					cheap: spend(HOUR - MIN, 120_000, 10, 5),
				},
			},
			'wf',
			HOUR + 30 * MIN,
			Math.floor(4350 / 2 + 4350 / 12) - 100,
			4350 / 4500,
		],
		[
			'its second sweep, 30 s after the first: that gap is taken for its cadence',
			{ workflows: { wf: spend(HOUR, 0, 20, 20) } },
			'wf',
			HOUR + 30_000,
			Math.floor(2400 / 120 + 200) - 20,
			2400 / 4500,
		],
		[
			'a workflow idle for over an hour takes nothing',
			{ workflows: { wf: spend(HOUR, 30_000), idle: spend(HOUR - 2 * HOUR_MS, 30_000) } },
			'wf',
			HOUR,
			100,
			2400 / 4500,
		],
		[
			'ahead of its pace: nothing until the clock catches up',
			{ workflows: { wf: { ...spend(HOUR + 10 * MIN, 30_000, 1200), sweeps: 60 } } },
			'wf',
			HOUR + 10 * MIN,
			0,
			2400 / 4500,
		],
		[
			// Steps with their own cadence make some sweeps larger: a small last sweep must not hide them.
			'sweeps of different sizes: allotted at their mean, not at the small last one',
			{ workflows: { wf: spend(HOUR + 30 * MIN, 120_000, 300, 20) } },
			'wf',
			HOUR + 30 * MIN,
			Math.floor(1800 / 2 + 1800 / 12) - 300,
			1800 / 4500,
		],
		[
			// Allotted 20 (2 sweeps of 10 an hour), 10 spent: capped at 20 it could not sweep again.
			'a workflow of two sweeps an hour, at its second: room for one more sweep beyond its allotment',
			{ workflows: { wf: { ...spend(HOUR, 1_800_000, 10, 10), sweeps: 1 } } },
			'wf',
			HOUR + 30 * MIN,
			Math.ceil(10 * 1.5),
			20 / 4500,
		],
		[
			'bounded by what the token has left above the reserve',
			{ reconciledUsed: 4000, reconciledAt: HOUR, workflows: { wf: spend(HOUR, 60_000) } },
			'wf',
			HOUR + 50 * MIN,
			500,
			1200 / 4500,
		],
		[
			'the reserve reached: nothing',
			{ reconciledUsed: 4600, reconciledAt: HOUR, workflows: { wf: spend(HOUR, 60_000) } },
			'wf',
			HOUR + 30 * MIN,
			0,
			1200 / 4500,
		],
	])('paces a sweep: %s', (_case, overrides, workflow, now, allowance, share) => {
		const grant = sweepGrant(ledger(overrides), workflow, now, DEFAULT_POLICY);
		expect(grant.allowance).toBe(allowance);
		expect(grant.share).toBeCloseTo(share, 3);
	});

	it.each([
		[
			'enough for all: each its demand',
			{ a: 100, b: 1000, c: 2000 },
			4500,
			{ a: 100, b: 1000, c: 2000 },
		],
		[
			'too little: the small ones whole, the rest equal',
			{ a: 100, b: 3000, c: 3000 },
			4500,
			{ a: 100, b: 2200, c: 2200 },
		],
		['nothing to share', { a: 100 }, 0, { a: 0 }],
	])('shares the hour max-min fair: %s', (_case, demands, usable, expected) => {
		expect(fairAllocation(demands, usable)).toEqual(expected);
	});

	it('estimates demand per hour from the cadence and the last sweep, 50 calls for a first one', () => {
		expect(hourlyDemand(undefined)).toBe(50);
		expect(hourlyDemand(spend(HOUR, 30_000))).toBe(2400);
		expect(hourlyDemand(spend(HOUR, 0, 100, 26))).toBe(26);
	});

	it('keeps the size of the last real sweep when a sweep was skipped', () => {
		let l = recorded(ledger(), 'wf', {
			calls: 30,
			skipped: 0,
			sweepStartedAt: HOUR,
			newSweep: true,
		});
		l = recorded(l, 'wf', {
			calls: 1,
			skipped: 1,
			sweepStartedAt: HOUR + 30_000,
			newSweep: true,
			skippedSweep: true,
		});
		expect(l.workflows.wf).toMatchObject({ lastSweepCalls: 30, intervalMs: 30_000, sweeps: 2 });
	});

	it('gives a fixed share when the workflow asks for one', () => {
		const l = ledger({ workflows: { wf: spend(HOUR, 60_000), b: spend(HOUR, 60_000) } });
		const grant = sweepGrant(l, 'wf', HOUR, { ...DEFAULT_POLICY, share: 0.6 });
		expect(grant.share).toBe(0.6);
		expect(grant.allowance).toBe(Math.floor(4500 * 0.6 * (5 / 60)) - 100);
		expect(grant.share).toBe(0.6);
	});
});

describe('budget ledger › calls of nodes that do not sweep', () => {
	it('count towards the hour and are kept per workflow, without touching any sweep', () => {
		const start = ledger({ recordedSince: 10, workflows: { sweep: spend(HOUR, 30_000) } });
		const after = recordedUnpaced(recordedUnpaced(start, 'dashboard', 7), 'dashboard', 3);
		expect(estimatedUsed(after)).toBe(estimatedUsed(start) + 10);
		expect(after.unpaced).toEqual({ dashboard: 10 });
		expect(after.workflows).toEqual(start.workflows);
		expect(recordedUnpaced(start, 'dashboard', 0)).toBe(start);
	});

	it('are forgotten when the hour turns, as Mist forgets them', () => {
		const spentLastHour = recordedUnpaced(ledger(), 'dashboard', 40);
		expect(currentLedger(spentLastHour, HOUR + HOUR_MS).unpaced).toBeUndefined();
	});
});
