import type { WlanSecurity } from './context';
import type { FailureEvent } from './failures';
import { isUnacknowledged } from './failures';

export type AuthCause =
	| 'certificate'
	| 'idp'
	| 'radius'
	| 'rf'
	| 'policy'
	| 'psk'
	| 'mac_auth'
	| 'password'
	| 'credentials';

const CERTIFICATE = /CERT|certificate|\bTLS\b|unknown ca|expired|\b12321\b|\b12309\b/i;
/** What a NAC or ISE reason says when the password itself was refused (ISE 22040, 22063, 24408). */
const PASSWORD_REFUSED =
	/wrong password|invalid (user ?name or )?password|password (is )?(incorrect|wrong)|password (has )?expired|expired password|\b(22040|22063|24408)\b/i;
const RADIUS_DOWN =
	/radius.{0,40}(timeout|timed out|not respond|unreachable|no response)|no response from (the )?radius|\b5411\b/i;

/** Reads the likely cause of one authentication failure from its type, text and the WLAN's security. */
export function authCauseOf(
	failure: FailureEvent,
	wlanSecurity?: Record<string, WlanSecurity>,
): AuthCause {
	const type = failure.type.toUpperCase();
	const text = failure.text ?? '';
	if (failure.category === 'policy_failure') return 'policy';
	// Status 79: the frames were not acknowledged; nothing was decided about the credentials.
	if (isUnacknowledged(failure)) return 'rf';
	// Before the certificate test: its /expired/ would read "password expired" as a certificate.
	if (PASSWORD_REFUSED.test(text)) return 'password';
	if (CERTIFICATE.test(type) || CERTIFICATE.test(text)) return 'certificate';
	if (/IDP/.test(type)) return 'idp';
	if (RADIUS_DOWN.test(text)) return 'radius';
	if (/MAC_AUTH/.test(type)) return 'mac_auth';
	const security = failure.ssid ? wlanSecurity?.[failure.ssid] : undefined;
	const pskKeyMgmt = /PSK|SAE/i.test(failure.key_mgmt ?? '');
	if (
		security === 'psk' ||
		(!security &&
			(pskKeyMgmt || /SAE|PSK/.test(type) || /\bPSK\b|4-way handshake|MIC failure/i.test(text)))
	) {
		return 'psk';
	}
	return 'credentials';
}

/** The RADIUS server an event names ("… RADIUS server 10.1.1.21 …"), when it names one. */
export function radiusServerOf(failure: Pick<FailureEvent, 'text'>): string | undefined {
	const named = /RADIUS server\s+([A-Za-z0-9][\w.:-]*[A-Za-z0-9])/i.exec(failure.text ?? '')?.[1];
	return named && /[.:]/.test(named) ? named : undefined;
}

/**
 * The cause most failures share; ties prefer the more specific cause (order of the list). A bare
 * Access-Reject only says "credentials": a NAC reason naming the password refines it.
 */
export function dominantCause(causes: AuthCause[]): AuthCause {
	const order: AuthCause[] = [
		'certificate',
		'idp',
		'radius',
		'rf',
		'policy',
		'psk',
		'mac_auth',
		'password',
		'credentials',
	];
	const counts = new Map<AuthCause, number>();
	for (const cause of causes) counts.set(cause, (counts.get(cause) ?? 0) + 1);
	const ranked = [...order].sort(
		(a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || order.indexOf(a) - order.indexOf(b),
	);
	if (ranked[0] === 'credentials' && counts.has('password')) return 'password';
	return (counts.get(ranked[0]) ?? 0) > 0 ? ranked[0] : 'credentials';
}
