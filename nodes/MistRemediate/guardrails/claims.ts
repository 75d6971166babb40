import type { DocumentChange } from '../../shared/memory/types';
import { evaluateGuardrails } from './evaluate';
import type { EvaluationContext } from './evaluate';
import { isRecord, MAX_RECORDS } from './state';
import type { ActionRecord, GuardrailDecision, GuardrailRequest } from './types';
import { HOUR_MS, MINUTE_MS, RESTART_OVERLAP_MS } from './types';

/** The one guardrail document every Mist Remediate node of a namespace shares. */
export const GUARDRAILS_KEY = 'remediate:guardrails';

/** An action claimed in the shared memory: kept while any rule may still look at it. */
export interface ClaimRecord extends ActionRecord {
	/** Epoch milliseconds after which no rule needs the record. */
	keepUntil: number;
	/** The n8n execution that claimed it, named to the executions it blocks. */
	execution?: string;
}

export interface GuardrailDocument {
	actions: ClaimRecord[];
}

export type ClaimOutcome = { claimed: boolean; decision: GuardrailDecision };

function isClaimRecord(value: unknown): value is ClaimRecord {
	return isRecord(value) && typeof (value as ClaimRecord).keepUntil === 'number';
}

/** The records still needed, oldest first, at most MAX_RECORDS (the newest kept). */
export function liveClaims(document: GuardrailDocument | undefined, now: number): ClaimRecord[] {
	const stored = Array.isArray(document?.actions) ? document.actions : [];
	return stored
		.filter(isClaimRecord)
		.filter((record) => record.keepUntil >= now)
		.sort((a, b) => a.at - b.at)
		.slice(-MAX_RECORDS);
}

/**
 * The compare-and-set change that claims an action: the guardrails are judged again against the
 * newest document, and only an allowed action adds its record. Pure, as `memory.update` needs.
 */
export function claimChange(
	request: GuardrailRequest,
	context: Omit<EvaluationContext, 'state'>,
	record: ClaimRecord,
) {
	return (
		current: GuardrailDocument | undefined,
	): DocumentChange<GuardrailDocument, ClaimOutcome> => {
		const actions = liveClaims(current, context.now);
		const decision = evaluateGuardrails(request, { ...context, state: { actions } });
		if (!decision.allowed) {
			return {
				result: { claimed: false, decision: namingHolders(decision, request, actions, context) },
			};
		}
		return {
			value: { actions: [...actions, record].slice(-MAX_RECORDS) },
			result: { claimed: true, decision },
		};
	};
}

/** Adds the executions whose claims blocked the action, so a skipped run says who acted. */
export function namingHolders(
	decision: GuardrailDecision,
	request: GuardrailRequest,
	actions: ClaimRecord[],
	context: Pick<EvaluationContext, 'settings' | 'now'>,
): GuardrailDecision {
	const executions = [
		...new Set(
			holders(decision.rule, request, actions, context)
				.map((record) => record.execution)
				.filter((execution): execution is string => Boolean(execution)),
		),
	];
	if (executions.length === 0) return decision;
	// Newest first; a long list is cut, the count still said.
	const shown = executions.slice(0, 5).join(', ');
	const more = executions.length > 5 ? ` and ${executions.length - 5} more` : '';
	const label = executions.length === 1 ? 'execution' : 'executions';
	return { ...decision, reason: `${decision.reason}; claimed by ${label} ${shown}${more}` };
}

/** The records the blocking rule counted (the same selection the rule makes in evaluate.ts). */
function holders(
	rule: string | undefined,
	request: GuardrailRequest,
	actions: ClaimRecord[],
	{ settings, now }: Pick<EvaluationContext, 'settings' | 'now'>,
): ClaimRecord[] {
	const newestFirst = [...actions].sort((a, b) => b.at - a.at);
	if (rule === 'cooldown') {
		const since = now - settings.cooldownMinutes * MINUTE_MS;
		for (const target of request.targets) {
			const last = newestFirst.find((r) => r.targets.includes(target) && r.at > since);
			if (last) return [last];
		}
		return [];
	}
	if (rule === 'AP share') {
		return newestFirst.filter(
			(r) =>
				r.siteId === request.siteId &&
				r.at > now - RESTART_OVERLAP_MS &&
				(r.restartedAps?.length ?? 0) > 0,
		);
	}
	if (rule === 'site hourly limit') {
		return newestFirst.filter((r) => r.siteId === request.siteId && r.at > now - HOUR_MS);
	}
	return [];
}
