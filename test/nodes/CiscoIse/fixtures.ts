/**
 * Hand-written MnT answers following the documented shapes (sessionParameters,
 * authStatusOutputList/authStatusList/authStatusElements, failureReasonList, remoteCoA,
 * mnt-rest-result), and a test context wired to the Cisco ISE API credential.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { createExecuteContext } from '../../helpers/executeContext';
import type { ContextOptions } from '../../helpers/executeContext';
import type { CredentialAuthenticator } from '../../helpers/n8nHttp';

export const ISE_URL = 'https://ise-mnt.example.test';
export const MNT = '/admin/API/mnt';
export const ISE_USER = 'mnt-helpdesk';
/** The fake password: a canary string that tests look for in every output and error. */
export const ISE_LEAK_CANARY = 'pw-SECRET-9a8b7c6d5e';
export const BASIC_HEADER = `Basic ${Buffer.from(`${ISE_USER}:${ISE_LEAK_CANARY}`).toString('base64')}`;

export const iseCredentials: ICredentialDataDecryptedObject = {
	host: 'ise-mnt.example.test',
	username: ISE_USER,
	password: ISE_LEAK_CANARY,
	ignoreSslIssues: false,
};

/** What n8n does with the credential's `authenticate.properties.auth`: HTTP Basic. */
export const iseBasicAuth: CredentialAuthenticator = (
	credentials,
	options: IHttpRequestOptions,
) => ({
	...options,
	auth: { username: String(credentials.username), password: String(credentials.password) },
});

export function iseContext(
	options: Omit<ContextOptions, 'credentials' | 'authenticators'> & {
		credentials?: ICredentialDataDecryptedObject;
	},
) {
	return createExecuteContext({
		...options,
		node: { name: 'Cisco ISE', type: 'n8n-nodes-juniper-mist.ciscoIse', ...options.node },
		credentials: { ciscoIseApi: options.credentials ?? iseCredentials },
		authenticators: { ciscoIseApi: iseBasicAuth },
	});
}

export const XML_HEADERS = { 'Content-Type': 'application/xml;charset=UTF-8' };

const BOOL =
	'xsi:type="xs:boolean" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

export const SESSION_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sessionParameters>
  <passed ${BOOL}>true</passed>
  <failed ${BOOL}>false</failed>
  <user_name>jdoe@corp.example</user_name>
  <nas_ip_address>10.1.0.10</nas_ip_address>
  <calling_station_id>00:0C:29:46:F3:B8</calling_station_id>
  <nas_port>1</nas_port>
  <identity_group>Workstation</identity_group>
  <network_device_name>mist-ap-lobby</network_device_name>
  <acs_server>ise-psn1</acs_server>
  <authen_protocol>PEAP (EAP-MSCHAPv2)</authen_protocol>
  <framed_ip_address>10.1.20.5</framed_ip_address>
  <auth_acs_timestamp>2026-11-25T16:58:01.123+00:00</auth_acs_timestamp>
  <authentication_method>MSCHAPV2</authentication_method>
  <audit_session_id>0A01000A0000001F5E3C2D1A</audit_session_id>
  <nas_port_id>wlan-corp</nas_port_id>
  <identity_store>CORP-AD</identity_store>
  <selected_azn_profiles>Corp_Employee</selected_azn_profiles>
  <destination_ip_address>10.0.0.21</destination_ip_address>
