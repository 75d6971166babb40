/**
 * What the ISE simulator knows: endpoints and their authentication history. Records are placed
 * relative to the simulator clock (`secondsAgo`) so that time windows keep working whenever the
 * simulator runs, like the Mist simulator's events.
 */
import { createHash } from 'crypto';

import type { FaultKind } from '../types';
import { findFailureReason } from './failureReasons';

export interface IseAuthRecord {
	secondsAgo: number;
	passed: boolean;
	/** ISE failure reason code (see failureReasons.ts); required when `passed` is false. */
	failureCode?: number;
	authenticationMethod: string;
	authenticationProtocol: string;
	identityStore: string;
	selectedAznProfiles?: string;
}

export interface IseEndpoint {
	/** Any usual MAC spelling; answers use AA:BB:CC:DD:EE:FF. */
	mac: string;
	username: string;
	framedIpAddress?: string;
	nasIpAddress: string;
	networkDeviceName: string;
	/** The PSN that handled the endpoint (`acs_server`), the one to name in a CoA. */
	acsServer: string;
	identityGroup: string;
	auditSessionId: string;
	nasPortId?: string;
	ssid?: string;
	authRecords: IseAuthRecord[];
}

export interface IseScenario {
	product?: { name: string; version: string };
	/** PSN host names that accept CoA requests. */
	psns: string[];
	endpoints: IseEndpoint[];
}

/** Fault kinds of the Mist simulator, plus `healthy`, accepted by `buildIseScenario`. */
export type IseClientKind = FaultKind | 'healthy';

export interface IseClientInput {
	mac: string;
	username: string;
	kind: IseClientKind;
	ip?: string;
	ssid?: string;
	/** The AP or controller name ISE sees as network device. */
	networkDeviceName?: string;
	/** Override of the failure codes cycled through this client's failed records. */
	failureCodes?: number[];
	/** EAP method of the client's WLAN; decides the authentication_protocol ISE reports (default PEAP). */
	eapType?: 'eap-tls' | 'eap-peap';
}

export interface BuildIseScenarioOptions {
	psn?: string;
	nasIpAddress?: string;
	networkDeviceName?: string;
	/** Failed attempts per failing client (default 6, one every 2 minutes). */
	failedAttempts?: number;
}

const KNOWN_KINDS: readonly IseClientKind[] = [
	'healthy',
	'radius_reject',
	'wrong_psk',
	'expired_certificate',
	'radius_unreachable',
	'wrong_password',
	'psk_changed',
	'dhcp_unresponsive',
	'dhcp_nak',
	'dhcp_pool_exhausted',
	'association_failure',
	'weak_coverage',
	'low_snr',
	'high_retries',
	'high_channel_utilisation',
	'high_noise_floor',
	'overloaded_ap',
	'ap_offline',
	'ap_rebooting',
	'switch_port_flap',
];

/** Identity problems: alternate "unknown user" and "wrong AD password" between clients. */
const RADIUS_REJECT_CODES = [22056, 24408];
/** Certificate problems seen as PEAP handshake failures when the clients reject the expired ISE certificate. */
const CERTIFICATE_CODES = [12321, 12309];
/** One user's wrong password, as Active Directory answers it. */
const WRONG_PASSWORD_CODES = [24408];
const FAILURE_CODES = {
	radius_reject: RADIUS_REJECT_CODES,
	expired_certificate: CERTIFICATE_CODES,
	wrong_password: WRONG_PASSWORD_CODES,
};
const PEAP = 'PEAP (EAP-MSCHAPv2)';
const EAP_TLS = 'EAP-TLS';
const AUTHORIZED_PROFILE = 'PermitAccess';
const SECONDS_BETWEEN_FAILURES = 120;
/** An older success outside the usual 1-day window, so window bounds are observable. */
const OLD_SUCCESS_SECONDS_AGO = 2 * 86400;

export function isMacAddress(mac: string): boolean {
	return /^[0-9A-F]{12}$/i.test(mac.replace(/[:.-]/g, ''));
}

export function normaliseMac(mac: string): string {
	const hex = mac.replace(/[:.-]/g, '').toUpperCase();
	if (!isMacAddress(hex)) throw new Error(`Invalid MAC address "${mac}": expected 12 hex digits`);
	return hex.match(/../g)!.join(':');
}

