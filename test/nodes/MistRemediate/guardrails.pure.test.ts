import {
	checkWindow,
	evaluateGuardrails,
	loadState,
	maxRestartingAps,
	MAX_RECORDS,
	pruneState,
	saveState,
	siteMatches,
} from '../../../nodes/MistRemediate/guardrails';
import type {
	GuardrailRequest,
	GuardrailSettings,
	MaintenanceWindow,
} from '../../../nodes/MistRemediate/guardrails';

const MIN = 60_000;
const NOW = Date.parse('2026-11-24T14:00:00Z'); // Tuesday, 22:00 in Singapore
const SITE = '978c48e6-6ef6-11e6-8bbf-02e208b2d34f';

const settings = (overrides: Partial<GuardrailSettings> = {}): GuardrailSettings => ({
	maxActionsPerExecution: 5,
	maxActionsPerSitePerHour: 10,
	cooldownMinutes: 30,
	maxApRestartPercent: 20,
	maxClientsPerReconnect: 10,
	window: { mode: 'always', days: [], start: '', end: '' },
	allowSites: [],
	denySites: [],
	...overrides,
});

const request = (overrides: Partial<GuardrailRequest> = {}): GuardrailRequest => ({
	operation: 'restartDevice',
	siteId: SITE,
	siteName: 'Warehouse',
	disruptive: true,
	targets: ['restartDevice:device:ap1'],
	restartsAps: ['ap1'],
	clientCount: 0,
	siteApCount: 10,
	timezone: 'Asia/Singapore',
	...overrides,
});

const weekdayNights: MaintenanceWindow = {
	mode: 'window',
	days: ['mon', 'tue', 'wed', 'thu', 'fri'],
	start: '22:00',
	end: '05:00',
};

describe('maintenance window', () => {
	it.each([
		[
			'always open',
			{ mode: 'always', days: [], start: '', end: '' },
			'2026-11-24T03:00:00Z',
			'UTC',
			true,
		],
		[
			'Tue 22:00 SGT, start of a weekday night',
			weekdayNights,
			'2026-11-24T14:00:00Z',
			'Asia/Singapore',
			true,
		],
		[
			'Tue 21:59 SGT, before the window',
			weekdayNights,
			'2026-11-24T13:59:00Z',
			'Asia/Singapore',
			false,
		],
		[
			'Wed 04:59 SGT, after midnight of Tuesday night',
			weekdayNights,
			'2026-11-24T20:59:00Z',
			'Asia/Singapore',
			true,
		],
		[
			'Wed 05:00 SGT, the end is exclusive',
			weekdayNights,
			'2026-11-24T21:00:00Z',
			'Asia/Singapore',
			false,
		],
		[
			'Sat 02:00 SGT, Friday night continues',
			weekdayNights,
			'2026-11-27T18:00:00Z',
			'Asia/Singapore',
			true,
		],
		[
			'Sat 22:30 SGT, weekend night',
			weekdayNights,
			'2026-11-28T14:30:00Z',
			'Asia/Singapore',
			false,
		],
		['Mon 02:00 SGT, Sunday night', weekdayNights, '2026-11-29T18:00:00Z', 'Asia/Singapore', false],
		['same instant is 14:00 in UTC, outside', weekdayNights, '2026-11-24T14:00:00Z', 'UTC', false],
		[
			'same-day window 09:00–17:00 in New York',
			{ mode: 'window', days: ['tue'], start: '09:00', end: '17:00' },
			'2026-11-24T15:00:00Z',
			'America/New_York',
			true,
		],
		[
			'unknown zone falls back to UTC',
			{ mode: 'window', days: ['tue'], start: '13:00', end: '15:00' },
			'2026-11-24T14:00:00Z',
			'Mars/Olympus',
			true,
		],
	] as Array<[string, MaintenanceWindow, string, string, boolean]>)(
		'%s',
		(_name, window, at, zone, open) => {
			expect(checkWindow(window, Date.parse(at), zone).open).toBe(open);
		},
	);

	it('reports the local time of the site', () => {
		expect(checkWindow(weekdayNights, NOW, 'Asia/Singapore').localTime).toBe(
			'Tue 22:00 Asia/Singapore',
		);
	});
});

