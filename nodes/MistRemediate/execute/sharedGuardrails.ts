import type { MistMemory } from '../../shared/memory/types';
import { claimChange, GUARDRAILS_KEY, liveClaims } from '../guardrails/claims';
import type { ClaimRecord, GuardrailDocument } from '../guardrails/claims';
import { evaluateGuardrails } from '../guardrails/evaluate';
import { retentionMs } from '../guardrails/state';
import type {
	ActionRecord,
	ClaimNote,
	GuardrailDecision,
	GuardrailRequest,
	GuardrailSettings,
} from '../guardrails/types';
import { MINUTE_MS } from '../guardrails/types';
import type { RunGuardrails } from './guard';

/**
 * The guardrails kept in the shared memory: a change to the network is claimed (the rules judged
 * again against the newest document, the record added in the same compare-and-set) before it is
 * sent, so of executions racing for one AP or one site's restart budget only the allowed ones act.
 * A claim is kept when the send fails: a flapping failure is not retried before the cooldown ends.
 */
export class SharedGuardrails implements RunGuardrails {
	/** Dry-run changes count within this execution only, so a dry run shows what a real run would do. */
	private readonly dryRunRecords: ActionRecord[] = [];

	private allowedCount = 0;

	constructor(
		private readonly memory: MistMemory,
		private readonly settings: GuardrailSettings,
		private readonly now: number,
		private readonly dryRun: boolean,
		private readonly execution: string | undefined,
	) {}

	async decide(
		request: GuardrailRequest,
		labels: Record<string, string>,
	): Promise<GuardrailDecision> {
		const context = {
			settings: this.settings,
			executionCount: this.allowedCount,
			now: this.now,
			targetLabels: labels,
		};
		let decision: GuardrailDecision;
		if (!request.disruptive) {
			// Diagnostics change nothing: no state rule applies and nothing is claimed.
			decision = evaluateGuardrails(request, { ...context, state: { actions: [] } });
		} else if (this.dryRun) {
			const stored = await this.memory.read<GuardrailDocument>(GUARDRAILS_KEY);
			const actions = [...liveClaims(stored, this.now), ...this.dryRunRecords];
			decision = evaluateGuardrails(request, { ...context, state: { actions } });
			if (decision.allowed) decision = { ...decision, claim: this.note(request, false) };
		} else {
			const outcome = await this.memory.update(
				GUARDRAILS_KEY,
				claimChange(request, context, this.record(request)),
			);
			decision = outcome.claimed
				? { ...outcome.decision, claim: this.note(request, true) }
				: outcome.decision;
		}
		if (decision.allowed) this.allowedCount++;
		return decision;
	}

	/** A sent change was claimed in `decide`; a dry-run one counts within this execution. */
	remember(request: GuardrailRequest, how: 'sent' | 'dry-run'): void {
		if (how === 'dry-run' && request.disruptive) this.dryRunRecords.push(this.record(request));
	}

	private record(request: GuardrailRequest): ClaimRecord {
		return {
			at: this.now,
			siteId: request.siteId,
			operation: request.operation,
			targets: request.targets,
			restartedAps: request.restartsAps,
			keepUntil: this.now + retentionMs(this.settings),
			...(this.execution ? { execution: this.execution } : {}),
		};
	}

	/** What the output shows: the targets held (or, in a dry run, that would be) and until when. */
	private note(request: GuardrailRequest, held: boolean): ClaimNote {
		return {
			held,
			targets: request.targets,
			at: new Date(this.now).toISOString(),
			until: new Date(this.now + this.settings.cooldownMinutes * MINUTE_MS).toISOString(),
			...(held ? {} : { note: 'Dry run: nothing was claimed; a real run would claim this.' }),
		};
	}
}
