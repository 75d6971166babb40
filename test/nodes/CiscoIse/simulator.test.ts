/**
 * The node against the ISE MnT simulator over loopback HTTP: real Basic auth, real XML, real
 * session lookups feeding CoA. The nock tests pin the details; this proves the parts fit.
 */
import { buildIseScenario, startIseSimulator } from '../../../simulator/src/ise';
import type { RunningIseSimulator } from '../../../simulator/src/ise';
import { serialise } from '../../helpers/executeContext';
import { iseContext, runIse, runIseError } from './fixtures';

const HEALTHY = 'A8:5E:45:00:01:01';
const FAILING = 'A8:5E:45:00:01:02';
const UNKNOWN = 'A8:5E:45:00:01:99';
const PASSWORD = 'sim-secret-4711';

describe('Cisco ISE › node against the ISE simulator', () => {
	let sim: RunningIseSimulator;
	let nonMnt: RunningIseSimulator;

	beforeAll(async () => {
		const scenario = buildIseScenario(
			[
				{
					mac: HEALTHY,
					username: 'alice@demo.corp',
					kind: 'healthy',
					ssid: 'Corp',
					ip: '10.1.20.5',
				},
				{
					mac: FAILING,
					username: 'bob@demo.corp',
					kind: 'radius_reject',
					ssid: 'Corp',
					failureCodes: [24408],
				},
			],
			{ psn: 'ise-psn-01', nasIpAddress: '10.0.0.10' },
		);
		sim = await startIseSimulator({ username: 'helpdesk', password: PASSWORD, scenario });
		nonMnt = await startIseSimulator({ username: 'helpdesk', password: PASSWORD, nonMnt: true });
	});
	afterAll(async () => {
		await sim.close();
		await nonMnt.close();
	});

	const context = (
		params: Record<string, unknown>,
		target: () => RunningIseSimulator = () => sim,
		password = PASSWORD,
	) =>
		iseContext({
			params,
			credentials: { host: target().url, username: 'helpdesk', password, ignoreSslIssues: false },
		});

	it('reads the active session of a healthy endpoint', async () => {
		const out = await runIse(
			context({ resource: 'session', operation: 'getByMac', mac: 'a8-5e-45-00-01-01' }),
		);
		expect(out[0].json).toMatchObject({
			found: true,
			mac: HEALTHY,
			userName: 'alice@demo.corp',
			psn: 'ise-psn-01',
			endpointIpAddress: '10.1.20.5',
			passed: true,
		});
	});

	it('answers found:false for an unknown MAC', async () => {
		const out = await runIse(context({ resource: 'session', operation: 'getByMac', mac: UNKNOWN }));
		expect(out[0].json).toMatchObject({ found: false, mac: UNKNOWN });
	});

	it('counts active sessions', async () => {
		const out = await runIse(context({ resource: 'session', operation: 'getActiveCount' }));
		expect(out[0].json).toEqual({ activeSessions: 1 });
	});

	it('explains the failures of a failing endpoint', async () => {
		const out = await runIse(
			context({
				resource: 'authentication',
				operation: 'getRecentFailures',
				mac: FAILING,
				windowSeconds: 86400,
				summarize: true,
			}),
		);
		expect(out[0].json).toMatchObject({ mac: FAILING, stillFailing: true, topFailureCode: 24408 });
		expect(out[0].json.failures).toBeGreaterThan(0);
		expect(String(out[0].json.topFix)).toContain('AD password');
	});

	it('lists passed and failed records of the failing endpoint', async () => {
		const out = await runIse(
			context({
				resource: 'authentication',
				operation: 'getStatus',
				mac: FAILING,
				windowSeconds: 86400,
				maxRecords: 100,
			}),
		);
		expect(out.length).toBeGreaterThan(1);
		expect(
			out.every(
				(item) =>
					item.json.failed === true &&
					item.json.failureCode === 24408 &&
					item.json.psn === 'ise-psn-01',
			),
		).toBe(true);
	});

	it('reads the failure reason catalogue', async () => {
		const out = await runIse(
			context({ resource: 'authentication', operation: 'getFailureReasons', codes: '22056' }),
		);
		expect(out.map((item) => item.json)).toEqual([
			expect.objectContaining({ code: 22056, category: 'account' }),
		]);
	});

	it('reauthenticates using the PSN from the session', async () => {
		const out = await runIse(
			context({
				resource: 'coa',
				operation: 'reauthenticate',
				mac: HEALTHY,
				reauthType: 'rerun',
				psn: '',
			}),
		);
		expect(out[0].json).toMatchObject({
			psn: 'ise-psn-01',
			psnSource: 'session',
			result: true,
			success: true,
		});
		expect(sim.coaRequests().at(-1)).toMatchObject({
			requestType: 'reauth',
			psn: 'ise-psn-01',
			mac: HEALTHY,
			type: 2,
		});
	});

	it('disconnects with NAS and endpoint IP from the session', async () => {
		const out = await runIse(
			context({
				resource: 'coa',
				operation: 'disconnect',
				mac: HEALTHY,
				disconnectType: 'portBounce',
				psn: '',
				nasIpAddress: '',
				endpointIpAddress: '',
			}),
		);
		expect(out[0].json).toMatchObject({
			success: true,
			nasIpAddress: '10.0.0.10',
			endpointIpAddress: '10.1.20.5',
		});
		expect(sim.coaRequests().at(-1)).toMatchObject({
			requestType: 'disconnect',
			type: 1,
			nasIpAddress: '10.0.0.10',
			endpointIpAddress: '10.1.20.5',
		});
	});

	it('reports success:false when ISE does not know the PSN', async () => {
		const out = await runIse(
			context({
				resource: 'coa',
				operation: 'reauthenticate',
				mac: HEALTHY,
				reauthType: 'default',
				psn: 'ise-psn-99',
			}),
		);
		expect(out[0].json).toMatchObject({ result: false, success: false });
	});

	it('explains a PAN/PSN answering MnT calls', async () => {
		const error = await runIseError(
			context({ resource: 'session', operation: 'getActiveCount' }, () => nonMnt),
		);
		expect(error.message).toBe('This ISE node is not a Monitoring (MnT) node (cpm-code 34110)');
	});

	it('explains a wrong password without showing it', async () => {
		const error = await runIseError(
			context(
				{ resource: 'session', operation: 'getActiveCount' },
				() => sim,
				'wrong-password-xyz',
			),
		);
		expect(error.message).toBe('ISE rejected the username or password (401)');
		expect(serialise(error)).not.toContain('wrong-password-xyz');
	});
});
