import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

export const MNT_PATH = '/admin/API/mnt';

/**
 * Accepts the host the way people paste it (`ise-mnt.example.com`, `https://ise-mnt:443/`, or the
 * full `…/admin/API/mnt` URL) and returns `https://host[:port]` without a trailing slash.
 */
export function normaliseIseBaseUrl(host: string): string | undefined {
	let value = host.trim();
	if (value === '') return undefined;
	if (!/^https?:\/\//i.test(value)) value = `https://${value}`;
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return undefined;
	}
	if (url.username || url.password || url.search || url.hash || url.hostname === '')
		return undefined;
	const path = url.pathname.replace(/\/+$/, '');
	if (path !== '' && path.toLowerCase() !== MNT_PATH.toLowerCase()) return undefined;
	return `${url.protocol}//${url.host}`;
}

export function requireIseBaseUrl(node: INode, host: unknown): string {
	const text = typeof host === 'string' ? host : '';
	const base = normaliseIseBaseUrl(text);
	if (base) return base;
	// A user:password@ part is refused, and never repeated in the error.
	const masked = text.trim().replace(/\/\/[^/@]*@/, '//***@');
	const shown =
		masked === '' ? 'it is empty' : `"${masked.slice(0, 80)}" is not a host name or https URL`;
	throw new NodeOperationError(node, `Invalid Host in the Cisco ISE API credential: ${shown}`, {
		description:
			'Enter the MnT node, e.g. ise-mnt.example.com or https://ise-mnt.example.com:443 (no user name, query or other path).',
	});
}
