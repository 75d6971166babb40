import type { ActiveFault, CredentialFaultKind, World } from '../../types';
import { makeClientEvent, makeNacEvent, round3 } from '../eventFactory';
import type { FaultDefinition } from './shared';
import { realistic, clientsOf, names, failJoin } from './shared';

/** Each client of the fault fails the 4-way handshake three times: its passphrase is not the WLAN's. */
function pskHandshakeFailures(world: World, fault: ActiveFault, at: number): void {
	for (const client of clientsOf(world, fault)) {
		for (let i = 0; i < 3; i++) {
			world.clientEvents.push(
				makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_AUTH_FAILURE', round3(at + i * 4), {
					text: 'PSK authentication failed: 4-way handshake failed (wrong passphrase)',
					reason_code: 15,
				}),
			);
		}
		// No public evidence shows REPEATED_AUTH_FAILURES as a client event (it is an alarm type).
		if (realistic(world)) continue;
		world.clientEvents.push(
			makeClientEvent(world, client, 'REPEATED_AUTH_FAILURES', round3(at + 12), {
				text: 'Client failed PSK authentication repeatedly',
			}),
		);
	}
}

/** The RADIUS server the 802.1X WLANs of a fault's site use (the simulator models one per site). */
export function radiusServerOf(world: World, fault: ActiveFault): string {
	const index = world.sitesById.get(fault.siteId)?.index ?? 0;
	return `10.${index % 250}.1.21`;
}

/**
 * One person behind all the fault's devices: they share the first device's account, the second
 * device joins another 802.1X WLAN of the site, and the user retries while walking past the APs.
 */
function oneUserOnTwoWlans(world: World, fault: ActiveFault): void {
	failJoin(world, fault);
	const [first, ...others] = clientsOf(world, fault);
	const site = world.sitesById.get(fault.siteId);
	if (!first || !site) return;
	const otherWlan = site.wlans.find((wlan) => wlan.auth === 'eap' && wlan !== first.wlan);
	others.forEach((client, i) => {
		client.username = first.username;
		if (i === 0 && otherWlan) client.wlan = otherWlan;
	});
	fault.ssid = first.wlan.ssid;
}

function wrongPasswordFailures(world: World, fault: ActiveFault, at: number): void {
	const apIds = world.sitesById.get(fault.siteId)?.apIds ?? [];
	clientsOf(world, fault).forEach((client, device) => {
		const home = client.apId;
		for (let attempt = 0; attempt < 2; attempt++) {
			// The event names the AP the device tried at: the user's devices meet three APs or more.
			client.apId = apIds[(device * 2 + attempt) % apIds.length] ?? home;
			const when = round3(at + device * 20 + attempt * 6);
			world.clientEvents.push(
				makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_AUTH_FAILURE', when, {
					text: '802.1X authentication failed: RADIUS server answered Access-Reject',
					reason_code: 23,
				}),
			);
			// Mist Access Assurance says why it denied: the password, not the network.
			world.nacEvents.push(
				Object.assign(
					makeNacEvent(world, client, 'NAC_CLIENT_DENY', round3(when + 0.05), 'eap-peap'),
					{
						text: 'Authentication failed: wrong password (MSCHAPv2 rejected by the identity store)',
					},
				),
			);
		}
		client.apId = home;
	});
}

