/**
 * The ISE failure-reason catalogue served by `/FailureReasons` and used to fill `failure_reason`
 * ("<code> <text>") in sessions and auth records. Codes and texts follow ISE 3.x; causes and
 * resolutions are short paraphrases written for the simulator.
 */

export interface IseFailureReason {
	code: number;
	text: string;
	cause: string;
	resolution: string;
}

export const ISE_FAILURE_REASONS: readonly IseFailureReason[] = [
	{
		code: 5400,
		text: 'Authentication failed',
		cause:
			'The endpoint failed authentication; see the detailed failure reason of the step that failed.',
		resolution: 'Check the failure reason of the authentication record.',
	},
	{
		code: 5411,
		text: 'Supplicant stopped responding to ISE',
		cause: 'The supplicant stopped answering during the EAP conversation.',
		resolution: 'Check the supplicant configuration and the certificate trust on the client.',
	},
	{
		code: 5417,
		text: 'Dynamic Authorization failed',
		cause: 'The network device did not apply the Change of Authorization.',
		resolution: 'Check that CoA is enabled on the network device and the shared secret matches.',
	},
	{
		code: 5434,
		text: 'Endpoint conducted several failed authentications of the same scenario',
		cause: 'The endpoint keeps repeating an authentication that fails the same way.',
		resolution: 'Fix the underlying failure (credentials, certificate) on the endpoint.',
	},
	{
		code: 5440,
		text: 'Endpoint abandoned EAP session and started new',
		cause: 'The endpoint restarted the EAP conversation before finishing it.',
		resolution: 'Check the supplicant, roaming behaviour and RADIUS timeouts.',
	},
	{
		code: 5442,
		text: 'RADIUS request dropped due to system overload',
		cause: 'ISE dropped the request because it was overloaded.',
		resolution: 'Check ISE load and reduce authentication storms.',
	},
	{
		code: 5449,
		text: 'Endpoint failed the same scenario several times and was rejected',
		cause:
			'Repeated identical failures made ISE reject the endpoint (anomalous client suppression).',
		resolution: 'Fix the endpoint configuration; the suppression expires on its own.',
	},
	{
		code: 11007,
		text: 'Could not locate Network Device or AAA Client',
		cause:
			'The RADIUS request came from a device that is not defined in ISE, or the shared secret does not match.',
		resolution: 'Add the network device to ISE or correct its IP address and shared secret.',
	},
	{
		code: 11036,
		text: 'The Message-Authenticator RADIUS attribute is invalid',
		cause: 'The shared secret of the network device does not match the one defined in ISE.',
		resolution: 'Make the shared secret identical on the device and in ISE.',
	},
	{
		code: 11213,
		text: 'No response received from Network Access Device after sending a Dynamic Authorization request',
		cause: 'The network device did not answer the CoA request.',
		resolution: 'Check connectivity to the device on the CoA port and its CoA configuration.',
	},
	{
		code: 12309,
		text: 'PEAP handshake failed',
		cause: 'The PEAP TLS handshake between the client and ISE failed.',
		resolution:
			'Check the ISE EAP certificate (validity, chain) and the supplicant trust settings.',
	},
	{
		code: 12321,
		text: 'PEAP failed SSL/TLS handshake because the client rejected the ISE local-certificate',
		cause:
			'The client does not trust or no longer accepts the ISE EAP certificate (for example, it expired).',
		resolution: 'Renew the ISE EAP certificate or install its issuing CA on the clients.',
	},
	{
		code: 12514,
		text: 'EAP-TLS failed SSL/TLS handshake because of an unknown CA in the client certificates chain',
		cause: 'The client certificate was issued by a CA that ISE does not trust.',
		resolution: 'Import the issuing CA into the ISE trusted certificate store.',
	},
	{
		code: 12516,
		text: 'EAP-TLS failed SSL/TLS handshake because of an expired certificate in the client certificates chain',
		cause: 'A certificate in the client chain has expired.',
		resolution: 'Renew the client certificate.',
	},
	{
		code: 22040,
		text: 'Wrong password or invalid shared secret',
		cause: 'The password is wrong, or the RADIUS shared secret is invalid.',
		resolution: 'Check the user password and the device shared secret.',
	},
	{
		code: 22056,
		text: 'Subject not found in the applicable identity store(s)',
		cause: 'The user or host is not present in any identity store of the identity sequence.',
		resolution: 'Check the username and that the identity store holds the user.',
	},
	{
		code: 22063,
		text: 'Wrong password',
		cause: 'The password does not match the internal user.',
		resolution: 'Reset the password or check the supplicant credentials.',
	},
	{
		code: 24206,
		text: 'User disabled',
		cause: 'The internal user is disabled.',
		resolution: 'Enable the user.',
	},
	{
		code: 24408,
		text: 'User authentication against Active Directory failed since user has entered the wrong password',
		cause: 'Active Directory rejected the password.',
		resolution: 'Check the user password in Active Directory.',
	},
	{
		code: 24409,
		text: 'User authentication against Active Directory failed since user account is disabled',
		cause: 'The Active Directory account is disabled.',
		resolution: 'Enable the account in Active Directory.',
	},
	{
		code: 24412,
		text: 'User not found in Active Directory',
		cause: 'Active Directory has no such user.',
		resolution: 'Check the username and the joined domains.',
	},
	{
		code: 24415,
		text: 'User authentication against Active Directory failed since user account is locked out',
		cause: 'The Active Directory account is locked out.',
		resolution: 'Unlock the account in Active Directory.',
	},
	{
		code: 24446,
		text: 'Active Directory domain controller is unreachable',
		cause: 'ISE cannot reach a domain controller of the joined domain.',
		resolution: 'Check DNS and connectivity from ISE to the domain controllers.',
	},
];

const BY_CODE = new Map(ISE_FAILURE_REASONS.map((reason) => [reason.code, reason]));

export function findFailureReason(code: number): IseFailureReason | undefined {
	return BY_CODE.get(code);
}

/** `"22056 Subject not found in the applicable identity store(s)"`, the form ISE puts in `failure_reason`. */
export function failureReasonText(code: number): string {
	const reason = BY_CODE.get(code);
	if (!reason)
		throw new Error(`Unknown ISE failure reason code ${code}: add it to ISE_FAILURE_REASONS`);
	return `${code} ${reason.text}`;
}
