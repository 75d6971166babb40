import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { explainFailure, failureCodeInfo } from '../../failureCodes';
import type { IseClient } from '../../transport/IseClient';
import { iseOperationError } from '../../transport/iseErrors';
import type { XmlElement } from '../../xml/reader';
import { childElements, leafValues, localName, toNumber } from '../../xml/tree';
import { readMac, textOrNull } from '../common';
import { requireIntegerInRange } from '../../utils/validate';

export const DEFAULT_WINDOW_SECONDS = 3600;
export const MAX_WINDOW_SECONDS = 86_400;
export const DEFAULT_RECORDS = 20;
export const MAX_RECORDS = 100;

export const windowProperties: INodeProperties[] = [
	{
		displayName: 'Time Window (Seconds)',
		name: 'windowSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_WINDOW_SECONDS },
		default: DEFAULT_WINDOW_SECONDS,
		description: 'How far back to look, in seconds (at most 86400, one day)',
	},
	{
		displayName: 'Max Records',
		name: 'maxRecords',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_RECORDS },
		default: DEFAULT_RECORDS,
		description: 'Most authentication records ISE returns, newest first (at most 100)',
	},
];

export interface AuthQuery {
	mac: string;
	windowSeconds: number;
	maxRecords: number;
}

export function readAuthQuery(this: IExecuteFunctions, itemIndex: number): AuthQuery {
	const node = this.getNode();
	const mac = readMac.call(this, itemIndex);
	const windowSeconds = requireIntegerInRange(
		node,
		this.getNodeParameter('windowSeconds', itemIndex, DEFAULT_WINDOW_SECONDS),
		'Time Window (Seconds)',
		1,
		MAX_WINDOW_SECONDS,
		itemIndex,
	);
	const maxRecords = requireIntegerInRange(
		node,
		this.getNodeParameter('maxRecords', itemIndex, DEFAULT_RECORDS),
		'Max Records',
		1,
		MAX_RECORDS,
		itemIndex,
	);
	return { mac, windowSeconds, maxRecords };
}

/** `GET /AuthStatus/MACAddress/{mac}/{seconds}/{records}/All` → the authStatusElements, newest first. */
export async function fetchAuthRecords(
	this: IExecuteFunctions,
	client: IseClient,
	query: AuthQuery,
	itemIndex: number,
): Promise<XmlElement[]> {
	const path = `/AuthStatus/MACAddress/${query.mac}/${query.windowSeconds}/${query.maxRecords}/All`;
	const { root } = await client.getXml(path, { itemIndex });
	if (!root) return [];
	if (localName(root.name) !== 'authStatusOutputList') {
		throw iseOperationError(
			this.getNode(),
			`ISE answered the authentication status with <${root.name}> instead of <authStatusOutputList>`,
			'Check that the credential Host is the ISE MnT node.',
			itemIndex,
		);
	}
	const elements = childElements(root, 'authStatusList').flatMap((list) =>
		childElements(list, 'authStatusElements'),
	);
	return sortNewestFirst(elements);
}

function sortNewestFirst(elements: XmlElement[]): XmlElement[] {
	const stamped = elements.map((element, index) => ({
		element,
		index,
		time: Date.parse(textOrNull(leafValues(element).acs_timestamp) ?? ''),
	}));
	if (stamped.some((entry) => Number.isNaN(entry.time))) return elements;
	return stamped.sort((a, b) => b.time - a.time || a.index - b.index).map((entry) => entry.element);
}

function booleanField(value: unknown): boolean | null {
	if (typeof value === 'boolean') return value;
	const text = textOrNull(value)?.toLowerCase();
	return text === 'true' ? true : text === 'false' ? false : null;
}

/** One auth record as an item, with the failure's plain-language cause and next step. */
export function authRecordItem(mac: string, element: XmlElement, includeRaw: boolean): IDataObject {
	const fields = leafValues(element);
	const passedField = booleanField(fields.passed);
	const failedField = booleanField(fields.failed);
	const failed = failedField ?? (passedField === null ? false : !passedField);
	const passed = passedField ?? !failed;
	const failureReason = textOrNull(fields.failure_reason);
	const messageCode = toNumber(textOrNull(fields.message_code) ?? undefined) ?? null;
	// Without a failure_reason, a 5xxx message code (5411, 5442, …) is the best explanation there is.
	const explanation = !failed
		? undefined
		: failureReason
			? explainFailure(failureReason)
			: messageCode !== null && failureCodeInfo(messageCode)
				? explainFailure(messageCode)
				: explainFailure('Authentication failed without a failure reason');
	const record: IDataObject = {
		mac: textOrNull(fields.calling_station_id) ?? mac,
		passed,
		failed,
		timestamp: textOrNull(fields.acs_timestamp),
		userName: textOrNull(fields.user_name),
		failureReason,
		failureCode: explanation?.code ?? null,
		category: explanation?.category ?? null,
		cause: explanation?.cause ?? null,
		fix: explanation?.fix ?? null,
		messageCode,
		nasIpAddress: textOrNull(fields.nas_ip_address),
		networkDeviceName: textOrNull(fields.network_device_name),
		nasPortId: textOrNull(fields.nas_port_id),
		psn: textOrNull(fields.acs_server),
		authenticationProtocol: textOrNull(fields.authentication_protocol),
		authenticationMethod: textOrNull(fields.authentication_method),
		identityStore: textOrNull(fields.identity_store),
		identityGroup: textOrNull(fields.identity_group),
		selectedAznProfiles: textOrNull(fields.selected_azn_profiles),
		postureStatus: textOrNull(fields.posture_status),
		serviceType: textOrNull(fields.service_type),
		auditSessionId: textOrNull(fields.audit_session_id),
		responseTimeMs: toNumber(textOrNull(fields.response_time) ?? undefined) ?? null,
	};
	if (includeRaw) record.raw = fields as IDataObject;
	return record;
}

export function noRecordsItem(
	query: AuthQuery,
	message: string,
	extra: IDataObject = {},
): IDataObject {
	return { found: false, mac: query.mac, windowSeconds: query.windowSeconds, ...extra, message };
}