/** Faults of credentials and authentication: RADIUS, certificates, PSKs. */
export const CREDENTIAL_FAULTS: Record<CredentialFaultKind, FaultDefinition> = {
	radius_reject: {
		target: 'clients',
		defaultSsid: 'Corp-Secure',
		defaultCount: 12,
		eligible: (c, f) => c.wlan.ssid === f.ssid && c.wlan.auth === 'eap',
		apply: (world, fault) => failJoin(world, fault),
		tick: (world, fault, _rng, at) => {
			for (const client of clientsOf(world, fault)) {
				world.clientEvents.push(
					makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_AUTH_FAILURE', at, {
						text: '802.1X authentication failed: RADIUS server answered Access-Reject',
						reason_code: 23,
					}),
				);
				world.nacEvents.push(
					makeNacEvent(
						world,
						client,
						'NAC_CLIENT_DENY',
						round3(at + 0.05),
						client.wlan.eapType ?? 'eap-peap',
					),
				);
			}
		},
		alarm: { type: 'dot1x_failure', group: 'marvis', severity: 'critical' },
		sle: [
			{ metric: 'failed-to-connect', classifier: 'authorization', drop: 0.16 },
			{ metric: 'time-to-connect', classifier: 'authorization', drop: 0.05 },
		],
		troubleshoot: {
			category: 'connectivity',
			reason: 'auth_failure',
			recommendation:
				'Check the RADIUS server / identity provider: many users of this SSID are rejected.',
			text: (w, f) =>
				`${f.clientMacs.length} clients on SSID ${f.ssid} failed 802.1X authentication (RADIUS Access-Reject).`,
		},
		remedies: [],
	},
	wrong_psk: {
		target: 'clients',
		defaultSsid: 'Guest-PSK',
		defaultCount: 1,
		eligible: (c, f) => c.wlan.ssid === f.ssid && c.wlan.auth === 'psk',
		apply: (world, fault) => failJoin(world, fault),
		tick: (world, fault, _rng, at) => pskHandshakeFailures(world, fault, at),
		alarm: { type: 'psk_failure', group: 'marvis', severity: 'warn' },
		sle: [{ metric: 'failed-to-connect', classifier: 'authorization', drop: 0.02 }],
		troubleshoot: {
			category: 'client',
			reason: 'psk_failure',
			recommendation:
				'The client uses a wrong pre-shared key; update the passphrase on the device.',
			text: (w, f) =>
				`Client ${names(clientsOf(w, f))} repeatedly failed PSK authentication on ${f.ssid}.`,
		},
		remedies: [],
	},
	expired_certificate: {
		target: 'clients',
		defaultCount: 2,
		eligible: (c) => c.wlan.auth === 'eap' && c.wlan.eapType === 'eap-tls',
		apply: (world, fault) => {
			failJoin(world, fault);
			fault.ssid = clientsOf(world, fault)[0]?.wlan.ssid;
		},
		tick: (world, fault, _rng, at) => {
			for (const client of clientsOf(world, fault)) {
				world.nacEvents.push(
					makeNacEvent(world, client, 'NAC_CLIENT_CERT_CHECK_FAILURE', at, 'eap-tls'),
				);
				world.clientEvents.push(
					makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_AUTH_FAILURE', round3(at + 0.1), {
						text: 'EAP-TLS authentication failed: client certificate expired',
						reason_code: 23,
					}),
				);
			}
		},
		alarm: { type: 'dot1x_failure', group: 'marvis', severity: 'critical' },
		sle: [{ metric: 'failed-to-connect', classifier: 'authorization', drop: 0.03 }],
		troubleshoot: {
			category: 'client',
			reason: 'certificate_expired',
			recommendation: 'Renew the client certificates used for EAP-TLS.',
			text: (w, f) => `EAP-TLS clients ${names(clientsOf(w, f))} present an expired certificate.`,
		},
		remedies: [],
	},
	radius_unreachable: {
		target: 'clients',
		defaultCount: 12,
		eligible: (c) => c.wlan.auth === 'eap',
		apply: (world, fault) => failJoin(world, fault),
		// The server never answers: the NAC sees nothing, only the APs' timeouts reach Mist.
		tick: (world, fault, _rng, at) => {
			const server = radiusServerOf(world, fault);
			for (const client of clientsOf(world, fault)) {
				world.clientEvents.push(
					makeClientEvent(world, client, 'MARVIS_EVENT_CLIENT_AUTH_FAILURE', at, {
						text: `802.1X authentication failed: no response from RADIUS server ${server} (timeout)`,
					}),
				);
			}
		},
		sle: [{ metric: 'failed-to-connect', classifier: 'authorization', drop: 0.2 }],
		troubleshoot: {
			category: 'connectivity',
			reason: 'radius_timeout',
			recommendation: 'Check that the RADIUS server is up and reachable, and its shared secret.',
			text: (w, f) =>
				`RADIUS server ${radiusServerOf(w, f)} did not answer for ${f.clientMacs.length} clients.`,
		},
		remedies: [],
	},
	wrong_password: {
		target: 'clients',
		defaultCount: 2,
		eligible: (c) => c.wlan.auth === 'eap',
		apply: oneUserOnTwoWlans,
		tick: (world, fault, _rng, at) => wrongPasswordFailures(world, fault, at),
		sle: [{ metric: 'failed-to-connect', classifier: 'authorization', drop: 0.01 }],
		troubleshoot: {
			category: 'client',
			reason: 'wrong_password',
			recommendation: 'The user enters a wrong password; have them reset it or check the account.',
			text: (w, f) =>
				`User ${clientsOf(w, f)[0]?.username ?? ''} failed 802.1X with a wrong password on ${names(clientsOf(w, f))}.`,
		},
		remedies: [],
	},
	psk_changed: {
		target: 'clients',
		defaultSsid: 'Guest-PSK',
		defaultCount: 10,
		eligible: (c, f) => c.wlan.ssid === f.ssid && c.wlan.auth === 'psk',
		apply: (world, fault) => failJoin(world, fault),
		tick: (world, fault, _rng, at) => pskHandshakeFailures(world, fault, at),
		alarm: { type: 'psk_failure', group: 'marvis', severity: 'warn' },
		sle: [{ metric: 'failed-to-connect', classifier: 'authorization', drop: 0.12 }],
		troubleshoot: {
			category: 'connectivity',
			reason: 'psk_failure',
			recommendation: 'The PSK of the WLAN changed; give the new passphrase to its users.',
			text: (_w, f) =>
				`${f.clientMacs.length} clients on SSID ${f.ssid} fail the 4-way handshake since the PSK changed.`,
		},
		remedies: [],
	},
};
