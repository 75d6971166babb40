/**
 * Just enough MIME to assert on alert e-mails: headers (folded, RFC 2047 encoded words),
 * multipart bodies, quoted-printable and base64 parts, UTF-8 and Latin-1 charsets.
 * Input strings are "binary" (one char per byte) so that byte-level decoding stays exact.
 */

export interface ParsedMime {
	headers: Record<string, string>;
	text?: string;
	html?: string;
}

interface Part {
	headers: Record<string, string>;
	body: string;
}

export function parseMime(binary: string): ParsedMime {
	const root = splitPart(binary);
	const result: ParsedMime = { headers: decodeHeaders(root.headers) };
	collectBodies(root, result, 0);
	return result;
}

function splitPart(binary: string): Part {
	const match = /\r?\n\r?\n/.exec(binary);
	const headerBlock = match ? binary.slice(0, match.index) : binary;
	const body = match ? binary.slice(match.index + match[0].length) : '';
	const headers: Record<string, string> = {};
	// Folded header lines start with white space and continue the previous header.
	for (const line of headerBlock.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon <= 0) continue;
		headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	return { headers, body };
}

/** Multipart nesting deeper than this is not something an alert mail does. */
const MAX_DEPTH = 5;

function collectBodies(part: Part, result: ParsedMime, depth: number): void {
	const { type, params } = parseContentType(part.headers['content-type']);
	if (type.startsWith('multipart/') && params.boundary && depth < MAX_DEPTH) {
		for (const child of splitMultipart(part.body, params.boundary))
			collectBodies(splitPart(child), result, depth + 1);
		return;
	}
	if (/^attachment/i.test(part.headers['content-disposition'] ?? '')) return;
	const decoded = decodeBody(part.body, part.headers['content-transfer-encoding'], params.charset);
	if (type === 'text/html' && result.html === undefined) result.html = decoded;
	if (type === 'text/plain' && result.text === undefined) result.text = decoded;
}

export function parseContentType(header: string | undefined): {
	type: string;
	params: Record<string, string>;
} {
	if (!header) return { type: 'text/plain', params: {} };
	const [type, ...rest] = header.split(';');
	const params: Record<string, string> = {};
	for (const param of rest) {
		const equals = param.indexOf('=');
		if (equals < 0) continue;
		params[param.slice(0, equals).trim().toLowerCase()] = param
			.slice(equals + 1)
			.trim()
			.replace(/^"(.*)"$/, '$1');
	}
	return { type: type.trim().toLowerCase(), params };
}

function splitMultipart(body: string, boundary: string): string[] {
	const delimiter = `--${boundary}`;
	const sections = body.split(new RegExp(`(?:^|\\r?\\n)${escapeRegExp(delimiter)}`));
	// sections[0] is the preamble; a section starting with "--" is the closing delimiter and its epilogue.
	return sections
		.slice(1)
		.filter((section) => !section.startsWith('--'))
		.map((section) => section.replace(/^[ \t]*\r?\n/, ''));
}

export function decodeBody(
	body: string,
	encoding: string | undefined,
	charset: string | undefined,
): string {
	const transfer = (encoding ?? '7bit').trim().toLowerCase();
	let bytes: Buffer;
	if (transfer === 'base64') bytes = Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
	else if (transfer === 'quoted-printable') bytes = decodeQuotedPrintable(body);
	else bytes = Buffer.from(body, 'latin1');
	return toText(bytes, charset).replace(/\r\n/g, '\n').replace(/\n$/, '');
}

export function decodeQuotedPrintable(body: string): Buffer {
	const withoutSoftBreaks = body.replace(/=\r?\n/g, '');
	const bytes: number[] = [];
	for (let index = 0; index < withoutSoftBreaks.length; index++) {
		const char = withoutSoftBreaks[index];
		const hex = withoutSoftBreaks.slice(index + 1, index + 3);
		if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
			bytes.push(parseInt(hex, 16));
			index += 2;
		} else {
			bytes.push(char.charCodeAt(0) & 0xff);
		}
	}
	return Buffer.from(bytes);
}

function toText(bytes: Buffer, charset: string | undefined): string {
	const name = (charset ?? 'utf-8').toLowerCase();
	if (
		name === 'iso-8859-1' ||
		name === 'latin1' ||
		name === 'us-ascii' ||
		name === 'windows-1252'
	) {
		return bytes.toString('latin1');
	}
	return bytes.toString('utf8');
}

function decodeHeaders(headers: Record<string, string>): Record<string, string> {
	return Object.fromEntries(
		Object.entries(headers).map(([name, value]) => [name, decodeHeaderValue(value)]),
	);
}

/** Header values arrive as raw bytes (maybe UTF-8) and may hold RFC 2047 encoded words. */
export function decodeHeaderValue(binary: string): string {
	const text = Buffer.from(binary, 'latin1').toString('utf8');
	// White space between two adjacent encoded words is not part of the text (RFC 2047 §6.2).
	return text
		.replace(/(\?=)\s+(=\?)/g, '$1$2')
		.replace(
			/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
			(_whole, charset: string, encoding: string, data: string) => {
				const bytes =
					encoding.toUpperCase() === 'B'
						? Buffer.from(data, 'base64')
						: decodeQuotedPrintable(data.replace(/_/g, ' '));
				return toText(bytes, charset);
			},
		);
}

function escapeRegExp(value: string): string {
	return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
