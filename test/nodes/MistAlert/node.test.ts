import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { MistAlert } from '../../../nodes/MistAlert/MistAlert.node';
import type { Finding } from '../../../nodes/shared/findings/types';
import { createExecuteContext } from '../../helpers/executeContext';
import { apFinding, clientFinding, MIN, T0 } from './fixtures';

const TIER1 = 0;
const TIER2 = 1;
const TIER3 = 2;
const RESOLVED = 3;
const INVALID = 4;

function execute(
	items: IDataObject[],
	staticData: IDataObject,
	params: Record<string, unknown> = {},
	continueOnFail = false,
) {
	const ctx = createExecuteContext({
		params: {
			operation: 'evaluate',
			groupBy: ['site', 'rule'],
			options: { groupWaitSeconds: 0 },
			...params,
		},
		items: items.map((json) => ({ json })),
		staticData,
		continueOnFail,
		credentials: { mistPagerDutyEventsApi: { routingKey: 'rk-1' } },
		node: {
			name: 'Mist Alert',
			type: 'n8n-nodes-juniper-mist.mistAlert',
			credentials: { mistPagerDutyEventsApi: { id: 'pd-1', name: 'PagerDuty' } },
		},
	});
	return new MistAlert().execute.call(ctx);
}

const asItems = (findings: Finding[]) => findings as unknown as IDataObject[];
/** The incidents as the default memory (this workflow's static data) keeps them. */
const storedIncidents = (staticData: IDataObject) =>
	(staticData['memory:workflow'] as IDataObject)['alert:incidents'] as IDataObject;
const WORKFLOW_MEMORY = { store: 'workflow static data', namespace: 'workflow' };
const titles = (output: INodeExecutionData[]) => output.map((item) => item.json.title);

