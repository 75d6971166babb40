import { diagnoseAuthentication } from '../../../../nodes/MistDiagnose/rules';
import type { ClientEventInput } from '../../../../nodes/MistDiagnose/rules';
import { apMac, clientEvent, clientMac, context, NOW, SITE, thresholds } from './fixtures';

const AUTH = 'MARVIS_EVENT_CLIENT_AUTH_FAILURE';

/** NAC event shaped like EventsNacClientSearchNACclientevents. */
const nacEvent = (
	type: string,
	username: string,
	mac: string,
	overrides: Partial<ClientEventInput> = {},
): ClientEventInput => ({
	type,
	mac,
	username,
	site_id: SITE,
	ap: '5c5b35513227',
	bssid: '5c5b355fafcc',
	auth_type: 'eap-ttls',
	ssid: 'mist_nac',
	vlan: '750',
	timestamp: NOW - 200,
	...overrides,
});

describe('authentication step: correlation', () => {
	it('one user failing on 5 APs → one client finding: check credentials, then ISE lookup', () => {
		const events = Array.from({ length: 5 }, (_, index) =>
			clientEvent(AUTH, clientMac(1), {
				ap: apMac(index + 1),
				username: 'alice@example.com',
				timestamp: NOW - 500 + index * 60,
			}),
		);
		const { findings } = diagnoseAuthentication({ events }, thresholds(), context);
		expect(findings).toHaveLength(1);
		const [finding] = findings;
		expect(finding).toMatchObject({
			rule: 'client_auth_failure',
			severity: 'minor',
			count: 5,
			scope: { level: 'client', client_mac: clientMac(1), username: 'alice@example.com' },
			evidence: { apCount: 5, cause: 'credentials' },
		});
		expect(finding.summary).toBe(
			`User alice@example.com on ${clientMac(1)} failed authentication 5 times on 5 APs at site Phoenix; no other user is affected.`,
		);
		expect(finding.likelyCause).toMatch(/credentials.*across 5 APs, so the APs are not the cause/);
		expect(finding.remediation).toEqual({
			kind: 'manual',
			description: expect.stringMatching(/credentials \/ PSK \/ certificate/),
		});
		expect(finding.followUp).toEqual([
			{
				kind: 'action',
				operation: 'iseLookup',
				parameters: { client_mac: clientMac(1) },
				description: expect.any(String),
			},
		]);
	});

	it('8 users failing on one SSID → one SSID finding (RADIUS/IdP), with a RADIUS test to follow', () => {
		const events = Array.from({ length: 8 }, (_, index) =>
			clientEvent(AUTH, clientMac(index + 1), {
				username: `user${index}`,
				timestamp: NOW - 400 + index * 30,
			}),
		);
		const { findings } = diagnoseAuthentication({ events }, thresholds(), context);
		expect(findings).toHaveLength(1);
		expect(findings[0]).toMatchObject({
			rule: 'auth_failures_ssid',
			severity: 'major',
			scope: { level: 'ssid', ssid: 'Corp' },
			evidence: { affectedUsers: 8 },
		});
		expect(findings[0].fingerprint).toBe(
			`mist:${context.org_id}:${SITE}:auth_failures_ssid:ssid=Corp`,
		);
		// The RADIUS test needs a test account, so it follows the manual server check.
		expect(findings[0].remediation).toMatchObject({
			kind: 'manual',
			description: expect.stringContaining('RADIUS/IdP servers'),
		});
		expect(findings[0].followUp).toEqual([
			expect.objectContaining({
				operation: 'syntheticTest',
				parameters: expect.objectContaining({ type: 'radius' }),
			}),
		]);
	});

	it.each([
		[
			'all within one window: the count is said once',
			[0, 30, 60, 90],
			'4 users failed to authenticate on SSID Corp at site Phoenix within 10 min.',
		],
		[
			'spread wider: the peak follows',
			[0, 100, 700, 800],
			'4 users failed to authenticate on SSID Corp at site Phoenix (up to 2 within 10 min).',
		],
	])('summary, %s', (_name, offsets, summary) => {
		const events = offsets.map((offset, index) =>
			clientEvent(AUTH, clientMac(index + 1), {
				username: `u${index}`,
				timestamp: NOW - 1000 + offset,
			}),
		);
		const [finding] = diagnoseAuthentication({ events }, thresholds(), context).findings;
		expect(finding).toMatchObject({ rule: 'auth_failures_ssid', summary });
	});

	it.each([
		[2, 'major'],
		[10, 'major'],
		[11, 'critical'],
	])('%d users on one SSID → %s', (users, severity) => {
		const events = Array.from({ length: users }, (_, index) =>
			clientEvent(AUTH, clientMac(index + 1), { username: `u${index}` }),
		);
		expect(diagnoseAuthentication({ events }, thresholds(), context).findings).toEqual([
			expect.objectContaining({ rule: 'auth_failures_ssid', severity }),
		]);
	});

	it('one user with two devices is still one user: two client findings, no SSID finding', () => {
		const events = [
			clientEvent(AUTH, clientMac(1), { username: 'Bob' }),
			clientEvent(AUTH, clientMac(2), { username: 'bob' }),
		];
		const { findings } = diagnoseAuthentication({ events }, thresholds(), context);
		expect(findings.map((finding) => finding.rule)).toEqual([
			'client_auth_failure',
			'client_auth_failure',
		]);
	});

	it('two users more than 10 minutes apart are separate client problems', () => {
		const events = [
			clientEvent(AUTH, clientMac(1), { timestamp: NOW - 2000 }),
			clientEvent(AUTH, clientMac(2), { timestamp: NOW - 1000 }),
		];
		expect(
			diagnoseAuthentication({ events }, thresholds(), context).findings.map(
				(finding) => finding.scope.level,
			),
		).toEqual(['client', 'client']);
	});
});

