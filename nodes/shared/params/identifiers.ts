import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

/** A Mist id: a UUID. The source text also serves the editor's field validation (locators). */
export const UUID_PATTERN =
	'[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const UUID = new RegExp(`^${UUID_PATTERN}$`);

export function isUuid(value: string): boolean {
	return UUID.test(value);
}

/** Ids go into URL paths: only well-formed UUIDs pass, so a stray value never changes the request path. */
export function requireUuid(
	node: INode,
	value: unknown,
	field: string,
	itemIndex?: number,
): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (UUID.test(text)) return text.toLowerCase();
	const shown =
		text === '' ? 'it is empty' : `"${String(value).slice(0, 60)}" is not a Mist id (a UUID)`;
	throw new NodeOperationError(node, `Invalid ${field}: ${shown}`, {
		description: `Pick the ${field} from the list, or paste its id, e.g. 6748cfa6-4e12-11e6-9188-0242ac110007.`,
		itemIndex,
	});
}

/** Mist writes MACs as 12 lower-case hex digits; accept the usual separators and case. */
export function normalizeMac(value: string): string | undefined {
	const hex = value
		.trim()
		.toLowerCase()
		.replace(/[:\-.\s]/g, '');
	return /^[0-9a-f]{12}$/.test(hex) ? hex : undefined;
}

export function requireMac(node: INode, value: unknown, field: string, itemIndex?: number): string {
	const text =
		typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
	const mac = normalizeMac(text);
	if (mac) return mac;
	const shown = text.trim() === '' ? 'it is empty' : `"${text.slice(0, 60)}" is not a MAC address`;
	throw new NodeOperationError(node, `Invalid ${field}: ${shown}`, {
		description:
			'Use 12 hex digits, with or without separators, e.g. 5c5b350e0001 or 5C:5B:35:0E:00:01.',
		itemIndex,
	});
}

/** Device ids in Mist are UUIDs whose last 12 hex digits are the MAC: 00000000-0000-0000-1000-<mac>. */
export function deviceIdFromMac(mac: string): string {
	return `00000000-0000-0000-1000-${mac}`;
}
