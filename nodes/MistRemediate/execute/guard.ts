import type { IDataObject } from 'n8n-workflow';

import type { MistClient } from '../../shared/transport/MistClient';
import { evaluateGuardrails } from '../guardrails/evaluate';
import { loadState, pruneState, saveState, withRecord } from '../guardrails/state';
import type {
	ActionRecord,
	GuardrailDecision,
	GuardrailRequest,
	GuardrailSettings,
	GuardrailState,
} from '../guardrails/types';
import type { ActionPlan } from '../actions/types';
import { targetLabels } from './names';
import type { Located } from './plan';
import { resolveRequest } from './request';
import type { ResolvedRequest } from './request';
import type { ApFacts, SiteFacts } from './siteDirectory';

/** The located action with its exact request and what the guardrails decided about it. */
export interface Guarded extends Located {
	request: ResolvedRequest;
	guardrail: GuardrailRequest;
	decision: GuardrailDecision;
}

/** How the pipeline asks the guardrails: in this workflow's static data, or claimed in shared memory. */
export interface RunGuardrails {
	decide(
		request: GuardrailRequest,
		labels: Record<string, string>,
	): GuardrailDecision | Promise<GuardrailDecision>;
	remember(request: GuardrailRequest, how: 'sent' | 'dry-run'): void;
}

/**
 * The guardrail state of one execution: the actions sent before (workflow static data) and the
 * ones this execution allowed so far.
 */
export class ExecutionGuardrails implements RunGuardrails {
	private state: GuardrailState;

	/** Dry-run changes count within this execution only, so a dry run shows what a real run would do. */
	private readonly dryRunRecords: ActionRecord[] = [];

	private allowedCount = 0;

	constructor(
		private readonly staticData: IDataObject,
		private readonly settings: GuardrailSettings,
		private readonly now: number,
	) {
		const stored = loadState(staticData);
		this.state = pruneState(stored, now, settings);
		// Writing static data makes n8n save the workflow, so only write when something changed.
		if (this.state.actions.length !== stored.actions.length) saveState(staticData, this.state);
	}

	/** The first rule that blocks decides; an allowed action counts toward this execution's limit. */
	decide(request: GuardrailRequest, labels: Record<string, string>): GuardrailDecision {
		const decision = evaluateGuardrails(request, {
			settings: this.settings,
			state: { actions: [...this.state.actions, ...this.dryRunRecords] },
			executionCount: this.allowedCount,
			now: this.now,
			targetLabels: labels,
		});
		if (decision.allowed) this.allowedCount++;
		return decision;
	}

	/** A change this execution sent (kept across executions) or would have sent in a dry run. */
	remember(request: GuardrailRequest, how: 'sent' | 'dry-run'): void {
		if (!request.disruptive) return;
		const record: ActionRecord = {
			at: this.now,
			siteId: request.siteId,
			operation: request.operation,
			targets: request.targets,
			restartedAps: request.restartsAps,
		};
		if (how === 'dry-run') {
			this.dryRunRecords.push(record);
			return;
		}
		this.state = withRecord(this.state, record);
		// Saved at once, so the record survives a later item failing the execution.
		saveState(this.staticData, this.state);
	}
}

/** Stage 4: the exact request (Set AP Radio reads the device first), judged by the guardrails. */
export async function guard(
	located: Located,
	client: MistClient,
	guardrails: RunGuardrails,
	itemIndex: number,
): Promise<Guarded> {
	const request = await resolveRequest(client, located.plan, itemIndex);
	const guardrail = guardrailRequest(located.plan, located.site, located.aps);
	const decision = await guardrails.decide(
		guardrail,
		targetLabels(located.plan, located.names.devices),
	);
	return { ...located, request, guardrail, decision };
}

function guardrailRequest(
	plan: ActionPlan,
	site: SiteFacts | undefined,
	aps: Map<string, ApFacts> | undefined,
): GuardrailRequest {
	const restartsAps = aps ? plan.restartsDevices.filter((id) => aps.has(id)) : [];
	return {
		operation: plan.operation,
		// A CoA sent through the org has no site; its state is kept under the org.
		siteId: plan.siteId ?? `org:${plan.orgId}`,
		siteName: site?.name,
		disruptive: plan.disruptive,
		targets: plan.targets,
		restartsAps,
		clientCount:
			plan.operation === 'reconnectClient' || plan.operation === 'unauthorizeGuest'
				? plan.clientMacs.length
				: 0,
		siteApCount: aps?.size,
		timezone: site?.timezone,
	};
}