describe('authentication step: one person, two event sources', () => {
	it('counts a client once when its client events lack the username its NAC events carry', () => {
		const macs = [clientMac(1), clientMac(2)];
		const events = macs.flatMap((mac, i) => [
			clientEvent(AUTH, mac, { ssid: 'Corp', timestamp: NOW - 60 }),
			nacEvent('NAC_CLIENT_DENY', `user${i}@corp`, mac, { ssid: 'Corp', timestamp: NOW - 50 }),
		]);
		const { findings } = diagnoseAuthentication({ events }, thresholds(), context);
		expect(findings).toHaveLength(1);
		expect(findings[0].evidence.affectedUsers).toBe(2);
		expect(findings[0].summary).toMatch(/^2 users failed/);
	});
});

describe('authentication step: causes', () => {
	it.each([
		[
			'certificate events',
			nacEvent('NAC_CLIENT_CERT_CHECK_FAILURE', 'carol', clientMac(1)),
			{},
			'certificate',
		],
		[
			'certificate text',
			clientEvent(AUTH, clientMac(1), { text: 'EAP-TLS: server certificate expired' }),
			{},
			'certificate',
		],
		['IdP failure', nacEvent('NAC_IDP_AUTHC_FAILURE', 'dave', clientMac(1)), {}, 'idp'],
		[
			'PSK WLAN (context)',
			clientEvent(AUTH, clientMac(1), { ssid: 'Guest-PSK' }),
			{ 'Guest-PSK': 'psk' as const },
			'psk',
		],
		[
			'PSK key management',
			clientEvent(AUTH, clientMac(1), { key_mgmt: 'WPA2-PSK/CCMP' }),
			{},
			'psk',
		],
		['SAE failure', clientEvent('SAE_AUTH_FAILURE', clientMac(1)), {}, 'psk'],
		['MAC auth', clientEvent('MARVIS_EVENT_CLIENT_MAC_AUTH_FAILURE', clientMac(1)), {}, 'mac_auth'],
		[
			'802.1X on an EAP WLAN',
			clientEvent(AUTH, clientMac(1), { key_mgmt: 'WPA2-PSK/CCMP' }),
			{ Corp: 'eap' as const },
			'credentials',
		],
	])('single client, %s → %s', (_label, event, wlanSecurity, cause) => {
		const { findings } = diagnoseAuthentication({ events: [event] }, thresholds(), {
			...context,
			wlanSecurity,
		});
		expect(findings[0].evidence.cause).toBe(cause);
	});

	it('a wrong PSK on a PSK WLAN gives only a manual fix (no ISE lookup for PSK)', () => {
		const { findings } = diagnoseAuthentication(
			{ events: [clientEvent(AUTH, clientMac(1), { ssid: 'Guest-PSK' })] },
			thresholds(),
			{
				...context,
				wlanSecurity: { 'Guest-PSK': 'psk' },
			},
		);
		expect(findings[0].remediation).toEqual({
			kind: 'manual',
			description: 'Re-enter the PSK on the device.',
		});
		expect(findings[0].followUp).toEqual([]);
	});

	it('many users failing on a PSK WLAN → SSID finding blaming the PSK, fixed manually', () => {
		const events = Array.from({ length: 6 }, (_, index) =>
			clientEvent(AUTH, clientMac(index + 1), { ssid: 'Guest-PSK' }),
		);
		const [finding] = diagnoseAuthentication({ events }, thresholds(), {
			...context,
			wlanSecurity: { 'Guest-PSK': 'psk' },
		}).findings;
		expect(finding).toMatchObject({
			rule: 'auth_failures_ssid',
			evidence: { cause: 'psk' },
			remediation: { kind: 'manual' },
		});
		expect(finding.likelyCause).toMatch(/pre-shared key/);
	});

	it('many NAC certificate failures on one SSID → certificate cause at SSID level', () => {
		const events = Array.from({ length: 4 }, (_, index) =>
			nacEvent('NAC_CLIENT_CERT_CHECK_FAILURE', `user${index}@deaflyz.net`, clientMac(index + 1)),
		);
		const [finding] = diagnoseAuthentication({ events }, thresholds(), context).findings;
		expect(finding).toMatchObject({
			rule: 'auth_failures_ssid',
			scope: { ssid: 'mist_nac' },
			evidence: { cause: 'certificate' },
		});
		expect(finding.likelyCause).toMatch(/certificate/i);
	});
});

