import nock from 'nock';

import { serialise } from '../../helpers/executeContext';
import {
	ACTIVE_COUNT_XML,
	BASIC_HEADER,
	EMPTY_SESSION_XML,
	ISE_URL,
	MNT,
	ISE_LEAK_CANARY,
	SESSION_XML,
	XML_HEADERS,
	iseContext,
	restResultXml,
	runIse,
	runIseError,
} from './fixtures';

const MAC = '00:0C:29:46:F3:B8';

describe('Cisco ISE › Session', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it.each([
		'00:0c:29:46:f3:b8',
		'00-0C-29-46-F3-B8',
		'000c.2946.f3b8',
		'000C2946F3B8',
		' 00:0C:29:46:F3:B8 ',
	])(
		'gets the active session by MAC written as %p, with Basic auth and the MAC as AA:BB:…',
		async (mac) => {
			const scope = nock(ISE_URL, {
				reqheaders: { authorization: BASIC_HEADER, accept: 'application/xml' },
			})
				.get(`${MNT}/Session/MACAddress/${MAC}`)
				.reply(200, SESSION_XML, XML_HEADERS);
			const out = await runIse(
				iseContext({ params: { resource: 'session', operation: 'getByMac', mac } }),
			);
			expect(scope.isDone()).toBe(true);
			expect(out).toHaveLength(1);
			expect(out[0].pairedItem).toEqual({ item: 0 });
			expect(out[0].json).toEqual({
				found: true,
				mac: MAC,
				userName: 'jdoe@corp.example',
				passed: true,
				failed: false,
				endpointIpAddress: '10.1.20.5',
				nasIpAddress: '10.1.0.10',
				nasPortId: 'wlan-corp',
				networkDeviceName: 'mist-ap-lobby',
				psn: 'ise-psn1',
				authenticationMethod: 'MSCHAPV2',
				authenticationProtocol: 'PEAP (EAP-MSCHAPv2)',
				identityGroup: 'Workstation',
				identityStore: 'CORP-AD',
				selectedAznProfiles: 'Corp_Employee',
				postureStatus: null,
				auditSessionId: '0A01000A0000001F5E3C2D1A',
				timestamp: '2026-11-25T16:58:01.123+00:00',
				failureReason: null,
				failureCode: null,
				cause: null,
				fix: null,
			});
		},
	);

	it('adds every ISE field under raw when asked', async () => {
		nock(ISE_URL).get(`${MNT}/Session/MACAddress/${MAC}`).reply(200, SESSION_XML, XML_HEADERS);
		const out = await runIse(
			iseContext({
				params: { resource: 'session', operation: 'getByMac', mac: MAC, includeRaw: true },
			}),
		);
		expect(out[0].json.raw).toMatchObject({
			passed: true,
			nas_port: '1',
			destination_ip_address: '10.0.0.21',
			calling_station_id: MAC,
		});
	});

	it('explains the failure reason kept in a session', async () => {
		const failed = SESSION_XML.replace(
			'<selected_azn_profiles>',
			'<failure_reason>24415 User authentication against Active Directory failed since user account is locked out</failure_reason><selected_azn_profiles>',
		);
		nock(ISE_URL).get(`${MNT}/Session/MACAddress/${MAC}`).reply(200, failed, XML_HEADERS);
		const out = await runIse(
			iseContext({ params: { resource: 'session', operation: 'getByMac', mac: MAC } }),
		);
		expect(out[0].json).toMatchObject({
			failureCode: 24415,
			cause: expect.stringContaining('locked out'),
			fix: expect.stringContaining('Unlock'),
		});
	});

	it.each<[string, number, string]>([
		['an empty 200 body', 200, ''],
		['an empty <sessionParameters/>', 200, EMPTY_SESSION_XML],
		['a 404 with the MnT error document', 404, restResultXml(404, 'No session found')],
		['an empty 404', 404, ''],
	])('answers {found:false} for %s', async (_label, status, body) => {
		nock(ISE_URL).get(`${MNT}/Session/MACAddress/${MAC}`).reply(status, body, XML_HEADERS);
		const out = await runIse(
			iseContext({ params: { resource: 'session', operation: 'getByMac', mac: MAC } }),
		);
		expect(out).toHaveLength(1);
		expect(out[0].json).toEqual({
			found: false,
			mac: MAC,
			message: `ISE has no active session for ${MAC}`,
		});
	});

	it('does not mistake an HTML 404 for "no session"', async () => {
		nock(ISE_URL)
			.get(`${MNT}/Session/MACAddress/${MAC}`)
			.reply(404, '<html><body>Not Found</body></html>', { 'Content-Type': 'text/html' });
		const error = await runIseError(
			iseContext({ params: { resource: 'session', operation: 'getByMac', mac: MAC } }),
		);
		expect(error.message).toBe('ISE found nothing at this address (404)');
	});

	it.each<[unknown, string]>([
		['', 'Invalid MAC Address: it is empty'],
		['00:0C:29:46:F3', 'Invalid MAC Address: "00:0C:29:46:F3" is not a MAC address'],
		['zz:0C:29:46:F3:B8', 'Invalid MAC Address: "zz:0C:29:46:F3:B8" is not a MAC address'],
		['../Version', 'Invalid MAC Address: "../Version" is not a MAC address'],
	])('rejects the MAC %p naming the field', async (mac, message) => {
		const error = await runIseError(
			iseContext({ params: { resource: 'session', operation: 'getByMac', mac } }),
		);
		expect(error.message).toBe(message);
	});

	it('gets the active session count', async () => {
		const scope = nock(ISE_URL, { reqheaders: { authorization: BASIC_HEADER } })
			.get(`${MNT}/Session/ActiveCount`)
			.reply(200, ACTIVE_COUNT_XML, XML_HEADERS);
		const out = await runIse(
			iseContext({ params: { resource: 'session', operation: 'getActiveCount' } }),
		);
		expect(scope.isDone()).toBe(true);
		expect(out.map((item) => item.json)).toEqual([{ activeSessions: 1234 }]);
	});

	it('reports an active count answer without <count>', async () => {
		nock(ISE_URL).get(`${MNT}/Session/ActiveCount`).reply(200, '<sessionCount/>', XML_HEADERS);
		const error = await runIseError(
			iseContext({ params: { resource: 'session', operation: 'getActiveCount' } }),
		);
		expect(error.message).toBe('ISE answered the active session count without a <count>');
	});

	it('never puts the password in the output', async () => {
		nock(ISE_URL).get(`${MNT}/Session/MACAddress/${MAC}`).reply(200, SESSION_XML, XML_HEADERS);
		const out = await runIse(
			iseContext({
				params: { resource: 'session', operation: 'getByMac', mac: MAC, includeRaw: true },
			}),
		);
		expect(serialise(out)).not.toContain(ISE_LEAK_CANARY);
		expect(serialise(out)).not.toContain(BASIC_HEADER.slice(6));
	});
});
