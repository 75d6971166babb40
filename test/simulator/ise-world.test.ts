/** The ISE view of the Mist demo world: the auth faults of the Mist scenario show up as ISE failures. */
import { generateWorld, loadScenario, resolveScale } from '../../simulator/src';
import { iseScenarioFromWorld, normaliseMac, startIseSimulator } from '../../simulator/src/ise';

describe('ISE scenario built from the Mist demo world', () => {
	const scenario = loadScenario('demo');
	const world = generateWorld(
		scenario,
		resolveScale(scenario),
		scenario.seed ?? 1,
		Date.parse('2026-11-25T12:00:00Z'),
	);
	const ise = iseScenarioFromWorld(world);
	const endpointOf = (mac: string) =>
		ise.endpoints.find((endpoint) => endpoint.mac === normaliseMac(mac));
	const clientNamed = (hostname: string) =>
		[...world.clients.values()].find((client) => client.hostname === hostname)!;
	const faultClients = (kind: string) =>
		world.faults.filter((fault) => fault.kind === kind).flatMap((fault) => fault.clientMacs);

	it('has one endpoint per 802.1X client and none for PSK clients', () => {
		const eapClients = [...world.clients.values()].filter((client) => client.wlan.auth === 'eap');
		expect(ise.endpoints).toHaveLength(eapClients.length);
		expect(endpointOf(clientNamed('hq-guest-tablet-01').mac)).toBeUndefined();
		expect(ise.endpoints.every((endpoint) => endpoint.username !== '')).toBe(true);
	});

	it('gives every radius_reject client failed authentications with identity codes', () => {
		const macs = faultClients('radius_reject');
		expect(macs.length).toBeGreaterThan(0);
		for (const mac of macs) {
			const latest = endpointOf(mac)!.authRecords[0];
			expect(latest.passed).toBe(false);
			expect([22056, 24408]).toContain(latest.failureCode);
		}
	});

	it('gives the expired_certificate clients certificate failures', () => {
		for (const hostname of ['hq-scanner-cert-01', 'hq-scanner-cert-02']) {
			const endpoint = endpointOf(clientNamed(hostname).mac)!;
			expect([12321, 12309]).toContain(endpoint.authRecords[0].failureCode);
		}
	});

	it('leaves clients of non-authentication faults authenticated', () => {
		const dhcpMacs = faultClients('dhcp_unresponsive').filter(
			(mac) => world.clients.get(mac)?.wlan.auth === 'eap',
		);
		for (const mac of dhcpMacs)
			expect(endpointOf(mac)!.authRecords.every((record) => record.passed)).toBe(true);
	});

	it('answers ISE queries for a Mist-style MAC of the world', async () => {
		const server = await startIseSimulator({ scenario: ise });
		try {
			const mac = faultClients('radius_reject')[0];
			const response = await fetch(
				`${server.url}/AuthStatus/MACAddress/${normaliseMac(mac)}/3600/5/All`,
				{
					headers: {
						Authorization: `Basic ${Buffer.from(`${server.username}:${server.password}`).toString('base64')}`,
					},
				},
			);
			const body = await response.text();
			expect(response.status).toBe(200);
			expect(body.match(/<authStatusElements>/g)).toHaveLength(5);
			expect(body).toContain(`<user_name>${world.clients.get(mac)!.username}</user_name>`);
		} finally {
			await server.close();
		}
	});
});
