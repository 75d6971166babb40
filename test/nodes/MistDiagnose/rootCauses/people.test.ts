import { explainFindings } from '../../../../nodes/MistDiagnose/rootCauses/explain';
import { PEOPLE_CAUSES } from '../../../../nodes/MistDiagnose/rootCauses/people.causes';
import type { RootCauseContext } from '../../../../nodes/MistDiagnose/rootCauses/types';
import { diagnoseAuthentication } from '../../../../nodes/MistDiagnose/rules';
import type { ClientEventInput } from '../../../../nodes/MistDiagnose/rules';
import type { Finding } from '../../../../nodes/shared/findings/types';
import {
	apMac,
	clientEvent,
	clientMac,
	context,
	NOW,
	SITE,
	SITE2,
	thresholds,
} from '../rules/fixtures';

const AUTH = 'MARVIS_EVENT_CLIENT_AUTH_FAILURE';
const REJECT = '802.1X authentication failed: RADIUS server answered Access-Reject';
const timeout = (server: string) =>
	`802.1X authentication failed: no response from RADIUS server ${server} (timeout)`;

const causeContext: RootCauseContext = {
	org_id: context.org_id,
	now: NOW,
	siteNames: context.siteNames ?? {},
	deviceNames: {},
	thresholds: thresholds(),
};

const nacDeny = (
	mac: string,
	username: string,
	text: string,
	overrides: Partial<ClientEventInput> = {},
): ClientEventInput => ({
	type: 'NAC_CLIENT_DENY',
	mac,
	username,
	site_id: SITE,
	ssid: 'Corp',
	auth_type: 'eap-peap',
	text,
	timestamp: NOW - 100,
	...overrides,
});

/** The authentication rule's findings, then the people and credentials correlators over them. */
function explain(events: ClientEventInput[], extra: Finding[] = []) {
	const { findings } = diagnoseAuthentication({ events }, thresholds(), context);
	return explainFindings([...findings, ...extra], causeContext, PEOPLE_CAUSES);
}

/** One user: a laptop on Corp (two APs) and a phone on Corp-Voice (a third AP), wrong password. */
function oneUserEverywhere(username = 'dana@corp'): ClientEventInput[] {
	const devices = [
		{ mac: clientMac(1), ssid: 'Corp', aps: [apMac(1), apMac(2)] },
		{ mac: clientMac(2), ssid: 'Corp-Voice', aps: [apMac(3)] },
	];
	return devices.flatMap(({ mac, ssid, aps }) => [
		...aps.map((ap, i) =>
			clientEvent(AUTH, mac, { ssid, ap, text: REJECT, timestamp: NOW - 300 + i * 60 }),
		),
		nacDeny(mac, username, 'Authentication failed: wrong password', { ssid }),
	]);
}

