import type { IDataObject } from 'n8n-workflow';

import { startSimulator } from '../../../simulator/src';
import type { RunningSimulator } from '../../../simulator/src';
import { forgetEventHistory } from '../../../nodes/MistDiagnose/collect/eventHistory';
import { forgetExecutionReads } from '../../../nodes/MistDiagnose/collect/executionReads';
import { simulatorControl } from '../../../scripts/e2e/mistSimulator';
import { runDiagnose } from './helpers';

/**
 * Flowchart semantics in sweep mode: a step's Healthy output carries the sites it passed, and a
 * step chained after it examines those sites only.
 */
describe('Mist Diagnose sweep chaining', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0, scenario: 'demo' });
	});
	afterAll(async () => sim?.close());

	const siteIds = (items: IDataObject[]) =>
		new Set(
			items.map((item) => String((item.scope as IDataObject | undefined)?.site_id ?? item.site_id)),
		);

	it('examines only the sites the earlier step passed', async () => {
		const first = await runDiagnose(sim, { step: 'authentication' });
		const passed = siteIds(first.healthy);
		const failed = siteIds(first.issues.filter((item) => item.severity !== 'minor'));
		expect(passed.size).toBeGreaterThan(0);
		expect(failed.size).toBeGreaterThan(0);

		const alone = await runDiagnose(sim, { step: 'dhcp' });
		const chained = await runDiagnose(sim, { step: 'dhcp' }, { items: first.raw[1] });
		// On its own, DHCP reports on a site authentication failed; chained, it does not look there.
		expect([...siteIds(alone.issues)].some((site) => failed.has(site))).toBe(true);
		expect([...siteIds(chained.issues)].every((site) => passed.has(site))).toBe(true);
		expect([...siteIds(chained.healthy)].every((site) => passed.has(site))).toBe(true);
	});

	it('does not read Mist for sites when no site passed the earlier step', async () => {
		const noneHealthy = [{ json: { kind: 'noHealthySite', level: 'org', healthy_sites: 0 } }];
		const run = await runDiagnose(sim, { step: 'dhcp' }, { items: noneHealthy });
		expect(run.issues).toEqual([]);
		expect(run.healthy).toEqual([expect.objectContaining({ kind: 'noHealthySite' })]);
		const full = await runDiagnose(sim, { step: 'dhcp' });
		const calls = (items: IDataObject[]) =>
			Number((items[0]._requestStats as IDataObject | undefined)?.calls);
		expect(calls(run.healthy)).toBeLessThan(calls(full.healthy));
	});

	it('treats any other input (a schedule, a form) as "every site in scope"', async () => {
		const run = await runDiagnose(sim, { step: 'dhcp' }, { items: [{ json: { start: true } }] });
		const alone = await runDiagnose(sim, { step: 'dhcp' });
		expect(siteIds(run.issues)).toEqual(siteIds(alone.issues));
	});

	it('calls a site Healthy when nothing reaches Healthy Below, and keeps minor findings on Issues', async () => {
		// On the demo org, association fails major (not critical) on Warehouse only.
		const run = (healthyBelow?: string) =>
			runDiagnose(sim, { step: 'association', options: healthyBelow ? { healthyBelow } : {} });
		const [strict, byDefault, lenient] = [await run('minor'), await run(), await run('critical')];
		expect(siteIds(strict.healthy)).toEqual(siteIds(byDefault.healthy));
		const warehouse = sim.world.sites.find((site) => site.name === 'Warehouse')?.id as string;
		expect(siteIds(byDefault.healthy).has(warehouse)).toBe(false);
		expect(siteIds(lenient.healthy).has(warehouse)).toBe(true);
		const healthySites = siteIds(byDefault.healthy);
		const onHealthySites = byDefault.issues.filter((item) =>
			healthySites.has(String((item.scope as IDataObject).site_id)),
		);
		expect(onHealthySites.every((item) => ['minor', 'info'].includes(String(item.severity)))).toBe(
			true,
		);
	});

	it('names the option and the value when Healthy Below is not a severity', async () => {
		await expect(
			runDiagnose(sim, { step: 'dhcp', options: { healthyBelow: 'severe' } }),
		).rejects.toThrow('Invalid Healthy Below: "severe" is not one of critical, major, minor, info');
	});
});

describe('Mist Diagnose steps of one execution', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0, scenario: 'demo' });
	});
	afterAll(async () => sim?.close());
	afterEach(() => {
		forgetExecutionReads();
		forgetEventHistory();
	});

	const callsOf = (run: { issues: IDataObject[]; healthy: IDataObject[] }) =>
		Number(((run.issues[0] ?? run.healthy[0])._requestStats as IDataObject).calls);
	const apCalls = async () =>
		(await simulatorControl.calls(sim)).filter((call) => call.path.endsWith('/stats/devices'));

	it('read the org device stats, alarms and site SLEs once, whichever step asks first', async () => {
		const alone = await runDiagnose(sim, { step: 'rf_environment' }, { executionId: 'exec-other' });
		await simulatorControl.clearCalls(sim);
		const first = await runDiagnose(sim, { step: 'ap_health' }, { executionId: 'exec-1' });
		const afterFirst = (await apCalls()).length;
		const second = await runDiagnose(sim, { step: 'rf_environment' }, { executionId: 'exec-1' });
		expect(afterFirst).toBeGreaterThan(0);
		expect((await apCalls()).length).toBe(afterFirst);
		expect(callsOf(first)).toBeGreaterThan(0);
		expect(callsOf(second)).toBeLessThan(callsOf(alone));
		// The same conclusions as the step that read everything itself.
		const fingerprints = (run: { issues: IDataObject[] }) =>
			run.issues.map((finding) => finding.fingerprint).sort();
		expect(fingerprints(second)).toEqual(fingerprints(alone));
	});

	it('do not share with another execution, another org window or a run without an execution id', async () => {
		await runDiagnose(sim, { step: 'ap_health' }, { executionId: 'exec-2' });
		await simulatorControl.clearCalls(sim);
		await runDiagnose(sim, { step: 'ap_health' }, { executionId: 'exec-3' });
		const otherExecution = (await apCalls()).length;
		await simulatorControl.clearCalls(sim);
		await runDiagnose(sim, { step: 'ap_health', window: '2h' }, { executionId: 'exec-3' });
		const otherWindow = (await apCalls()).length;
		await simulatorControl.clearCalls(sim);
		await runDiagnose(sim, { step: 'ap_health' });
		await runDiagnose(sim, { step: 'ap_health' });
		const noId = (await apCalls()).length;
		expect([otherExecution > 0, otherWindow > 0]).toEqual([true, true]);
		expect(noId).toBe(2 * otherExecution);
	});
});