</sessionParameters>`;

export const EMPTY_SESSION_XML =
	'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sessionParameters/>';

export const ACTIVE_COUNT_XML =
	'<?xml version="1.0" encoding="UTF-8"?><sessionCount><count>1234</count></sessionCount>';

interface AuthElement {
	passed: boolean;
	timestamp: string;
	failureReason?: string;
	messageCode?: number;
}

function authElement(element: AuthElement): string {
	return `<authStatusElements>
    <passed ${BOOL}>${element.passed}</passed>
    <failed ${BOOL}>${!element.passed}</failed>
    <user_name>jdoe@corp.example</user_name>
    <nas_ip_address>10.1.0.10</nas_ip_address>
    <calling_station_id>00:0C:29:46:F3:B8</calling_station_id>
    <identity_group>Workstation</identity_group>
    <acs_server>ise-psn1</acs_server>
    <acs_timestamp>${element.timestamp}</acs_timestamp>
    <execution_steps>11001,11017,15049,15008,11507,12500,22037</execution_steps>
    <message_code>${element.messageCode ?? (element.passed ? 5200 : 5400)}</message_code>
    <identity_store>CORP-AD</identity_store>
    <response_time>${element.passed ? 42 : 18}</response_time>
    <other_attributes>ConfigVersionId=42,DestinationPort=1812,Protocol=Radius</other_attributes>
    <network_device_name>mist-ap-lobby</network_device_name>
    <authentication_method>MSCHAPV2</authentication_method>
    <authentication_protocol>PEAP (EAP-MSCHAPv2)</authentication_protocol>
    <response>{RadiusPacketType=${element.passed ? 'AccessAccept' : 'AccessReject'}; AuthenticationResult=${element.passed ? 'Passed' : 'Failed'}}</response>
    <audit_session_id>0A01000A0000001F5E3C2D1A</audit_session_id>
    <nas_port_id>wlan-corp</nas_port_id>
    <posture_status></posture_status>
    <selected_azn_profiles>${element.passed ? 'Corp_Employee' : 'DenyAccess'}</selected_azn_profiles>
    <service_type>Framed</service_type>
    ${element.failureReason === undefined ? '' : `<failure_reason>${element.failureReason}</failure_reason>`}
  </authStatusElements>`;
}

export function authStatusXml(mac: string, elements: AuthElement[]): string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<authStatusOutputList>
  <authStatusList key="${mac}">
  ${elements.map(authElement).join('\n  ')}
  </authStatusList>
</authStatusOutputList>`;
}

/** Newest first, as ISE sends them: a pass after three failures (two wrong passwords, one locked account). */
export const AUTH_STATUS_XML = authStatusXml('00:0C:29:46:F3:B8', [
	{ passed: true, timestamp: '2026-11-25T16:58:01.123+00:00' },
	{
		passed: false,
		timestamp: '2026-11-25T16:55:12.000+00:00',
		failureReason:
			'24415 User authentication against Active Directory failed since user account is locked out',
	},
	{
		passed: false,
		timestamp: '2026-11-25T16:50:40.000+00:00',
		failureReason:
			'24408 User authentication against Active Directory failed since user has entered the wrong password',
	},
	{
		passed: false,
		timestamp: '2026-11-25T16:49:02.000+00:00',
		failureReason:
			'24408 User authentication against Active Directory failed since user has entered the wrong password',
	},
]);

export const NO_AUTH_RECORDS_XML =
	'<?xml version="1.0" encoding="UTF-8"?><authStatusOutputList><authStatusList key="00:0C:29:46:F3:B8"/></authStatusOutputList>';

export const FAILURE_REASONS_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<failureReasonList>
  <failureReason id="22056">
    <code>22056 Subject not found in the applicable identity store(s)</code>
    <cause>The user is unknown &amp; could not be found in the identity stores.</cause>
    <resolution>Check whether the subject is present in any one of the chosen identity stores.</resolution>
  </failureReason>
  <failureReason id="12321">
    <code>12321 PEAP failed SSL/TLS handshake because the client rejected the ISE local-certificate</code>
    <cause><![CDATA[The client rejected the <local> certificate.]]></cause>
    <resolution>Check whether the proper server certificate is installed and configured for EAP.</resolution>
  </failureReason>
  <failureReason id="99999">
    <code>99999 Some future reason</code>
    <cause>Unknown to the helpdesk map.</cause>
    <resolution/>
  </failureReason>
</failureReasonList>`;

export function coaXml(requestType: 'reauth' | 'disconnect', result: boolean): string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><remoteCoA requestType="${requestType}"><results>${result}</results></remoteCoA>`;
}

export function restResultXml(httpCode: number, description: string, cpmCode?: number): string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<mnt-rest-result>
  <http-code>${httpCode}</http-code>
  ${cpmCode === undefined ? '' : `<cpm-code>${cpmCode}</cpm-code>`}
  <description>${description}</description>
  <module-name>MnT</module-name>
  <internal-error-info/>
</mnt-rest-result>`;
}

export const NOT_MNT_XML = restResultXml(500, 'This host is not a MnT node', 34110);

/** Runs the node and returns its only output. */
export async function runIse(ctx: ReturnType<typeof iseContext>) {
	const { CiscoIse } = await import('../../../nodes/CiscoIse/CiscoIse.node');
	const [output] = await new CiscoIse().execute.call(ctx);
	return output;
}

/** Runs the node and returns the error it throws (fails the test when none is thrown). */
export async function runIseError(
	ctx: ReturnType<typeof iseContext>,
): Promise<Error & { description?: string; httpCode?: string }> {
	try {
		await runIse(ctx);
	} catch (error) {
		return error as Error & { description?: string };
	}
	throw new Error('The node was expected to fail');
}
