import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { recordCallsInBudget } from '../../shared/budget/recordCalls';
import { MistClient } from '../../shared/transport/MistClient';
import { asNodeError } from '../../shared/utils/errors';
import { itemFailure } from '../../shared/utils/perItem';
import { InvalidParameter } from '../actions/parameters';
import { auditRecord } from './audit';
import type { AuditParts, AuditStatus } from './audit';
import { guard } from './guard';
import type { Guarded, RunGuardrails } from './guard';
import { RemediationMemory } from './memory';
import { perform } from './perform';
import { locate, plan } from './plan';
import type { Located, Planned } from './plan';
import { read } from './read';
import type { Reason } from './read';
import { readGuardrailSettings, readRunOptions } from './settings';
import type { RunOptions } from './settings';
import { SiteDirectory } from './siteDirectory';
import { verify } from './verify';

/** What holds for every item of one execution. */
interface Run {
	ctx: IExecuteFunctions;
	client: MistClient;
	directory: SiteDirectory;
	guardrails: RunGuardrails;
	options: RunOptions;
	dryRun: boolean;
	allowed: string[];
}

/** Where an item's record goes, or how far it got before it failed. */
type Outcome =
	| { output: 'actions' | 'skipped'; parts: Omit<AuditParts, 'at' | 'dryRun'> }
	| { output: 'failed'; reached: Reached; error: Error };

const DRY_RUN_NOTE = 'Dry run: nothing was sent to Mist. Turn off Dry Run to do this.';

/** The furthest stage a failed item reached: its record says what was known by then. */
type Reached = { operation: string; why?: Reason } | Planned | Located | Guarded;

/**
 * Output 0 "Actions": actions done or, in a dry run, that would be done. Output 1 "Skipped":
 * actions a guardrail blocked, findings without a Mist action, and failures (Continue On Fail).
 * Every item becomes exactly one audit record on one of them.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// One clock reading per execution: every guardrail and audit record uses the same time.
	const at = Date.now();
	const items = this.getInputData();
	const client = new MistClient(this);
	const settings = readGuardrailSettings(this);
	const options = readRunOptions(this);
	const dryRun = this.getNodeParameter('dryRun', 0, true) !== false;
	const memory = await RemediationMemory.open(this);
	const run: Run = {
		ctx: this,
		client,
		directory: new SiteDirectory(client),
		options,
		dryRun,
		allowed: (this.getNodeParameter('allowedOperations', 0, []) as string[]) ?? [],
		guardrails: memory.guardrails(settings, at, dryRun),
	};
	const stamp = { at, dryRun };
	const outputs: Record<'actions' | 'skipped', INodeExecutionData[]> = { actions: [], skipped: [] };
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const outcome = await remediate(run, itemIndex, items[itemIndex].json);
		if (outcome.output === 'failed') {
			const error = toNodeError(this, outcome.error, itemIndex);
			const record = auditRecord({ ...stamp, ...failedParts(outcome.reached, error), error });
			await memory.audit(at, record, client);
			const context = { ...record, memory: memory.location };
			outputs.skipped.push(itemFailure(this, itemIndex, error, context));
		} else {
			const record = auditRecord({ ...stamp, ...outcome.parts });
			await memory.audit(at, record, client);
			outputs[outcome.output].push({
				json: { ...record, memory: memory.location },
				pairedItem: { item: itemIndex },
			});
		}
	}
	await recordCallsInBudget(this, client.stats);
	return [outputs.actions, outputs.skipped];
}

/**
 * One item through the stages read → plan → locate → guard → perform → verify, each a function
 * with its own result type; the record (stage 7, audit) is built from them by the caller.
 */
async function remediate(run: Run, itemIndex: number, json: IDataObject): Promise<Outcome> {
	let reached: Reached = { operation: '' };
	try {
		const operation = String(run.ctx.getNodeParameter('operation', itemIndex));
		reached = { operation };
		const requested = read(run.ctx, itemIndex, operation, json, run.allowed);
		reached = { operation, why: requested.why };
		if (requested.kind === 'skip') {
			const { why, reason } = requested;
			return {
				output: 'skipped',
				parts: { status: 'skipped', operation: requested.operation, summary: reason, why },
			};
		}
		const planned = plan(requested);
		reached = planned;
		const located = await locate(planned, run.directory, itemIndex);
		reached = located;
		const guarded = await guard(located, run.client, run.guardrails, itemIndex);
		reached = guarded;
		const parts = (
			status: AuditStatus,
			outcome: Pick<AuditParts, 'result' | 'verification'> = {},
		) => ({
			...guarded,
			status,
			operation: guarded.plan.operation,
			...outcome,
		});
		if (!guarded.decision.allowed) return { output: 'skipped', parts: parts('skipped') };
		if (run.dryRun) {
			run.guardrails.remember(guarded.guardrail, 'dry-run');
			return { output: 'actions', parts: parts('dry-run', { result: { note: DRY_RUN_NOTE } }) };
		}
		const result = await perform(run.ctx, run.client, guarded, run.options, itemIndex);
		run.guardrails.remember(guarded.guardrail, 'sent');
		const { verify: wanted, verifyWithinMs } = run.options;
		const verification = wanted
			? await verify(run.client, guarded.plan, verifyWithinMs, itemIndex)
			: undefined;
		return { output: 'actions', parts: parts('done', { result, verification }) };
	} catch (error) {
		return { output: 'failed', reached, error };
	}
}

/** A failed item's record: the plan and target when it got that far, else the error alone. */
function failedParts(reached: Reached, error: Error): Omit<AuditParts, 'at' | 'dryRun'> {
	if ('plan' in reached) return { ...reached, status: 'failed', operation: reached.plan.operation };
	return {
		status: 'failed',
		operation: reached.operation,
		summary: error.message,
		why: reached.why,
	};
}

function toNodeError(ctx: IExecuteFunctions, error: Error, itemIndex: number) {
	if (error instanceof InvalidParameter) {
		return new NodeOperationError(ctx.getNode(), error.message, {
			itemIndex,
			description: error.hint,
		});
	}
	return asNodeError(ctx.getNode(), error, itemIndex);
}
