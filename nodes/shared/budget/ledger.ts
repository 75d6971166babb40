/**
 * The token's hourly API budget as the package's sweeps see it: what `/self/usage` last said,
 * what our nodes spent since, and each workflow's share. Pure functions over plain data, so the
 * same ledger can live in a Data Table document (shared by every workflow and worker) or in a
 * workflow's static data.
 */

export const HOUR_MS = 3_600_000;
/** Mist's documented limit, until `/self/usage` says otherwise. */
export const DEFAULT_REQUEST_LIMIT = 5000;

/** One workflow's spending in the current hour. */
export interface WorkflowSpend {
	calls: number;
	sweeps: number;
	skipped: number;
	/** Start of its latest sweep (epoch ms). */
	lastSweepAt: number;
	/** Measured time between its sweeps (ms); 0 until it has swept twice. */
	intervalMs: number;
	/** Calls its latest complete sweep made, to estimate the next one. */
	lastSweepCalls: number;
}

export interface BudgetLedger {
	/** Start of the budget hour (Mist resets the budget at every full hour). */
	hourStart: number;
	limit: number;
	/** `requests` of the last `/self/usage` answer, and when it came (0: not this hour). */
	reconciledUsed: number;
	reconciledAt: number;
	/** Calls our nodes recorded since that answer. */
	recordedSince: number;
	workflows: Record<string, WorkflowSpend>;
	/**
	 * Calls this hour of nodes that do not sweep (Juniper Mist reads, remediation), per workflow:
	 * they count against what sweeps may spend, but are not paced.
	 */
	unpaced?: Record<string, number>;
}

export interface BudgetPolicy {
	/** Calls per hour left for people, triage and the troubleshooter: sweeps never touch them. */
	reserve: number;
	/** How often `/self/usage` is asked (one call) to learn what everyone else spent. */
	reconcileEveryMs: number;
	/** This workflow's share of what sweeps may spend (0–1), or undefined: equal shares. */
	share?: number;
}

export const DEFAULT_POLICY: BudgetPolicy = { reserve: 500, reconcileEveryMs: 5 * 60_000 };

/** Start of Mist's budget hour: the token's budget resets at every full hour (UTC). */
export function hourStartOf(nowMs: number): number {
	return Math.floor(nowMs / HOUR_MS) * HOUR_MS;
}

/** The stored ledger in the current hour: a ledger of an earlier hour starts afresh (Mist's reset). */
export function currentLedger(stored: BudgetLedger | undefined, nowMs: number): BudgetLedger {
	const hourStart = hourStartOf(nowMs);
	if (stored && stored.hourStart === hourStart) return stored;
	const workflows: Record<string, WorkflowSpend> = {};
	// Intervals and sweep sizes carry over: they describe the workflows, not the hour.
	for (const [key, spend] of Object.entries(stored?.workflows ?? {})) {
		if (nowMs - spend.lastSweepAt > HOUR_MS) continue;
		workflows[key] = { ...spend, calls: 0, sweeps: 0, skipped: 0 };
	}
	return {
		hourStart,
		limit: stored?.limit ?? DEFAULT_REQUEST_LIMIT,
		reconciledUsed: 0,
		reconciledAt: 0,
		recordedSince: 0,
		workflows,
	};
}

/** Calls spent this hour by everyone, as far as the ledger knows. */
export function estimatedUsed(ledger: BudgetLedger): number {
	return ledger.reconciledUsed + ledger.recordedSince;
}

/** Whether to ask `/self/usage` now: never asked this hour, too long ago, or close to the limit. */
export function shouldReconcile(
	ledger: BudgetLedger,
	nowMs: number,
	policy: BudgetPolicy,
): boolean {
	if (ledger.reconciledAt === 0) return true;
	if (nowMs - ledger.reconciledAt >= policy.reconcileEveryMs) return true;
	return ledger.limit - estimatedUsed(ledger) < 2 * policy.reserve;
}

/** The ledger after a `/self/usage` answer: Mist's count replaces our estimate. */
export function reconciled(
	ledger: BudgetLedger,
	usage: { requests: number; requestLimit: number },
	nowMs: number,
): BudgetLedger {
	return {
		...ledger,
		limit: usage.requestLimit,
		reconciledUsed: usage.requests,
		reconciledAt: nowMs,
		recordedSince: 0,
	};
}

/** The ledger after a node of `workflow` spent `calls` (and skipped `skipped` reads). */
export function recorded(
	ledger: BudgetLedger,
	workflow: string,
	spend: {
		calls: number;
		skipped: number;
		sweepStartedAt: number;
		newSweep: boolean;
		/** A sweep the budget skipped: it tells nothing of what a sweep costs. */
		skippedSweep?: boolean;
	},
): BudgetLedger {
	const before = ledger.workflows[workflow];
	const newSweep = spend.newSweep || !before;
	const intervalMs =
		newSweep && before && spend.sweepStartedAt > before.lastSweepAt
			? spend.sweepStartedAt - before.lastSweepAt
			: (before?.intervalMs ?? 0);
	const mine: WorkflowSpend = {
		calls: (before?.calls ?? 0) + spend.calls,
		sweeps: (before?.sweeps ?? 0) + (newSweep ? 1 : 0),
		skipped: (before?.skipped ?? 0) + spend.skipped,
		lastSweepAt: newSweep ? spend.sweepStartedAt : (before?.lastSweepAt ?? spend.sweepStartedAt),
		intervalMs,
		lastSweepCalls: spend.skippedSweep
			? (before?.lastSweepCalls ?? 0)
			: (newSweep ? 0 : (before?.lastSweepCalls ?? 0)) + spend.calls,
	};
	return {
		...ledger,
		recordedSince: ledger.recordedSince + spend.calls,
		workflows: { ...ledger.workflows, [workflow]: mine },
	};
}

