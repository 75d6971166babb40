import type { IDataObject } from 'n8n-workflow';

import type { MistMemory } from '../memory/types';
import type { RequestStats } from '../transport/requestStats';
import {
	currentLedger,
	DEFAULT_POLICY,
	estimatedUsed,
	HOUR_MS,
	recorded,
	reconciled,
	shouldReconcile,
	sweepGrant,
} from './ledger';
import type { BudgetLedger, BudgetPolicy, SweepGrant } from './ledger';

/** Reads a sweep may go without when the budget is short, least important first. */
export type ReadImportance = 'drillDown' | 'slow';

/** What a sweep step asks before an optional read; a refused read is recorded as skipped. */
export interface BudgetGate {
	admit(importance: ReadImportance, calls: number, read: string): boolean;
}

/** A sweep starts when the token's hour has room for this many calls (a first sweep's guess). */
const UNKNOWN_SWEEP_CALLS = 20;
/** Slow-changing data is read again only while the hour holds this many sweeps more. */
const SLOW_READ_SWEEPS = 5;
/** Skipped reads listed in the output (the count covers all). */
const SKIPS_LISTED = 20;

export const BUDGET_PREFIX = 'budget:';

/** What the governor needs from n8n and Mist, so that it can be tested without either. */
export interface GovernorDeps {
	memory: MistMemory;
	/** The ledger's document: one per Mist credential (one token). */
	key: string;
	workflow: string;
	readUsage: () => Promise<{ requests: number; requestLimit: number } | undefined>;
	now: () => number;
	policy?: Partial<BudgetPolicy>;
}

/**
 * The budget of one sweep execution, shared by its Diagnose nodes: opened by the first (which
 * reconciles the ledger with `/self/usage` when due), spent by all, recorded by each as it ends.
 */
export class SweepBudget implements BudgetGate {
	private readonly clients = new Set<RequestStats>();

	private readonly skips: Array<{ read: string; reason: string }> = [];

	private recordedCalls = 0;

	private recordedSkips = 0;

	private sweepsRecorded = 0;

	/** Calls admitted through the gate so far, whether made yet or not. */
	private committed = 0;

	/** Whether the sweep goes ahead: undefined until its first node asks, then null or why not. */
	private verdict?: string | null;

	private constructor(
		private readonly deps: GovernorDeps,
		private readonly policy: BudgetPolicy,
		readonly grant: SweepGrant,
		private readonly ledger: BudgetLedger,
		private readonly reconciledNow: boolean,
		private readonly startedAt: number,
	) {}

	static async open(deps: GovernorDeps): Promise<SweepBudget> {
		const policy = { ...DEFAULT_POLICY, ...deps.policy };
		const now = deps.now();
		let ledger = currentLedger(await deps.memory.read<BudgetLedger>(deps.key), now);
		let reconciledNow = false;
		if (shouldReconcile(ledger, now, policy)) {
			const usage = await deps.readUsage();
			if (usage) {
				ledger = await deps.memory.update<BudgetLedger, BudgetLedger>(deps.key, (stored) => {
					const next = reconciled(currentLedger(stored, now), usage, now);
					return { value: next, result: next };
				});
				reconciledNow = true;
			}
		}
		return new SweepBudget(
			deps,
			policy,
			sweepGrant(ledger, deps.workflow, now, policy),
			ledger,
			reconciledNow,
			now,
		);
	}

	/** Counts a node's calls towards this sweep. */
	attach(stats: RequestStats): void {
		this.clients.add(stats);
	}

	/** Calls this sweep made so far, all its nodes together (the `/self/usage` read included). */
	get spent(): number {
		let calls = 0;
		for (const stats of this.clients) calls += stats.calls;
		return calls;
	}

