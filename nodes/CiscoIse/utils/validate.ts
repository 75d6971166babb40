import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { requireMac } from '../../shared/params/identifiers';

/** ISE's MnT paths want `AA:BB:CC:DD:EE:FF`; any usual spelling of a MAC is accepted. */
export function requireIseMac(
	node: INode,
	value: unknown,
	field: string,
	itemIndex?: number,
): string {
	const hex = requireMac(node, value, field, itemIndex);
	return (hex.toUpperCase().match(/../g) as string[]).join(':');
}

/** A whole number within bounds; the error names the field and what is wrong with the value. */
export function requireIntegerInRange(
	node: INode,
	value: unknown,
	field: string,
	min: number,
	max: number,
	itemIndex?: number,
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	let problem: string | undefined;
	if (typeof number !== 'number' || !Number.isFinite(number))
		problem = `"${String(value).slice(0, 40)}" is not a number`;
	else if (!Number.isInteger(number)) problem = `${number} is not a whole number`;
	else if (number < min) problem = `${number} is below the minimum of ${min}`;
	else if (number > max) problem = `${number} is above the maximum of ${max}`;
	if (problem === undefined) return number as number;
	throw new NodeOperationError(node, `Invalid ${field}: ${problem}`, {
		description: `Enter a whole number from ${min} to ${max}.`,
		itemIndex,
	});
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIpAddress(value: string): boolean {
	if (IPV4.test(value)) return true;
	// IPv6: hex groups and colons (an embedded IPv4 tail allowed); URL parsing does the strict check.
	if (!/^[0-9a-fA-F:.]{2,45}$/.test(value) || !value.includes(':')) return false;
	try {
		return new URL(`http://[${value}]/`).hostname !== '';
	} catch {
		return false;
	}
}

export function requireIpAddress(
	node: INode,
	value: unknown,
	field: string,
	itemIndex?: number,
): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (isIpAddress(text)) return text;
	const shown =
		text === '' ? 'it is empty' : `"${text.slice(0, 60)}" is not an IPv4 or IPv6 address`;
	throw new NodeOperationError(node, `Invalid ${field}: ${shown}`, {
		description:
			'Enter an address such as 10.1.20.5, or leave the field empty to take it from the active session.',
		itemIndex,
	});
}

const HOST_NAME =
	/^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** The PSN goes into the URL path, so only host names and IP addresses pass. */
export function requirePsn(node: INode, value: unknown, field: string, itemIndex?: number): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (HOST_NAME.test(text) || isIpAddress(text)) return text;
	const shown = text === '' ? 'it is empty' : `"${text.slice(0, 60)}" is not an ISE node name`;
	throw new NodeOperationError(node, `Invalid ${field}: ${shown}`, {
		description:
			'Enter the PSN host name as ISE lists it (e.g. ise-psn1), or leave the field empty to use the PSN of the active session.',
		itemIndex,
	});
}
