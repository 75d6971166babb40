import type { IDataObject } from 'n8n-workflow';

import { EventTypeFilter } from '../../../nodes/MistDiagnose/collect/typeFilter';
import { ACCOUNT, fakeCloud, ORG_ID, runOnCloud, useNock } from './fakeCloud';
import { useFakeDate } from './helpers';

const SITE = '978c48e6-6ef6-11e6-8bbf-02e208b2d34f';
const AP = '5c5b350e0001';
const NOW = Math.floor(Date.now() / 1000);
const ASSOC_FAIL = 'CLIENT_ASSOCIATION_FAILURE';
const catalogue = [
	{ key: ASSOC_FAIL, display: 'Association Failure', group: 'association' },
	{ key: 'CLIENT_REASSOCIATION_FAILURE', display: 'Reassociation Failure', group: 'association' },
	{ key: 'MARVIS_EVENT_WLC_FT_KEY_NOT_FOUND', display: 'FT Key Not Found', group: 'association' },
	{ key: 'CLIENT_AUTHENTICATED', display: 'Authenticated', group: 'authentication' },
];
const event = (type: string, index: number, extra: IDataObject = {}) => ({
	type,
	mac: `dadbfc00000${index}`,
	site_id: SITE,
	ap: AP,
	bssid: '5c5b350e0011',
	timestamp: NOW - 300 + index,
	...extra,
});
/** Three clients failing on one AP, and the successes every org has. */
const faulty = [1, 2, 3].map((index) => event(ASSOC_FAIL, index));
const successes = [1, 2, 3, 4, 5].map((index) => event('CLIENT_AUTHENTICATED', index));
const cloud = (splitsTypeLists: boolean, clientEvents: IDataObject[], extra: IDataObject = {}) =>
	fakeCloud({
		sites: [{ id: SITE, name: 'HQ' }],
		catalogue,
		clientEvents,
		splitsTypeLists,
		...extra,
	});
const eventReads = (run: { issues: IDataObject[]; healthy: IDataObject[] }) =>
	(run.issues[0] ?? run.healthy[0])._eventReads as IDataObject;