/** Builds an ISE view of clients: one endpoint per client, except PSK ones (PSK never reaches ISE). */
export function buildIseScenario(
	clients: IseClientInput[],
	options: BuildIseScenarioOptions = {},
): IseScenario {
	const psn = options.psn ?? 'ise-psn-01';
	const failedAttempts = options.failedAttempts ?? 6;
	const counters = { radius_reject: 0, expired_certificate: 0, wrong_password: 0 };
	const endpoints: IseEndpoint[] = [];
	for (const client of clients) {
		if (!KNOWN_KINDS.includes(client.kind)) {
			throw new Error(
				`Unknown client kind "${client.kind}" for ${client.mac}: use one of ${KNOWN_KINDS.join(', ')}`,
			);
		}
		for (const code of client.failureCodes ?? []) {
			if (!findFailureReason(code))
				throw new Error(`Unknown ISE failure code ${code} for ${client.mac}`);
		}
		if (client.kind === 'wrong_psk' || client.kind === 'psk_changed') continue;
		const mac = normaliseMac(client.mac);
		const base: Omit<IseEndpoint, 'authRecords'> = {
			mac,
			username: client.username,
			framedIpAddress: client.ip ?? ipFromMac(mac),
			nasIpAddress: options.nasIpAddress ?? '10.0.0.10',
			networkDeviceName: client.networkDeviceName ?? options.networkDeviceName ?? 'Mist-APs',
			acsServer: psn,
			identityGroup: 'Workstation',
			auditSessionId: auditSessionId(mac),
			ssid: client.ssid,
		};
		// A password is only asked by PEAP, whatever most clients of the WLAN use.
		const protocol =
			client.eapType === 'eap-tls' && client.kind !== 'wrong_password' ? EAP_TLS : PEAP;
		if (client.kind === 'radius_unreachable') {
			// The requests never reached ISE: it knows only the last success before the outage.
			endpoints.push({
				...base,
				framedIpAddress: undefined,
				authRecords: [successRecord(OLD_SUCCESS_SECONDS_AGO, protocol)],
			});
		} else if (
			client.kind === 'radius_reject' ||
			client.kind === 'expired_certificate' ||
			client.kind === 'wrong_password'
		) {
			const defaults = FAILURE_CODES[client.kind];
			const codes = client.failureCodes ?? [defaults[counters[client.kind]++ % defaults.length]];
			endpoints.push({
				...base,
				framedIpAddress: undefined,
				authRecords: [
					...failedRecords(codes, failedAttempts, client.kind, protocol),
					successRecord(OLD_SUCCESS_SECONDS_AGO, protocol),
				],
			});
		} else {
			endpoints.push({
				...base,
				authRecords: [successRecord(300, protocol), successRecord(3 * 3600, protocol)],
			});
		}
	}
	return { psns: [psn], endpoints };
}

function failedRecords(
	codes: number[],
	attempts: number,
	kind: keyof typeof FAILURE_CODES,
	protocol: string,
): IseAuthRecord[] {
	return Array.from({ length: attempts }, (_, index) => ({
		secondsAgo: 60 + index * SECONDS_BETWEEN_FAILURES,
		passed: false,
		failureCode: codes[index % codes.length],
		authenticationMethod: 'dot1x',
		authenticationProtocol: protocol,
		identityStore: kind === 'expired_certificate' ? '' : 'CorpAD',
	}));
}

function successRecord(secondsAgo: number, protocol: string): IseAuthRecord {
	return {
		secondsAgo,
		passed: true,
		authenticationMethod: 'dot1x',
		authenticationProtocol: protocol,
		identityStore: 'CorpAD',
		selectedAznProfiles: AUTHORIZED_PROFILE,
	};
}

/** ISE audit session ids are 24 hex characters; derive one from the MAC so scenarios stay deterministic. */
function auditSessionId(mac: string): string {
	return createHash('sha1').update(mac).digest('hex').slice(0, 24).toUpperCase();
}

function ipFromMac(mac: string): string {
	const bytes = mac.split(':').map((part) => parseInt(part, 16));
	return `10.${20 + (bytes[3] % 10)}.${bytes[4]}.${2 + (bytes[5] % 250)}`;
}

/** A small stand-alone scenario for when no Mist world is connected: two healthy users and the three auth fault kinds. */
export function defaultIseScenario(): IseScenario {
	return buildIseScenario([
		{ mac: 'a8:5e:45:00:00:01', username: 'alice@demo.corp', kind: 'healthy', ssid: 'Corp-Secure' },
		{ mac: 'a8:5e:45:00:00:02', username: 'bob@demo.corp', kind: 'healthy', ssid: 'Corp-Secure' },
		{
			mac: 'a8:5e:45:00:00:11',
			username: 'suser77@demo.corp',
			kind: 'radius_reject',
			ssid: 'Corp-Secure',
		},
		{
			mac: 'a8:5e:45:00:00:12',
			username: 'carol@demo.corp',
			kind: 'radius_reject',
			ssid: 'Corp-Secure',
		},
		{
			mac: 'a8:5e:45:00:00:21',
			username: 'dave@demo.corp',
			kind: 'expired_certificate',
			ssid: 'Corp-Secure',
		},
		{ mac: 'a8:5e:45:00:00:31', username: 'guest-tablet', kind: 'wrong_psk', ssid: 'Guest-PSK' },
	]);
}
