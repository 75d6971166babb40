import type { AuthCause } from './authCause';

/** What an authentication failure's cause means, for many users of an SSID and for one client. */
export const SSID_CAUSES: Record<AuthCause, string> = {
	certificate:
		'Certificate problem: the RADIUS server certificate expired or is not trusted by the clients, or client certificates are rejected.',
	idp: 'The identity provider behind the RADIUS/NAC service is unreachable or rejecting lookups.',
	radius:
		'The RADIUS server is unreachable or not answering (server down, shared secret, firewall).',
	rf: 'The authentication frames were not acknowledged (status 79): a radio problem around the APs (weak signal, interference), not the credentials or the RADIUS server.',
	policy:
		'The WxLAN access policy lookup failed: the labels or directory groups the WLAN policy depends on could not be resolved.',
	psk: 'The pre-shared key on the WLAN changed or differs from the one on the devices.',
	mac_auth:
		'MAC authentication is rejected for many devices: the RADIUS policy or endpoint database changed.',
	password:
		'Many users refused for their password at once: the identity store (directory sync, password policy) changed, not each user.',
	credentials:
		'Many users rejected at once points at the RADIUS/IdP service or its policy rather than at each user.',
};

export const CLIENT_CAUSES: Record<AuthCause, string> = {
	certificate:
		"The client's certificate is invalid, expired or not trusted, or the client does not trust the server certificate.",
	idp: "The identity provider rejects this user's lookup (account, group or licence).",
	radius: 'The RADIUS server did not answer for this client.',
	rf: "The client's frames were not acknowledged (status 79): its radio link is weak or disturbed; its credentials were never judged.",
	policy:
		'The WxLAN access policy lookup failed for this client: its label or directory group could not be resolved.',
	psk: 'The device uses a wrong pre-shared key.',
	mac_auth: 'The device MAC is not allowed by the MAC authentication policy.',
	password:
		"The user's password is wrong: the RADIUS/NAC server refused the password itself (not the network or the certificate).",
	credentials: "The user's credentials are wrong or expired, or the account is locked.",
};

export const CLIENT_CHECKS: Partial<Record<AuthCause, string>> = {
	psk: 'Re-enter the PSK on the device.',
	password:
		'Have the user reset their password (or re-enter it on each device), and check that the account is not locked or expired.',
	certificate:
		"Check the user's certificate (validity, issuer) and the device's trust of the RADIUS server certificate.",
	rf: 'Check the signal of this client at its AP, and move it closer or check its radio: its frames were not acknowledged.',
	policy: 'Check the WxLAN policy and the label or directory group this client should match.',
};
