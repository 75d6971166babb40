/**
 * ISE failure codes a helpdesk meets most, with what they mean in plain language and what to do
 * next. Codes and ISE texts: ISE 3.0's MnT `GET /admin/API/mnt/FailureReasons`. The causes and
 * fixes are this package's own advice.
 */

export type FailureCategory =
	| 'account'
	| 'authorization'
	| 'certificate_eap'
	| 'coa'
	| 'credentials'
	| 'identity_store'
	| 'other'
	| 'overload'
	| 'radius_nad_config'
	| 'supplicant'
	| 'unknown';

export interface FailureCodeInfo {
	code: number;
	/** ISE's own short text for the code. */
	text: string;
	category: FailureCategory;
	cause: string;
	fix: string;
}

export interface FailureExplanation {
	code: number | null;
	/** Whether the code is in this package's map. */
	known: boolean;
	category: FailureCategory;
	/** The text ISE gave (or the map's text when only a code was given). */
	reason: string;
	cause: string;
	fix: string;
}

const SAVED_PASSWORD_HINT =
	'Devices that keep retrying an old saved password are the usual reason.';

const CODES: FailureCodeInfo[] = [
	{
		code: 22056,
		text: 'Subject not found in the applicable identity store(s)',
		category: 'account',
		cause:
			'ISE could not find this user (or, for MAC authentication, this MAC address) in any identity store the policy searched.',
		fix: 'Check the username spelling and format (user@domain or DOMAIN\\user). For MAB, register the MAC in the right endpoint identity group. Check that the identity source sequence of the matching authentication policy includes the store where the account lives.',
	},
	{
		code: 22040,
		text: 'Wrong password or invalid shared secret',
		category: 'credentials',
		cause:
			'The password did not match, or the RADIUS shared secret configured on the network device differs from the one in ISE.',
		fix: `Have the user forget the Wi-Fi network and re-enter the password. If every user on this device or SSID fails the same way, compare the RADIUS shared secret on the WLAN/NAD with the network device entry in ISE. ${SAVED_PASSWORD_HINT}`,
	},
	{
		code: 22063,
		text: 'Wrong password',
		category: 'credentials',
		cause: 'The user typed a wrong password for an internal ISE account.',
		fix: `Have the user re-enter the password, or reset it in ISE (Administration → Identities → Users). ${SAVED_PASSWORD_HINT}`,
	},
	{
		code: 24408,
		text: 'User authentication against Active Directory failed since user has entered the wrong password',
		category: 'credentials',
		cause: 'Active Directory rejected the password.',
		fix: `Have the user forget the network and sign in again with the current AD password; check whether the password expired or was just changed. ${SAVED_PASSWORD_HINT}`,
	},
	{
		code: 24415,
		text: 'User authentication against Active Directory failed since user account is locked out',
		category: 'account',
		cause: 'The AD account is locked out after too many wrong passwords.',
		fix: 'Unlock the account in Active Directory, then find the device still sending the old password (phone, tablet, laptop with a saved profile) so it does not lock the account again.',
	},
	{
		code: 24409,
		text: 'User authentication against Active Directory failed since user account is disabled',
		category: 'account',
		cause: 'The AD account is disabled.',
		fix: 'Confirm with the account owner or HR whether the account should be active; re-enable it in Active Directory if so.',
	},
	{
		code: 24206,
		text: 'User disabled',
		category: 'account',
		cause: 'The internal ISE user account is disabled.',
		fix: 'Enable the user in ISE (Administration → Identities → Users) if access is intended.',
	},
	{
		code: 24412,
		text: 'User not found in Active Directory',
		category: 'account',
		cause: 'The username does not exist in the joined Active Directory domain(s).',
		fix: 'Check the username and domain suffix; check that the user lives in a domain ISE is joined to and that the domain is in the allowed list of the join point.',
	},
	{
		code: 24446,
		text: 'Active Directory domain controller unreachable',
		category: 'identity_store',
		cause:
			'ISE could not reach a domain controller to check the credentials, so the failure is not the user’s fault.',
		fix: 'Check the AD join point status in ISE (Administration → External Identity Sources → Active Directory), DNS and connectivity from the PSN to the domain controllers. Escalate to the identity team if many users fail.',
	},
	{
		code: 12321,
		text: 'PEAP failed SSL/TLS handshake because the client rejected the ISE local-certificate',
		category: 'certificate_eap',
		cause:
			'The device does not trust the certificate ISE presents for EAP (unknown CA, expired, or a different server name).',
		fix: 'Install or push the CA that signed the ISE EAP certificate to the device (MDM profile or group policy), check the certificate has not expired or been renewed with a new CA, and check the server name configured in the supplicant.',
	},
	{
		code: 12309,
		text: 'PEAP handshake failed',
		category: 'certificate_eap',
		cause: 'The PEAP TLS tunnel between the device and ISE could not be set up.',
		fix: 'Check that the device trusts the ISE EAP certificate and supports the TLS versions and ciphers ISE allows; forget and re-add the network on the device.',
	},
	{
		code: 12514,
		text: 'EAP-TLS failed SSL/TLS handshake because of an unknown CA in the client certificates chain',
		category: 'certificate_eap',
		cause: 'ISE does not trust the CA that issued the device certificate.',
		fix: 'Import the issuing and root CA into ISE trusted certificates with "Trust for client authentication" enabled, or re-enroll the device with a certificate from a trusted CA.',
	},
	{
		code: 11007,
		text: 'Could not locate Network Device or AAA Client',
		category: 'radius_nad_config',
		cause:
			'The RADIUS request came from an IP address that is not defined as a network device in ISE.',
		fix: 'Add the sending IP (each Mist AP, or the Mist Edge/RadSec proxy, or their subnet) as a network device in ISE with the same shared secret as the WLAN.',
	},
	{
		code: 11036,
		text: 'The Message-Authenticator RADIUS attribute is invalid',
		category: 'radius_nad_config',
		cause: 'The RADIUS shared secret on the network device does not match the one in ISE.',
		fix: 'Set the same shared secret on the WLAN/NAD and on the network device entry in ISE.',
	},
	{
		code: 15039,
		text: 'Rejected per authorization profile',
		category: 'authorization',
		cause: 'Authentication succeeded, but the matching authorization rule denies access.',
		fix: 'Check which authorization rule matched (selected authorization profile in the record) and whether the user or endpoint belongs to the groups that rule expects.',
	},
	{
		code: 11213,
		text: 'No response received from Network Access Device after sending a Dynamic Authorization request',
		category: 'coa',
		cause: 'ISE sent a Change of Authorization, but the network device never answered.',
		fix: 'Check that the device accepts CoA from this PSN (dynamic authorization / RADIUS CoA enabled on the WLAN), that UDP 3799 is open between the PSN and the device, and that the shared secret matches.',
	},
	{
		code: 5417,
		text: 'Dynamic Authorization failed',
		category: 'coa',
		cause: 'The network device refused the Change of Authorization or it could not be delivered.',
		fix: 'Open the CoA entry in ISE live logs for the NAK reason; check CoA support on the WLAN/NAD, the shared secret and that the session still exists on that device.',
	},
	{
		code: 5400,
		text: 'Authentication failed',
		category: 'other',
		cause: 'ISE rejected the authentication; the failure reason of the same record says why.',
		fix: 'Read the failure reason code of this record; if it is empty, open the record in ISE live logs (Operations → RADIUS → Live Logs) for the steps.',
	},
	{
		code: 5411,
		text: 'Supplicant stopped responding to ISE',
		category: 'supplicant',
		cause:
			'The device stopped answering in the middle of EAP, usually because it does not trust the ISE certificate, the user cancelled the prompt, or the device roamed away.',
		fix: 'Check the supplicant settings and certificate trust on the device, ask whether the user dismissed a certificate or login prompt, and check coverage where the device is.',
	},
	{
		code: 5434,
		text: 'Endpoint conducted several failed authentications of the same scenario',
		category: 'supplicant',
		cause: 'The device keeps repeating the same failing authentication.',
		fix: 'Look at the first failure reason in this burst and fix it on the device (saved password, certificate, profile); ISE may suppress it meanwhile.',
	},
	{
		code: 5440,
		text: 'Endpoint abandoned EAP session and started new',
		category: 'supplicant',
		cause:
			'The device gave up on one EAP exchange and started another, typically a supplicant timing or roaming problem.',
		fix: 'Update the device driver or supplicant, check roaming and RF conditions, and compare EAP timers on the WLAN with the device’s.',
	},
	{
		code: 5449,
		text: 'Endpoint failed the same scenario several times and was rejected',
		category: 'supplicant',
		cause:
			'ISE is rejecting the device outright after repeated identical failures (anomalous-client suppression).',
		fix: 'Fix the underlying failure on the device (usually a stale saved password or untrusted certificate), then wait for the suppression to expire or clear it in ISE.',
	},
	{
		code: 5442,
		text: 'RADIUS request dropped due to system overload',
		category: 'overload',
		cause: 'The PSN was too busy and dropped the request; the user did nothing wrong.',
		fix: 'Check PSN load in ISE, look for authentication storms (misbehaving supplicants, very short accounting intervals) and spread the load over more PSNs. Escalate to the ISE team.',
	},
];

