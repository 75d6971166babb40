import type { IDataObject, INode } from 'n8n-workflow';

import { explainFailure } from '../../failureCodes';
import type { IseClient } from '../../transport/IseClient';
import { iseOperationError } from '../../transport/iseErrors';
import type { XmlElement } from '../../xml/reader';
import { leafValues, localName } from '../../xml/tree';
import { textOrNull } from '../common';

/**
 * The active session of a MAC, or undefined when ISE has none. ISE says "none" with a 404, an
 * empty body or an empty `<sessionParameters/>` depending on the version; all three mean the same.
 */
export async function fetchSession(
	client: IseClient,
	node: INode,
	mac: string,
	itemIndex: number,
): Promise<XmlElement | undefined> {
	// The MAC is validated as AA:BB:CC:DD:EE:FF; ISE wants the colons as they are, not %3A.
	const path = `/Session/MACAddress/${mac}`;
	const { root } = await client.getXml(path, { itemIndex, allowNotFound: true });
	if (!root || root.children.length === 0) return undefined;
	if (localName(root.name) !== 'sessionParameters') {
		throw iseOperationError(
			node,
			`ISE answered the session lookup with <${root.name}> instead of <sessionParameters>`,
			'Check that the credential Host is the ISE MnT node.',
			itemIndex,
		);
	}
	return root;
}

function booleanOrNull(value: unknown): boolean | null {
	if (typeof value === 'boolean') return value;
	const text = textOrNull(value)?.toLowerCase();
	return text === 'true' ? true : text === 'false' ? false : null;
}

/** The session fields a helpdesk reads, under stable camelCase names. */
export function simplifySession(
	mac: string,
	session: XmlElement,
	includeRaw: boolean,
): IDataObject {
	const fields = leafValues(session);
	const failureReason = textOrNull(fields.failure_reason);
	const explanation = failureReason ? explainFailure(failureReason) : undefined;
	const record: IDataObject = {
		found: true,
		mac,
		userName: textOrNull(fields.user_name),
		passed: booleanOrNull(fields.passed),
		failed: booleanOrNull(fields.failed),
		endpointIpAddress: textOrNull(fields.framed_ip_address),
		nasIpAddress: textOrNull(fields.nas_ip_address),
		nasPortId: textOrNull(fields.nas_port_id),
		networkDeviceName: textOrNull(fields.network_device_name),
		psn: textOrNull(fields.acs_server),
		authenticationMethod: textOrNull(fields.authentication_method),
		authenticationProtocol: textOrNull(fields.authen_protocol ?? fields.authentication_protocol),
		identityGroup: textOrNull(fields.identity_group),
		identityStore: textOrNull(fields.identity_store),
		selectedAznProfiles: textOrNull(fields.selected_azn_profiles),
		postureStatus: textOrNull(fields.posture_status),
		auditSessionId: textOrNull(fields.audit_session_id),
		timestamp: textOrNull(fields.auth_acs_timestamp ?? fields.acs_timestamp),
		failureReason,
		failureCode: explanation?.code ?? null,
		cause: explanation?.cause ?? null,
		fix: explanation?.fix ?? null,
	};
	if (includeRaw) record.raw = fields as IDataObject;
	return record;
}
