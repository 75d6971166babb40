import { claimChange, liveClaims } from '../../../nodes/MistRemediate/guardrails/claims';
import type { ClaimRecord } from '../../../nodes/MistRemediate/guardrails/claims';
import type {
	GuardrailRequest,
	GuardrailSettings,
} from '../../../nodes/MistRemediate/guardrails/types';

const MIN = 60_000;
const NOW = Date.parse('2026-11-24T14:00:00Z');
const SITE = '978c48e6-6ef6-11e6-8bbf-02e208b2d34f';

const settings: GuardrailSettings = {
	maxActionsPerExecution: 5,
	maxActionsPerSitePerHour: 10,
	cooldownMinutes: 30,
	maxApRestartPercent: 20,
	maxClientsPerReconnect: 10,
	window: { mode: 'always', days: [], start: '', end: '' },
	allowSites: [],
	denySites: [],
};

const restart = (ap: string): GuardrailRequest => ({
	operation: 'restartDevice',
	siteId: SITE,
	disruptive: true,
	targets: [`restartDevice:device:${ap}`],
	restartsAps: [ap],
	clientCount: 0,
	siteApCount: 10,
});

const claim = (ap: string, execution: string, at = NOW): ClaimRecord => ({
	at,
	siteId: SITE,
	operation: 'restartDevice',
	targets: [`restartDevice:device:${ap}`],
	restartedAps: [ap],
	keepUntil: at + 60 * MIN,
	execution,
});

const context = { settings, executionCount: 0, now: NOW };

describe('Juniper Mist Remediate › claims on the shared guardrail document', () => {
	it('adds the claim to a free document and returns it as claimed', () => {
		const change = claimChange(restart('ap1'), context, claim('ap1', 'e1'))(undefined);
		expect(change.result).toMatchObject({ claimed: true, decision: { allowed: true } });
		expect(change.value).toEqual({ actions: [claim('ap1', 'e1')] });
	});

	it('leaves the document as it is when the target is held, naming the holder', () => {
		const held = { actions: [claim('ap1', 'e1', NOW - 5 * MIN)] };
		const change = claimChange(restart('ap1'), context, claim('ap1', 'e2'))(held);
		expect(change.value).toBeUndefined();
		expect(change.result.claimed).toBe(false);
		expect(change.result.decision.rule).toBe('cooldown');
		expect(change.result.decision.reason).toMatch(/; claimed by execution e1$/);
	});

	it('names every execution whose restarts fill the AP share', () => {
		const held = { actions: [claim('ap1', 'e1', NOW - MIN), claim('ap2', 'e2')] };
		const change = claimChange(restart('ap3'), context, claim('ap3', 'e3'))(held);
		expect(change.result.decision.rule).toBe('AP share');
		expect(change.result.decision.reason).toContain('claimed by executions e2, e1');
	});

	it('drops records past keepUntil and entries that are not records', () => {
		const stale = { ...claim('ap1', 'old', NOW - 90 * MIN), keepUntil: NOW - 1 };
		const kept = claim('ap2', 'new', NOW - 10 * MIN);
		const document = { actions: [stale, kept, { junk: true } as unknown as ClaimRecord] };
		expect(liveClaims(document, NOW)).toEqual([kept]);
		const change = claimChange(restart('ap1'), context, claim('ap1', 'e3'))(document);
		expect(change.value?.actions.map((record) => record.execution)).toEqual(['new', 'e3']);
	});

	it('keeps at most 500 records, the newest', () => {
		const many = Array.from({ length: 505 }, (_, i) => ({
			...claim(`x${i}`, `e${i}`, NOW - 600 * MIN + i),
			siteId: `site-${i}`,
			keepUntil: NOW + MIN,
		}));
		const change = claimChange(restart('ap1'), context, claim('ap1', 'last'))({ actions: many });
		expect(change.value?.actions).toHaveLength(500);
		expect(change.value?.actions[0].execution).toBe('e6');
		expect(change.value?.actions[499].execution).toBe('last');
	});
});
