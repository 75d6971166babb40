import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { notCheckedMarker } from '../shared/findings/notChecked';
import type { DiagnosisStep } from '../shared/findings/types';
import type { MistMemory } from '../shared/memory/types';
import { wholeNumberInRange } from '../shared/params/readers';
import { warnInOutputPane } from '../shared/utils/hints';

/*
 * Check At Most Every: one schedule drives the whole chain at the fastest cadence (client checks
 * every 30 s), and each step checks at its own (DHCP every 120 s). A step whose turn has not come
 * reads nothing: its Healthy output passes its input on, so the chain goes on, and its Issues
 * output carries a not-checked marker, so alerts do not take the silence for a clean run.
 */

const CHECKED_PREFIX = 'checked:';
const MAX_SECONDS = 86_400;

/** Runs start a little late after their trigger: a turn this close to due counts as due. */
export function dueSlackMs(intervalMs: number): number {
	return Math.min(10_000, intervalMs / 10);
}

export function isDue(lastCheckedAt: number | undefined, intervalMs: number, now: number) {
	return (
		intervalMs <= 0 ||
		lastCheckedAt === undefined ||
		now - lastCheckedAt >= intervalMs - dueSlackMs(intervalMs)
	);
}

export type Cadence =
	| { due: true; intervalMs: number; key: string }
	| { due: false; lastCheckedAt: number; nextCheckAt: number };

/** Whether this step's turn has come; every run's turn when Check At Most Every is 0. */
export async function stepCadence(
	ctx: IExecuteFunctions,
	memory: MistMemory,
	options: IDataObject,
	now: number,
): Promise<Cadence> {
	const seconds = wholeNumberInRange(
		ctx.getNode(),
		options.checkEvery ?? 0,
		'Check At Most Every (Seconds)',
		0,
		MAX_SECONDS,
	);
	const intervalMs = seconds * 1000;
	const key = `${CHECKED_PREFIX}${ctx.getWorkflow()?.id ?? 'unsaved'}/${ctx.getNode().name}`;
	if (intervalMs === 0) return { due: true, intervalMs, key };
	let lastCheckedAt: number | undefined;
	try {
		lastCheckedAt = (await memory.read<{ at: number }>(key))?.at;
	} catch (error) {
		// A memory that cannot say when the step last checked costs a check, not the sweep.
		warnInOutputPane(
			ctx,
			`When this step last checked could not be read: ${(error as Error).message}`,
		);
	}
	if (isDue(lastCheckedAt, intervalMs, now)) return { due: true, intervalMs, key };
	return { due: false, lastCheckedAt: lastCheckedAt!, nextCheckAt: lastCheckedAt! + intervalMs };
}

/** Notes that the step checked at `now` (after a sweep that read what it needed). */
export async function recordCheck(
	ctx: IExecuteFunctions,
	memory: MistMemory,
	cadence: Cadence,
	now: number,
): Promise<void> {
	if (!cadence.due || cadence.intervalMs === 0) return;
	try {
		await memory.update<{ at: number }, void>(cadence.key, () => ({
			value: { at: now },
			result: undefined,
		}));
	} catch (error) {
		warnInOutputPane(ctx, `When this step checked was not saved: ${(error as Error).message}`);
	}
}

/** A step whose turn has not come: the marker on Issues, its input passed on to Healthy. */
export function notDueOutputs(
	ctx: IExecuteFunctions,
	steps: DiagnosisStep[],
	cadence: Extract<Cadence, { due: false }>,
): INodeExecutionData[][] {
	const next = new Date(cadence.nextCheckAt).toISOString();
	const summary = `${steps.join(', ')} not checked this run: last checked ${new Date(cadence.lastCheckedAt).toISOString()}, next at ${next} (Check At Most Every).`;
	const passedOn = ctx
		.getInputData()
		.map((item, index) => ({ json: item.json, pairedItem: { item: index } }));
	return [
		[{ json: { ...notCheckedMarker(steps, 'notDue', summary, next) }, pairedItem: { item: 0 } }],
		passedOn,
	];
}
