import nock from 'nock';

import {
	AUTH_STATUS_XML,
	BASIC_HEADER,
	FAILURE_REASONS_XML,
	ISE_URL,
	MNT,
	NO_AUTH_RECORDS_XML,
	XML_HEADERS,
	authStatusXml,
	iseContext,
	runIse,
	runIseError,
} from './fixtures';

const MAC = '00:0C:29:46:F3:B8';
const statusPath = (seconds: number, records: number) =>
	`${MNT}/AuthStatus/MACAddress/${MAC}/${seconds}/${records}/All`;

describe('Cisco ISE › Authentication', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	describe('Get Status by MAC', () => {
		it('returns one item per record with the defaults 3600 s / 20 records', async () => {
			const scope = nock(ISE_URL, { reqheaders: { authorization: BASIC_HEADER } })
				.get(statusPath(3600, 20))
				.reply(200, AUTH_STATUS_XML, XML_HEADERS);
			const out = await runIse(
				iseContext({
					params: { resource: 'authentication', operation: 'getStatus', mac: '000c2946f3b8' },
				}),
			);
			expect(scope.isDone()).toBe(true);
			expect(
				out.map((item) => [item.json.passed, item.json.failed, item.json.failureCode]),
			).toEqual([
				[true, false, null],
				[false, true, 24415],
				[false, true, 24408],
				[false, true, 24408],
			]);
			expect(out.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
			expect(out[1].json).toEqual({
				mac: MAC,
				passed: false,
				failed: true,
				timestamp: '2026-11-25T16:55:12.000+00:00',
				userName: 'jdoe@corp.example',
				failureReason:
					'24415 User authentication against Active Directory failed since user account is locked out',
				failureCode: 24415,
				category: 'account',
				cause: 'The AD account is locked out after too many wrong passwords.',
				fix: expect.stringContaining('Unlock the account in Active Directory'),
				messageCode: 5400,
				nasIpAddress: '10.1.0.10',
				networkDeviceName: 'mist-ap-lobby',
				nasPortId: 'wlan-corp',
				psn: 'ise-psn1',
				authenticationProtocol: 'PEAP (EAP-MSCHAPv2)',
				authenticationMethod: 'MSCHAPV2',
				identityStore: 'CORP-AD',
				identityGroup: 'Workstation',
				selectedAznProfiles: 'DenyAccess',
				postureStatus: null,
				serviceType: 'Framed',
				auditSessionId: '0A01000A0000001F5E3C2D1A',
				responseTimeMs: 18,
			});
			expect(out[0].json).toMatchObject({
				cause: null,
				fix: null,
				category: null,
				selectedAznProfiles: 'Corp_Employee',
			});
		});

		it('sends the chosen window and record count', async () => {
			const scope = nock(ISE_URL)
				.get(statusPath(86400, 100))
				.reply(200, AUTH_STATUS_XML, XML_HEADERS);
			await runIse(
				iseContext({
					params: {
						resource: 'authentication',
						operation: 'getStatus',
						mac: MAC,
						windowSeconds: 86400,
						maxRecords: 100,
					},
				}),
			);
			expect(scope.isDone()).toBe(true);
		});

		it('sorts records newest first when ISE sends them out of order', async () => {
			const xml = authStatusXml(MAC, [
				{
					passed: false,
					timestamp: '2026-11-25T10:00:00.000+00:00',
					failureReason: '22056 Subject not found in the applicable identity store(s)',
				},
				{ passed: true, timestamp: '2026-11-25T12:00:00.000+00:00' },
			]);
			nock(ISE_URL).get(statusPath(3600, 20)).reply(200, xml, XML_HEADERS);
			const out = await runIse(
				iseContext({ params: { resource: 'authentication', operation: 'getStatus', mac: MAC } }),
			);
			expect(out.map((item) => item.json.timestamp)).toEqual([
				'2026-11-25T12:00:00.000+00:00',
				'2026-11-25T10:00:00.000+00:00',
			]);
		});

		it('explains a failure from its 5xxx message code when there is no failure reason', async () => {
			const xml = authStatusXml(MAC, [
				{ passed: false, timestamp: '2026-11-25T10:00:00.000+00:00', messageCode: 5411 },
			]);
			nock(ISE_URL).get(statusPath(3600, 20)).reply(200, xml, XML_HEADERS);
			const out = await runIse(
				iseContext({ params: { resource: 'authentication', operation: 'getStatus', mac: MAC } }),
			);
			expect(out[0].json).toMatchObject({
				failureReason: null,
				failureCode: 5411,
				category: 'supplicant',
				messageCode: 5411,
			});
		});

		it('gives a generic cause quoting ISE for an unknown code', async () => {
			const xml = authStatusXml(MAC, [
				{
					passed: false,
					timestamp: '2026-11-25T10:00:00.000+00:00',
					failureReason: '61234 Something new',
				},
			]);
			nock(ISE_URL).get(statusPath(3600, 20)).reply(200, xml, XML_HEADERS);
			const out = await runIse(
				iseContext({ params: { resource: 'authentication', operation: 'getStatus', mac: MAC } }),
			);
			expect(out[0].json).toMatchObject({
				failureCode: 61234,
				category: 'unknown',
				cause: expect.stringContaining('"61234 Something new"'),
			});
		});

		it.each<[string, string]>([
			['an empty list', NO_AUTH_RECORDS_XML],
			['an empty body', ''],
		])('returns one {found:false} item for %s', async (_label, body) => {
			nock(ISE_URL).get(statusPath(600, 20)).reply(200, body, XML_HEADERS);
			const out = await runIse(
				iseContext({
					params: {
						resource: 'authentication',
						operation: 'getStatus',
						mac: MAC,
						windowSeconds: 600,
					},
				}),
			);
			expect(out.map((item) => item.json)).toEqual([
				{
					found: false,
					mac: MAC,
					windowSeconds: 600,
					message: `ISE has no authentication records for ${MAC} in the last 600 seconds`,
				},
			]);
		});

		it.each<[Record<string, unknown>, string]>([
			[{ windowSeconds: 0 }, 'Invalid Time Window (Seconds): 0 is below the minimum of 1'],
			[
				{ windowSeconds: 86401 },
				'Invalid Time Window (Seconds): 86401 is above the maximum of 86400',
			],
			[{ windowSeconds: 60.5 }, 'Invalid Time Window (Seconds): 60.5 is not a whole number'],
			[{ windowSeconds: 'soon' }, 'Invalid Time Window (Seconds): "soon" is not a number'],
			[{ maxRecords: 0 }, 'Invalid Max Records: 0 is below the minimum of 1'],
			[{ maxRecords: 101 }, 'Invalid Max Records: 101 is above the maximum of 100'],
		])('validates %p naming the field', async (extra, message) => {
			const error = await runIseError(
				iseContext({
					params: { resource: 'authentication', operation: 'getStatus', mac: MAC, ...extra },
				}),
			);
			expect(error.message).toBe(message);
		});

		it('rejects an answer that is not an authStatusOutputList', async () => {
			nock(ISE_URL).get(statusPath(3600, 20)).reply(200, '<something/>', XML_HEADERS);
			const error = await runIseError(
				iseContext({ params: { resource: 'authentication', operation: 'getStatus', mac: MAC } }),
			);
			expect(error.message).toBe(
				'ISE answered the authentication status with <something> instead of <authStatusOutputList>',
			);
		});
	});

	describe('Get Recent Failures by MAC', () => {
		it('returns only the failed records', async () => {
			nock(ISE_URL).get(statusPath(3600, 20)).reply(200, AUTH_STATUS_XML, XML_HEADERS);
			const out = await runIse(
				iseContext({
					params: { resource: 'authentication', operation: 'getRecentFailures', mac: MAC },
				}),
			);
			expect(out.map((item) => item.json.failureCode)).toEqual([24415, 24408, 24408]);
			expect(out.every((item) => item.json.failed === true)).toBe(true);
		});

		it('summarises the failures into one item', async () => {
			nock(ISE_URL).get(statusPath(3600, 20)).reply(200, AUTH_STATUS_XML, XML_HEADERS);
			const out = await runIse(
				iseContext({
					params: {
						resource: 'authentication',
						operation: 'getRecentFailures',
						mac: MAC,
						summarize: true,
					},
				}),
			);
			expect(out).toHaveLength(1);
			expect(out[0].json).toEqual({
				mac: MAC,
				windowSeconds: 3600,
				attempts: 4,
				failures: 3,
				passes: 1,
				stillFailing: false,
				lastFailureAt: '2026-11-25T16:55:12.000+00:00',
				lastSuccessAt: '2026-11-25T16:58:01.123+00:00',
				topFailureCode: 24408,
				topCause: 'Active Directory rejected the password.',
				topFix: expect.stringContaining('current AD password'),
				reasons: [
					expect.objectContaining({
						code: 24408,
						count: 2,
						category: 'credentials',
						lastSeen: '2026-11-25T16:50:40.000+00:00',
					}),
					expect.objectContaining({ code: 24415, count: 1, category: 'account' }),
				],
			});
		});

		it('says when no attempt failed', async () => {
			const xml = authStatusXml(MAC, [
				{ passed: true, timestamp: '2026-11-25T12:00:00.000+00:00' },
			]);
			nock(ISE_URL).get(statusPath(3600, 20)).reply(200, xml, XML_HEADERS);
			const out = await runIse(
				iseContext({
					params: { resource: 'authentication', operation: 'getRecentFailures', mac: MAC },
				}),
			);
			expect(out.map((item) => item.json)).toEqual([
				{
					found: false,
					mac: MAC,
					windowSeconds: 3600,
					attempts: 1,
					failures: 0,
					message: `None of the 1 authentication attempts of ${MAC} in the last 3600 seconds failed`,
				},
			]);
		});

		it('says when there are no records at all', async () => {
			nock(ISE_URL).get(statusPath(3600, 20)).reply(200, NO_AUTH_RECORDS_XML, XML_HEADERS);
			const out = await runIse(
				iseContext({
					params: { resource: 'authentication', operation: 'getRecentFailures', mac: MAC },
				}),
			);
			expect(out[0].json).toMatchObject({
				found: false,
				attempts: 0,
				failures: 0,
				message: expect.stringContaining('no authentication records'),
			});
		});

		it('summarises an empty window with zero failures', async () => {
			nock(ISE_URL).get(statusPath(3600, 20)).reply(200, NO_AUTH_RECORDS_XML, XML_HEADERS);
			const out = await runIse(
				iseContext({
					params: {
						resource: 'authentication',
						operation: 'getRecentFailures',
						mac: MAC,
						summarize: true,
					},
				}),
			);
			expect(out[0].json).toMatchObject({
				attempts: 0,
				failures: 0,
				stillFailing: false,
				topFailureCode: null,
				reasons: [],
			});
		});
	});

	describe('Get Failure Reason Catalogue', () => {
		it('returns one item per code with the helpdesk category when known', async () => {
			const scope = nock(ISE_URL, { reqheaders: { authorization: BASIC_HEADER } })
				.get(`${MNT}/FailureReasons`)
				.reply(200, FAILURE_REASONS_XML, XML_HEADERS);
			const out = await runIse(
				iseContext({ params: { resource: 'authentication', operation: 'getFailureReasons' } }),
			);
			expect(scope.isDone()).toBe(true);
			expect(out.map((item) => item.json)).toEqual([
				{
					code: 22056,
					text: 'Subject not found in the applicable identity store(s)',
					cause: 'The user is unknown & could not be found in the identity stores.',
					resolution:
						'Check whether the subject is present in any one of the chosen identity stores.',
					category: 'account',
					helpdeskFix: expect.stringContaining('identity source sequence'),
				},
				expect.objectContaining({
					code: 12321,
					cause: 'The client rejected the <local> certificate.',
					category: 'certificate_eap',
				}),
				{
					code: 99999,
					text: 'Some future reason',
					cause: 'Unknown to the helpdesk map.',
					resolution: null,
					category: null,
					helpdeskFix: null,
				},
			]);
		});

		it('filters by codes', async () => {
			nock(ISE_URL).get(`${MNT}/FailureReasons`).reply(200, FAILURE_REASONS_XML, XML_HEADERS);
			const out = await runIse(
				iseContext({
					params: {
						resource: 'authentication',
						operation: 'getFailureReasons',
						codes: '12321, 99999',
					},
				}),
			);
			expect(out.map((item) => item.json.code)).toEqual([12321, 99999]);
		});

		it('names a code that is not a number', async () => {
			const error = await runIseError(
				iseContext({
					params: {
						resource: 'authentication',
						operation: 'getFailureReasons',
						codes: '22056, abc',
					},
				}),
			);
			expect(error.message).toBe('Invalid Codes: "abc" is not an ISE failure code');
		});

		it('says when none of the codes are in the catalogue', async () => {
			nock(ISE_URL).get(`${MNT}/FailureReasons`).reply(200, FAILURE_REASONS_XML, XML_HEADERS);
			const error = await runIseError(
				iseContext({
					params: { resource: 'authentication', operation: 'getFailureReasons', codes: '11111' },
				}),
			);
			expect(error.message).toBe("ISE's catalogue has none of the codes 11111");
		});
	});
});
