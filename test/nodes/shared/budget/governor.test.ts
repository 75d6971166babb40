import { BUDGET_PREFIX, SweepBudget } from '../../../../nodes/shared/budget/governor';
import type { GovernorDeps } from '../../../../nodes/shared/budget/governor';
import type { BudgetLedger } from '../../../../nodes/shared/budget/ledger';
import { StaticDataMemory } from '../../../../nodes/shared/memory/staticDataMemory';
import { emptyRequestStats } from '../../../../nodes/shared/transport/requestStats';

const HOUR = Date.UTC(2026, 11, 6, 10);
const KEY = `${BUDGET_PREFIX}cred-1`;

function setup(usage: { requests: number; requestLimit: number } | undefined, now = HOUR + 60_000) {
	const memory = new StaticDataMemory({}, { store: 'workflow static data', namespace: 'test' });
	const clock = { now };
	const usageReads: number[] = [];
	const deps = (workflow: string, policy?: GovernorDeps['policy']): GovernorDeps => ({
		memory,
		key: KEY,
		workflow,
		readUsage: async () => {
			usageReads.push(clock.now);
			return usage;
		},
		now: () => clock.now,
		policy,
	});
	return { memory, clock, usageReads, deps };
}

/** A node of the sweep: its calls are counted through its request stats. */
function node(budget: SweepBudget, calls = 0) {
	const stats = emptyRequestStats();
	stats.calls = calls;
	budget.attach(stats);
	return stats;
}

describe('SweepBudget', () => {
	it('reconciles with /self/usage once, then counts on the ledger until five minutes have passed', async () => {
		const { memory, clock, usageReads, deps } = setup({ requests: 1200, requestLimit: 5000 });
		const first = await SweepBudget.open(deps('wf'));
		node(first, 30);
		await first.record();
		expect(first.report()).toMatchObject({ limit: 5000, reconciled: true, spent: 30 });
		clock.now += 60_000;
		const second = await SweepBudget.open(deps('wf'));
		expect(usageReads).toHaveLength(1);
		expect(second.report()).toMatchObject({ usedThisHour: 1230, reconciled: false });
		clock.now += 5 * 60_000;
		await SweepBudget.open(deps('wf'));
		expect(usageReads).toHaveLength(2);
		const stored = await memory.read<BudgetLedger>(KEY);
		expect(stored?.workflows.wf).toMatchObject({ calls: 30, sweeps: 1, lastSweepCalls: 30 });
	});

	it('admits drill-downs up to the allowance, then skips them and says why', async () => {
		// 600 - 500 reserve = 100 above the reserve; a half share at 55 minutes past: 50 calls.
		const { deps } = setup({ requests: 0, requestLimit: 600 }, HOUR + 55 * 60_000);
		const budget = await SweepBudget.open(deps('wf', { share: 0.5 }));
		const stats = node(budget);
		expect(budget.startProblem()).toBeUndefined();
		stats.calls = 40;
		expect(budget.admit('drillDown', 2, 'client_health drill-down of site A')).toBe(true);
		stats.calls = 49;
		expect(budget.admit('drillDown', 2, 'client_health drill-down of site B')).toBe(false);
		expect(budget.admit('drillDown', 0, 'a read another step made')).toBe(true);
		expect(budget.report()).toMatchObject({
			allowance: 50,
			spent: 49,
			skippedReads: 1,
			skipped: [
				{
					read: 'client_health drill-down of site B',
					reason: expect.stringContaining(
						'spent or committed 49 of its 50 calls (what its 50 % share',
					),
				},
			],
		});
	});

	it('keeps a cached copy of slow-changing data once the hour is short, but not before', async () => {
		const roomy = await SweepBudget.open(setup({ requests: 0, requestLimit: 5000 }).deps('wf'));
		expect(roomy.admit('slow', 1, 'sites')).toBe(true);
		const short = await SweepBudget.open(setup({ requests: 4450, requestLimit: 5000 }).deps('wf'));
		expect(short.admit('slow', 1, 'sites (cached copy kept)')).toBe(false);
		expect(short.report().skipped).toEqual([
			{ read: 'sites (cached copy kept)', reason: expect.stringContaining('an older copy serves') },
		]);
	});

	it('skips the whole sweep, all its nodes, when the hour has no room for it above the reserve', async () => {
		const { deps } = setup({ requests: 4490, requestLimit: 5000 });
		const budget = await SweepBudget.open(deps('wf'));
		node(budget, 1);
		const why = budget.startProblem();
		expect(why).toBe(
			'the token has 9 calls left this hour above the reserve of 500, and a sweep needs about 20',
		);
		node(budget);
		expect(budget.startProblem()).toBe(why);
		expect(budget.report()).toMatchObject({ skippedReads: 2 });
	});

	it('lets a started sweep finish its nodes while any room is left', async () => {
		const { deps } = setup({ requests: 4470, requestLimit: 5000 });
		const budget = await SweepBudget.open(deps('wf'));
		const stats = node(budget, 1);
		expect(budget.startProblem()).toBeUndefined();
		stats.calls = 25;
		expect(budget.startProblem()).toBeUndefined();
		stats.calls = 30;
		expect(budget.startProblem()).toContain('no calls left');
	});

	it('works without /self/usage (an older cloud): the ledger alone, not reconciled', async () => {
		const { deps, usageReads } = setup(undefined);
		const budget = await SweepBudget.open(deps('wf'));
		expect(usageReads).toHaveLength(1);
		// A first sweep: what a sweep never seen may spend.
		expect(budget.report()).toMatchObject({ reconciled: false, limit: 5000, allowance: 50 });
	});

	it('shares the hour between the workflows that swept in it, equally when both need more than half', async () => {
		const { deps, clock } = setup({ requests: 0, requestLimit: 5000 });
		// Two workflows every 30 s at 100 calls a sweep: each needs 12,000 calls an hour.
		for (let sweep = 0; sweep < 2; sweep++) {
			for (const workflow of ['a', 'b']) {
				const budget = await SweepBudget.open(deps(workflow));
				node(budget, 100);
				await budget.record();
			}
			clock.now += 30_000;
		}
		const next = await SweepBudget.open(deps('a'));
		expect(next.report().share).toBe(0.5);
	});
});
