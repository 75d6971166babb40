import nock from 'nock';

import {
	BASIC_HEADER,
	ISE_URL,
	MNT,
	SESSION_XML,
	XML_HEADERS,
	coaXml,
	iseContext,
	restResultXml,
	runIse,
	runIseError,
} from './fixtures';

const MAC = '00:0C:29:46:F3:B8';
const sessionPath = `${MNT}/Session/MACAddress/${MAC}`;

describe('Cisco ISE › CoA', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	describe('Reauthenticate', () => {
		it.each<[string, number]>([
			['default', 0],
			['last', 1],
			['rerun', 2],
		])(
			'sends type %s as %i to the given PSN without looking up the session',
			async (reauthType, type) => {
				const scope = nock(ISE_URL, { reqheaders: { authorization: BASIC_HEADER } })
					.get(`${MNT}/CoA/Reauth/ise-psn2/${MAC}/${type}`)
					.reply(200, coaXml('reauth', true), XML_HEADERS);
				const out = await runIse(
					iseContext({
						params: {
							resource: 'coa',
							operation: 'reauthenticate',
							mac: '00-0c-29-46-f3-b8',
							reauthType,
							psn: 'ise-psn2',
						},
					}),
				);
				expect(scope.isDone()).toBe(true);
				expect(out.map((item) => item.json)).toEqual([
					{
						mac: MAC,
						requestType: 'reauth',
						reauthType,
						psn: 'ise-psn2',
						psnSource: 'parameter',
						result: true,
						success: true,
					},
				]);
				expect(out[0].pairedItem).toEqual({ item: 0 });
			},
		);

		it('looks up the PSN (acs_server) from the active session when none is given', async () => {
			const scope = nock(ISE_URL)
				.get(sessionPath)
				.reply(200, SESSION_XML, XML_HEADERS)
				.get(`${MNT}/CoA/Reauth/ise-psn1/${MAC}/0`)
				.reply(200, coaXml('reauth', true), XML_HEADERS);
			const out = await runIse(
				iseContext({
					params: {
						resource: 'coa',
						operation: 'reauthenticate',
						mac: MAC,
						reauthType: 'default',
						psn: '',
					},
				}),
			);
			expect(scope.isDone()).toBe(true);
			expect(out[0].json).toMatchObject({ psn: 'ise-psn1', psnSource: 'session', success: true });
		});

		it('reports a false result as success:false with a reason', async () => {
			nock(ISE_URL)
				.get(`${MNT}/CoA/Reauth/ise-psn1/${MAC}/1`)
				.reply(200, coaXml('reauth', false), XML_HEADERS);
			const out = await runIse(
				iseContext({
					params: {
						resource: 'coa',
						operation: 'reauthenticate',
						mac: MAC,
						reauthType: 'last',
						psn: 'ise-psn1',
					},
				}),
			);
			expect(out[0].json).toMatchObject({
				result: false,
				success: false,
				reason: expect.stringContaining('did not succeed'),
			});
			expect(out[0].json.reason).toContain('11213');
		});

		it('fails clearly when there is no session to take the PSN from', async () => {
			nock(ISE_URL)
				.get(sessionPath)
				.reply(404, restResultXml(404, 'No session found'), XML_HEADERS);
			const error = await runIseError(
				iseContext({
					params: {
						resource: 'coa',
						operation: 'reauthenticate',
						mac: MAC,
						reauthType: 'default',
						psn: '',
					},
				}),
			);
			expect(error.message).toBe(
				`ISE has no active session for ${MAC}, so the CoA target cannot be looked up`,
			);
			expect(error.description).toContain('enter the PSN');
		});

		it.each<[Record<string, unknown>, string]>([
			[{ psn: 'ise psn/../x' }, 'Invalid PSN: "ise psn/../x" is not an ISE node name'],
			[{ reauthType: 'hard' }, 'Invalid Reauthentication Type: "hard"'],
			[{ mac: 'nope' }, 'Invalid MAC Address: "nope" is not a MAC address'],
		])('validates %p naming the field', async (extra, message) => {
			const error = await runIseError(
				iseContext({
					params: {
						resource: 'coa',
						operation: 'reauthenticate',
						mac: MAC,
						reauthType: 'default',
						psn: 'ise-psn1',
						...extra,
					},
				}),
			);
			expect(error.message).toBe(message);
		});

		it('does not retry a CoA after a server error (it may have acted)', async () => {
			const scope = nock(ISE_URL)
				.get(`${MNT}/CoA/Reauth/ise-psn1/${MAC}/0`)
				.once()
				.reply(500, restResultXml(500, 'Internal error'), XML_HEADERS);
			const error = await runIseError(
				iseContext({
					params: {
						resource: 'coa',
						operation: 'reauthenticate',
						mac: MAC,
						reauthType: 'default',
						psn: 'ise-psn1',
					},
				}),
			);
			expect(scope.isDone()).toBe(true);
			expect(error.message).toBe('ISE had a server error (500): Internal error');
		});

		it('rejects an answer without a boolean result', async () => {
			nock(ISE_URL)
				.get(`${MNT}/CoA/Reauth/ise-psn1/${MAC}/0`)
				.reply(
					200,
					'<remoteCoA requestType="reauth"><results>maybe</results></remoteCoA>',
					XML_HEADERS,
				);
			const error = await runIseError(
				iseContext({
					params: {
						resource: 'coa',
						operation: 'reauthenticate',
						mac: MAC,
						reauthType: 'default',
						psn: 'ise-psn1',
					},
				}),
			);
			expect(error.message).toBe(
				'ISE answered the CoA with <remoteCoA> instead of <remoteCoA><results>true|false</results>',
			);
		});
	});

	describe('Disconnect', () => {
		it.each<[string, number]>([
			['default', 0],
			['portBounce', 1],
			['portShutdown', 2],
		])('sends type %s as %i with every target given', async (disconnectType, type) => {
			const scope = nock(ISE_URL, { reqheaders: { authorization: BASIC_HEADER } })
				.get(`${MNT}/CoA/Disconnect/ise-psn1/${MAC}/${type}/10.9.0.1/10.9.20.7`)
				.reply(200, coaXml('disconnect', true), XML_HEADERS);
			const out = await runIse(
				iseContext({
					params: {
						resource: 'coa',
						operation: 'disconnect',
						mac: MAC,
						disconnectType,
						psn: 'ise-psn1',
						nasIpAddress: '10.9.0.1',
						endpointIpAddress: '10.9.20.7',
					},
				}),
			);
			expect(scope.isDone()).toBe(true);
			expect(out[0].json).toEqual({
				mac: MAC,
				requestType: 'disconnect',
				disconnectType,
				psn: 'ise-psn1',
				psnSource: 'parameter',
				nasIpAddress: '10.9.0.1',
				endpointIpAddress: '10.9.20.7',
				result: true,
				success: true,
			});
		});

		it('takes PSN, NAS IP and endpoint IP from one session lookup', async () => {
			const scope = nock(ISE_URL)
				.get(sessionPath)
				.once()
				.reply(200, SESSION_XML, XML_HEADERS)
				.get(`${MNT}/CoA/Disconnect/ise-psn1/${MAC}/0/10.1.0.10/10.1.20.5`)
				.reply(200, coaXml('disconnect', true), XML_HEADERS);
			const out = await runIse(
				iseContext({
					params: {
						resource: 'coa',
						operation: 'disconnect',
						mac: MAC,
						disconnectType: 'default',
						psn: '',
						nasIpAddress: '',
						endpointIpAddress: '',
					},
				}),
			);
			expect(scope.isDone()).toBe(true);
			expect(out[0].json).toMatchObject({
				psnSource: 'session',
				nasIpAddress: '10.1.0.10',
				endpointIpAddress: '10.1.20.5',
				success: true,
			});
		});

		it('accepts IPv6 addresses with their colons', async () => {
			const scope = nock(ISE_URL)
				.get(`${MNT}/CoA/Disconnect/ise-psn1/${MAC}/0/2001:db8::1/2001:db8::20`)
				.reply(200, coaXml('disconnect', true), XML_HEADERS);
			await runIse(
				iseContext({
					params: {
						resource: 'coa',
						operation: 'disconnect',
						mac: MAC,
						disconnectType: 'default',
						psn: 'ise-psn1',
						nasIpAddress: '2001:db8::1',
						endpointIpAddress: '2001:db8::20',
					},
				}),
			);
			expect(scope.isDone()).toBe(true);
		});

		it('names the field when the session has no endpoint IP', async () => {
			nock(ISE_URL)
				.get(sessionPath)
				.reply(
					200,
					SESSION_XML.replace(/<framed_ip_address>.*<\/framed_ip_address>/, ''),
					XML_HEADERS,
				);
			const error = await runIseError(
				iseContext({
					params: {
						resource: 'coa',
						operation: 'disconnect',
						mac: MAC,
						disconnectType: 'default',
						psn: '',
						nasIpAddress: '',
						endpointIpAddress: '',
					},
				}),
			);
			expect(error.message).toBe(
				`The active session of ${MAC} does not say which Endpoint IP Address to use`,
			);
		});

		it('reports a false result as success:false', async () => {
			nock(ISE_URL)
				.get(`${MNT}/CoA/Disconnect/ise-psn1/${MAC}/1/10.9.0.1/10.9.20.7`)
				.reply(200, coaXml('disconnect', false), XML_HEADERS);
			const out = await runIse(
				iseContext({
					params: {
						resource: 'coa',
						operation: 'disconnect',
						mac: MAC,
						disconnectType: 'portBounce',
						psn: 'ise-psn1',
						nasIpAddress: '10.9.0.1',
						endpointIpAddress: '10.9.20.7',
					},
				}),
			);
			expect(out[0].json).toMatchObject({
				result: false,
				success: false,
				reason: expect.stringContaining('disconnect did not succeed'),
			});
		});

		it.each<[Record<string, unknown>, string]>([
			[
				{ nasIpAddress: '10.1.0.300' },
				'Invalid NAS IP Address: "10.1.0.300" is not an IPv4 or IPv6 address',
			],
			[
				{ endpointIpAddress: 'host.example' },
				'Invalid Endpoint IP Address: "host.example" is not an IPv4 or IPv6 address',
			],
			[{ disconnectType: 'shutdown' }, 'Invalid Disconnect Type: "shutdown"'],
		])('validates %p naming the field', async (extra, message) => {
			const error = await runIseError(
				iseContext({
					params: {
						resource: 'coa',
						operation: 'disconnect',
						mac: MAC,
						disconnectType: 'default',
						psn: 'ise-psn1',
						nasIpAddress: '10.9.0.1',
						endpointIpAddress: '10.9.20.7',
						...extra,
					},
				}),
			);
			expect(error.message).toBe(message);
		});
	});
});