	/**
	 * Why a sweep node may not start, or undefined when it may. The first node decides for the
	 * execution: the sweep must fit its workflow's pace and the token's room above the reserve
	 * (as large as the previous sweep). Once started, later nodes go on while the token has room;
	 * once skipped, they skip too. Nothing is read then, so no 429 can come of it.
	 */
	startProblem(): string | undefined {
		const { allowance, hardRemaining, expectedCalls, share } = this.grant;
		if (this.verdict === undefined) {
			const needed = expectedCalls || UNKNOWN_SWEEP_CALLS;
			if (hardRemaining - this.spent < needed) {
				this.verdict = `the token has ${Math.max(0, hardRemaining - this.spent)} calls left this hour above the reserve of ${this.policy.reserve}, and a sweep needs about ${needed}`;
			} else if (allowance - this.spent < needed) {
				this.verdict = `this workflow's ${Math.round(share * 100)} % share of the hour allows ${Math.max(0, allowance - this.spent)} more calls by now, and a sweep needs about ${needed}; it runs again when its pace allows`;
			} else this.verdict = null;
		} else if (this.verdict === null && hardRemaining - this.spent <= 0) {
			this.verdict = `the token has no calls left this hour above the reserve of ${this.policy.reserve}`;
		}
		if (!this.verdict) return undefined;
		this.skipped('the sweep step', this.verdict);
		return this.verdict;
	}

	admit(importance: ReadImportance, calls: number, read: string): boolean {
		if (calls <= 0) return true;
		// Reads admitted but not made yet count too (a step admits its sites, then reads them).
		const committed = Math.max(this.spent, this.committed);
		const after = committed + calls;
		const ok =
			importance === 'drillDown'
				? after <= this.grant.allowance && after <= this.grant.hardRemaining
				: this.grant.hardRemaining - after >= this.slowReadFloor();
		if (ok) {
			this.committed = after;
			return true;
		}
		if (importance === 'drillDown') {
			return this.skipped(
				read,
				`this sweep has spent or committed ${committed} of its ${this.grant.allowance} calls (what its ${Math.round(this.grant.share * 100)} % share of the token's hour allows by now)`,
			);
		}
		const floor = this.slowReadFloor();
		return this.skipped(
			read,
			`the token has fewer than ${floor} calls left this hour above the reserve: an older copy serves`,
		);
	}

	private slowReadFloor(): number {
		return SLOW_READ_SWEEPS * Math.max(this.grant.expectedCalls, UNKNOWN_SWEEP_CALLS);
	}

	private skipped(read: string, reason: string): false {
		this.skips.push({ read, reason });
		return false;
	}

	/** Writes what this sweep spent since the last record (one compare-and-set on the ledger). */
	async record(): Promise<void> {
		const calls = this.spent - this.recordedCalls;
		const skipped = this.skips.length - this.recordedSkips;
		const newSweep = this.sweepsRecorded === 0;
		if (calls === 0 && skipped === 0 && !newSweep) return;
		this.recordedCalls += calls;
		this.recordedSkips += skipped;
		this.sweepsRecorded++;
		const now = this.deps.now();
		await this.deps.memory.update<BudgetLedger, void>(this.deps.key, (stored) => ({
			value: recorded(currentLedger(stored, now), this.deps.workflow, {
				calls,
				skipped,
				sweepStartedAt: this.startedAt,
				newSweep,
				skippedSweep: Boolean(this.verdict),
			}),
			result: undefined,
		}));
	}

	/** For the output: the grant, what was spent, and every read skipped with why. */
	report(): IDataObject {
		const { grant, ledger } = this;
		return {
			limit: ledger.limit,
			usedThisHour: estimatedUsed(ledger) + this.spent,
			reconciled: this.reconciledNow,
			resetsAt: new Date(ledger.hourStart + HOUR_MS).toISOString(),
			share: Math.round(grant.share * 1000) / 1000,
			allowance: grant.allowance,
			spent: this.spent,
			skippedReads: this.skips.length,
			...(this.skips.length
				? { skipped: this.skips.slice(0, SKIPS_LISTED) as unknown as IDataObject[] }
				: {}),
		};
	}
}
