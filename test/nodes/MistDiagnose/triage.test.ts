import type { IDataObject } from 'n8n-workflow';

import { startSimulator } from '../../../simulator/src';
import type { RunningSimulator } from '../../../simulator/src';
import { LEAK_CANARY, serialise } from '../../helpers/executeContext';
import { runDiagnose } from './helpers';

describe('Mist Diagnose triage and parameters', () => {
	let sim: RunningSimulator;
	const client = (hostname: string) =>
		[...sim.world.clients.values()].find((candidate) => candidate.hostname === hostname)!;
	const ap = (name: string) =>
		[...sim.world.aps.values()].find((candidate) => candidate.name === name)!;
	const healthyClient = () =>
		[...sim.world.clients.values()].find((candidate) =>
			candidate.hostname?.startsWith('branch-control'),
		)!;

	beforeAll(async () => {
		sim = await startSimulator({ port: 0, scenario: 'demo' });
	});
	afterAll(async () => sim?.close());

	it("records its Mist calls in the token's API budget ledger, unpaced, under its workflow", async () => {
		const staticData: IDataObject = {};
		const nak = client('hq-laptop-nak-01');
		const run = await runDiagnose(
			sim,
			{ step: 'dhcp', mode: 'triage', itemKind: 'client' },
			{ items: [{ json: { mac: nak.mac } }], staticData, workflowId: 'wfWebhookTriage' },
		);
		const calls = Number((run.issues[0]._requestStats as IDataObject).calls);
		expect(calls).toBeGreaterThan(0);
		const ledger = (staticData['memory:workflow'] as IDataObject)['budget:unsaved'] as IDataObject;
		expect(ledger.unpaced).toEqual({ wfWebhookTriage: calls });
		expect(ledger.workflows).toEqual({});
	});

	it('sends a failing client to Issues and a healthy one to Healthy, each paired with its item', async () => {
		const nak = client('hq-laptop-nak-01');
		const fine = [...sim.world.clients.values()].find(
			(candidate) => candidate.siteId === sim.world.sites[2].id,
		)!;
		const items = [
			{ json: { mac: nak.mac, site_id: nak.siteId, ticket: 'INC-1' } },
			{ json: { mac: fine.mac, site_id: fine.siteId, ticket: 'INC-2' } },
		];
		const run = await runDiagnose(
			sim,
			{ step: 'dhcp', mode: 'triage', itemKind: 'client' },
			{ items },
		);
		expect(run.issues.map((finding) => finding.rule)).toEqual(['client_dhcp_failure']);
		expect(run.raw[0][0].pairedItem).toEqual({ item: 0 });
		expect(run.healthy).toHaveLength(1);
		expect(run.healthy[0]).toMatchObject({
			mac: fine.mac,
			ticket: 'INC-2',
			diagnosis: { steps: ['dhcp'], healthy: true },
		});
		expect(run.raw[1][0].pairedItem).toEqual({ item: 1 });
	});

	it('does not re-diagnose a client in later steps once an earlier step found its cause', async () => {
		const nak = client('hq-laptop-nak-01');
		const saved = nak.rssi;
		nak.rssi = -86; // weak too: client health alone would flag it
		try {
			const items = [{ json: { mac: nak.mac, site_id: nak.siteId } }];
			const healthOnly = await runDiagnose(
				sim,
				{ step: 'client_health', mode: 'triage', itemKind: 'client' },
				{ items },
			);
			expect(healthOnly.issues.map((finding) => finding.rule)).toContain('client_weak_signal');
			const chart = await runDiagnose(
				sim,
				{ step: 'all', mode: 'triage', itemKind: 'client' },
				{ items },
			);
			expect(chart.issues.map((finding) => finding.rule)).toContain('client_dhcp_failure');
			expect(chart.issues.map((finding) => finding.step)).not.toContain('client_health');
		} finally {
			nak.rssi = saved;
		}
	});

	it('tells a client caught in a site-wide DHCP outage about the shared VLAN problem', async () => {
		const victim = sim.world.faults.find((fault) => fault.kind === 'dhcp_unresponsive')!
			.clientMacs[0];
		const run = await runDiagnose(
			sim,
			{ step: 'dhcp', mode: 'triage' },
			{ items: [{ json: { mac: victim.toUpperCase().match(/../g)!.join(':') } }] },
		);
		expect(
			run.issues.map((finding) => [finding.rule, (finding.scope as IDataObject).level]),
		).toContainEqual(['dhcp_server_unresponsive', 'vlan']);
	});

	it('checks client health of the items only, on their own site', async () => {
		const weak = client('warehouse-scanner-far-01');
		const run = await runDiagnose(
			sim,
			{ step: 'client_health', mode: 'triage' },
			{ items: [{ json: { mac: weak.mac, site_id: weak.siteId } }] },
		);
		expect(run.issues).toHaveLength(1);
		expect(run.issues[0]).toMatchObject({
			rule: 'client_weak_signal',
			scope: { client_mac: weak.mac },
		});
	});

	it('notes when client health could not be checked for lack of a site', async () => {
		const run = await runDiagnose(
			sim,
			{ step: 'client_health', mode: 'triage' },
			{ items: [{ json: { mac: healthyClient().mac } }] },
		);
		expect(run.healthy[0].diagnosis).toMatchObject({
			notChecked: [expect.stringContaining('no site ID')],
		});
	});

	it('triages APs: the offline one is an issue, a healthy one passes', async () => {
		const offline = ap('Warehouse-AP-05');
		const fine =
			ap('Branch-Control-AP-01') ??
			[...sim.world.aps.values()].find((candidate) => candidate.siteId === sim.world.sites[2].id)!;
		const items = [{ json: { mac: offline.mac } }, { json: { mac: fine.mac } }];
		const run = await runDiagnose(
			sim,
			{ step: 'ap_health', mode: 'triage', itemKind: 'ap' },
			{ items },
		);
		expect(run.issues.map((finding) => finding.rule)).toEqual(['ap_offline']);
		expect(run.healthy.map((item) => item.mac)).toEqual([fine.mac]);
	});

	it('names the MAC field for an unreadable MAC, item by item with Continue On Fail', async () => {
		const items = [{ json: { mac: 'printer' } }, { json: { mac: healthyClient().mac } }];
		await expect(
			runDiagnose(sim, { step: 'association', mode: 'triage' }, { items }),
		).rejects.toThrow('Invalid MAC: "printer" is not a MAC address');
		const run = await runDiagnose(
			sim,
			{ step: 'association', mode: 'triage' },
			{ items, continueOnFail: true },
		);
		expect(run.issues[0]).toMatchObject({ error: 'Invalid MAC: "printer" is not a MAC address' });
		expect(run.raw[0][0].pairedItem).toEqual({ item: 0 });
		expect(run.raw[1][0].pairedItem).toEqual({ item: 1 });
	});

	it.each([
		[{ window: '90 minutes' }, 'Invalid Time Window: "90 minutes" is not a Mist duration'],
		[
			{ thresholds: { rssiWarn: -90, rssiCrit: -70 } },
			'Invalid threshold "rssiDataDbm": crit must be lower than or equal to warn',
		],
		[
			{ thresholds: { advanced: '{"sharedMinClients": ' } },
			'Invalid Advanced Thresholds (JSON): it is not valid JSON',
		],
		[{ thresholds: { advanced: '{"noSuchThreshold": 1}' } }, 'Invalid threshold'],
		[
			{ options: { baselineField: 'history' } },
			'Invalid Baseline Field: the input item has no object in "history"',
		],
		[{ step: 'firmware' }, 'Invalid Step: "firmware" is not a diagnosis step'],
	])('rejects bad parameters %p with a message naming the field', async (params, message) => {
		await expect(runDiagnose(sim, { step: 'dhcp', ...params })).rejects.toThrow(message);
	});

	it('applies thresholds from the parameters: a stricter RSSI limit flags more clients', async () => {
		const normal = await runDiagnose(sim, {
			step: 'client_health',
			options: { drillAllSites: true },
		});
		const strict = await runDiagnose(sim, {
			step: 'client_health',
			options: { drillAllSites: true },
			thresholds: { rssiWarn: -55, rssiCrit: -80 },
		});
		const weak = (run: typeof normal) =>
			run.issues.filter((finding) => finding.rule === 'client_weak_signal').length;
		expect(weak(strict)).toBeGreaterThan(weak(normal));
	});

	it('uses the baseline from the input: a usual failure level is downgraded to info', async () => {
		const hq = sim.world.sites.find((site) => site.name === 'HQ')!;
		const baseline = { dhcp: { [hq.id]: [5, 6, 7, 6, 5, 6, 7, 6] } };
		const run = await runDiagnose(
			sim,
			{ step: 'dhcp', options: { baselineField: 'baseline' } },
			{ items: [{ json: { baseline } }] },
		);
		const vlan20 = run.issues.find(
			(finding) =>
				finding.rule === 'dhcp_failures_vlan' && (finding.scope as IDataObject).vlan === '20',
		);
		expect(vlan20?.severity).toBe('info');
	});

	it('shares the site list and event catalogue between steps through workflow static data', async () => {
		const staticData: IDataObject = {};
		sim.resetCalls();
		await runDiagnose(sim, { step: 'association' }, { staticData });
		await runDiagnose(sim, { step: 'dhcp' }, { staticData });
		const paths = sim.calls().map((call) => call.path);
		expect(paths.filter((path) => path.endsWith('/sites'))).toHaveLength(1);
		expect(paths.filter((path) => path === '/api/v1/const/client_events')).toHaveLength(1);
	});

	it('never puts the API token in output or errors', async () => {
		const run = await runDiagnose(sim, { step: 'all' });
		expect(serialise(run.raw)).not.toContain(sim.token);
		expect(serialise(run.raw)).not.toContain(LEAK_CANARY);
	});
});

describe('Mist Diagnose sweep chaining', () => {
	it('keeps one summary item on Healthy when no site passed, so the next step still runs', async () => {
		const sim = await startSimulator({ port: 0, scenario: 'demo' });
		try {
			const hq = sim.world.sites.find((site) => site.name === 'HQ')!;
			const run = await runDiagnose(sim, { step: 'dhcp', options: { siteIds: hq.id } });
			expect(run.issues.length).toBeGreaterThan(0);
			expect(run.healthy).toEqual([
				expect.objectContaining({
					level: 'org',
					healthy_sites: 0,
					summary: 'No site passed dhcp without a major or worse problem.',
				}),
			]);
		} finally {
			await sim.close();
		}
	});
});