describe('authentication step: baseline, alarms, healthy', () => {
	const events = Array.from({ length: 4 }, (_, index) => clientEvent(AUTH, clientMac(index + 1)));
	it.each([
		[[3, 4, 5, 4, 3, 5], 'info'],
		[[0, 0, 1, 0, 0, 1], 'major'],
	])('history %j → %s', (history, severity) => {
		expect(
			diagnoseAuthentication({ events, baseline: { [SITE]: history } }, thresholds(), context)
				.findings[0].severity,
		).toBe(severity);
	});

	it('says "usual for this site" once, after the count', () => {
		const [finding] = diagnoseAuthentication(
			{ events, baseline: { [SITE]: [3, 4, 5, 4, 3, 5] } },
			thresholds(),
			context,
		).findings;
		expect(finding.summary).toMatch(
			/^4 users failed to authenticate on SSID \S+ at site Phoenix within 10 min \(usual for this site\)\.$/,
		);
	});

	it('maps psk_failure alarms with one SSID onto the SSID finding (same fingerprint as the event rule)', () => {
		const alarm = {
			id: 'a1',
			type: 'psk_failure',
			site_id: SITE,
			count: 7,
			ssids: ['Corp'],
			timestamp: NOW - 300,
		};
		const fromAlarm = diagnoseAuthentication({ alarms: [alarm] }, thresholds(), context).findings;
		const fromEvents = diagnoseAuthentication({ events }, thresholds(), context).findings;
		expect(fromAlarm[0].fingerprint).toBe(fromEvents[0].fingerprint);
		const both = diagnoseAuthentication(
			{ events, alarms: [alarm] },
			thresholds(),
			context,
		).findings;
		expect(both).toHaveLength(1);
	});

	it('reports checked clients that did not fail as healthy', () => {
		const { healthy } = diagnoseAuthentication(
			{
				events: [clientEvent(AUTH, clientMac(1))],
				clients: [
					{ mac: clientMac(1), site_id: SITE },
					{ mac: clientMac(9), site_id: SITE },
				],
			},
			thresholds(),
			context,
		);
		expect(healthy).toEqual([
			{
				step: 'authentication',
				level: 'client',
				id: clientMac(9),
				org_id: context.org_id,
				site_id: SITE,
			},
		]);
	});
});

