import { alertConfig } from '../../../../nodes/MistAlert/engine/config';
import { evaluate } from '../../../../nodes/MistAlert/engine/evaluate';
import { emptyState } from '../../../../nodes/MistAlert/engine/state';
import { apFinding, clientFinding, MIN, runner, SITE_B, T0, tiers } from '../fixtures';

describe('Mist Alert engine › incidents', () => {
	it('keeps one incident per fingerprint and does not re-notify an open incident', () => {
		const engine = runner({ groupWaitMs: 0, tier2AfterMs: 1000 * MIN });
		const finding = clientFinding(1);
		expect(tiers(engine.run([finding, finding], T0))).toEqual(['tier1:firing:1']);
		expect(Object.keys(engine.state.incidents)).toEqual([finding.fingerprint]);
		for (let run = 1; run <= 5; run++)
			expect(engine.run([finding], T0 + run * 5 * MIN)).toEqual([]);
		expect(engine.state.incidents[finding.fingerprint].runsSeen).toBe(6);
	});

	it('groups 500 client findings on 2 sites into 2 chat messages', () => {
		const engine = runner();
		const findings = Array.from({ length: 500 }, (_, index) =>
			clientFinding(index, index % 2 ? { site: SITE_B, siteName: 'Branch' } : {}),
		);
		const notices = engine.run(findings, T0);
		const chat = notices.filter((notice) => notice.tier === 'tier1');
		expect(chat).toHaveLength(2);
		expect(chat.map((notice) => notice.incidents.length)).toEqual([250, 250]);
		expect(chat.map((notice) => notice.labels.site_name).sort()).toEqual(['Branch', 'HQ']);
	});

	it.each([
		[1, [true]],
		[3, [false, false, true]],
	])('opens after %i consecutive bad runs (flap hold-down)', (openAfterRuns, expectations) => {
		const engine = runner({ openAfterRuns });
		const finding = clientFinding(7);
		expectations.forEach((opens, run) => {
			const notices = engine.run([finding], T0 + run * 5 * MIN);
			expect(notices.some((notice) => notice.kind === 'firing')).toBe(opens);
		});
	});

	it('forgets a flapping finding that vanishes during hold-down', () => {
		const engine = runner({ openAfterRuns: 2 });
		const finding = clientFinding(8);
		engine.run([finding], T0);
		engine.run([], T0 + 5 * MIN);
		expect(engine.state.incidents).toEqual({});
		expect(engine.run([finding], T0 + 10 * MIN)).toEqual([]);
	});

	it.each([1, 2, 3])('resolves after %i clean runs and notifies once', (resolveAfterCleanRuns) => {
		const engine = runner({ resolveAfterCleanRuns });
		const finding = clientFinding(9);
		engine.run([finding], T0);
		for (let run = 1; run < resolveAfterCleanRuns; run++)
			expect(engine.run([], T0 + run * 5 * MIN)).toEqual([]);
		const notices = engine.run([], T0 + resolveAfterCleanRuns * 5 * MIN);
		expect(tiers(notices)).toEqual(['resolved:resolved:1']);
		expect(notices[0].stillOpen).toBe(0);
		expect(engine.run([], T0 + 60 * MIN)).toEqual([]);
	});

	it('a run that did not check the step (not due, over budget) neither resolves nor flaps its incidents', () => {
		const engine = runner({ resolveAfterCleanRuns: 1 });
		const open = clientFinding(20); // client_health
		engine.run([open], T0);
		for (let run = 1; run <= 3; run++)
			expect(engine.run([], T0 + run * MIN, [], ['client_health', 'dhcp'])).toEqual([]);
		expect(engine.state.incidents[open.fingerprint]).toMatchObject({
			status: 'open',
			cleanRuns: 0,
		});
		// A run that checked client health without the finding is clean: it resolves.
		expect(tiers(engine.run([], T0 + 5 * MIN, [], ['dhcp']))).toEqual(['resolved:resolved:1']);

		const held = runner({ openAfterRuns: 2 });
		const pending = apFinding('5c5b35000021'); // ap_health
		held.run([pending], T0);
		held.run([], T0 + MIN, [], ['ap_health']);
		expect(held.state.incidents[pending.fingerprint]?.status).toBe('pending');
		held.run([], T0 + 2 * MIN);
		expect(held.state.incidents).toEqual({});
	});

	it('a clean run in between resets the count to resolution', () => {
		const engine = runner({ resolveAfterCleanRuns: 2, tier2AfterMs: 1000 * MIN });
		const finding = clientFinding(10);
		engine.run([finding], T0);
		engine.run([], T0 + 5 * MIN);
		engine.run([finding], T0 + 10 * MIN);
		expect(engine.run([], T0 + 15 * MIN)).toEqual([]);
		expect(tiers(engine.run([], T0 + 20 * MIN))).toEqual(['resolved:resolved:1']);
	});

	it('announces a return after resolution as a new incident', () => {
		const engine = runner({ resolveAfterCleanRuns: 1 });
		const finding = clientFinding(11);
		engine.run([finding], T0);
		engine.run([], T0 + 5 * MIN);
		const notices = engine.run([finding], T0 + 10 * MIN);
		expect(tiers(notices)).toEqual(['tier1:firing:1']);
		expect(notices[0].incidents[0].isNew).toBe(true);
	});

	it('prunes resolved incidents after the retention period', () => {
		const engine = runner({ resolveAfterCleanRuns: 1, resolvedRetentionMs: 60 * MIN });
		const finding = clientFinding(12);
		engine.run([finding], T0);
		engine.run([], T0 + 5 * MIN);
		expect(engine.state.incidents[finding.fingerprint].status).toBe('resolved');
		engine.run([], T0 + 70 * MIN);
		expect(engine.state.incidents).toEqual({});
		expect(engine.state.groups).toEqual({});
	});

	it('does not announce the resolution of an incident that was never announced', () => {
		const engine = runner({ groupWaitMs: 10 * MIN, resolveAfterCleanRuns: 1 });
		engine.run([apFinding('aabbccddeeff', 'minor')], T0);
		expect(engine.run([], T0 + 5 * MIN)).toEqual([]);
	});
});

