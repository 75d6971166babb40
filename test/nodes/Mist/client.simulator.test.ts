import type { IDataObject } from 'n8n-workflow';

import { Mist } from '../../../nodes/Mist/Mist.node';
import { startSimulator } from '../../../simulator/src/index';
import type { RunningSimulator } from '../../../simulator/src/index';
import { createExecuteContext, serialise } from '../../helpers/executeContext';

/**
 * Contract smoke test: every Client, Device, Alarm, Usage and Constant operation, with its
 * default parameters, against the project's Mist simulator on loopback. It catches a node and
 * the simulator disagreeing on a path, a parameter or a paging style.
 */

let sim: RunningSimulator;
const rl = (value: string) => ({ __rl: true, mode: 'id', value });

beforeAll(async () => {
	sim = await startSimulator({ port: 0, scenario: 'demo' });
});
afterAll(async () => await sim.close());

async function run(params: Record<string, unknown>) {
	const ctx = createExecuteContext({
		params: {
			returnAll: false,
			limit: 5,
			simplify: true,
			timeRangeMode: 'duration',
			duration: '1d',
			...params,
		},
		credentials: {
			mistApi: { apiToken: sim.token, cloud: 'custom', customUrl: sim.url, orgId: sim.orgId },
		},
	});
	const [out] = await new Mist().execute.call(ctx);
	expect(serialise(out)).not.toContain(sim.token);
	return out.map((item) => item.json as IDataObject);
}

describe('Client, Device, Alarm, Usage and Constant against the simulator', () => {
	const site = () => rl(sim.world.sites[0].id);
	const siteClient = () =>
		[...sim.world.clients.values()].find(
			(client) => client.siteId === sim.world.sites[0].id && client.connected,
		)!;
	const siteAp = () =>
		[...sim.world.aps.values()].find((ap) => ap.siteId === sim.world.sites[0].id)!;

	it.each([
		['client', 'search', 'mac', () => ({ scope: 'org' })],
		['client', 'search', 'mac', () => ({ scope: 'site', site: site() })],
		['client', 'getConnectedStats', 'rssi', () => ({ site: site() })],
		['client', 'searchSessions', 'connect', () => ({ scope: 'org', duration: '1w' })],
		['client', 'searchEvents', 'type', () => ({ scope: 'org' })],
		['client', 'countEvents', 'count', () => ({ distinct: 'type' })],
		['device', 'search', 'mac', () => ({ deviceType: 'ap' })],
		[
			'device',
			'getStats',
			'status',
			() => ({ scope: 'site', site: site(), deviceType: 'ap', status: 'all' }),
		],
		['device', 'getStats', 'mac', () => ({ scope: 'org', deviceType: 'all', status: 'all' })],
		['device', 'searchEvents', 'type', () => ({ scope: 'org', deviceType: 'all', duration: '1w' })],
		['alarm', 'search', 'type', () => ({ scope: 'org', duration: '1w' })],
		['constant', 'get', 'key', () => ({ catalogue: 'clientEvents' })],
	])('%s › %s returns records with %s (case %#)', async (resource, operation, field, params) => {
		const out = await run({ resource, operation, org: rl(''), ...params() });
		expect(out.length).toBeGreaterThan(0);
		expect(out.length).toBeLessThanOrEqual(5);
		expect(out[0]).toHaveProperty(field);
	});

	it('reads one client and its events by MAC, and one device with fields=*', async () => {
		const client = siteClient();
		const [stats] = await run({
			resource: 'client',
			operation: 'getStats',
			site: site(),
			clientMac: client.mac.toUpperCase(),
		});
		expect(stats.mac).toBe(client.mac);
		const events = await run({
			resource: 'client',
			operation: 'getClientEvents',
			site: site(),
			clientMac: client.mac,
			duration: '1w',
		});
		expect(Array.isArray(events)).toBe(true);
		const [device] = await run({
			resource: 'device',
			operation: 'getStats',
			scope: 'device',
			site: site(),
			device: rl(siteAp().id),
		});
		expect(device).toMatchObject({ mac: siteAp().mac });
	});

	it('acknowledges an alarm and reads the API usage', async () => {
		const alarm = sim.world.alarms[0];
		const [ack] = await run({
			resource: 'alarm',
			operation: 'acknowledge',
			alarmId: alarm.id,
			note: 'smoke test',
		});
		expect(ack).toEqual({ id: alarm.id, org_id: sim.orgId, acked: true, note: 'smoke test' });
		const [usage] = await run({ resource: 'usage', operation: 'getApiUsage' });
		expect(usage).toMatchObject({ request_limit: 5000 });
		expect(usage.remaining).toBe(5000 - (usage.requests as number));
	});
});
