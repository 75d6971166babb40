import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { openMemory } from '../../shared/memory/open';
import { asNodeError } from '../../shared/utils/errors';
import type { MemoryLocation, MistMemory } from '../../shared/memory/types';
import { emptyState, loadState } from '../engine/state';
import type { AlertState } from '../engine/types';
import { warnInOutputPane } from '../../shared/utils/hints';

/**
 * Where Mist Alert keeps its incidents: one document of the node's memory (this workflow's static
 * data, or n8n's Data Tables shared by every Mist Alert of the namespace). Every change goes
 * through `memory.update`, so concurrent executions never both announce the same incident.
 */
export const INCIDENTS_KEY = 'alert:incidents';
/** Where the node kept its incidents before the memory: read once to seed an empty document. */
const LEGACY_STATIC_KEY = 'alertState';

/** This Evaluate node as a reporter of incidents: `workflow id/node name`. */
export function reporterOf(ctx: IExecuteFunctions): string {
	const workflowId = ctx.getWorkflow()?.id ?? 'unsaved';
	return `${workflowId}/${ctx.getNode().name}`;
}

/** The node's memory; when it fell back from the shared store, the user sees why in a hint. */
export async function openIncidentMemory(ctx: IExecuteFunctions): Promise<MistMemory> {
	const memory = await openMemory(ctx);
	const warning = memory.location.warning;
	if (warning) warnInOutputPane(ctx, warning);
	return memory;
}

/** The incidents this node kept in its static data before the memory, if any. */
function legacyState(ctx: IExecuteFunctions): unknown {
	return ctx.getWorkflowStaticData('node')[LEGACY_STATIC_KEY];
}

/** Old incidents carry no reporters: they become this reporter's, as if it had seen them. */
function adopt(legacy: AlertState, reporter: string | undefined): AlertState {
	if (!reporter) return legacy;
	const lastRunAt = legacy.lastRunAt ?? new Date(0).toISOString();
	for (const incident of Object.values(legacy.incidents))
		incident.reportedBy ??= {
			[reporter]: { lastSeen: lastRunAt, cleanRuns: incident.cleanRuns },
		};
	legacy.reporters = { ...(legacy.reporters ?? {}), [reporter]: lastRunAt };
	return legacy;
}

/** The stored document as a fresh copy: the document, else the node's old state, else empty. */
function stateFrom(stored: unknown, legacy: unknown, reporter?: string): AlertState {
	if (stored !== undefined) return loadState(stored);
	return legacy ? adopt(loadState(legacy), reporter) : emptyState();
}

export async function readIncidents(ctx: IExecuteFunctions, memory: MistMemory) {
	return stateFrom(await memory.read(INCIDENTS_KEY), legacyState(ctx));
}

/**
 * Runs `change` on the newest incidents and writes them back when it says so. `change` may run
 * more than once (another execution wrote first), so it must only compute: whatever it returns
 * comes from the attempt that was written, and only that may be sent.
 */
export async function changeIncidents<R>(
	ctx: IExecuteFunctions,
	memory: MistMemory,
	reporter: string | undefined,
	change: (state: AlertState) => { write: boolean; result: R },
): Promise<R> {
	const legacy = legacyState(ctx);
	try {
		return await memory.update<AlertState, R>(INCIDENTS_KEY, (current) => {
			const state = stateFrom(current, legacy, reporter);
			const { write, result } = change(state);
			return write ? { value: state, result } : { result };
		});
	} catch (error) {
		throw asNodeError(ctx.getNode(), error as Error, 0);
	}
}

/** Every output item says where the incidents live this run. */
export function withLocation(
	outputs: INodeExecutionData[][],
	location: MemoryLocation,
): INodeExecutionData[][] {
	for (const output of outputs)
		for (const item of output) item.json.memory = { ...location } as IDataObject;
	return outputs;
}
