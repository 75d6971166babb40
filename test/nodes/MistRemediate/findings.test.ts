import nock from 'nock';

import {
	withoutBudgetLedger,
	API,
	AP1,
	apId,
	apsRead,
	CLIENT,
	finding,
	NOW,
	ORG_ID,
	restartFinding,
	rl,
	run,
	SITE_ID,
	siteRead,
	SWITCH,
} from './fixtures';

const S = `${API}/sites/${SITE_ID}`;
const fromFinding = (extra: Record<string, unknown> = {}) => ({
	operation: 'fromFinding',
	allowedOperations: ['reconnectClient', 'restartDevice'],
	...extra,
});

describe('Juniper Mist Remediate › findings, verification and audit', () => {
	let clock: jest.SpyInstance;
	beforeEach(() => {
		nock.disableNetConnect();
		clock = jest.spyOn(Date, 'now').mockReturnValue(NOW);
	});
	afterEach(() => {
		clock.mockRestore();
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('does what an action finding recommends and says why', async () => {
		const scope = apsRead(siteRead(), 10).post(`${S}/devices/${AP1}/restart`).reply(200, {});
		const input = restartFinding();
		const { actions } = await run(fromFinding(), { items: [{ json: input }] });
		expect(scope.isDone()).toBe(true);
		expect(actions[0].json).toMatchObject({
			status: 'done',
			operation: 'restartDevice',
			why: {
				source: 'finding',
				fingerprint: input.fingerprint,
				rule: 'ap_offline',
				severity: 'major',
				summary: 'AP AP-01 has been offline for 42 min',
				recommendation: 'Restart AP AP-01.',
			},
		});
	});

	it('names the client from the finding in the audit record', async () => {
		siteRead().post(`${S}/clients/${CLIENT}/disconnect`).reply(200, {});
		const input = finding(
			{
				kind: 'action',
				operation: 'reconnectClient',
				parameters: { site_id: SITE_ID, client_mac: CLIENT },
				description: 'Reconnect.',
			},
			{
				scope: {
					level: 'client',
					org_id: ORG_ID,
					site_id: SITE_ID,
					client_mac: CLIENT,
					client_hostname: 'scanner-07',
				},
			},
		);
		const { actions } = await run(fromFinding(), { items: [{ json: input }] });
		expect(actions[0].json.target).toEqual({
			site_id: SITE_ID,
			site_name: 'Warehouse',
			client_macs: [CLIENT],
			client_names: ['scanner-07'],
		});
	});

	it.each([
		[
			'an AP by the name in the finding',
			finding({
				kind: 'action',
				operation: 'ping',
				parameters: { site_id: SITE_ID, device_id: AP1, host: '10.0.0.1' },
				description: 'Ping the gateway.',
			}),
			'Ping 10.0.0.1 from device AP-01',
			false,
		],
		[
			'a switch by the name in the finding',
			finding(
				{
					kind: 'action',
					operation: 'bouncePort',
					parameters: { site_id: SITE_ID, device_id: SWITCH, ports: ['ge-0/0/4'] },
					description: 'Bounce.',
				},
				{
					scope: {
						level: 'switch_port',
						org_id: ORG_ID,
						site_id: SITE_ID,
						switch_mac: 'd420b0f00001',
						switch_name: 'sw-core-01',
						port_id: 'ge-0/0/4',
					},
				},
			),
			'Bounce ports ge-0/0/4 of switch sw-core-01',
			false,
		],
		// A restart reads the site's APs for the share-of-APs guardrail anyway.
		[
			'a restarted AP by the name in the site AP list',
			restartFinding(apId(3)),
			'Restart device AP-03',
			true,
		],
	])('names %s in the summary, not its device id', async (_name, input, summary, readsAps) => {
		const scope = siteRead();
		if (readsAps) apsRead(scope, 5);
		const { actions } = await run(
			fromFinding({ dryRun: true, allowedOperations: ['bouncePort', 'ping', 'restartDevice'] }),
			{ items: [{ json: input }] },
		);
		expect(nock.pendingMocks()).toEqual([]);
		expect(actions[0].json).toMatchObject({ status: 'dry-run', summary });
		expect(String(actions[0].json.summary)).not.toMatch(/00000000-/);
	});

	it.each([
		[
			'a manual remediation',
			finding({ kind: 'manual', description: 'Check the PoE budget of the switch.' }),
			'manual',
			'manual remediation: Check the PoE budget of the switch.',
		],
		[
			'an operation not in Allowed Operations',
			finding({
				kind: 'action',
				operation: 'rrmOptimize',
				parameters: { site_id: SITE_ID, bands: ['5'], txpower_only: true },
				description: 'Optimize.',
			}),
			'rrmOptimize',
			'operation not allowed: rrmOptimize is not in Allowed Operations',
		],
		[
			'a Cisco ISE lookup',
			finding({
				kind: 'action',
				operation: 'iseLookup',
				parameters: { client_mac: CLIENT },
				description: 'Look the client up in ISE.',
			}),
			'iseLookup',
			'iseLookup is done by the Cisco ISE node, not by Mist Remediate',
		],
	])('passes %s through as skipped, not as an error', async (_name, input, operation, reason) => {
		const { actions, skipped } = await run(fromFinding(), { items: [{ json: input }] });
		expect(actions).toEqual([]);
		expect(skipped[0].pairedItem).toEqual({ item: 0 });
		expect(skipped[0].json).toMatchObject({
			status: 'skipped',
			operation,
			summary: reason,
			reason,
			why: { source: 'finding', fingerprint: input.fingerprint },
			guardrail: { decision: 'not evaluated' },
			request: null,
		});
	});

	it('passes a not-checked marker from Mist Diagnose through as skipped: nothing to fix, no call', async () => {
		const marker = {
			kind: 'notChecked',
			level: 'org',
			steps: ['dhcp'],
			reason: 'notDue',
			summary: 'dhcp not checked this run',
		};
		const { actions, skipped } = await run(fromFinding(), { items: [{ json: marker }] });
		expect(actions).toEqual([]);
		expect(skipped).toHaveLength(1);
		expect(skipped[0]).toMatchObject({
			pairedItem: { item: 0 },
			json: {
				status: 'skipped',
				reason: 'not a finding: a Mist Diagnose step that did not check this run',
				why: { source: 'not checked', summary: 'dhcp not checked this run' },
				request: null,
			},
		});
	});

	it('checks finding parameters as strictly as node parameters, naming the field', async () => {
		const bad = finding({
			kind: 'action',
			operation: 'restartDevice',
			parameters: { site_id: SITE_ID, device_id: 'AP-01/../../orgs' },
			description: 'Restart.',
		});
		await expect(run(fromFinding(), { items: [{ json: bad }] })).rejects.toThrow(
			'Invalid remediation.parameters.device_id: "AP-01/../../orgs" is not a Mist id (a UUID)',
		);
	});

	it('refuses an input that is not a finding', async () => {
		await expect(run(fromFinding(), { items: [{ json: { hello: 'world' } }] })).rejects.toThrow(
			'Invalid finding: "fingerprint" Required',
		);
	});

	describe('continue on fail', () => {
		it('puts failures on Skipped with the error and the right pairedItem, and goes on', async () => {
			const scope = apsRead(siteRead(), 10)
				.post(`${S}/devices/${AP1}/restart`)
				.reply(403, { detail: 'Token lacks write privilege' })
				.post(`${S}/clients/${CLIENT}/disconnect`)
				.reply(200, {});
			const items = [
				{ json: { not: 'a finding' } },
				{ json: restartFinding() },
				{
					json: finding({
						kind: 'action',
						operation: 'reconnectClient',
						parameters: { site_id: SITE_ID, client_mac: CLIENT },
						description: 'Reconnect.',
					}),
				},
			];
			const { actions, skipped } = await run(fromFinding(), { items, continueOnFail: true });
			expect(scope.isDone()).toBe(true);
			expect(actions.map((item) => [item.json.status, item.pairedItem])).toEqual([
				['done', { item: 2 }],
			]);
			expect(skipped.map((item) => [item.json.status, item.pairedItem])).toEqual([
				['failed', { item: 0 }],
				['failed', { item: 1 }],
			]);
			expect(skipped[0].json.error).toMatchObject({
				message: expect.stringContaining('Invalid finding'),
			});
			expect(skipped[0].json.reason).toBe(
				skipped[0].json.error && (skipped[0].json.error as { message: string }).message,
			);
			// The failed-item shape of every node: the error's description beside the record.
			expect(skipped[0].json.description).toBe(
				'Connect the findings output of the Mist Diagnose node, or pick an explicit operation.',
			);
			expect(skipped[1].json).toMatchObject({
				operation: 'restartDevice',
				request: { method: 'POST', path: `${S}/devices/${AP1}/restart` },
				guardrail: { decision: 'allowed' },
				error: {
					message:
						'The API token lacks the privilege for this call (403): Token lacks write privilege',
					httpCode: '403',
				},
			});
		});

		it('a failed action leaves no cooldown behind', async () => {
			const staticData = {};
			apsRead(siteRead(), 10).post(`${S}/devices/${AP1}/restart`).reply(500, { detail: 'boom' });
			await run(fromFinding(), {
				items: [{ json: restartFinding() }],
				continueOnFail: true,
				staticData,
			});
			expect(withoutBudgetLedger(staticData)).toEqual({});
		});

		it('throws without Continue On Fail', async () => {
			apsRead(siteRead(), 10).post(`${S}/devices/${AP1}/restart`).reply(403, { detail: 'nope' });
			await expect(run(fromFinding(), { items: [{ json: restartFinding() }] })).rejects.toThrow(
				'(403): nope',
			);
		});
	});

	describe('verification', () => {
		const verify = { options: { verify: true, verifyWithinSeconds: 0 } };

		it.each([
			['connected', true, 'AP-01 is connected (checked at once)'],
			['disconnected', false, 'AP-01 is disconnected (checked at once)'],
		])('an AP that is %s after the restart', async (status, passed, detail) => {
			apsRead(siteRead(), 10)
				.post(`${S}/devices/${AP1}/restart`)
				.reply(200, {})
				.get(`${S}/stats/devices/${AP1}`)
				.reply(200, { id: AP1, name: 'AP-01', status });
			const { actions } = await run({
				site: rl(SITE_ID),
				operation: 'restartDevice',
				device: rl(AP1),
				...verify,
			});
			expect(actions[0].json.verification).toEqual({ checked: true, passed, detail });
		});

		it.each([
			[
				200,
				{ mac: CLIENT, ssid: 'Corp', ap_mac: '5c5b350e0001' },
				true,
				`${CLIENT} is associated (SSID Corp, AP 5c5b350e0001) (checked at once)`,
			],
			[404, { detail: 'not found' }, false, `${CLIENT} is not associated (checked at once)`],
		])('a reconnected client (stats answer %i)', async (code, body, passed, detail) => {
			siteRead()
				.post(`${S}/clients/${CLIENT}/disconnect`)
				.reply(200, {})
				.get(`${S}/stats/clients/${CLIENT}`)
				.reply(code, body);
			const { actions } = await run({
				site: rl(SITE_ID),
				operation: 'reconnectClient',
				clientMac: CLIENT,
				...verify,
			});
			expect(actions[0].json.status).toBe('done');
			expect(actions[0].json.verification).toEqual({ checked: true, passed, detail });
		});

		it('a failing check does not turn a done action into a failure', async () => {
			siteRead()
				.post(`${S}/clients/${CLIENT}/disconnect`)
				.reply(200, {})
				.get(`${S}/stats/clients/${CLIENT}`)
				.reply(401, { detail: 'bad token' });
			const { actions } = await run({
				site: rl(SITE_ID),
				operation: 'reconnectClient',
				clientMac: CLIENT,
				...verify,
			});
			expect(actions[0].json).toMatchObject({
				status: 'done',
				verification: {
					checked: true,
					passed: false,
					detail: expect.stringContaining('the check failed'),
				},
			});
		});

		it('says when an operation has no check', async () => {
			siteRead().post(`${S}/rrm/optimize`).reply(200, {});
			const { actions } = await run({
				site: rl(SITE_ID),
				operation: 'rrmOptimize',
				bands: ['5'],
				...verify,
			});
			expect(actions[0].json.verification).toEqual({
				checked: false,
				passed: null,
				detail: 'no check exists for rrmOptimize',
			});
		});
	});
});
