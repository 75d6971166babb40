import { ackNotices, decideNotices } from './escalation';
import type { SourceMap } from './escalation';
import { applyAck, applyRun } from './incidents';
import type { RunFinding } from './incidents';
import { hearFrom } from './reporters';
import { pruneState } from './state';
import type { AckRequest, AlertConfig, AlertState, Notice } from './types';

export interface IndexedAck extends AckRequest {
	itemIndex: number;
}

export interface EvaluateInput {
	findings: RunFinding[];
	acks: IndexedAck[];
	/** False for an acknowledge-only execution: absent findings then do not count as a clean run. */
	countsAsRun: boolean;
	/** Part of the run failed upstream: absent findings do not count towards resolution. */
	partial?: boolean;
	/** Steps this run did not check (not due, or over the API budget): their incidents stay as they are. */
	unchecked?: ReadonlySet<string>;
	/** The Evaluate node running (`workflow id/node name`) when several share the incidents. */
	reporter?: string;
}

export interface EvaluateResult {
	state: AlertState;
	notices: Notice[];
	/** Acknowledgements that matched nothing, with their item. */
	ackErrors: Array<{ itemIndex: number; error: string }>;
	/** Incidents acknowledged in this run, by fingerprint. */
	acknowledged: string[];
}

/** One execution of the alerting engine. `state` is modified and returned; `now` is injected so tests control time. */
export function evaluate(
	state: AlertState,
	input: EvaluateInput,
	config: AlertConfig,
	now: number,
): EvaluateResult {
	const sources: SourceMap = new Map();
	const ackErrors: EvaluateResult['ackErrors'] = [];
	const acknowledged: string[] = [];

	// A workflow joining a shared memory digests its first announcement, as a new node does.
	const firstReport = input.reporter !== undefined && !state.reporters?.[input.reporter];
	if (input.countsAsRun) {
		if (input.reporter) hearFrom(state, input.reporter, config, now);
		const seen = applyRun(state, input.findings, config, now, {
			partial: input.partial,
			unchecked: input.unchecked,
			reporter: input.reporter,
		});
		for (const [fingerprint, items] of seen) sources.set(fingerprint, items);
		state.runs += 1;
		state.lastRunAt = new Date(now).toISOString();
	}
	// Acks after the run so an ack in the same execution can target a just-opened incident, and before
	// deciding notices so it stops escalation at once.
	for (const ack of input.acks) {
		const result = applyAck(state, ack, now);
		if ('error' in result) {
			ackErrors.push({ itemIndex: ack.itemIndex, error: result.error });
			continue;
		}
		for (const fingerprint of result.fingerprints) {
			acknowledged.push(fingerprint);
			sources.set(fingerprint, [...(sources.get(fingerprint) ?? []), ack.itemIndex]);
		}
	}

	const notices = [...ackNotices(state, acknowledged, now, sources)];
	if (input.countsAsRun) notices.push(...decideNotices(state, config, now, sources, firstReport));
	pruneState(state, now, config.resolvedRetentionMs);
	return { state, notices, ackErrors, acknowledged };
}
