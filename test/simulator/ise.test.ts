import {
	ISE_FAILURE_REASONS,
	buildIseScenario,
	defaultIseScenario,
	startIseSimulator,
	type RunningIseSimulator,
} from '../../simulator/src/ise';

/** Minimal XML reading for assertions: the simulator answers flat, predictable documents. */
function all(xml: string, tag: string): string[] {
	const pattern = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g');
	return [...xml.matchAll(pattern)].map((match) => match[1]);
}
function one(xml: string, tag: string): string | undefined {
	return all(xml, tag)[0];
}

const HEALTHY_MAC = 'A8:5E:45:00:00:01';
const REJECTED_MAC = 'A8:5E:45:00:00:11';
const CERT_MAC = 'A8:5E:45:00:00:21';
const PSK_MAC = 'A8:5E:45:00:00:31';

describe('ISE MnT simulator', () => {
	let ise: RunningIseSimulator;
	let clock = Date.parse('2026-11-25T12:00:00Z');

	async function get(path: string, init: { method?: string; auth?: string } = {}) {
		const auth = init.auth ?? Buffer.from(`${ise.username}:${ise.password}`).toString('base64');
		const response = await fetch(`${ise.url}${path}`, {
			method: init.method ?? 'GET',
			headers: { Authorization: `Basic ${auth}` },
		});
		return {
			status: response.status,
			type: response.headers.get('content-type') ?? '',
			body: await response.text(),
		};
	}

	beforeAll(async () => {
		ise = await startIseSimulator({ scenario: defaultIseScenario(), now: () => clock });
	});
	afterAll(async () => {
		await ise.close();
	});

	it.each([
		['wrong password', Buffer.from('mnt-admin:nope').toString('base64')],
		['unknown user', Buffer.from('root:ise-sim-password').toString('base64')],
		['garbage', 'not-base64'],
	])('rejects %s with 401 and a Basic challenge', async (_label, auth) => {
		const answer = await get('/Version', { auth });
		expect(answer.status).toBe(401);
	});

	it('answers /Version as an active MnT node, in XML', async () => {
		const answer = await get('/Version');
		expect(answer.status).toBe(200);
		expect(answer.type).toContain('application/xml');
		expect(answer.body).toContain('<product name="Cisco Identity Services Engine">');
		expect(one(answer.body, 'type_of_node')).toBe('1');
		expect(one(answer.body, 'version')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
	});

	it('counts and lists only sessions whose latest authentication passed', async () => {
		const count = await get('/Session/ActiveCount');
		const list = await get('/Session/ActiveList');
		const macs = all(list.body, 'calling_station_id');
		expect(Number(one(count.body, 'count'))).toBe(2);
		expect(macs).toEqual([HEALTHY_MAC, 'A8:5E:45:00:00:02']);
		expect(list.body).toContain('noOfActiveSession="2"');
	});

	it.each(['A8:5E:45:00:00:01', 'a8-5e-45-00-00-01', 'a85e45000001'])(
		'returns the session of a healthy endpoint for MAC spelled %s',
		async (mac) => {
			const answer = await get(`/Session/MACAddress/${mac}`);
			expect(answer.status).toBe(200);
			expect(one(answer.body, 'calling_station_id')).toBe(HEALTHY_MAC);
			expect(one(answer.body, 'passed')).toBe('true');
			expect(one(answer.body, 'user_name')).toBe('alice@demo.corp');
			expect(one(answer.body, 'acs_server')).toBe('ise-psn-01');
			expect(one(answer.body, 'framed_ip_address')).toMatch(/^10\.\d+\.\d+\.\d+$/);
			expect(one(answer.body, 'audit_session_id')).toMatch(/^[0-9A-F]{24}$/);
			expect(one(answer.body, 'failure_reason')).toBeUndefined();
		},
	);

	it('returns the failed session with its failure reason for a rejected endpoint', async () => {
		const answer = await get(`/Session/MACAddress/${REJECTED_MAC}`);
		expect(one(answer.body, 'passed')).toBe('false');
		expect(one(answer.body, 'failed')).toBe('true');
		expect(one(answer.body, 'failure_reason')).toBe(
			'22056 Subject not found in the applicable identity store(s)',
		);
		expect(one(answer.body, 'nas_ip_address')).toBe('10.0.0.10');
	});

	it.each([PSK_MAC, '00:11:22:33:44:55'])(
		'answers 404 mnt-rest-result for %s, which has no ISE session',
		async (mac) => {
			const answer = await get(`/Session/MACAddress/${mac}`);
			expect(answer.status).toBe(404);
			expect(one(answer.body, 'http-code')).toBe('404');
		},
	);

	it('finds sessions by user name and endpoint IP too', async () => {
		const byUser = await get('/Session/UserName/bob@demo.corp');
		expect(one(byUser.body, 'calling_station_id')).toBe('A8:5E:45:00:00:02');
		const ip = one(byUser.body, 'framed_ip_address');
		const byIp = await get(`/Session/EndPointIPAddress/${ip}`);
		expect(one(byIp.body, 'user_name')).toBe('bob@demo.corp');
	});

	it.each([
		['a day, 50 records', 86400, 50, 6],
		['10 minutes', 600, 50, 5],
		['a day, 2 records', 86400, 2, 2],
		['three days (includes the older success)', 3 * 86400, 50, 7],
	])(
		'honours the AuthStatus window and record count: %s',
		async (_label, seconds, records, expected) => {
			const answer = await get(`/AuthStatus/MACAddress/${REJECTED_MAC}/${seconds}/${records}/All`);
			expect(answer.status).toBe(200);
			expect(answer.body).toContain(`<authStatusList key="${REJECTED_MAC}">`);
			expect(all(answer.body, 'authStatusElements')).toHaveLength(expected);
		},
	);

	it('describes each failed attempt like ISE, newest first', async () => {
		const answer = await get(`/AuthStatus/MACAddress/${REJECTED_MAC}/86400/50/All`);
		const [first, second] = all(answer.body, 'authStatusElements');
		expect(one(first, 'failed')).toBe('true');
		expect(one(first, 'message_code')).toBe('5400');
		expect(one(first, 'user_name')).toBe('suser77@demo.corp');
		expect(one(first, 'network_device_name')).toBe('Mist-APs');
		expect(one(first, 'authentication_method')).toBe('dot1x');
		expect(one(first, 'authentication_protocol')).toBe('PEAP (EAP-MSCHAPv2)');
		expect(one(first, 'selected_azn_profiles')).toBe('DenyAccess');
		expect(one(first, 'failure_reason')).toMatch(/^22056 /);
		expect(Date.parse(one(first, 'acs_timestamp')!)).toBeGreaterThan(
			Date.parse(one(second, 'acs_timestamp')!),
		);
		expect(Date.parse(one(first, 'acs_timestamp')!)).toBe(clock - 60_000);
	});

	it('gives certificate failures for expired_certificate endpoints', async () => {
		const answer = await get(`/AuthStatus/MACAddress/${CERT_MAC}/3600/10/All`);
		expect(all(answer.body, 'failure_reason').every((reason) => /^12321 /.test(reason))).toBe(true);
	});

	it('answers an empty authStatusList for an unknown MAC', async () => {
		const answer = await get('/AuthStatus/MACAddress/00:11:22:33:44:55/86400/50/All');
		expect(answer.status).toBe(200);
		expect(answer.body).toContain('<authStatusList key="00:11:22:33:44:55"/>');
	});

	it.each([
		['/AuthStatus/MACAddress/zz/86400/50/All', 'Invalid MAC'],
		['/AuthStatus/MACAddress/A8:5E:45:00:00:11/abc/50/All', 'Invalid seconds'],
		['/AuthStatus/MACAddress/A8:5E:45:00:00:11/600/0/All', 'Invalid records'],
		['/CoA/Reauth/ise-psn-01/A8:5E:45:00:00:01/7', 'Invalid CoA type'],
	])('rejects bad parameters in %s with 400', async (path, message) => {
		const answer = await get(path);
		expect(answer.status).toBe(400);
		expect(one(answer.body, 'description')).toContain(message);
	});

	it('lists every failure code of the catalogue under /FailureReasons', async () => {
		const answer = await get('/FailureReasons');
		const codes = [...answer.body.matchAll(/<failureReason id="(\d+)">/g)].map((match) =>
			Number(match[1]),
		);
		const catalogueCodes = [
			...[22056, 22040, 22063, 24408, 24415, 24409, 24206, 24412, 24446],
			...[12321, 12309, 11007, 11036, 11213, 5417],
			...[5400, 5411, 5434, 5440, 5449, 5442],
		];
		expect(codes).toEqual(expect.arrayContaining(catalogueCodes));
		expect(codes).toHaveLength(ISE_FAILURE_REASONS.length);
		expect(answer.body).toContain(
			'<code>24408 User authentication against Active Directory failed since user has entered the wrong password</code>',
		);
	});

	it.each([
		[
			'GET reauth of a known MAC',
			'GET',
			`/CoA/Reauth/ise-psn-01/${HEALTHY_MAC}/0`,
			'reauth',
			'true',
		],
		[
			'PUT reauth of a known MAC',
			'PUT',
			`/CoA/Reauth/ise-psn-01/${REJECTED_MAC}/2`,
			'reauth',
			'true',
		],
		[
			'reauth of an unknown MAC',
			'GET',
			'/CoA/Reauth/ise-psn-01/00:11:22:33:44:55/0',
			'reauth',
			'false',
		],
		[
			'reauth through an unknown PSN',
			'GET',
			`/CoA/Reauth/other-psn/${HEALTHY_MAC}/0`,
			'reauth',
			'false',
		],
		[
			'disconnect with port bounce',
			'PUT',
			`/CoA/Disconnect/ise-psn-01/${HEALTHY_MAC}/1/10.0.0.10/10.20.0.5`,
			'disconnect',
			'true',
		],
	])('answers CoA: %s', async (_label, method, path, requestType, result) => {
		const before = ise.coaRequests().length;
		const answer = await get(path, { method });
		expect(answer.status).toBe(200);
		expect(answer.body).toContain(
			`<remoteCoA requestType="${requestType}"><results>${result}</results></remoteCoA>`,
		);
		const recorded = ise.coaRequests().slice(before);
		expect(recorded).toHaveLength(1);
		expect(recorded[0]).toMatchObject({ requestType, method, result: result === 'true' });
	});

	it('records the disconnect details of a CoA', async () => {
		const disconnect = ise.coaRequests().find((record) => record.requestType === 'disconnect');
		expect(disconnect).toMatchObject({
			psn: 'ise-psn-01',
			mac: HEALTHY_MAC,
			type: 1,
			nasIpAddress: '10.0.0.10',
			endpointIpAddress: '10.20.0.5',
		});
	});

	it('refuses PUT on read-only calls and answers 404 for unknown paths', async () => {
		expect((await get('/Version', { method: 'PUT' })).status).toBe(405);
		expect((await get('/Session/Nope')).status).toBe(404);
		expect((await get('/Session/ByColour/red')).status).toBe(404);
	});

	it('logs every call with method, path and status, without credentials', async () => {
		const calls = ise.calls();
		expect(calls.some((call) => call.path.endsWith('/Version') && call.status === 401)).toBe(true);
		expect(
			calls.some((call) => call.method === 'PUT' && call.path.includes('/CoA/Disconnect/')),
		).toBe(true);
		expect(JSON.stringify(calls)).not.toContain(ise.password);
	});

	it('moves records with the clock', async () => {
		clock += 3600_000;
		const answer = await get(`/AuthStatus/MACAddress/${REJECTED_MAC}/600/50/All`);
		const first = all(answer.body, 'authStatusElements')[0];
		expect(Date.parse(one(first, 'acs_timestamp')!)).toBe(clock - 60_000);
	});
});

describe('ISE simulator on a non-MnT node', () => {
	let ise: RunningIseSimulator;
	beforeAll(async () => {
		ise = await startIseSimulator({ nonMnt: true, username: 'u', password: 'p' });
	});
	afterAll(async () => {
		await ise.close();
	});
	const auth = { Authorization: `Basic ${Buffer.from('u:p').toString('base64')}` };

	it('reports type_of_node 3 on /Version', async () => {
		const body = await (await fetch(`${ise.url}/Version`, { headers: auth })).text();
		expect(one(body, 'type_of_node')).toBe('3');
	});

	it.each(['/Session/ActiveCount', `/Session/MACAddress/${HEALTHY_MAC}`, '/FailureReasons'])(
		'answers %s with cpm-code 34110',
		async (path) => {
			const response = await fetch(`${ise.url}${path}`, { headers: auth });
			const body = await response.text();
			expect(response.status).toBe(500);
			expect(one(body, 'cpm-code')).toBe('34110');
			expect(one(body, 'description')).toBe('This host is not a MnT node');
		},
	);
});

describe('buildIseScenario', () => {
	const clients = [
		{ mac: '5c5b35000001', username: 'u1', kind: 'radius_reject' as const },
		{ mac: '5c5b35000002', username: 'u2', kind: 'radius_reject' as const },
		{ mac: '5c5b35000003', username: 'u3', kind: 'wrong_psk' as const },
		{ mac: '5c5b35000004', username: 'u4', kind: 'expired_certificate' as const },
		{ mac: '5c5b35000005', username: 'u5', kind: 'expired_certificate' as const },
		{ mac: '5c5b35000006', username: 'u6', kind: 'dhcp_unresponsive' as const },
	];

	it('leaves PSK clients out, since PSK never reaches ISE', () => {
		const scenario = buildIseScenario(clients);
		expect(scenario.endpoints.map((endpoint) => endpoint.mac)).not.toContain('5C:5B:35:00:00:03');
		expect(scenario.endpoints).toHaveLength(5);
	});

	it('alternates identity codes between rejected users and certificate codes between certificate failures', () => {
		const scenario = buildIseScenario(clients);
		const latestCode = (mac: string) =>
			scenario.endpoints.find((endpoint) => endpoint.mac === mac)!.authRecords[0].failureCode;
		expect([latestCode('5C:5B:35:00:00:01'), latestCode('5C:5B:35:00:00:02')]).toEqual([
			22056, 24408,
		]);
		expect([latestCode('5C:5B:35:00:00:04'), latestCode('5C:5B:35:00:00:05')]).toEqual([
			12321, 12309,
		]);
	});

	it('gives non-authentication faults a passed authentication', () => {
		const dhcp = buildIseScenario(clients).endpoints.find(
			(endpoint) => endpoint.username === 'u6',
		)!;
		expect(dhcp.authRecords.every((record) => record.passed)).toBe(true);
	});

	it('is deterministic', () => {
		expect(buildIseScenario(clients)).toEqual(buildIseScenario(clients));
	});

	it('honours explicit failure codes and attempt counts', () => {
		const scenario = buildIseScenario(
			[{ mac: '5c5b35000009', username: 'x', kind: 'radius_reject', failureCodes: [24415] }],
			{ failedAttempts: 3, psn: 'psn-b' },
		);
		const failed = scenario.endpoints[0].authRecords.filter((record) => !record.passed);
		expect(failed.map((record) => record.failureCode)).toEqual([24415, 24415, 24415]);
		expect(scenario.psns).toEqual(['psn-b']);
		expect(scenario.endpoints[0].acsServer).toBe('psn-b');
	});

	it.each([
		[{ mac: '5c5b35000001', username: 'x', kind: 'sunburn' }, 'Unknown client kind "sunburn"'],
		[{ mac: '5c5b3500', username: 'x', kind: 'healthy' }, 'Invalid MAC address "5c5b3500"'],
		[
			{ mac: '5c5b35000001', username: 'x', kind: 'radius_reject', failureCodes: [99999] },
			'Unknown ISE failure code 99999',
		],
	])('rejects bad input %#', (client, message) => {
		expect(() => buildIseScenario([client as never])).toThrow(message);
	});
});
