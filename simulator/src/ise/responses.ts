/** XML documents of the ISE MnT API, built from the scenario. Element names follow ISE's MnT schema. */
import { ISE_FAILURE_REASONS, failureReasonText } from './failureReasons';
import type { IseAuthRecord, IseEndpoint } from './scenario';
import { normaliseMac } from './scenario';
import { fields, renderXml, textElement, type XmlNode } from './xml';

export const NOT_MNT_NODE_CODE = 34110;
const PRODUCT = { name: 'Cisco Identity Services Engine', version: '3.2.0.542' };
/** The address the NAS sent its RADIUS request to; one PSN address is enough for the simulator. */
const PSN_IP_ADDRESS = '10.0.0.21';
const BOOLEAN_ATTRIBUTES = {
	'xsi:type': 'xs:boolean',
	'xmlns:xs': 'http://www.w3.org/2001/XMLSchema',
	'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
};
/** Execution steps ISE lists for a PEAP attempt; the exact ids matter little to consumers. */
const STEPS_PASSED =
	'11001,11017,11117,15049,15008,15048,11507,12500,12625,11006,11001,11018,12301,12302,12318,12800,24432,24325,22037,15036,11002';
const STEPS_FAILED =
	'11001,11017,11117,15049,15008,15048,11507,12500,12625,11006,11001,11018,12301,12302,12318,12800,24432,24325,22056,11003';

/** `/Version`: type_of_node 1 = active MnT, 3 = not a MnT node. */
export function versionXml(
	product: { name: string; version: string } | undefined,
	nonMnt: boolean,
): string {
	const { name, version } = product ?? PRODUCT;
	return renderXml({
		name: 'product',
		attributes: { name },
		children: fields([
			['version', version],
			['type_of_node', nonMnt ? 3 : 1],
		]),
	});
}

export function activeCountXml(count: number): string {
	return renderXml({ name: 'sessionCount', children: [textElement('count', count)] });
}

export function activeListXml(endpoints: IseEndpoint[]): string {
	return renderXml({
		name: 'activeList',
		attributes: { noOfActiveSession: String(endpoints.length) },
		children: endpoints.map((endpoint) => ({
			name: 'activeSession',
			children: fields([
				['user_name', endpoint.username],
				['calling_station_id', normaliseMac(endpoint.mac)],
				['nas_ip_address', endpoint.nasIpAddress],
				['acct_session_id', endpoint.auditSessionId.slice(-8)],
				['audit_session_id', endpoint.auditSessionId],
				['server', endpoint.acsServer],
				['framed_ip_address', endpoint.framedIpAddress],
				['framed_ipv6_address', undefined],
			]),
		})),
	});
}

/** `<sessionParameters>` of the endpoint's latest authentication (ISE keeps failed attempts in the session cache too). */
export function sessionXml(endpoint: IseEndpoint, latest: IseAuthRecord, now: number): string {
	return renderXml({
		name: 'sessionParameters',
		children: [
			booleanElement('passed', latest.passed),
			booleanElement('failed', !latest.passed),
			...fields([
				['user_name', endpoint.username],
				['nas_ip_address', endpoint.nasIpAddress],
				[
					'failure_reason',
					latest.failureCode === undefined ? undefined : failureReasonText(latest.failureCode),
				],
				['calling_station_id', normaliseMac(endpoint.mac)],
				['nas_port', '1'],
				['identity_group', endpoint.identityGroup],
				['network_device_name', endpoint.networkDeviceName],
				['acs_server', endpoint.acsServer],
				['authen_protocol', latest.authenticationProtocol],
				['framed_ip_address', latest.passed ? endpoint.framedIpAddress : undefined],
				['network_device_groups', 'Location#All Locations,Device Type#All Device Types#Mist'],
				['access_service', 'Default Network Access'],
				['auth_acs_timestamp', isoTimestamp(now - latest.secondsAgo * 1000)],
				['authentication_method', latest.authenticationMethod],
				['execution_steps', latest.passed ? STEPS_PASSED : STEPS_FAILED],
				['audit_session_id', endpoint.auditSessionId],
				['nas_port_id', endpoint.nasPortId],
				['message_code', latest.passed ? 5200 : 5400],
				['identity_store', latest.identityStore],
				['service_type', 'Framed'],
				['selected_azn_profiles', latest.selectedAznProfiles],
				['destination_ip_address', PSN_IP_ADDRESS],
				['called_station_id', endpoint.ssid ? `5C-5B-35-00-00-01:${endpoint.ssid}` : undefined],
			]),
		],
	});
}