const BY_CODE = new Map<number, FailureCodeInfo>(CODES.map((info) => [info.code, info]));

export function failureCodeInfo(code: number): FailureCodeInfo | undefined {
	return BY_CODE.get(code);
}

export function knownFailureCodes(): FailureCodeInfo[] {
	return CODES.map((info) => ({ ...info }));
}

/**
 * Finds the code in texts such as "22056 Subject not found in the applicable identity store(s)".
 * A leading number wins; otherwise the first known code anywhere in the text.
 */
export function parseFailureCode(text: string | number | undefined | null): number | null {
	if (typeof text === 'number') return Number.isInteger(text) && text > 0 ? text : null;
	if (typeof text !== 'string') return null;
	const leading = /^\s*(\d{3,6})(?!\d)/.exec(text);
	if (leading) return Number(leading[1]);
	for (const match of text.matchAll(/\d{3,6}/g)) {
		const code = Number(match[0]);
		if (BY_CODE.has(code)) return code;
	}
	return null;
}

/** Plain-language cause and next step for an ISE failure reason (text or code). */
export function explainFailure(reason: string | number): FailureExplanation {
	const original = typeof reason === 'number' ? '' : reason.trim();
	const code = parseFailureCode(reason);
	const info = code === null ? undefined : BY_CODE.get(code);
	if (info) {
		return {
			code: info.code,
			known: true,
			category: info.category,
			reason: original === '' ? `${info.code} ${info.text}` : original,
			cause: info.cause,
			fix: info.fix,
		};
	}
	const shown = original === '' ? `code ${code ?? 'unknown'}` : `"${original}"`;
	return {
		code,
		known: false,
		category: 'unknown',
		reason: original === '' ? String(code ?? '') : original,
		cause: `ISE reported ${shown}, a failure this package has no plain-language explanation for.`,
		fix: 'Open the record in ISE live logs (Operations → RADIUS → Live Logs) and read the steps and the resolution ISE gives for this code, or look it up with the Get Failure Reason Catalogue operation.',
	};
}
