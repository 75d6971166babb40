import nock from 'nock';

import {
	API,
	AP1,
	AP2,
	apsRead,
	CLIENT,
	CLIENT2,
	mist,
	ORG_ID,
	rl,
	run,
	SITE_ID,
	siteRead,
	SWITCH,
} from './fixtures';

const S = `${API}/sites/${SITE_ID}`;

describe('Juniper Mist Remediate › operations', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	interface Case {
		name: string;
		params: Record<string, unknown>;
		mock: (scope: nock.Scope) => nock.Scope;
		request: { method: string; path: string; body: unknown };
		result?: Record<string, unknown>;
		/** The line people read; pinned where its wording matters. */
		summary?: string;
	}

	const cases: Case[] = [
		{
			name: 'reconnects one client',
			params: { operation: 'reconnectClient', clientMac: 'AC:3C:0B:00:00:01' },
			mock: (scope) => scope.post(`${S}/clients/${CLIENT}/disconnect`).reply(200, {}),
			request: { method: 'POST', path: `${S}/clients/${CLIENT}/disconnect`, body: null },
		},
		{
			name: 'reconnects several clients with a bare MAC array',
			params: { operation: 'reconnectClient', clientMac: `${CLIENT}, ${CLIENT2}` },
			mock: (scope) => scope.post(`${S}/clients/disconnect`, [CLIENT, CLIENT2]).reply(200, {}),
			request: { method: 'POST', path: `${S}/clients/disconnect`, body: [CLIENT, CLIENT2] },
		},
		{
			name: 're-authenticates a client (CoA)',
			params: { operation: 'reauthenticateClient', clientMac: CLIENT },
			mock: (scope) => scope.post(`${S}/clients/${CLIENT}/coa`).reply(200, {}),
			request: { method: 'POST', path: `${S}/clients/${CLIENT}/coa`, body: null },
		},
		{
			name: 'unauthorizes guests in bulk with {macs}',
			params: { operation: 'unauthorizeGuest', clientMac: `${CLIENT},${CLIENT2}` },
			mock: (scope) =>
				scope.post(`${S}/clients/unauthorize`, { macs: [CLIENT, CLIENT2] }).reply(200, {}),
			request: {
				method: 'POST',
				path: `${S}/clients/unauthorize`,
				body: { macs: [CLIENT, CLIENT2] },
			},
		},
		{
			name: 'restarts one AP',
			params: { operation: 'restartDevice', device: rl(AP1) },
			mock: (scope) => apsRead(scope, 10).post(`${S}/devices/${AP1}/restart`).reply(200, {}),
			request: { method: 'POST', path: `${S}/devices/${AP1}/restart`, body: null },
			summary: 'Restart device AP-01',
		},
		{
			name: 'restarts two APs in one bulk request',
			params: { operation: 'restartDevice', device: rl(AP1), moreDeviceIds: AP2 },
			mock: (scope) =>
				apsRead(scope, 10)
					.post(`${S}/devices/restart`, { device_ids: [AP1, AP2] })
					.reply(200, {}),
			request: { method: 'POST', path: `${S}/devices/restart`, body: { device_ids: [AP1, AP2] } },
		},
		{
			name: 'bounces switch ports',
			params: { operation: 'bouncePort', device: rl(SWITCH), ports: 'ge-0/0/1, ge-0/0/2' },
			mock: (scope) =>
				scope
					.post(`${S}/devices/${SWITCH}/bounce_port`, { ports: ['ge-0/0/1', 'ge-0/0/2'] })
					.reply(200, {}),
			request: {
				method: 'POST',
				path: `${S}/devices/${SWITCH}/bounce_port`,
				body: { ports: ['ge-0/0/1', 'ge-0/0/2'] },
			},
		},
		{
			name: 'runs RRM with TX power only by default',
			params: { operation: 'rrmOptimize', bands: ['24', '5'] },
			mock: (scope) =>
				scope.post(`${S}/rrm/optimize`, { bands: ['24', '5'], txpower_only: true }).reply(200, {}),
			request: {
				method: 'POST',
				path: `${S}/rrm/optimize`,
				body: { bands: ['24', '5'], txpower_only: true },
			},
			summary: 'Run RRM TX power optimization on bands 2.4 and 5 GHz',
		},
		{
			name: 'resets radios to RRM',
			params: { operation: 'resetRadios', bands: ['5'], force: true },
			mock: (scope) =>
				scope.post(`${S}/devices/reset_radio_config`, { bands: ['5'], force: true }).reply(200, {}),
			request: {
				method: 'POST',
				path: `${S}/devices/reset_radio_config`,
				body: { bands: ['5'], force: true },
			},
			summary: "Hand the radio settings of the site's APs back to RRM on band 5 GHz (forced)",
		},
		{
			name: 'sets one band of an AP, keeping the rest of its radio config',
			params: {
				operation: 'setRadio',
				device: rl(AP1),
				band: '5',
				channel: 44,
				power: 0,
				bandwidth: '',
			},
			mock: (scope) => {
				const current = {
					band_24: { power: 8 },
					band_5: { channel: 36, power: 14, bandwidth: 40 },
					scanning_enabled: true,
				};
				const expected = {
					radio_config: {
						band_24: { power: 8 },
						band_5: { channel: 44, power: 14, bandwidth: 40 },
						scanning_enabled: true,
					},
				};
				return scope
					.get(`${S}/devices/${AP1}`)
					.reply(200, { id: AP1, name: 'AP-01', radio_config: current })
					.put(`${S}/devices/${AP1}`, expected)
					.reply(200, {});
			},
			request: {
				method: 'PUT',
				path: `${S}/devices/${AP1}`,
				body: {
					radio_config: {
						band_24: { power: 8 },
						band_5: { channel: 44, power: 14, bandwidth: 40 },
						scanning_enabled: true,
					},
				},
			},
			summary: `Set the 5 GHz radio of AP ${AP1} to channel 44`,
		},
		{
			name: 'pings from a device and returns the session with how to see the output',
			params: { operation: 'ping', device: rl(AP1), host: '8.8.8.8', count: 3 },
			mock: (scope) =>
				scope
					.post(`${S}/devices/${AP1}/ping`, { host: '8.8.8.8', count: 3 })
					.reply(200, { session: 'sess-1' }),
			request: {
				method: 'POST',
				path: `${S}/devices/${AP1}/ping`,
				body: { host: '8.8.8.8', count: 3 },
			},
			result: {
				session: 'sess-1',
				note: expect.stringContaining(`subscribe to /sites/${SITE_ID}/devices/${AP1}/cmd`),
			},
		},
		{
			name: 'traceroutes from a device',
			params: { operation: 'traceroute', device: rl(AP1), host: 'dns.google' },
			mock: (scope) =>
				scope
					.post(`${S}/devices/${AP1}/traceroute`, { host: 'dns.google' })
					.reply(200, { session: 'sess-2' }),
			request: {
				method: 'POST',
				path: `${S}/devices/${AP1}/traceroute`,
				body: { host: 'dns.google' },
			},
			result: { session: 'sess-2' },
		},
		{
			name: 'starts an ARP dump',
			params: { operation: 'arp', device: rl(AP1) },
			mock: (scope) => scope.post(`${S}/devices/${AP1}/arp`).reply(200, { session: 'sess-3' }),
			request: { method: 'POST', path: `${S}/devices/${AP1}/arp`, body: null },
			result: { session: 'sess-3' },
		},
		{
			name: 'runs a cable test on a switch port',
			params: { operation: 'cableTest', device: rl(SWITCH), port: 'ge-0/0/7' },
			mock: (scope) =>
				scope
					.post(`${S}/devices/${SWITCH}/cable_test`, { port: 'ge-0/0/7' })
					.reply(200, { session: 'sess-4' }),
			request: {
				method: 'POST',
				path: `${S}/devices/${SWITCH}/cable_test`,
				body: { port: 'ge-0/0/7' },
			},
			result: { session: 'sess-4' },
		},
		{
			name: 'runs a synthetic DHCP test and reads the result back',
			params: { operation: 'syntheticTest', device: rl(AP1), syntheticType: 'dhcp', vlanId: 20 },
			mock: (scope) =>
				scope
					.post(`${S}/devices/${AP1}/synthetic_test`, { type: 'dhcp', vlan_id: 20 })
					.reply(200, {})
					.get(`${S}/devices/${AP1}/synthetic_test`)
					.reply(200, {
						type: 'dhcp',
						status: 'completed',
						failed: true,
						reason: 'DHCP server did not offer an address',
					}),
			request: {
				method: 'POST',
				path: `${S}/devices/${AP1}/synthetic_test`,
				body: { type: 'dhcp', vlan_id: 20 },
			},
			result: {
				syntheticTest: {
					type: 'dhcp',
					status: 'completed',
					failed: true,
					reason: 'DHCP server did not offer an address',
				},
			},
		},
	];

	it.each(cases)('$name', async ({ params, mock, request, result, summary }) => {
		const scope = mock(siteRead());
		const { actions, skipped } = await run({ site: rl(SITE_ID), ...params });
		expect(scope.isDone()).toBe(true);
		expect(skipped).toEqual([]);
		expect(actions).toHaveLength(1);
		expect(actions[0].pairedItem).toEqual({ item: 0 });
		expect(actions[0].json).toMatchObject({
			status: 'done',
			dryRun: false,
			request,
			target: { site_id: SITE_ID, site_name: 'Warehouse' },
			why: { source: 'manual request' },
			guardrail: { decision: 'allowed', rule: null },
			result: { statusCode: 200, ...(result ?? {}) },
		});
		if (summary) expect(actions[0].json.summary).toBe(summary);
	});

	it('names the restarted AP in the target', async () => {
		apsRead(siteRead(), 5).post(`${S}/devices/${AP2}/restart`).reply(200, {});
		const { actions } = await run({
			site: rl(SITE_ID),
			operation: 'restartDevice',
			device: rl(AP2),
		});
		expect(actions[0].json.target).toEqual({
			site_id: SITE_ID,
			site_name: 'Warehouse',
			device_ids: [AP2],
			device_names: ['AP-02'],
		});
	});

	it('re-authenticates through the org when a finding has no site', async () => {
		const scope = mist().post(`${API}/orgs/${ORG_ID}/clients/${CLIENT}/coa`).reply(200, {});
		const { actions } = await run(
			{
				operation: 'fromFinding',
				allowedOperations: ['reauthenticateClient'],
			},
			{
				items: [
					{
						json: {
							fingerprint: `mist:${ORG_ID}:${SITE_ID}:eap_timeout:${CLIENT}`,
							step: 'authentication',
							rule: 'eap_timeout',
							severity: 'minor',
							scope: { level: 'client', org_id: ORG_ID, site_id: SITE_ID, client_mac: CLIENT },
							summary: 'EAP timeouts',
							evidence: {},
							likelyCause: 'Supplicant stuck',
							remediation: {
								kind: 'action',
								operation: 'reauthenticateClient',
								parameters: { org_id: ORG_ID, client_mac: CLIENT },
								description: 'Re-authenticate.',
							},
							followUp: [],
							firstSeen: '2026-11-24T13:00:00.000Z',
							lastSeen: '2026-11-24T14:00:00.000Z',
							count: 3,
						},
					},
				],
			},
		);
		expect(scope.isDone()).toBe(true);
		expect(actions[0].json).toMatchObject({
			status: 'done',
			request: { path: `${API}/orgs/${ORG_ID}/clients/${CLIENT}/coa` },
			target: { org_id: ORG_ID },
		});
	});

	it('masks a RADIUS password in the audit record but sends it', async () => {
		const scope = siteRead()
			.post(`${S}/devices/${AP1}/synthetic_test`, {
				type: 'radius',
				username: 'probe',
				password: 'hunter2-secret',
			})
			.reply(200, {})
			.get(`${S}/devices/${AP1}/synthetic_test`)
			.reply(200, { type: 'radius', status: 'completed', failed: false });
		const { actions } = await run({
			site: rl(SITE_ID),
			operation: 'syntheticTest',
			device: rl(AP1),
			syntheticType: 'radius',
			radiusUsername: 'probe',
			radiusPassword: 'hunter2-secret',
		});
		expect(scope.isDone()).toBe(true);
		expect(JSON.stringify(actions)).not.toContain('hunter2-secret');
		expect(actions[0].json.request).toMatchObject({
			body: { type: 'radius', username: 'probe', password: '********' },
		});
	});

	it.each([
		[
			{ operation: 'reconnectClient', clientMac: 'not-a-mac' },
			'Invalid Client MAC: "not-a-mac" is not a MAC address',
		],
		[
			{ operation: 'restartDevice', device: rl('AP-01') },
			'Invalid Device: "AP-01" is not a Mist id (a UUID)',
		],
		[{ operation: 'bouncePort', device: rl(SWITCH), ports: '' }, 'Invalid Ports: it is empty'],
		[
			{ operation: 'ping', device: rl(AP1), host: '$(reboot)' },
			'Invalid Host: "$(reboot)" is not a host name or IP address',
		],
		[
			{ operation: 'setRadio', device: rl(AP1), band: '5', channel: 0, power: 0, bandwidth: '' },
			'Invalid Channel: channel, power and bandwidth are all empty',
		],
	])('refuses bad explicit input %j before any call', async (params, message) => {
		await expect(run({ site: rl(SITE_ID), ...params })).rejects.toThrow(message);
	});

	it('refuses a site that is not a UUID', async () => {
		await expect(
			run({ site: rl('Warehouse'), operation: 'reconnectClient', clientMac: CLIENT }),
		).rejects.toThrow('Invalid Site: "Warehouse" is not a Mist id (a UUID)');
	});
});