describe('Mist Alert node', () => {
	let clock: jest.SpyInstance;
	const at = (ms: number) => clock.mockReturnValue(ms);
	beforeEach(() => {
		clock = jest.spyOn(Date, 'now').mockReturnValue(T0);
	});
	afterEach(() => clock.mockRestore());

	it('declares the tier outputs', () => {
		expect(new MistAlert().description.outputNames).toEqual([
			'Tier 1 Chat',
			'Tier 2 Email',
			'Tier 3 Pager',
			'Resolved',
			'Invalid',
		]);
	});

	it('persists incidents across executions sharing static data: no duplicate, no lost resolution', async () => {
		const staticData: IDataObject = {};
		const finding = apFinding('aabbccddee40', 'minor');
		at(T0);
		const first = await execute(asItems([finding]), staticData);
		expect(titles(first[TIER1])).toEqual([`[FIRING:1] AP offline at HQ`]);
		expect(first[TIER1][0].pairedItem).toEqual([{ item: 0 }]);
		expect(storedIncidents(staticData)).toMatchObject({ version: 1, runs: 1 });

		clock.mockReturnValue(T0 + 5 * MIN);
		const second = await execute(asItems([finding]), staticData);
		expect(second.flat()).toEqual([]);

		clock.mockReturnValue(T0 + 10 * MIN);
		expect((await execute([{}], staticData)).flat()).toEqual([]);
		clock.mockReturnValue(T0 + 15 * MIN);
		const resolved = await execute([{}], staticData);
		expect(titles(resolved[RESOLVED])).toEqual(['[RESOLVED:1] AP offline at HQ']);
		expect(resolved[RESOLVED][0].pairedItem).toEqual([{ item: 0 }]);
		expect(resolved[RESOLVED][0].json.incidents).toEqual([
			expect.objectContaining({ status: 'resolved', fingerprint: finding.fingerprint }),
		]);
	});

	it('pages a root cause, not the symptoms it explains', async () => {
		const cause = apFinding('aabbccddee61', 'major');
		const symptoms = [
			clientFinding(61, { severity: 'major' }),
			clientFinding(62, { severity: 'major' }),
		].map((symptom) => ({
			...symptom,
			rootCause: cause.fingerprint,
		}));
		const staticData: IDataObject = {};
		const out = await execute(asItems([cause, ...symptoms]), staticData, {
			options: { groupWaitSeconds: 0, firstRunDigest: false },
		});
		expect(out[TIER1]).toHaveLength(1);
		expect(out[TIER1][0].json.fingerprints).toEqual([cause.fingerprint]);
		expect(out[INVALID]).toEqual([]);
		expect(Object.keys(storedIncidents(staticData).incidents as IDataObject)).toEqual([
			cause.fingerprint,
		]);
	});

	it('routes each tier to its output with every channel payload', async () => {
		const staticData: IDataObject = {};
		const critical = apFinding('aabbccddee41', 'critical');
		await execute(asItems([critical]), staticData);
		clock.mockReturnValue(T0 + 31 * MIN);
		const out = await execute(asItems([critical]), staticData);
		expect(out[TIER3]).toHaveLength(1);
		expect(out[TIER3][0].json).toMatchObject({
			notice: 'page',
			pagerduty: { routing_key: 'rk-1', event_action: 'trigger', dedup_key: critical.fingerprint },
		});
		expect(Object.keys(out[TIER3][0].json)).toEqual(
			expect.arrayContaining([
				'slack',
				'teams',
				'email',
				'pagerduty',
				'webhook',
				'incidents',
				'fingerprints',
				'title',
			]),
		);
		expect(out[TIER2]).toEqual([]);
	});

	it.each([
		['on by default', { groupWaitSeconds: 0 }, 1, 1],
		['switched off', { groupWaitSeconds: 0, firstRunDigest: false }, 3, 3],
	])(
		'First Run Digest %s: the first execution sends %i chat and %i email item(s) for 3 groups',
		async (_name, options, chat, email) => {
			const findings = [
				apFinding('aabbccddee51', 'major'),
				clientFinding(52, { severity: 'major' }),
				clientFinding(53, { rule: 'client_low_snr', severity: 'major' }),
			];
			const out = await execute(asItems(findings), {}, { options });
			expect(out[TIER1]).toHaveLength(chat);
			expect(out[TIER2]).toHaveLength(email);
			expect(out[TIER1][0].pairedItem).toEqual(
				chat === 1 ? [{ item: 0 }, { item: 1 }, { item: 2 }] : [{ item: 0 }],
			);
			expect(out[TIER1].map((item) => item.json.digest)).toEqual(Array(chat).fill(chat === 1));
		},
	);

	it('acknowledges by fingerprint with the Acknowledge operation and stops escalation', async () => {
		const staticData: IDataObject = {};
		const critical = apFinding('aabbccddee42', 'critical');
		await execute(asItems([critical]), staticData);
		clock.mockReturnValue(T0 + 5 * MIN);
		const ack = await execute(
			[{ ack: true, fingerprint: critical.fingerprint, by: 'bob', note: 'replacing PSU' }],
			staticData,
			{
				operation: 'acknowledge',
			},
		);
		expect(ack.flat()).toEqual([]);
		clock.mockReturnValue(T0 + 60 * MIN);
		expect((await execute(asItems([critical]), staticData))[TIER3]).toEqual([]);
		const incidents = await execute([{}], staticData, { operation: 'getIncidents' });
		expect(incidents[0][0].json).toMatchObject({
			kind: 'incident',
			fingerprint: critical.fingerprint,
			acknowledged: { by: 'bob', note: 'replacing PSU' },
		});
	});

	it('names the missing field of a non-finding item', async () => {
		const broken = { ...clientFinding(1) } as Partial<Finding>;
		delete broken.severity;
		await expect(execute([broken as IDataObject], {})).rejects.toThrow(
			'Item 0: Not a Mist finding: "severity" Required',
		);
	});

	it('sends invalid items and unknown acknowledgements to the Invalid output under continueOnFail, with pairedItem', async () => {
		const staticData: IDataObject = {};
		const good = clientFinding(2);
		const out = await execute(
			[
				{ hello: 'world' },
				good as unknown as IDataObject,
				{ ack: true, fingerprint: 'mist:o:s:r:nope' },
				{ ack: 'yes' },
			],
			staticData,
			{},
			true,
		);
		expect(out[INVALID].map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 3 },
			{ item: 2 },
		]);
		expect(out[INVALID][0].json.error).toMatch(
			/^Item 0: Not a Mist finding: "fingerprint" Required/,
		);
		expect(out[INVALID][1].json.error).toBe(
			'Item 3: Acknowledgement: "ack" must be true, got "yes"',
		);
		expect(out[INVALID][2].json.error).toBe(
			'Item 2: Acknowledgement: "fingerprint" "mist:o:s:r:nope" matches no open incident',
		);
		expect(out[TIER1]).toHaveLength(1);
		expect(out[TIER1][0].pairedItem).toEqual([{ item: 1 }]);
	});

	it.each([
		[
			{
				muteWindows: { window: [{ start: '25:00', end: '06:00', timezone: 'UTC', weekdays: [] }] },
			},
			'Mute window 1: "Start Time" "25:00" is not HH:mm',
		],
		[
			{
				muteWindows: {
					window: [{ start: '22:00', end: '06:00', timezone: 'Mars/Olympus', weekdays: [] }],
				},
			},
			'"Timezone" "Mars/Olympus" is not an IANA time zone',
		],
		[
			{ silences: { silence: [{ endsAt: 'tomorrow', rule: 'x' }] } },
			'Silence 1: "Ends At" "tomorrow" is not a date-time',
		],
	])('rejects bad settings with the field named (%#)', async (params, message) => {
		await expect(execute(asItems([clientFinding(3)]), {}, params)).rejects.toThrow(message);
	});

	it('applies silences from the parameters', async () => {
		const out = await execute(
			asItems([clientFinding(4)]),
			{},
			{
				silences: {
					silence: [{ site: 'HQ', endsAt: new Date(T0 + 60 * MIN).toISOString(), severity: '' }],
				},
			},
		);
		expect(out.flat()).toEqual([]);
	});
});

