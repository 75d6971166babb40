import type { IDataObject } from 'n8n-workflow';

import { forgetEventHistory } from '../../../nodes/MistDiagnose/collect/eventHistory';
import { forgetExecutionReads } from '../../../nodes/MistDiagnose/collect/executionReads';
import type { RunningSimulator } from '../../../simulator/src';
import { applyFaults } from '../../../simulator/src/generator/faults';
import { addSite } from '../../../simulator/src/generator/world';
import { Rng } from '../../../simulator/src/prng';
import { runDiagnose } from './helpers';
import { simulatorOnSimulatedClock } from './simulatedHour';

const MIN = 60_000;

/**
 * Client health reads the SLE-degraded sites and, on every sweep, a slice of the others, so that
 * every site's clients are read within the period (Cover Every Site Within).
 */
describe('Mist Diagnose rotating client coverage (100 sites)', () => {
	const start = Date.UTC(2026, 11, 6, 10, 0, 0);
	// The simulator follows the faked clock; forgotten reads and the real clock come back after.
	const simulator = simulatorOnSimulatedClock(start, { scenario: 'scale-100' });
	let sim: RunningSimulator;
	beforeAll(() => {
		sim = simulator();
	});
	afterEach(() => {
		forgetExecutionReads();
		forgetEventHistory();
	});

	const clientStatSites = () =>
		sim
			.calls()
			.map((call) => /^\/api\/v1\/sites\/([^/]+)\/stats\/clients$/.exec(call.path)?.[1])
			.filter((siteId): siteId is string => !!siteId);

	/** Sweeps of one step on one workflow's memory, each at the time given. */
	function sweeperOf(step: string, workflowId: string) {
		const staticData: IDataObject = {};
		return async (at: number, executionId: string) => {
			jest.setSystemTime(at);
			return await runDiagnose(sim, { step }, { staticData, workflowId, executionId });
		};
	}

	/** Ten client health sweeps a minute apart, on one workflow's memory. */
	async function sweeps(coverEveryMinutes: number, staticData: IDataObject = {}) {
		const runs = [];
		sim.resetCalls();
		for (let sweep = 0; sweep < 10; sweep++) {
			jest.setSystemTime(start + sweep * MIN);
			runs.push(
				await runDiagnose(
					sim,
					{ step: 'client_health', options: { coverEveryMinutes } },
					{ staticData, workflowId: 'wfCoverage', executionId: `c${coverEveryMinutes}-${sweep}` },
				),
			);
		}
		return runs;
	}

	it("reads every site's clients within the period, a slice a sweep, and says so", async () => {
		const runs = await sweeps(10);
		const read = clientStatSites();
		expect(new Set(read).size).toBe(100);
		// A slice of 100 × 60 s ÷ 10 min = 10 sites a sweep, besides the degraded ones (at most 10).
		expect(read.length).toBeLessThanOrEqual(10 * 20);
		const last = runs[9];
		const coverage = (last.issues[0] ?? last.healthy[0])._coverage as IDataObject;
		expect(coverage).toEqual(
			expect.objectContaining({
				sites: 100,
				coveredWithinPeriod: 100,
				neverRead: 0,
				periodMinutes: 10,
			}),
		);
		expect((coverage.readThisSweep as string[]).length).toBeGreaterThan(0);
		const healthySite = last.healthy.find((item) => item.kind === 'healthySite');
		expect(Date.parse(String(healthySite?.clients_read_at))).toBeLessThanOrEqual(start + 9 * MIN);
	}, 120_000);

	it('sweeps a site added mid-run at the next sweep, its weak clients in the findings', async () => {
		const sweep = sweeperOf('all', 'wfNewSite');
		await sweep(start + 20 * MIN, 'before');
		const branch = addSite(
			sim.world,
			{ name: 'Branch-New' },
			{ sites: 1, apsPerSite: 4, clientsPerSite: 12 },
			Date.now(),
		);
		for (const mac of branch.clientMacs) {
			const client = sim.world.clients.get(mac)!;
			client.rssi = -84;
			client.snr = 9;
		}
		const next = await sweep(start + 21 * MIN, 'after');
		const onBranch = next.issues.filter(
			(item) => (item.scope as IDataObject).site_id === branch.id,
		);
		expect(onBranch.map((item) => item.step)).toContain('client_health');
		expect((onBranch[0].scope as IDataObject).site_name).toBe('Branch-New');
		expect((next.issues[0]._coverage as IDataObject).readThisSweep).toContain(branch.id);
	}, 120_000);

	it('reads the site list again when only events name a site it lacks (DHCP step, no AP stats read)', async () => {
		const sweep = sweeperOf('dhcp', 'wfEventSite');
		await sweep(start + 30 * MIN, 'dhcp-before');
		const branch = addSite(
			sim.world,
			{ name: 'Branch-Dhcp' },
			{ sites: 1, apsPerSite: 2, clientsPerSite: 12 },
			Date.now(),
		);
		applyFaults(
			sim.world,
			[{ kind: 'dhcp_unresponsive', site: 'Branch-Dhcp' }],
			new Rng(7),
			Date.now(),
		);
		// Its switch would name it in the switch stats: listed on another site, only events name it.
		for (const switchId of branch.switchIds)
			sim.world.switches.get(switchId)!.siteId = sim.world.sites[0].id;
		sim.resetCalls();
		const next = await sweep(start + 31 * MIN, 'dhcp-after');
		expect(
			sim.calls().some((call) => call.path.endsWith('/stats/devices') && call.query?.type === 'ap'),
		).toBe(false);
		expect(sim.calls().filter((call) => /\/orgs\/[^/]+\/sites$/.test(call.path))).toHaveLength(1);
		const onBranch = next.issues.filter(
			(item) => (item.scope as IDataObject | undefined)?.site_id === branch.id,
		);
		expect(onBranch.length).toBeGreaterThan(0);
		expect((onBranch[0].scope as IDataObject).site_name).toBe('Branch-Dhcp');
		// The next sweep finds the site in the list it read: no further site list read.
		sim.resetCalls();
		await sweep(start + 32 * MIN, 'dhcp-later');
		expect(sim.calls().filter((call) => /\/orgs\/[^/]+\/sites$/.test(call.path))).toHaveLength(0);
	}, 120_000);

	it('finds weak clients on sites whose SLE looks fine, which degraded-only sweeps never read', async () => {
		const sitesWithClientFindings = (runs: Awaited<ReturnType<typeof sweeps>>) =>
			new Set(
				runs.flatMap((run) =>
					run.issues
						.filter((item) => item.step === 'client_health')
						.map((item) => String((item.scope as IDataObject).site_id)),
				),
			);
		const degradedOnly = sitesWithClientFindings(await sweeps(0));
		const readWithoutCoverage = new Set(clientStatSites());
		const rotating = sitesWithClientFindings(await sweeps(10));
		expect([...rotating].some((site) => !readWithoutCoverage.has(site))).toBe(true);
		expect(rotating.size).toBeGreaterThan(degradedOnly.size);
	}, 120_000);

	it("remembers the org's worst clients across sweeps; Org's Worst Clients lists them without a Mist call", async () => {
		const staticData: IDataObject = {};
		await sweeps(10, staticData);
		sim.resetCalls();
		const listed = await runDiagnose(
			sim,
			{ mode: 'worstClients', clientsPerMeasure: 10 },
			{ staticData, workflowId: 'wfCoverage' },
		);
		expect(sim.calls()).toEqual([]);
		const weakest = listed.issues.filter((item) => item.measure === 'rssi');
		expect(weakest.length).toBeGreaterThan(1);
		expect(weakest.map((item) => item.rank)).toEqual(weakest.map((_item, index) => index + 1));
		const values = weakest.map((item) => item.value as number);
		expect(values).toEqual([...values].sort((a, b) => a - b));
		for (const item of listed.issues) {
			expect(item).toEqual(
				expect.objectContaining({ kind: 'worstClient', client_mac: expect.any(String) }),
			);
			expect(Date.parse(String(item.measured_at))).toBeLessThanOrEqual(start + 9 * MIN);
			expect(Date.parse(String(item.site_read_at))).toBeGreaterThanOrEqual(start);
			if (item.limit !== undefined)
				expect(
					item.measure === 'retries'
						? (item.value as number) >= (item.limit as number)
						: (item.value as number) <= (item.limit as number),
				).toBe(true);
		}
		// The org's, not one site's (what is kept between sweeps: coverage.test.ts).
		expect(new Set(listed.issues.map((item) => item.site_id)).size).toBeGreaterThan(1);
		// Earlier tests add sites to the org.
		const sites = sim.world.sites.length;
		expect(listed.healthy).toEqual([
			expect.objectContaining({ kind: 'clientCoverage', sites, sites_read: sites }),
		]);
	}, 120_000);

	it("keeps each Mist credential's memory apart: another credential has nothing to list", async () => {
		const staticData: IDataObject = {};
		await sweeps(10, staticData);
		const other = await runDiagnose(
			sim,
			{ mode: 'worstClients' },
			{ staticData, workflowId: 'wfCoverage', credentialId: 'anotherAccount' },
		);
		expect(other.issues).toEqual([]);
		expect(other.healthy[0]).toEqual(
			expect.objectContaining({
				sites_read: 0,
				summary: expect.stringMatching(/^No client health sweep/),
			}),
		);
	}, 120_000);
});