describe('authentication step: status code 79 (frames not acknowledged)', () => {
	it.each([79, -79])(
		'status_code %d on an auth failure is a radio problem, not a credentials one',
		(statusCode) => {
			const events = [0, 1].map((index) =>
				clientEvent(AUTH, clientMac(1), {
					status_code: statusCode,
					rssi: -79 - index,
					text: undefined,
					timestamp: NOW - 300 + index * 60,
				}),
			);
			const [finding] = diagnoseAuthentication({ events }, thresholds(), context).findings;
			expect(finding).toMatchObject({
				rule: 'client_auth_failure',
				evidence: { cause: 'rf', unacknowledgedEvents: 2, rssiDbm: { min: -80, max: -79 } },
				remediation: { kind: 'manual' },
				followUp: [],
			});
			expect(finding.likelyCause).toMatch(/not acknowledged/);
		},
	);

	it('many users failing with status 79 on one SSID point at the radio, without a RADIUS test', () => {
		const events = [1, 2, 3].map((index) =>
			clientEvent(AUTH, clientMac(index), {
				status_code: 79,
				text: undefined,
				timestamp: NOW - 200 + index,
			}),
		);
		const [finding] = diagnoseAuthentication({ events }, thresholds(), context).findings;
		expect(finding).toMatchObject({
			rule: 'auth_failures_ssid',
			evidence: { cause: 'rf' },
			followUp: [],
		});
		expect(finding.likelyCause).toMatch(/radio problem/);
	});

	it('another status code still reads as an authentication decision', () => {
		const [finding] = diagnoseAuthentication(
			{ events: [clientEvent(AUTH, clientMac(1), { status_code: 23, text: undefined })] },
			thresholds(),
			context,
		).findings;
		expect(finding.evidence).toMatchObject({ cause: 'credentials' });
		expect(finding.evidence).not.toHaveProperty('unacknowledgedEvents');
	});

	it('a WxLAN policy lookup failure is reported by this step with its own cause', () => {
		const events = [clientEvent('MARVIS_EVENT_CLIENT_WXLAN_POLICY_LOOKUP_FAILURE', clientMac(1))];
		const [finding] = diagnoseAuthentication({ events }, thresholds(), context).findings;
		expect(finding).toMatchObject({
			rule: 'client_auth_failure',
			evidence: { cause: 'policy' },
			followUp: [],
		});
	});
});

describe('authentication step: reasons that refine the cause', () => {
	const REJECT = '802.1X authentication failed: RADIUS server answered Access-Reject';
	const deny = (mac: string, text: string): ClientEventInput =>
		nacEvent('NAC_CLIENT_DENY', 'ivy@corp', mac, { ssid: 'Corp', timestamp: NOW - 110, text });

	it.each([
		['a NAC reason naming the password', 'Authentication failed: wrong password', 'password'],
		['an ISE reason code', '22063 Wrong password', 'password'],
		['an expired password (not a certificate)', 'User password has expired', 'password'],
		['a reason that says nothing more', 'Access-Reject', 'credentials'],
	])('a bare Access-Reject refined by %s → %s', (_label, text, cause) => {
		const events = [
			clientEvent(AUTH, clientMac(1), { text: REJECT }),
			clientEvent(AUTH, clientMac(1), { text: REJECT, timestamp: NOW - 100 }),
			deny(clientMac(1), text),
		];
		const [finding] = diagnoseAuthentication({ events }, thresholds(), context).findings;
		expect(finding.evidence.cause).toBe(cause);
	});

	it('tells the user to reset the password when the password was refused', () => {
		const events = [
			clientEvent(AUTH, clientMac(1), { text: REJECT }),
			deny(clientMac(1), 'wrong password'),
		];
		const [finding] = diagnoseAuthentication({ events }, thresholds(), context).findings;
		expect(finding.likelyCause).toMatch(/password is wrong/);
		expect(finding.remediation.description).toMatch(/reset their password/);
	});

	it('records the RADIUS server a timeout names, and the SSIDs a client failed on', () => {
		const text = '802.1X authentication failed: no response from RADIUS server 10.1.1.21 (timeout)';
		const events = [
			clientEvent(AUTH, clientMac(1), { text }),
			clientEvent(AUTH, clientMac(1), { text, ssid: 'Corp-Voice', timestamp: NOW - 60 }),
		];
		const [finding] = diagnoseAuthentication({ events }, thresholds(), context).findings;
		expect(finding.evidence).toMatchObject({
			cause: 'radius',
			servers: ['10.1.1.21'],
			ssids: ['Corp', 'Corp-Voice'],
		});
	});

	it('names no server when the text names none', () => {
		const events = [clientEvent(AUTH, clientMac(1), { text: 'RADIUS server timeout' })];
		const [finding] = diagnoseAuthentication({ events }, thresholds(), context).findings;
		expect(finding.evidence).toMatchObject({ cause: 'radius', servers: [] });
	});

	it('many PSK failures on one SSID at once: distribute the new PSK', () => {
		const events = Array.from({ length: 6 }, (_, index) =>
			clientEvent(AUTH, clientMac(index + 1), { ssid: 'Guest-PSK', key_mgmt: 'WPA2-PSK/CCMP' }),
		);
		const [finding] = diagnoseAuthentication({ events }, thresholds(), context).findings;
		expect(finding.remediation.description).toMatch(/distribute the new PSK/);
	});
});