describe('user_auth_failure: one person is one problem', () => {
	it('one user failing on two devices, three APs and two SSIDs → one user finding', () => {
		const { rootCauses, symptoms } = explain(oneUserEverywhere());
		expect(rootCauses).toHaveLength(1);
		const [cause] = rootCauses;
		expect(cause).toMatchObject({
			rule: 'user_auth_failure',
			severity: 'minor',
			scope: { level: 'user', site_id: SITE, username: 'dana@corp' },
			evidence: { cause: 'password', ssids: ['Corp', 'Corp-Voice'] },
		});
		expect(cause.scope.ssid).toBeUndefined();
		expect(cause.evidence.aps).toHaveLength(3);
		expect(cause.summary).toMatch(/2 devices, 3 APs and 2 SSIDs/);
		expect(cause.likelyCause).toMatch(/password is wrong.*neither the APs nor the SSIDs/);
		expect(cause.remediation.description).toMatch(/reset their password/);
		expect(symptoms.map((symptom) => symptom.rule)).toEqual([
			'client_auth_failure',
			'client_auth_failure',
		]);
		expect(cause.fingerprint).toBe(
			`mist:${context.org_id}:${SITE}:user_auth_failure:user=dana@corp`,
		);
	});

	it('one device on one AP and one SSID stays a client finding', () => {
		const { rootCauses } = explain([
			clientEvent(AUTH, clientMac(1), { text: REJECT }),
			nacDeny(clientMac(1), 'erin@corp', 'Authentication failed: wrong password'),
		]);
		expect(rootCauses.map((cause) => `${cause.rule}@${cause.scope.level}`)).toEqual([
			'client_auth_failure@client',
		]);
	});

	it('two people are two problems, even with one device each on two APs', () => {
		const events = ['fay@corp', 'gus@corp'].flatMap((username, n) => [
			clientEvent(AUTH, clientMac(n + 1), { ap: apMac(1), timestamp: NOW - 2000 + n * 900 }),
			clientEvent(AUTH, clientMac(n + 1), { ap: apMac(2), timestamp: NOW - 1990 + n * 900 }),
			nacDeny(clientMac(n + 1), username, 'Access-Reject', { timestamp: NOW - 1980 + n * 900 }),
		]);
		const { rootCauses } = explain(events);
		expect(rootCauses.map((cause) => cause.scope.username).sort()).toEqual([
			'fay@corp',
			'gus@corp',
		]);
		expect(rootCauses.every((cause) => cause.scope.level === 'user')).toBe(true);
		expect(rootCauses[0].evidence.cause).toBe('credentials');
	});

	it('leaves a user whose frames were not acknowledged (status 79) to the radio', () => {
		const events = [1, 2].map((ap) =>
			clientEvent(AUTH, clientMac(1), { ap: apMac(ap), username: 'hal@corp', status_code: 79 }),
		);
		const { rootCauses } = explain(events);
		expect(rootCauses.map((cause) => cause.rule)).toEqual(['client_auth_failure']);
	});
});

describe('radius_server_unreachable: the SSIDs of one server are one problem', () => {
	const timeouts = (server: string, ssids: string[], perSsid: number, first = 1) =>
		ssids.flatMap((ssid, s) =>
			Array.from({ length: perSsid }, (_, i) =>
				clientEvent(AUTH, clientMac(first + s * perSsid + i), {
					ssid,
					text: timeout(server),
					timestamp: NOW - 300 + i * 10,
				}),
			),
		);

	it('timeouts on two SSIDs naming one server → one server finding, critical above 10 users', () => {
		const { rootCauses, symptoms } = explain(timeouts('10.1.1.21', ['Corp', 'Corp-Devices'], 6));
		expect(rootCauses).toHaveLength(1);
		expect(rootCauses[0]).toMatchObject({
			rule: 'radius_server_unreachable',
			severity: 'critical',
			scope: { level: 'server', server: '10.1.1.21' },
			evidence: { ssids: ['Corp', 'Corp-Devices'], affectedUsers: 12 },
		});
		expect(rootCauses[0].remediation.description).toMatch(/reachable.*shared secret/);
		expect(symptoms.map((symptom) => symptom.scope.ssid).sort()).toEqual(['Corp', 'Corp-Devices']);
	});

	it('keeps two servers apart, and few users stay major', () => {
		const events = [
			...timeouts('10.1.1.21', ['Corp'], 3),
			...timeouts('radius2.corp.example', ['Corp-Devices'], 3, 20),
		];
		const { rootCauses } = explain(events);
		expect(rootCauses.map((cause) => [cause.scope.server, cause.severity]).sort()).toEqual([
			['10.1.1.21', 'major'],
			['radius2.corp.example', 'major'],
		]);
	});

	it('without a server name, two SSIDs timing out together still make one server finding', () => {
		const events = ['Corp', 'Corp-Devices'].flatMap((ssid, s) =>
			[1, 2, 3].map((i) =>
				clientEvent(AUTH, clientMac(s * 3 + i), { ssid, text: 'RADIUS server timeout' }),
			),
		);
		const { rootCauses } = explain(events);
		expect(rootCauses).toHaveLength(1);
		expect(rootCauses[0].scope).toMatchObject({ level: 'server', server: undefined });
		expect(rootCauses[0].summary).toMatch(
			/^The RADIUS server of Corp, Corp-Devices did not answer/,
		);
	});

	it('one SSID timing out with no server named stays the SSID finding', () => {
		const events = [1, 2, 3].map((i) =>
			clientEvent(AUTH, clientMac(i), { text: 'RADIUS server timeout' }),
		);
		expect(explain(events).rootCauses.map((cause) => cause.rule)).toEqual(['auth_failures_ssid']);
	});

	it('stays info when the site’s baseline calls the timeouts usual', () => {
		const events = timeouts('10.1.1.21', ['Corp', 'Corp-Devices'], 6);
		const { findings } = diagnoseAuthentication(
			{ events, baseline: { [SITE]: [12, 13, 12, 14, 12, 13, 12, 13, 14, 12] } },
			thresholds(),
			context,
		);
		const { rootCauses } = explainFindings(findings, causeContext, PEOPLE_CAUSES);
		expect(rootCauses.map((cause) => [cause.rule, cause.severity])).toEqual([
			['radius_server_unreachable', 'info'],
		]);
	});

	it('does not join sites: the same server at two sites is one finding per site', () => {
		const events = [
			...timeouts('10.1.1.21', ['Corp'], 3),
			...timeouts('10.1.1.21', ['Corp'], 3, 30).map((event) => ({ ...event, site_id: SITE2 })),
		];
		const sites = explain(events).rootCauses.map((cause) => cause.scope.site_id);
		expect(sites.sort()).toEqual([SITE, SITE2].sort());
	});
});