describe('Mist Alert node › upstream failures', () => {
	let clock: jest.SpyInstance;
	beforeEach(() => {
		clock = jest.spyOn(Date, 'now').mockReturnValue(T0);
	});
	afterEach(() => clock.mockRestore());

	it('does not resolve incidents while the upstream diagnosis reports errors', async () => {
		const staticData: IDataObject = {};
		const finding = apFinding('aabbccddee50', 'minor');
		await execute(asItems([finding]), staticData, {
			options: { groupWaitSeconds: 0, tier2AfterMinutes: 1000 },
		});
		for (const minutes of [5, 10, 15]) {
			clock.mockReturnValue(T0 + minutes * MIN);
			const out = await execute([{ error: 'Mist API 503' }], staticData);
			expect(out[RESOLVED]).toEqual([]);
			expect(out[INVALID]).toEqual([
				{
					json: { error: 'Mist API 503', upstream: true, memory: WORKFLOW_MEMORY },
					pairedItem: { item: 0 },
				},
			]);
		}
		clock.mockReturnValue(T0 + 20 * MIN);
		await execute([{}], staticData);
		clock.mockReturnValue(T0 + 25 * MIN);
		expect((await execute([{}], staticData))[RESOLVED]).toHaveLength(1);
	});

	it('leaves the incidents of a step that did not check this run as they are, and names a bad marker', async () => {
		const staticData: IDataObject = {};
		const finding = apFinding('aabbccddee51', 'minor');
		await execute(asItems([finding]), staticData, {
			options: { groupWaitSeconds: 0, resolveAfterCleanRuns: 1 },
		});
		const notDue = { kind: 'notChecked', level: 'org', steps: ['ap_health'], reason: 'notDue' };
		clock.mockReturnValue(T0 + 5 * MIN);
		const quiet = await execute([{}, notDue], staticData, {
			options: { groupWaitSeconds: 0, resolveAfterCleanRuns: 1 },
		});
		expect(quiet[RESOLVED]).toEqual([]);
		expect(quiet[INVALID]).toEqual([]);
		expect(storedIncidents(staticData)).toMatchObject({
			incidents: { [finding.fingerprint]: { status: 'open' } },
		});
		clock.mockReturnValue(T0 + 10 * MIN);
		const checked = await execute([{}], staticData, {
			options: { groupWaitSeconds: 0, resolveAfterCleanRuns: 1 },
		});
		expect(checked[RESOLVED]).toHaveLength(1);

		await expect(execute([{ ...notDue, steps: ['dhpc'] }], {})).rejects.toThrow(
			'Item 0: Not-checked marker: "steps" must list diagnosis steps',
		);
	});
});