describe('Mist Diagnose › comma-separated type filters', () => {
	useNock();

	it('a cloud that takes the list as one literal type: checked, read per type, and the faults are found', async () => {
		const mist = cloud(false, [...faulty, ...successes]);
		const staticData: IDataObject = {};
		const run = await runOnCloud({ step: 'association' }, staticData);

		expect(run.issues.map((finding) => finding.rule)).toEqual(['association_failures_ap']);
		expect(run.issues[0]).toMatchObject({ count: 3, scope: { site_id: SITE, ap_mac: AP } });
		expect(eventReads(run)).toMatchObject({
			eventFilterMode: 'perType',
			eventFilterVerifiedBy: 'check',
		});
		// The list read, the count, the probe of a list of types known to have events, then the one type with events.
		expect(
			mist
				.callsTo('/clients/events/search')
				.map((call) => new URLSearchParams(call.split('?')[1]).get('type')),
		).toEqual([
			`${ASSOC_FAIL},CLIENT_REASSOCIATION_FAILURE,MARVIS_EVENT_WLC_FT_KEY_NOT_FOUND`,
			`CLIENT_AUTHENTICATED,${ASSOC_FAIL}`,
			ASSOC_FAIL,
		]);
		expect(mist.callsTo('/clients/events/count')).toHaveLength(1);

		// The next run of the workflow remembers the mode: no list read, no probe.
		mist.calls.length = 0;
		const again = await runOnCloud({ step: 'association' }, staticData);
		expect(again.issues.map((finding) => finding.rule)).toEqual(['association_failures_ap']);
		expect(eventReads(again)).toMatchObject({
			eventFilterMode: 'perType',
			eventFilterVerifiedBy: 'earlierCheck',
		});
		expect(
			mist
				.callsTo('/clients/events/search')
				.map((call) => new URLSearchParams(call.split('?')[1]).get('type')),
		).toEqual([ASSOC_FAIL]);
	});

	it('a cloud that splits lists and has failures: one read, no check', async () => {
		const mist = cloud(true, [...faulty, ...successes]);
		const staticData: IDataObject = {};
		const run = await runOnCloud({ step: 'association' }, staticData);
		expect(run.issues.map((finding) => finding.rule)).toEqual(['association_failures_ap']);
		expect(eventReads(run)).toMatchObject({
			eventFilterMode: 'list',
			eventFilterVerifiedBy: 'events',
		});
		expect(mist.callsTo('/clients/events/search')).toHaveLength(1);
		expect(mist.callsTo('/clients/events/count')).toHaveLength(0);
		expect(staticData.mistDiagnoseCache).toMatchObject({
			[`${ACCOUNT}:${ORG_ID}:eventTypeFilter`]: { value: 'list' },
		});
	});

	it('a healthy org on a cloud that splits lists: two check calls once, then none', async () => {
		const mist = cloud(true, successes);
		const staticData: IDataObject = {};
		const run = await runOnCloud({ step: 'association' }, staticData);
		expect(run.issues).toEqual([]);
		expect(run.healthy).toEqual([
			expect.objectContaining({ site_id: SITE, steps: ['association'] }),
		]);
		expect(eventReads(run)).toMatchObject({
			eventFilterMode: 'list',
			eventFilterVerifiedBy: 'check',
		});
		expect(mist.callsTo('/clients/events/search')).toHaveLength(2);
		expect(mist.callsTo('/clients/events/count')).toHaveLength(1);

		mist.calls.length = 0;
		const again = await runOnCloud({ step: 'association' }, staticData);
		expect(again.healthy).toHaveLength(1);
		expect(eventReads(again)).toMatchObject({
			eventFilterMode: 'list',
			eventFilterVerifiedBy: 'earlierCheck',
		});
		expect(mist.callsTo('/clients/events/search')).toHaveLength(1);
		expect(mist.callsTo('/clients/events/count')).toHaveLength(0);
	});

	it('a healthy org on a literal cloud: the count shows no failure, so the empty answer stands, and the mode is learned', async () => {
		const mist = cloud(false, successes);
		const staticData: IDataObject = {};
		const run = await runOnCloud({ step: 'association' }, staticData);
		expect(run.healthy).toEqual([expect.objectContaining({ site_id: SITE })]);
		expect(eventReads(run)).toMatchObject({
			eventFilterMode: 'perType',
			eventFilterVerifiedBy: 'check',
		});
		expect(mist.callsTo('/clients/events/search')).toHaveLength(2);
	});

	it('when the check fails, every type is read alone (which a list cannot fool), the faults are found, and the output says why', async () => {
		const mist = cloud(false, [...faulty, ...successes], { countStatus: 404 });
		const staticData: IDataObject = {};
		const run = await runOnCloud({ step: 'association' }, staticData);
		expect(run.issues.map((finding) => finding.rule)).toEqual(['association_failures_ap']);
		expect(eventReads(run)).toMatchObject({
			eventFilterMode: 'perType',
			eventFilterVerifiedBy: 'checkFailed',
			eventFilterCheckError: expect.stringMatching(/not found|404/i),
		});
		expect(mist.callsTo('/clients/events/search')).toHaveLength(4);
		// Not remembered: the next run checks again.
		expect(JSON.stringify(staticData)).not.toContain('eventTypeFilter');
	});

	it('when the check fails and the per-type reads fail too, the sites are not reported healthy: the node fails', async () => {
		cloud(false, [...faulty, ...successes], { countStatus: 404, singleTypeSearchStatus: 403 });
		await expect(runOnCloud({ step: 'association' })).rejects.toThrow(/403|forbidden|permission/i);
	});

	it('device event reads on a literal cloud are read per type too, so AP reboots are found', async () => {
		const restarts = [1, 2, 3].map((index) => ({
			type: 'AP_RESTARTED',
			mac: AP,
			site_id: SITE,
			device_type: 'ap',
			timestamp: NOW - 600 + index * 60,
		}));
		const mist = cloud(false, successes, {
			deviceEvents: restarts,
			aps: [
				{
					mac: AP,
					id: `00000000-0000-0000-1000-${AP}`,
					name: 'HQ-AP-01',
					site_id: SITE,
					status: 'connected',
					type: 'ap',
				},
			],
		});
		const run = await runOnCloud({ step: 'ap_health' });
		expect(run.issues.map((finding) => finding.rule)).toEqual(['ap_repeated_reboots']);
		expect(eventReads(run)).toMatchObject({
			eventFilterMode: 'perType',
			eventFilterVerifiedBy: 'check',
		});
		expect(mist.callsTo('/devices/events/search').length).toBeGreaterThan(1);
	});
});

