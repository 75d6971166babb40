import { alertConfig } from '../../../../nodes/MistAlert/engine/config';
import { evaluate } from '../../../../nodes/MistAlert/engine/evaluate';
import { inMuteWindow, silenceMatches } from '../../../../nodes/MistAlert/engine/silences';
import { emptyState } from '../../../../nodes/MistAlert/engine/state';
import type { AlertConfig, MuteWindow, Silence } from '../../../../nodes/MistAlert/engine/types';
import type { Finding } from '../../../../nodes/shared/findings/types';
import { apFinding, clientFinding, MIN, SITE_A, T0 } from '../fixtures';

describe('Mist Alert engine › silences', () => {
	const finding = clientFinding(1, { rule: 'client_weak_signal', severity: 'minor' });
	const future = new Date(T0 + 60 * MIN).toISOString();
	it.each<[string, Partial<Silence>, boolean]>([
		['site id', { site: SITE_A }, true],
		['site name, any case', { site: 'hq' }, true],
		['rule prefix', { rule: 'client_weak_*' }, true],
		['other rule', { rule: 'ap_offline' }, false],
		['severity', { severity: 'minor' }, true],
		['other severity', { severity: 'critical' }, false],
		['fingerprint', { fingerprint: finding.fingerprint }, true],
		['all fields must match', { site: 'HQ', rule: 'ap_offline' }, false],
		['expired', { site: 'HQ', endsAt: new Date(T0 - 1).toISOString() }, false],
	])('matches by %s', (_name, fields, expected) => {
		expect(silenceMatches({ endsAt: future, ...fields }, finding, T0)).toBe(expected);
	});

	it('holds back a silenced incident and announces it when the silence ends', () => {
		const config = alertConfig({
			groupWaitMs: 0,
			silences: [{ rule: 'client_weak_signal', endsAt: new Date(T0 + 20 * MIN).toISOString() }],
		});
		const state = emptyState();
		const run = (at: number) =>
			evaluate(
				state,
				{ findings: [{ finding, itemIndex: 0 }], acks: [], countsAsRun: true },
				config,
				at,
			).notices;
		expect(run(T0)).toEqual([]);
		expect(run(T0 + 10 * MIN)).toEqual([]);
		expect(run(T0 + 20 * MIN).map((notice) => notice.tier)).toEqual(['tier1', 'tier2']);
	});
});

describe('Mist Alert engine › mute windows (luxon time zones)', () => {
	// 2026-11-25 is a Wednesday.
	const nightInTokyo: MuteWindow = {
		weekdays: [3],
		start: '22:00',
		end: '06:00',
		timezone: 'Asia/Tokyo',
	};
	it.each<[string, string, MuteWindow, boolean]>([
		['22:30 Wed in Tokyo', '2026-11-25T13:30:00Z', nightInTokyo, true],
		['02:00 Thu in Tokyo (spans midnight from Wed)', '2026-11-25T17:00:00Z', nightInTokyo, true],
		['07:00 Thu in Tokyo', '2026-11-25T22:00:00Z', nightInTokyo, false],
		['21:59 Wed in Tokyo', '2026-11-25T12:59:00Z', nightInTokyo, false],
		['02:00 Wed in Tokyo (Tue window not listed)', '2026-11-24T17:00:00Z', nightInTokyo, false],
		[
			'business hours in New York',
			'2026-11-25T15:00:00Z',
			{ weekdays: [], start: '09:00', end: '17:00', timezone: 'America/New_York' },
			true,
		],
		[
			'after hours in New York',
			'2026-11-25T23:00:00Z',
			{ weekdays: [], start: '09:00', end: '17:00', timezone: 'America/New_York' },
			false,
		],
		[
			'whole day (start = end)',
			'2026-11-25T23:00:00Z',
			{ weekdays: [3], start: '00:00', end: '00:00', timezone: 'UTC' },
			true,
		],
	])('%s', (_name, at, window, expected) => {
		expect(inMuteWindow(window, Date.parse(at))).toBe(expected);
	});

	function runAt(config: AlertConfig, findings: Finding[], at: string, state = emptyState()) {
		return {
			state,
			notices: evaluate(
				state,
				{
					findings: findings.map((finding, itemIndex) => ({ finding, itemIndex })),
					acks: [],
					countsAsRun: true,
				},
				config,
				Date.parse(at),
			).notices,
		};
	}

	it('defers notices inside a window and sends them after it, resolution included', () => {
		const config = alertConfig({
			groupWaitMs: 0,
			resolveAfterCleanRuns: 1,
			muteWindows: [nightInTokyo],
		});
		const finding = apFinding('aabbccddee10', 'minor');
		const { state } = runAt(config, [finding], '2026-11-25T12:00:00Z');
		expect(state.incidents[finding.fingerprint].notified.tier1).toBeDefined();
		expect(runAt(config, [], '2026-11-25T14:00:00Z', state).notices).toEqual([]);
		expect(state.incidents[finding.fingerprint].resolveChatPending).toBe(true);
		const after = runAt(config, [], '2026-11-25T22:00:00Z', state).notices;
		expect(after.map((notice) => `${notice.tier}:${notice.kind}`)).toEqual(['resolved:resolved']);
	});

	it('lets critical incidents through when configured', () => {
		const config = alertConfig({
			groupWaitMs: 0,
			muteWindows: [nightInTokyo],
			criticalBypassesMute: true,
		});
		const notices = runAt(
			config,
			[apFinding('aabbccddee11', 'critical'), clientFinding(3)],
			'2026-11-25T14:00:00Z',
		).notices;
		expect(
			notices
				.filter((notice) => notice.tier === 'tier1')
				.map((notice) => notice.incidents[0].severity),
		).toEqual(['critical']);
	});
});
