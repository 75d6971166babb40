import { sleep } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import type { MistClient } from '../../shared/transport/MistClient';
import { ACTIONS } from '../actions';
import type { ActionPlan, CheckResult, VerificationCheck } from '../actions/types';

export interface Verification extends IDataObject {
	checked: boolean;
	passed: boolean | null;
	detail: string;
}

const POLL_MS = 15_000;

/**
 * Stage 6: re-checks the targets with the operation's check until all pass or `withinMs` is over:
 * devices back `connected`, clients associated again. The action was sent, so a failing check
 * is a failed verification, never a failed action.
 */
export async function verify(
	client: MistClient,
	plan: ActionPlan,
	withinMs: number,
	itemIndex: number,
): Promise<Verification> {
	const check = ACTIONS[plan.operation].verification;
	if (!check) {
		return { checked: false, passed: null, detail: `no check exists for ${plan.operation}` };
	}
	if (!plan.siteId) {
		return {
			checked: false,
			passed: null,
			detail: 'no site is known, so the target cannot be checked',
		};
	}
	try {
		return await poll(client, check, plan, plan.siteId, withinMs, itemIndex);
	} catch (error) {
		return { checked: true, passed: false, detail: `the check failed: ${error.message}` };
	}
}

/** The first check comes after up to 15 s; 0 checks once, at once. */
async function poll(
	client: MistClient,
	check: VerificationCheck,
	plan: ActionPlan,
	siteId: string,
	withinMs: number,
	itemIndex: number,
): Promise<Verification> {
	let waited = 0;
	for (;;) {
		// Wait before each check: right after a restart the stats may still show the old state.
		if (waited < withinMs) {
			const step = Math.min(POLL_MS, withinMs - waited);
			await sleep(step);
			waited += step;
		}
		const results: CheckResult[] = [];
		for (const target of check.targets(plan))
			results.push(await check.check(client, siteId, target, itemIndex));
		const passed = results.every((result) => result.passed);
		if (passed || waited >= withinMs) {
			const after = waited === 0 ? 'at once' : `after ${Math.round(waited / 1000)} s`;
			return {
				checked: true,
				passed,
				detail: `${results.map((result) => result.detail).join('; ')} (checked ${after})`,
			};
		}
	}
}