describe('EventTypeFilter check (count, then a probe a literal reading cannot pass)', () => {
	const filter = (counts: Record<string, number> | Error, honoured: boolean | Error) => {
		const probed: string[][] = [];
		const check = new EventTypeFilter(
			{
				countTypes: async () => {
					if (counts instanceof Error) throw counts;
					return counts;
				},
				listReturnsEvents: async (types) => {
					probed.push(types);
					if (honoured instanceof Error) throw honoured;
					return honoured;
				},
			},
			'org:eventTypeFilter',
		);
		return { check, probed };
	};

	it('probes the most frequent type with the next one, and learns the mode', async () => {
		const { check, probed } = filter(
			{ CLIENT_DNS_OK: 3, CLIENT_AUTHENTICATED: 9, CLIENT_ASSOCIATION_FAILURE: 0 },
			false,
		);
		expect(await check.runCheck()).toMatchObject({ mode: 'perType' });
		expect(probed).toEqual([['CLIENT_AUTHENTICATED', 'CLIENT_DNS_OK']]);
		expect(await check.knownMode()).toBe('perType');
		expect(check.report()).toEqual({ eventFilterMode: 'perType', eventFilterVerifiedBy: 'check' });
	});

	it('pairs a lone type with another type name, so the probe is still a list', async () => {
		const { check, probed } = filter({ CLIENT_ASSOCIATION: 4 }, true);
		expect(await check.runCheck()).toMatchObject({ mode: 'list' });
		expect(probed).toEqual([['CLIENT_ASSOCIATION', 'CLIENT_IP_ASSIGNED']]);
	});

	it('cannot decide without any event, and says so when a call fails', async () => {
		expect(await filter({}, true).check.runCheck()).toEqual({ counts: {} });
		expect(await filter(new Error('Mist API error 404'), true).check.runCheck()).toEqual({
			error: 'Mist API error 404',
		});
		const failedProbe = filter({ CLIENT_DNS_OK: 1 }, new Error('timeout'));
		expect(await failedProbe.check.runCheck()).toEqual({
			counts: { CLIENT_DNS_OK: 1 },
			error: 'timeout',
		});
		expect(await failedProbe.check.knownMode()).toBeUndefined();
	});

	describe('Mist Diagnose › sites named by events', () => {
		useNock();

		it("reads the site list again once for a site only events name, then not while the id stays unknown (a deleted site's events)", async () => {
			const gone = 'aaaaaaaa-0000-4000-8000-00000000dead';
			const mist = cloud(true, [...faulty, event(ASSOC_FAIL, 7, { site_id: gone })]);
			const staticData: IDataObject = {};
			await runOnCloud({ step: 'association' }, staticData);
			// The list once, and once more because the events name a site it lacks.
			expect(mist.callsTo('/sites')).toHaveLength(2);
			mist.calls.length = 0;
			await runOnCloud({ step: 'association' }, staticData);
			expect(mist.callsTo('/sites')).toHaveLength(0);
		});

		it.each([
			[10, 2],
			[60, 1],
		])(
			'with Cover Every Site Within %i minutes, two client health sweeps 11 minutes apart read the site list %i time(s)',
			async (coverEveryMinutes, reads) => {
				const mist = cloud(true, successes, { sitesSle: [], clientStats: { [SITE]: [] } });
				const staticData: IDataObject = {};
				const t0 = Date.UTC(2026, 11, 6, 12);
				useFakeDate(t0);
				try {
					await runOnCloud({ step: 'client_health', options: { coverEveryMinutes } }, staticData);
					jest.setSystemTime(t0 + 11 * 60_000);
					await runOnCloud({ step: 'client_health', options: { coverEveryMinutes } }, staticData);
				} finally {
					jest.useRealTimers();
				}
				expect(mist.callsTo('/sites')).toHaveLength(reads);
			},
		);
	});
});