describe('evaluateGuardrails', () => {
	const record = (minutesAgo: number, overrides: Record<string, unknown> = {}) => ({
		at: NOW - minutesAgo * MIN,
		siteId: SITE,
		operation: 'restartDevice',
		targets: ['restartDevice:device:other'],
		...overrides,
	});

	it.each([
		['allows when nothing blocks', request(), settings(), [], 0, undefined],
		[
			'deny list by name, any case',
			request(),
			settings({ denySites: ['warehouse'] }),
			[],
			0,
			'deny list',
		],
		['deny list by id', request(), settings({ denySites: [SITE] }), [], 0, 'deny list'],
		[
			'allow list without the site',
			request(),
			settings({ allowSites: ['HQ'] }),
			[],
			0,
			'allow list',
		],
		[
			'allow list with the site name',
			request(),
			settings({ allowSites: ['HQ', 'Warehouse'] }),
			[],
			0,
			undefined,
		],
		[
			'execution limit reached',
			request(),
			settings({ maxActionsPerExecution: 2 }),
			[],
			2,
			'execution limit',
		],
		[
			'outside the maintenance window',
			request({ timezone: 'UTC' }),
			settings({ window: weekdayNights }),
			[],
			0,
			'maintenance window',
		],
		[
			'site hourly limit',
			request(),
			settings({ maxActionsPerSitePerHour: 2 }),
			[record(10), record(50)],
			0,
			'site hourly limit',
		],
		[
			'records older than an hour do not count',
			request(),
			settings({ maxActionsPerSitePerHour: 2 }),
			[record(10), record(61)],
			0,
			undefined,
		],
		[
			'cooldown on the same target',
			request(),
			settings(),
			[record(12, { targets: ['restartDevice:device:ap1'] })],
			0,
			'cooldown',
		],
		[
			'cooldown over',
			request(),
			settings(),
			[record(31, { targets: ['restartDevice:device:ap1'] })],
			0,
			undefined,
		],
		[
			'AP share: 2 of 10 at 20 % is fine',
			request({ restartsAps: ['ap1'] }),
			settings(),
			[record(5, { restartedAps: ['ap9'] })],
			0,
			undefined,
		],
		[
			'AP share: 3 of 10 at 20 % is too many',
			request({ restartsAps: ['ap1', 'ap2'] }),
			settings(),
			[record(5, { restartedAps: ['ap9'] })],
			0,
			'AP share',
		],
		[
			'AP share: restarts older than 15 min are done',
			request({ restartsAps: ['ap1', 'ap2'] }),
			settings(),
			[record(16, { restartedAps: ['ap9'] })],
			0,
			undefined,
		],
		[
			'AP share needs the AP count',
			request({ siteApCount: undefined }),
			settings(),
			[],
			0,
			'AP share',
		],
		[
			'bulk reconnect over the client limit',
			request({ operation: 'reconnectClient', restartsAps: [], clientCount: 11 }),
			settings(),
			[],
			0,
			'bulk client limit',
		],
		[
			'diagnostics ignore the window and cooldown',
			request({ disruptive: false, restartsAps: [], timezone: 'UTC' }),
			settings({ window: weekdayNights }),
			[record(1, { targets: ['restartDevice:device:ap1'] })],
			0,
			undefined,
		],
		[
			'diagnostics still obey the deny list',
			request({ disruptive: false }),
			settings({ denySites: ['Warehouse'] }),
			[],
			0,
			'deny list',
		],
	] as Array<
		[
			string,
			GuardrailRequest,
			GuardrailSettings,
			Array<ReturnType<typeof record>>,
			number,
			string | undefined,
		]
	>)('%s', (_name, req, config, actions, executionCount, blockedBy) => {
		const decision = evaluateGuardrails(req, {
			settings: config,
			state: { actions },
			executionCount,
			now: NOW,
		});
		expect(decision.allowed).toBe(blockedBy === undefined);
		expect(decision.rule).toBe(blockedBy);
	});

	it('says how long ago and how long to wait, with the target name', () => {
		const decision = evaluateGuardrails(request(), {
			settings: settings(),
			state: { actions: [record(12, { targets: ['restartDevice:device:ap1'] })] },
			executionCount: 0,
			now: NOW,
			targetLabels: { 'restartDevice:device:ap1': 'device "AP-01"' },
		});
		expect(decision.reason).toBe(
			'cooldown: device "AP-01": restartDevice 12 min ago, cooldown 30 min (allowed again in 18 min)',
		);
	});

	it('gives the numbers of the AP share', () => {
		const decision = evaluateGuardrails(request({ restartsAps: ['ap1', 'ap2', 'ap3'] }), {
			settings: settings(),
			state: { actions: [] },
			executionCount: 0,
			now: NOW,
		});
		expect(decision.reason).toBe(
			'AP share: 3 of 10 APs would be restarting within 15 min (30 %), limit 20 % (2 APs)',
		);
	});

	it.each([
		[10, 20, 2],
		[4, 20, 1],
		[1, 20, 1],
		[100, 5, 5],
		[7, 50, 3],
	])('%i APs at %i %% allow %i at once', (count, percent, expected) => {
		expect(maxRestartingAps(count, percent)).toBe(expected);
	});
});

