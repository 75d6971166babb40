import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { MistClient } from '../../shared/transport/MistClient';
import { asNodeError } from '../../shared/utils/errors';
import { evaluateGuardrails } from '../guardrails/evaluate';
import { loadState, pruneState, saveState, withRecord } from '../guardrails/state';
import type { ActionRecord, GuardrailRequest } from '../guardrails/types';
import { InvalidParameter } from '../operations/fields';
import type { ActionPlan } from '../operations/types';
import { auditRecord } from './audit';
import type { AuditParts } from './audit';
import { isActionOperation, readExplicit, readFinding } from './inputs';
import { knownNames, namedSummary, targetLabels } from './names';
import type { ItemInput } from './inputs';
import { resolveRequest, sendAction } from './perform';
import { readGuardrailSettings, readRunOptions } from './settings';
import { SiteDirectory } from './siteDirectory';
import type { SiteFacts } from './siteDirectory';
import { verifyAction } from './verify';
import type { Verification } from './verify';

/**
 * Output 0 "Actions": actions done or, in a dry run, that would be done. Output 1 "Skipped":
 * actions a guardrail blocked, findings without a Mist action, and failures (Continue On Fail).
 * Every item becomes exactly one audit record on one of them.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// One clock reading per execution: every guardrail and audit record uses the same time.
	const now = Date.now();
	const items = this.getInputData();
	const client = new MistClient(this);
	const settings = readGuardrailSettings(this);
	const options = readRunOptions(this);
	const dryRun = this.getNodeParameter('dryRun', 0, true) !== false;
	const allowed = (this.getNodeParameter('allowedOperations', 0, []) as string[]) ?? [];
	const staticData = this.getWorkflowStaticData('node') as IDataObject;
	const stored = loadState(staticData);
	let state = pruneState(stored, now, settings);
	// Writing static data makes n8n save the workflow, so only write when something changed.
	if (state.actions.length !== stored.actions.length) saveState(staticData, state);
	const directory = new SiteDirectory(client);
	// Dry-run decisions count within this execution only, so a dry run shows what a real run would do.
	const dryRunRecords: ActionRecord[] = [];
	let executionCount = 0;
	const actions: INodeExecutionData[] = [];
	const skipped: INodeExecutionData[] = [];
	const emit = (output: INodeExecutionData[], parts: AuditParts, itemIndex: number) =>
		output.push({ json: auditRecord(parts), pairedItem: { item: itemIndex } });

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const base: Partial<AuditParts> = { at: now, dryRun };
		let operation = '';
		try {
			operation = this.getNodeParameter('operation', itemIndex) as string;
			const input = readInput.call(this, operation, items[itemIndex].json, allowed, itemIndex);
			base.why = input.why;
			if (input.kind === 'skip') {
				emit(skipped, { ...base, status: 'skipped', operation: input.operation, summary: input.reason } as AuditParts, itemIndex);
				continue;
			}
			const { plan } = input;
			base.plan = plan;
			operation = plan.operation;
			const site = plan.siteId ? await directory.site(plan.siteId, itemIndex) : undefined;
			base.site = site;
			const aps = plan.restartsDevices.length ? await directory.apsOf(plan.siteId as string, itemIndex) : undefined;
			const names = knownNames(input.finding, aps);
			const deviceNames = names.devices;
			base.deviceNames = deviceNames;
			base.clientNames = names.clients;
			const summary = namedSummary(plan, deviceNames);
			const request = await resolveRequest(client, plan, itemIndex);
			base.request = request;
			const guard = guardrailRequest(plan, site, aps ? [...aps.keys()] : undefined);
			const decision = evaluateGuardrails(guard, {
				settings,
				state: { actions: [...state.actions, ...dryRunRecords] },
				executionCount,
				now,
				targetLabels: targetLabels(plan, deviceNames),
			});
			base.decision = decision;
			if (!decision.allowed) {
				emit(skipped, { ...base, status: 'skipped', operation, summary } as AuditParts, itemIndex);
				continue;
			}
			executionCount++;
			const record: ActionRecord = { at: now, siteId: guard.siteId, operation, targets: plan.targets, restartedAps: guard.restartsAps };
			if (dryRun) {
				if (plan.disruptive) dryRunRecords.push(record);
				const result = { note: 'Dry run: nothing was sent to Mist. Turn off Dry Run to do this.' };
				emit(actions, { ...base, status: 'dry-run', operation, summary, result } as AuditParts, itemIndex);
				continue;
			}
			const result = await sendAction(this, client, plan, request, options, itemIndex);
			if (plan.disruptive) {
				state = withRecord(state, record);
				// Saved at once, so the record survives a later item failing the execution.
				saveState(staticData, state);
			}
			const verification = options.verify ? await safeVerify(client, plan, options.verifyWithinMs, itemIndex) : undefined;
			emit(actions, { ...base, status: 'done', operation, summary, result, verification } as AuditParts, itemIndex);
		} catch (caught) {
			const error = toNodeError(this, caught as Error, itemIndex);
			if (!this.continueOnFail()) throw error;
			const summary = base.plan ? namedSummary(base.plan, base.deviceNames ?? {}) : error.message;
			emit(skipped, { ...base, status: 'failed', operation, summary, error } as AuditParts, itemIndex);
		}
	}
	return [actions, skipped];
}

function readInput(this: IExecuteFunctions, operation: string, json: IDataObject, allowed: string[], itemIndex: number): ItemInput {
	if (operation === 'fromFinding') return readFinding(json, allowed);
	if (!isActionOperation(operation)) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`, { itemIndex });
	}
	return readExplicit(this, operation, itemIndex);
}

function guardrailRequest(plan: ActionPlan, site: SiteFacts | undefined, apIds: string[] | undefined): GuardrailRequest {
	const restartsAps = apIds ? plan.restartsDevices.filter((id) => apIds.includes(id)) : [];
	return {
		operation: plan.operation,
		// A CoA sent through the org has no site; its state is kept under the org.
		siteId: plan.siteId ?? `org:${plan.orgId}`,
		siteName: site?.name,
		disruptive: plan.disruptive,
		targets: plan.targets,
		restartsAps,
		clientCount: plan.operation === 'reconnectClient' || plan.operation === 'unauthorizeGuest' ? plan.clientMacs.length : 0,
		siteApCount: apIds?.length,
		timezone: site?.timezone,
	};
}

/** The action was sent; a failing re-check must not turn it into a failure. */
async function safeVerify(client: MistClient, plan: ActionPlan, withinMs: number, itemIndex: number): Promise<Verification> {
	try {
		return await verifyAction(client, plan, withinMs, itemIndex);
	} catch (error) {
		return { checked: true, passed: false, detail: `the check failed: ${(error as Error).message}` };
	}
}

function toNodeError(ctx: IExecuteFunctions, error: Error, itemIndex: number) {
	if (error instanceof InvalidParameter) {
		return new NodeOperationError(ctx.getNode(), error.message, { itemIndex, description: error.hint });
	}
	return asNodeError(ctx.getNode(), error, itemIndex);
}