describe('a PSK alarm where one device fails', () => {
	const pskAlarm = (ssid: string): Finding => ({
		fingerprint: `mist:${context.org_id}:${SITE}:auth_failures_ssid:ssid=${ssid}`,
		step: 'authentication',
		rule: 'auth_failures_ssid',
		severity: 'major',
		scope: { level: 'ssid', org_id: context.org_id, site_id: SITE, ssid },
		summary: `Mist reports psk failure on SSID ${ssid}.`,
		evidence: { source: 'alarm', type: 'psk_failure', count: 12 },
		likelyCause: 'PSK.',
		remediation: { kind: 'manual', description: 'Check the PSK configured on the WLAN.' },
		followUp: [],
		firstSeen: new Date((NOW - 600) * 1000).toISOString(),
		lastSeen: new Date(NOW * 1000).toISOString(),
		count: 12,
	});
	const wrongPsk = (mac: string) =>
		clientEvent(AUTH, mac, {
			ssid: 'Guest-PSK',
			key_mgmt: 'WPA2-PSK/CCMP',
			text: 'PSK authentication failed: 4-way handshake failed (wrong passphrase)',
		});

	it('is the device’s wrong key: one minor client finding that carries the alarm', () => {
		const { rootCauses, symptoms } = explain([wrongPsk(clientMac(1))], [pskAlarm('Guest-PSK')]);
		expect(rootCauses).toHaveLength(1);
		expect(rootCauses[0]).toMatchObject({
			rule: 'client_auth_failure',
			severity: 'minor',
			scope: { level: 'client', client_mac: clientMac(1) },
			evidence: { cause: 'psk', alarm: { type: 'psk_failure' } },
		});
		expect(rootCauses[0].remediation.description).toBe('Re-enter the PSK on the device.');
		expect(symptoms.map((symptom) => symptom.rule)).toEqual(['auth_failures_ssid']);
	});

	it('with another SSID alarmed, the alarm stays its own finding', () => {
		const { rootCauses } = explain([wrongPsk(clientMac(1))], [pskAlarm('IoT-PSK')]);
		expect(rootCauses.map((cause) => cause.rule).sort()).toEqual([
			'auth_failures_ssid',
			'client_auth_failure',
		]);
	});
});