describe('guardrail state', () => {
	it('keeps records an hour (or the cooldown, if longer) and drops malformed ones', () => {
		const staticData: Record<string, unknown> = {
			remediationActions: [
				{ at: NOW - 30 * MIN, siteId: SITE, operation: 'restartDevice', targets: ['a'] },
				{ at: NOW - 61 * MIN, siteId: SITE, operation: 'restartDevice', targets: ['b'] },
				{ at: NOW - 90 * MIN, siteId: SITE, operation: 'restartDevice', targets: ['c'] },
				{ garbage: true },
				'text',
			],
		};
		const short = pruneState(loadState(staticData), NOW, { cooldownMinutes: 30 });
		expect(short.actions.map((record) => record.targets[0])).toEqual(['a']);
		const long = pruneState(loadState(staticData), NOW, { cooldownMinutes: 120 });
		expect(long.actions.map((record) => record.targets[0])).toEqual(['c', 'b', 'a']);
	});

	it('caps the number of records, keeping the newest', () => {
		const actions = Array.from({ length: MAX_RECORDS + 20 }, (_, i) => ({
			at: NOW - i * 1000,
			siteId: SITE,
			operation: 'x',
			targets: [`t${i}`],
		}));
		const pruned = pruneState({ actions }, NOW, { cooldownMinutes: 30 });
		expect(pruned.actions).toHaveLength(MAX_RECORDS);
		expect(pruned.actions.at(-1)?.targets).toEqual(['t0']);
	});

	it('round-trips through static data', () => {
		const staticData: Record<string, unknown> = {};
		saveState(staticData, {
			actions: [{ at: NOW, siteId: SITE, operation: 'x', targets: ['t'], restartedAps: ['ap1'] }],
		});
		expect(
			loadState(JSON.parse(JSON.stringify(staticData)) as Record<string, unknown>).actions,
		).toEqual([{ at: NOW, siteId: SITE, operation: 'x', targets: ['t'], restartedAps: ['ap1'] }]);
	});
});

describe('site lists', () => {
	it.each([
		[['Warehouse'], true],
		[[' WAREHOUSE '], true],
		[[SITE.toUpperCase()], true],
		[['Ware'], false],
		[[''], false],
		[[], false],
	])('%j matches: %s', (list, expected) => {
		expect(siteMatches(list, SITE, 'Warehouse')).toBe(expected);
	});
});
