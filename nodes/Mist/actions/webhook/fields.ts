import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireTopics } from '../../../shared/webhooks';

export const nameProperty: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'n8n alarms',
	description: 'Name of the webhook',
};

export const urlProperty: INodeProperties = {
	displayName: 'URL',
	name: 'url',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'https://n8n.example.com/webhook/mist',
	description: 'Where Mist POSTs the events (http or https)',
};

export const topicsProperty: INodeProperties = {
	displayName: 'Topic Names or IDs',
	name: 'topics',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getWebhookTopics' },
	default: [],
	required: true,
	description:
		'Event topics to send, e.g. alarms, device-updowns, client-join. Org webhooks accept only org-level topics. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** Optional fields, shared by Create (Additional Fields) and Update (Update Fields). */
const optionalFields: INodeProperties[] = [
	{
		displayName: 'Custom Headers',
		name: 'customHeaders',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Header',
		description:
			'Extra HTTP headers Mist adds to each POST (names and values under 1000 bytes in total; http-post only)',
		options: [
			{
				displayName: 'Header',
				name: 'header',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Enabled',
		name: 'enabled',
		type: 'boolean',
		default: true,
		description: 'Whether Mist sends events to the webhook',
	},
	{
		displayName: 'Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'Shared secret for signing. Mist then signs each POST with X-Mist-Signature-v2 (HMAC-SHA256 of the body) and X-Mist-Signature (HMAC-SHA1). Only webhooks of type http-post are signed; this node creates http-post webhooks. It is never shown in the output.',
	},
	{
		displayName: 'Single Event Per Message',
		name: 'singleEventPerMessage',
		type: 'boolean',
		default: false,
		description:
			'Whether to send one event per POST, for receivers that cannot parse several (only some topics allow it)',
	},
	{
		displayName: 'Verify Certificate',
		name: 'verifyCert',
		type: 'boolean',
		default: true,
		description: 'Whether Mist verifies the certificate of an https URL',
	},
];

export const additionalFieldsProperty: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: optionalFields,
};

export const updateFieldsProperty: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		...optionalFields.slice(0, 2),
		{ ...nameProperty, required: false },
		...optionalFields.slice(2, 4),
		{ ...topicsProperty, required: false },
		{ ...urlProperty, required: false },
		optionalFields[4],
	],
};

const fail = (ctx: IExecuteFunctions, itemIndex: number, message: string, description?: string) =>
	new NodeOperationError(ctx.getNode(), message, { description, itemIndex });

export function requireWebhookName(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
): string {
	const name = String(value ?? '').trim();
	if (!name) throw fail(ctx, itemIndex, 'Invalid Name: it is empty');
	return name;
}

export function requireWebhookUrl(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
): string {
	const text = String(value ?? '').trim();
	let valid = false;
	try {
		const parsed = new URL(text);
		valid = (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
	} catch {
		valid = false;
	}
	if (valid) return text;
	const shown = text === '' ? 'it is empty' : `"${text.slice(0, 80)}" is not an http(s) URL`;
	throw fail(
		ctx,
		itemIndex,
		`Invalid URL: ${shown}`,
		'Use the full address of the receiver, e.g. https://n8n.example.com/webhook/mist.',
	);
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const MAX_HEADER_BYTES = 1000;

export function readCustomHeaders(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
): IDataObject {
	const rows = ((value as IDataObject | undefined)?.header ?? []) as IDataObject[];
	const headers: Record<string, string> = {};
	let bytes = 0;
	for (const row of rows) {
		const name = String(row.name ?? '').trim();
		const headerValue = String(row.value ?? '');
		if (!HEADER_NAME.test(name)) {
			throw fail(
				ctx,
				itemIndex,
				`Invalid Custom Headers: "${name.slice(0, 60)}" is not a header name`,
				'Use letters, digits and dashes, e.g. X-Source.',
			);
		}
		headers[name] = headerValue;
		bytes += Buffer.byteLength(name) + Buffer.byteLength(headerValue);
	}
	if (bytes >= MAX_HEADER_BYTES) {
		throw fail(
			ctx,
			itemIndex,
			`Invalid Custom Headers: ${bytes} bytes, Mist allows less than ${MAX_HEADER_BYTES}`,
		);
	}
	return headers;
}

/** Maps the node's optional fields to Mist's webhook fields, validating each one set. */
export function optionalWebhookFields(
	ctx: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
): IDataObject {
	const body: IDataObject = {};
	if (fields.name !== undefined) body.name = requireWebhookName(ctx, fields.name, itemIndex);
	if (fields.url !== undefined) body.url = requireWebhookUrl(ctx, fields.url, itemIndex);
	if (fields.topics !== undefined)
		body.topics = requireTopics(ctx.getNode(), fields.topics, itemIndex);
	if (fields.enabled !== undefined) body.enabled = Boolean(fields.enabled);
	if (fields.verifyCert !== undefined) body.verify_cert = Boolean(fields.verifyCert);
	if (fields.singleEventPerMessage !== undefined)
		body.single_event_per_message = Boolean(fields.singleEventPerMessage);
	if (fields.secret !== undefined) body.secret = String(fields.secret);
	if (fields.customHeaders !== undefined)
		body.headers = readCustomHeaders(ctx, fields.customHeaders, itemIndex);
	return body;
}
