import type { IDataObject } from 'n8n-workflow';

import type { SlowDataCache } from '../slowCache';

/**
 * How a cloud takes `type=A,B`: as a list (documented only from spec 2604.1.4), or not, in which
 * case each type is read alone. A cloud that takes the list as one literal type answers nothing.
 */
export type TypeFilterMode = 'list' | 'perType';

/** What showed the mode used by this execution. */
export type FilterEvidence =
	/** A list read returned events: a literal reading of the list would have returned none. */
	| 'events'
	/** This execution counted the event types and probed a list of types known to have events. */
	| 'check'
	/** Such a check by an earlier execution of the workflow, within a day. */
	| 'earlierCheck'
	/** The check failed: every type was read alone, which a list cannot fool. */
	| 'checkFailed';

export interface FilterCheck {
	/** Undefined when the org had no client event in the window, or the check failed. */
	mode?: TypeFilterMode;
	/** Client events per type in the window (from `clients/events/count`), when counted. */
	counts?: Record<string, number>;
	error?: string;
}

export interface TypeFilterProbes {
	/** Client events per type in the window: a count no type filter can fool. */
	countTypes(): Promise<Record<string, number>>;
	/** Whether a list read of these types (one has events) returns any event. */
	listReturnsEvents(types: string[]): Promise<boolean>;
}

const DAY_MS = 24 * 3_600_000;
/** A second type for the probe when the window holds events of one type only. */
const PROBE_PARTNERS = ['CLIENT_ASSOCIATION', 'CLIENT_IP_ASSIGNED'];

/**
 * Learns, and remembers for a day in the slow cache (see slowCache.ts), whether the cloud splits comma
 * lists of types. Only an empty answer to a list read triggers the check, so an org with failures
 * never pays for it, and a healthy one pays two calls a day.
 */
export class EventTypeFilter {
	private decided?: { mode: TypeFilterMode; evidence: FilterEvidence; error?: string };

	private check?: Promise<FilterCheck>;

	constructor(
		private readonly probes: TypeFilterProbes,
		private readonly cacheKey: string,
		private readonly slowCache?: SlowDataCache,
	) {}

	/** The mode learned by this execution or, within a day, by an earlier one. */
	async knownMode(): Promise<TypeFilterMode | undefined> {
		if (this.decided && this.decided.evidence !== 'checkFailed') return this.decided.mode;
		const cached = await this.slowCache?.get<TypeFilterMode>(this.cacheKey, DAY_MS);
		if (cached) this.decided = { mode: cached, evidence: 'earlierCheck' };
		return cached;
	}

	async learn(mode: TypeFilterMode, evidence: 'events' | 'check') {
		this.decided = { mode, evidence };
		await this.slowCache?.set(this.cacheKey, mode);
	}

	/** Every type was read alone because the check could not run: said in the report, not remembered. */
	unverified(error: string) {
		this.decided ??= { mode: 'perType', evidence: 'checkFailed', error };
	}

	/** Counts the types (one call), then probes a list that must return events if lists work (one call). */
	runCheck(): Promise<FilterCheck> {
		this.check ??= this.checkOnce();
		return this.check;
	}

	private async checkOnce(): Promise<FilterCheck> {
		let counts: Record<string, number>;
		try {
			counts = await this.probes.countTypes();
		} catch (error) {
			return { error: (error as Error).message };
		}
		const ranked = Object.entries(counts)
			.filter(([, count]) => count > 0)
			.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
			.map(([type]) => type);
		if (ranked.length === 0) return { counts };
		const partner = ranked[1] ?? PROBE_PARTNERS.find((type) => type !== ranked[0]);
		let mode: TypeFilterMode;
		try {
			mode = (await this.probes.listReturnsEvents([ranked[0], partner as string]))
				? 'list'
				: 'perType';
		} catch (error) {
			return { counts, error: (error as Error).message };
		}
		await this.learn(mode, 'check');
		return { mode, counts };
	}

	/** For the output: the mode the multi-type reads used and what showed it, if any such read ran. */
	report(): IDataObject | undefined {
		if (!this.decided) return undefined;
		const { mode, evidence, error } = this.decided;
		return {
			eventFilterMode: mode,
			eventFilterVerifiedBy: evidence,
			...(error ? { eventFilterCheckError: error } : {}),
		};
	}
}