/** The ledger after a node that does not sweep (a read, an action) of `workflow` made `calls`. */
export function recordedUnpaced(
	ledger: BudgetLedger,
	workflow: string,
	calls: number,
): BudgetLedger {
	if (calls <= 0) return ledger;
	const unpaced = ledger.unpaced ?? {};
	return {
		...ledger,
		recordedSince: ledger.recordedSince + calls,
		unpaced: { ...unpaced, [workflow]: (unpaced[workflow] ?? 0) + calls },
	};
}

/** What one sweep may spend, and why. */
export interface SweepGrant {
	/** Calls this sweep may make in total: its workflow's pace, within what the token has left. */
	allowance: number;
	/** Calls the token has left this hour above the reserve: no read goes beyond. */
	hardRemaining: number;
	/** This workflow's share of the sweeps' budget. */
	share: number;
	/** Time until the budget resets (ms). */
	resetsInMs: number;
	/** The workflow's usual time between sweeps (ms), 0 when not known yet. */
	intervalMs: number;
	/** What its previous sweep cost, 0 when not known. */
	expectedCalls: number;
}

/** A workflow may run this far ahead of its pace: a first sweep, or a burst after a quiet spell. */
export const BURST_MS = 5 * 60_000;
/** What a sweep never seen before is assumed to cost, and may spend at once. */
export const FIRST_SWEEP_CALLS = 50;

/** A workflow's calls per hour at its cadence, at the larger of its last and its mean sweep. */
export function hourlyDemand(spend: WorkflowSpend | undefined): number {
	// Sweeps of one workflow differ (steps with their own cadence join every few runs): the
	// hour's mean covers the large ones a small last sweep would hide.
	const mean = spend && spend.sweeps > 0 ? spend.calls / spend.sweeps : 0;
	const perSweep = Math.max(spend?.lastSweepCalls ?? 0, mean) || FIRST_SWEEP_CALLS;
	return spend && spend.intervalMs > 0 ? (perSweep * HOUR_MS) / spend.intervalMs : perSweep;
}

/**
 * Max-min fair shares of `usable` calls: a workflow that needs less than an equal share gets what
 * it needs, and what it leaves is shared by the others the same way.
 */
export function fairAllocation(demands: Record<string, number>, usable: number) {
	const allocation: Record<string, number> = {};
	const byDemand = Object.entries(demands).sort(([, a], [, b]) => a - b);
	let left = usable;
	byDemand.forEach(([key, demand], index) => {
		const equal = left / (byDemand.length - index);
		allocation[key] = Math.min(demand, equal);
		left -= allocation[key];
	});
	return allocation;
}

/**
 * Paces a workflow by the clock. Of the calls above the reserve, each workflow that swept in
 * the last hour is allotted what its cadence needs (max-min fair when they need more than there
 * is), and by any moment of the hour it may have spent its allotment in proportion to the time
 * gone, one sweep (or five minutes) ahead. A workflow whose sweeps cost more than that runs fewer
 * of them, spread over the hour instead of spending the hour in its first minutes; the token's
 * remaining calls above the reserve bound every sweep, so together they never reach the limit.
 */
export function sweepGrant(
	ledger: BudgetLedger,
	workflow: string,
	nowMs: number,
	policy: BudgetPolicy,
): SweepGrant {
	const hardRemaining = Math.max(0, ledger.limit - policy.reserve - estimatedUsed(ledger));
	const resetsInMs = Math.max(0, ledger.hourStart + HOUR_MS - nowMs);
	const usable = Math.max(0, ledger.limit - policy.reserve);
	const known = ledger.workflows[workflow];
	// Its second sweep: the time since the first is the best guess of its cadence.
	const mine =
		known && !known.intervalMs && nowMs > known.lastSweepAt
			? { ...known, intervalMs: nowMs - known.lastSweepAt }
			: known;
	const demands: Record<string, number> = { [workflow]: hourlyDemand(mine) };
	for (const [key, spend] of Object.entries(ledger.workflows))
		if (key !== workflow && nowMs - spend.lastSweepAt <= HOUR_MS)
			demands[key] = hourlyDemand(spend);
	const allotment =
		policy.share !== undefined ? policy.share * usable : fairAllocation(demands, usable)[workflow];
	const gone = Math.min(1, (nowMs - ledger.hourStart) / HOUR_MS);
	const perSweep = mine?.lastSweepCalls ? Math.ceil(mine.lastSweepCalls * 1.5) : FIRST_SWEEP_CALLS;
	const ahead = Math.max(perSweep, (allotment * BURST_MS) / HOUR_MS);
	// Capped at the allotment, but never below one more sweep: a workflow whose cadence needs little
	// (two sweeps an hour) is allotted about that, and would otherwise have no room for its next one.
	const spentSoFar = mine?.calls ?? 0;
	const pace = Math.min(Math.max(allotment, spentSoFar + perSweep), allotment * gone + ahead);
	return {
		allowance: Math.max(0, Math.min(Math.floor(pace) - spentSoFar, hardRemaining)),
		hardRemaining,
		share: usable > 0 ? allotment / usable : 0,
		resetsInMs,
		intervalMs: mine?.intervalMs ?? 0,
		expectedCalls: mine?.lastSweepCalls ?? 0,
	};
}
