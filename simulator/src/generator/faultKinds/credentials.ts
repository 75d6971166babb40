import type { CredentialFaultKind } from '../../types';
import { makeClientEvent, makeNacEvent, round3 } from '../eventFactory';
import type { FaultDefinition } from './shared';
import { realistic, clientsOf, names, failJoin } from './shared';

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
		tick: (world, fault, _rng, at) => {
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
		},
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
};
