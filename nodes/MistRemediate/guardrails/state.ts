import type { ActionRecord, GuardrailSettings, GuardrailState } from './types';
import { HOUR_MS, MINUTE_MS, RESTART_OVERLAP_MS } from './types';

/** Static data is saved with the workflow, so it is kept small: at most this many records. */
export const MAX_RECORDS = 500;
const STATE_KEY = 'remediationActions';

export function isRecord(value: unknown): value is ActionRecord {
	if (!value || typeof value !== 'object') return false;
	const record = value as Record<string, unknown>;
	return (
		typeof record.at === 'number' &&
		typeof record.siteId === 'string' &&
		typeof record.operation === 'string' &&
		Array.isArray(record.targets) &&
		record.targets.every((target) => typeof target === 'string')
	);
}

/**
 * The guardrail state inside the node's workflow static data. Entries that do not look like
 * records (an older format, a hand edit) are dropped instead of failing the execution.
 */
export function loadState(staticData: Record<string, unknown>): GuardrailState {
	const stored = staticData[STATE_KEY];
	const actions = Array.isArray(stored) ? stored.filter(isRecord) : [];
	return { actions: actions.map((record) => ({ ...record, targets: [...record.targets] })) };
}

export function saveState(staticData: Record<string, unknown>, state: GuardrailState): void {
	staticData[STATE_KEY] = state.actions.map((record) => ({ ...record }));
}

/** How long a record matters to any rule. */
export function retentionMs(settings: Pick<GuardrailSettings, 'cooldownMinutes'>): number {
	return Math.max(HOUR_MS, settings.cooldownMinutes * MINUTE_MS, RESTART_OVERLAP_MS);
}

/** Drops records no rule looks at any more, newest kept when over the size cap. */
export function pruneState(
	state: GuardrailState,
	now: number,
	settings: Pick<GuardrailSettings, 'cooldownMinutes'>,
): GuardrailState {
	const oldest = now - retentionMs(settings);
	const kept = state.actions.filter(
		(record) => record.at >= oldest && record.at <= now + MINUTE_MS,
	);
	kept.sort((a, b) => a.at - b.at);
	return { actions: kept.slice(-MAX_RECORDS) };
}

export function withRecord(state: GuardrailState, record: ActionRecord): GuardrailState {
	return { actions: [...state.actions, record] };
}