export function authStatusXml(
	mac: string,
	endpoint: IseEndpoint | undefined,
	records: IseAuthRecord[],
	now: number,
): string {
	return renderXml({
		name: 'authStatusOutputList',
		children: [
			{
				name: 'authStatusList',
				attributes: { key: mac },
				children: endpoint ? records.map((record) => authStatusElement(endpoint, record, now)) : [],
			},
		],
	});
}

function authStatusElement(endpoint: IseEndpoint, record: IseAuthRecord, now: number): XmlNode {
	return {
		name: 'authStatusElements',
		children: [
			booleanElement('passed', record.passed),
			booleanElement('failed', !record.passed),
			...fields([
				['user_name', endpoint.username],
				['nas_ip_address', endpoint.nasIpAddress],
				['calling_station_id', normaliseMac(endpoint.mac)],
				['identity_group', endpoint.identityGroup],
				['acs_server', endpoint.acsServer],
				['acs_timestamp', isoTimestamp(now - record.secondsAgo * 1000)],
				['execution_steps', record.passed ? STEPS_PASSED : STEPS_FAILED],
				['message_code', record.passed ? 5200 : 5400],
				['identity_store', record.identityStore],
				['response_time', record.passed ? 42 : 18],
				[
					'other_attributes',
					`ConfigVersionId=42,DestinationPort=1812,Protocol=Radius,SSID=${endpoint.ssid ?? ''}`,
				],
				['network_device_name', endpoint.networkDeviceName],
				['authentication_method', record.authenticationMethod],
				['authentication_protocol', record.authenticationProtocol],
				['response', radiusResponse(endpoint, record)],
				['audit_session_id', endpoint.auditSessionId],
				['nas_port_id', endpoint.nasPortId],
				['posture_status', undefined],
				['selected_azn_profiles', record.passed ? record.selectedAznProfiles : 'DenyAccess'],
				['service_type', 'Framed'],
				[
					'failure_reason',
					record.failureCode === undefined ? undefined : failureReasonText(record.failureCode),
				],
			]),
		],
	};
}

export function failureReasonsXml(): string {
	return renderXml({
		name: 'failureReasonList',
		children: ISE_FAILURE_REASONS.map((reason) => ({
			name: 'failureReason',
			attributes: { id: String(reason.code) },
			children: fields([
				['code', `${reason.code} ${reason.text}`],
				['cause', reason.cause],
				['resolution', reason.resolution],
			]),
		})),
	});
}

export function coaXml(requestType: 'reauth' | 'disconnect', result: boolean): string {
	return renderXml({
		name: 'remoteCoA',
		attributes: { requestType },
		children: [textElement('results', result)],
	});
}

/** ISE's error document, used for the non-MnT node answer and for bad requests. */
export function restResultXml(httpCode: number, description: string, cpmCode?: number): string {
	return renderXml({
		name: 'mnt-rest-result',
		children: fields([
			['http-code', httpCode],
			['cpm-code', cpmCode],
			['description', description],
			['module-name', 'MnT'],
			['internal-error-info', undefined],
		]),
	});
}

/** ISE's summary of the RADIUS answer it sent. */
function radiusResponse(endpoint: IseEndpoint, record: IseAuthRecord): string {
	return record.passed
		? `{UserName=${endpoint.username}; Class=CACS:${endpoint.auditSessionId}}`
		: '{RadiusPacketType=AccessReject; AuthenticationResult=Failed}';
}

function booleanElement(name: string, value: boolean): XmlNode {
	return { name, attributes: BOOLEAN_ATTRIBUTES, text: String(value) };
}

/** ISE writes timestamps with milliseconds and an explicit offset. */
function isoTimestamp(epochMs: number): string {
	return new Date(epochMs).toISOString().replace('Z', '+00:00');
}