describe('Mist Alert engine › timing and escalation (fake clock)', () => {
	it('waits group wait before announcing a new group (first run after it has existed that long)', () => {
		const engine = runner({ groupWaitMs: 30_000 });
		const finding = clientFinding(20);
		expect(engine.run([finding], T0)).toEqual([]);
		expect(engine.run([finding], T0 + 20_000)).toEqual([]);
		expect(tiers(engine.run([finding], T0 + 5 * MIN))).toEqual(['tier1:firing:1']);
	});

	it('adds new incidents to a group only after group interval', () => {
		const engine = runner({ groupIntervalMs: 5 * MIN });
		const first = clientFinding(21);
		const second = clientFinding(22);
		engine.run([first], T0);
		expect(engine.run([first, second], T0 + 2 * MIN)).toEqual([]);
		const notices = engine.run([first, second], T0 + 5 * MIN);
		expect(tiers(notices)).toEqual(['tier1:firing:2']);
		expect(
			notices[0].incidents
				.filter((incident) => incident.isNew)
				.map((incident) => incident.fingerprint),
		).toEqual([second.fingerprint]);
	});

	it('repeats an unchanged, unacknowledged group after repeat interval', () => {
		const engine = runner({ repeatIntervalMs: 240 * MIN, tier2AfterMs: 10_000 * MIN });
		const finding = clientFinding(23);
		engine.run([finding], T0);
		for (let minute = 5; minute < 240; minute += 5)
			expect(engine.run([finding], T0 + minute * MIN)).toEqual([]);
		const notices = engine.run([finding], T0 + 240 * MIN);
		expect(tiers(notices)).toEqual(['tier1:firing:1']);
		expect(notices[0].repeat).toBe(true);
	});

	it('escalates minor to email after 15 minutes, and major at once', () => {
		const engine = runner();
		const minor = clientFinding(24, { severity: 'minor' });
		const major = clientFinding(25, { severity: 'major', rule: 'dhcp_failures_site' });
		expect(tiers(engine.run([minor, major], T0)).sort()).toEqual([
			'tier1:firing:1',
			'tier1:firing:1',
			'tier2:escalation:1',
		]);
		expect(engine.run([minor, major], T0 + 10 * MIN)).toEqual([]);
		const later = engine.run([minor, major], T0 + 15 * MIN);
		expect(tiers(later)).toEqual(['tier2:escalation:1']);
		expect(later[0].incidents[0].fingerprint).toBe(minor.fingerprint);
	});

	it('pages a critical incident after 30 minutes, once', () => {
		const engine = runner();
		const critical = apFinding('aabbccddee01');
		expect(tiers(engine.run([critical], T0))).toEqual(['tier1:firing:1', 'tier2:escalation:1']);
		expect(engine.run([critical], T0 + 25 * MIN)).toEqual([]);
		expect(tiers(engine.run([critical], T0 + 30 * MIN))).toEqual(['tier3:page:1']);
		expect(engine.run([critical], T0 + 35 * MIN)).toEqual([]);
	});

	it('an acknowledgement stops escalation and repeats', () => {
		const engine = runner({ repeatIntervalMs: 60 * MIN });
		const critical = apFinding('aabbccddee02');
		engine.run([critical], T0);
		engine.run([critical], T0 + 5 * MIN, [{ fingerprint: critical.fingerprint }]);
		expect(engine.state.incidents[critical.fingerprint].acknowledged?.by).toBe('alice');
		for (let minute = 10; minute <= 120; minute += 10)
			expect(engine.run([critical], T0 + minute * MIN)).toEqual([]);
	});

	it('acknowledging a paged incident emits a PagerDuty acknowledge once; resolving emits a resolve', () => {
		const engine = runner({ resolveAfterCleanRuns: 1 });
		const critical = apFinding('aabbccddee03');
		engine.run([critical], T0);
		engine.run([critical], T0 + 30 * MIN);
		expect(
			tiers(
				engine.run([critical], T0 + 35 * MIN, [
					{ groupKey: engine.state.incidents[critical.fingerprint].groupKey },
				]),
			),
		).toEqual(['tier3:acknowledge:1']);
		expect(engine.run([critical], T0 + 40 * MIN, [{ fingerprint: critical.fingerprint }])).toEqual(
			[],
		);
		expect(tiers(engine.run([], T0 + 45 * MIN))).toEqual([
			'tier3:resolved:1',
			'resolved:resolved:1',
		]);
	});

	it('reports an acknowledgement that matches nothing', () => {
		const state = emptyState();
		const result = evaluate(
			state,
			{
				findings: [],
				acks: [{ fingerprint: 'mist:x:y:z:w', by: 'a', note: '', itemIndex: 3 }],
				countsAsRun: false,
			},
			alertConfig(),
			T0,
		);
		expect(result.ackErrors).toEqual([
			{
				itemIndex: 3,
				error: 'Acknowledgement: "fingerprint" "mist:x:y:z:w" matches no open incident',
			},
		]);
		expect(state.runs).toBe(0);
	});
});

describe('Mist Alert engine › state size', () => {
	it('stores large evidence as a stub and keeps 500 incidents JSON-serialisable', () => {
		const engine = runner();
		const findings = Array.from({ length: 500 }, (_, index) => clientFinding(index));
		findings[0] = {
			...findings[0],
			evidence: { samples: Array.from({ length: 500 }, (_, i) => i) },
		};
		engine.run(findings, T0);
		expect(engine.state.incidents[findings[0].fingerprint].finding.evidence).toEqual({
			truncated: true,
			size: expect.any(Number),
		});
		expect(engine.state.incidents[findings[1].fingerprint].finding.evidence).toEqual(
			findings[1].evidence,
		);
		expect(JSON.parse(JSON.stringify(engine.state))).toEqual(engine.state);
	});
});
