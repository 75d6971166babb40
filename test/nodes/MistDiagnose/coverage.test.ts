import {
	CATCH_UP_MS,
	coverageSummary,
	recordCoverage,
	rememberWorstClients,
	REMEMBERED_PER_MEASURE,
	rotationSlice,
} from '../../../nodes/MistDiagnose/coverage';
import type { CoverageRecord, RememberedClient } from '../../../nodes/MistDiagnose/coverage';
import type { ClientMeasurement } from '../../../nodes/shared/findings/clientMeasurements';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2026, 11, 6, 10);
const sites = (count: number) => Array.from({ length: count }, (_, index) => `s${index}`);

describe('rotationSlice', () => {
	it.each([
		['a first sweep reads a cadence of 60 s worth', 1000, undefined, T0, 17],
		['60 s since the last sweep', 1000, { lastSweepAt: T0 - MIN, readAt: {} }, T0, 17],
		['30 s since the last sweep', 1000, { lastSweepAt: T0 - 30_000, readAt: {} }, T0, 9],
		[
			'a long pause catches up five minutes at once',
			1000,
			{ lastSweepAt: T0 - 5 * HOUR, readAt: {} },
			T0,
			Math.ceil((1000 * CATCH_UP_MS) / HOUR),
		],
		['a small org still reads one site a sweep', 3, { lastSweepAt: T0 - 1000, readAt: {} }, T0, 1],
	])('%s', (_what, count, record: CoverageRecord | undefined, now, expected) => {
		expect(rotationSlice(sites(count), record, now, HOUR, new Set())).toHaveLength(expected);
	});

	it('reads never-read sites first, then those read longest ago, and skips the sites already drilled', () => {
		// 24 sites, 5 minutes since the last sweep: 2 sites a sweep.
		const all = ['s0', 's1', 's2', 's3', ...sites(20).map((id) => `x${id}`)];
		const readAt: Record<string, number> = {
			s0: T0 - 50 * MIN,
			s1: T0 - 5 * MIN,
			s2: T0 - 40 * MIN,
		};
		for (const id of all.slice(4)) readAt[id] = T0 - 10 * MIN;
		const record = { lastSweepAt: T0 - 5 * MIN, readAt };
		expect(rotationSlice(all, record, T0, HOUR, new Set(['s3']))).toEqual(['s0', 's2']);
		expect(rotationSlice(all, record, T0, HOUR, new Set())).toEqual(['s3', 's0']);
	});

	it('reads a site new since the last sweep before the known ones never read', () => {
		const record = { lastSweepAt: T0 - MIN, readAt: { s0: 0, s1: 0, s2: T0 - MIN } };
		expect(rotationSlice(['s0', 's1', 's2', 'branch'], record, T0, HOUR, new Set())).toEqual([
			'branch',
		]);
	});

	it('reads nothing when every site was drilled or the period is 0', () => {
		expect(rotationSlice(['s0'], undefined, T0, HOUR, new Set(['s0']))).toEqual([]);
		expect(rotationSlice(['s0'], undefined, T0, 0, new Set())).toEqual([]);
	});

	it('covers every site of 1,000 within the hour at a 60 s cadence', () => {
		const all = sites(1000);
		let record: CoverageRecord | undefined;
		for (let sweep = 0; sweep < 60; sweep++) {
			const now = T0 + sweep * MIN;
			record = recordCoverage(record, all, rotationSlice(all, record, now, HOUR, new Set()), now);
		}
		const summary = coverageSummary(record as CoverageRecord, all, [], T0 + 59 * MIN, HOUR);
		expect(summary.neverRead).toBe(0);
		expect(summary.coveredWithinPeriod).toBe(1000);
	});
});

describe('recordCoverage and coverageSummary', () => {
	it('stamps the sites read, keeps the others, marks known unread sites 0, and forgets sites the org no longer has', () => {
		const before = { lastSweepAt: T0 - MIN, readAt: { s0: T0 - 30 * MIN, gone: T0 - MIN } };
		const after = recordCoverage(before, ['s0', 's1', 's2'], ['s1'], T0);
		// s2, known now but not read, is 0: a site new by the next sweep is told apart from it.
		expect(after).toEqual({ lastSweepAt: T0, readAt: { s0: T0 - 30 * MIN, s1: T0, s2: 0 } });
	});

	it('says what this sweep read and how much of the org the period covered', () => {
		const record = { lastSweepAt: T0, readAt: { s0: T0 - 2 * HOUR, s1: T0 } };
		expect(coverageSummary(record, ['s0', 's1', 's2'], ['s1'], T0, HOUR)).toEqual({
			step: 'client_health',
			periodMinutes: 60,
			sites: 3,
			readThisSweep: ['s1'],
			coveredWithinPeriod: 1,
			neverRead: 1,
			oldestReadAt: new Date(T0 - 2 * HOUR).toISOString(),
		});
	});
});

describe('rememberWorstClients', () => {
	const weak = (mac: string, siteId: string, value: number): ClientMeasurement => ({
		measure: 'rssi',
		mac,
		value,
		unit: 'dBm',
		siteId,
	});
	const kept = (mac: string, siteId: string, value: number, readAt = T0): RememberedClient => ({
		...weak(mac, siteId, value),
		readAt,
	});
	const summary = (list: RememberedClient[]) =>
		list.map((entry) => `${entry.mac}@${entry.siteId} ${entry.value} ${entry.readAt - T0}`);

	it.each<[string, RememberedClient[] | undefined, string[], ClientMeasurement[], string[]]>([
		[
			'first sweep: what it measured, read now',
			undefined,
			['s1'],
			[weak('c1', 's1', -80)],
			['c1@s1 -80 60000'],
		],
		[
			'sites not read this sweep keep what was measured there before',
			[kept('c1', 's1', -85)],
			['s2'],
			[weak('c2', 's2', -78)],
			['c1@s1 -85 0', 'c2@s2 -78 60000'],
		],
		[
			'a site read again without weak clients drops out',
			[kept('c1', 's1', -85), kept('c2', 's2', -78)],
			['s1'],
			[],
			['c2@s2 -78 0'],
		],
		[
			'a site read again replaces its clients with the new measurement',
			[kept('c1', 's1', -85)],
			['s1'],
			[weak('c1', 's1', -74)],
			['c1@s1 -74 60000'],
		],
		['a site gone from the org is forgotten', [kept('c9', 'gone', -90)], [], [], []],
		[
			"measurements of sites this sweep did not read are not taken (another step's)",
			[],
			['s1'],
			[weak('c3', 's3', -90)],
			[],
		],
	])('%s', (_name, remembered, read, measured, expected) => {
		const orgSites = ['s1', 's2', 's3'];
		expect(summary(rememberWorstClients(remembered, orgSites, read, measured, T0 + MIN))).toEqual(
			expected,
		);
	});

	it('keeps the worst of each measure, at most REMEMBERED_PER_MEASURE', () => {
		const measured = Array.from({ length: 40 }, (_, index) => weak(`c${index}`, 's1', -70 - index));
		const list = rememberWorstClients(undefined, ['s1'], ['s1'], measured, T0);
		expect(list).toHaveLength(REMEMBERED_PER_MEASURE);
		expect(list[0].value).toBe(-109);
		expect(list.at(-1)?.value).toBe(-70 - 40 + REMEMBERED_PER_MEASURE);
	});
});
