import { HealthTracker } from '../../../../nodes/MistDiagnose/rules/support/health';
import { clientDirectory } from '../../../../nodes/MistDiagnose/rules/support/directory';
import { withFields } from '../../../../nodes/MistDiagnose/rules/support/collections';
import type { DiagnosisContext } from '../../../../nodes/MistDiagnose/rules';

const context: DiagnosisContext = {
	org_id: 'org',
	now: 0,
	siteNames: { s1: 'One', s2: 'Two' },
};

type Call = ['check' | 'checkDistinct', string, string];

/** The healthy list as `id@site`, in order. */
function healthy(calls: Call[]): string[] {
	const health = new HealthTracker('association', context);
	for (const [method, id, siteId] of calls) health[method]('client', id, siteId);
	return health
		.result([])
		.healthy.map((entity) => `${entity.level}:${entity.id}@${entity.site_id}`);
}

describe('HealthTracker: checkDistinct lists the same entities as check', () => {
	it.each<[string, Call[], string[]]>([
		[
			'distinct ids, sites listed before their clients',
			[
				['checkDistinct', 'a', 's1'],
				['checkDistinct', 'b', 's2'],
				['checkDistinct', 'c', 's1'],
			],
			['site:s1@s1', 'client:a@s1', 'site:s2@s2', 'client:b@s2', 'client:c@s1'],
		],
		[
			'an id checked again by check after checkDistinct is listed once',
			[
				['checkDistinct', 'a', 's1'],
				['check', 'a', 's2'],
				['check', 'b', 's1'],
			],
			// The site of a repeated record is still checked, as check does.
			['site:s1@s1', 'client:a@s1', 'site:s2@s2', 'client:b@s1'],
		],
		[
			'checkDistinct after check dedupes against the ids check saw',
			[
				['check', 'a', 's1'],
				['checkDistinct', 'a', 's1'],
				['checkDistinct', 'b', 's1'],
			],
			['site:s1@s1', 'client:a@s1', 'client:b@s1'],
		],
	])('%s', (_name, calls, expected) => {
		expect(healthy(calls)).toEqual(expected);
		// The same calls through check alone give the same list.
		expect(healthy(calls.map(([, id, siteId]) => ['check', id, siteId]))).toEqual(expected);
	});

	it('a site a finding touches is not healthy, nor its flagged client', () => {
		const health = new HealthTracker('association', context);
		health.checkDistinct('client', 'a', 's1');
		health.checkDistinct('client', 'b', 's2');
		health.flag('client', 'a');
		expect(health.result([]).healthy.map((entity) => entity.id)).toEqual(['s1', 's2', 'b']);
	});
});

describe('clientDirectory', () => {
	it('keeps a MAC listed twice at its first place, with its last record', () => {
		const directory = clientDirectory([
			{ mac: 'AA:BB:CC:00:00:01', site_id: 's1', hostname: 'first', vlan_id: '10' },
			{ mac: 'aabbcc000002', site_id: 's1' },
			{ mac: 'aabbcc000001', site_id: 's2', hostname: 'last', vlan_id: '20' },
		]);
		const seen: string[] = [];
		directory.forEachClient('fallback', (mac, siteId, hostname) =>
			seen.push(`${mac}@${siteId}:${hostname ?? '-'}`),
		);
		expect(seen).toEqual(['aabbcc000001@s2:last', 'aabbcc000002@s1:-']);
		expect(directory.hostname('aabbcc000001')).toBe('last');
		expect(directory.vlan('aabbcc000001')).toBe('20');
		expect(directory.hostname('aabbcc000009')).toBeUndefined();
	});

	it('gives a client without a site the fallback site', () => {
		const seen: Array<string | undefined> = [];
		clientDirectory([{ mac: 'aabbcc000001' }]).forEachClient('s9', (_mac, siteId) =>
			seen.push(siteId),
		);
		expect(seen).toEqual(['s9']);
	});
});

describe('withFields', () => {
	it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
		['adds fields after the base ones', { a: 1, b: 2 }, { c: 3 }],
		['overrides a base field in its place', { a: 1, b: 2 }, { a: 9, c: 3 }],
		['keeps undefined values as keys', { a: undefined }, { b: undefined }],
	])('%s, as a spread does', (_name, base, more) => {
		const merged = withFields(base, more);
		expect(Object.entries(merged)).toEqual(Object.entries({ ...base, ...more }));
		expect(merged).not.toBe(base);
	});
});
