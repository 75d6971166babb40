/**
 * A small XML reader for Cisco ISE MnT answers. It scans the text once, left to right (no
 * backtracking regular expressions), so its cost grows linearly with the document. It supports
 * what MnT documents use: the declaration, elements, attributes, text, CDATA, comments and the
 * predefined and numeric entities. Custom entities and DTD internal subsets are refused, which
 * also rules out entity-expansion attacks.
 */

export interface XmlElement {
	name: string;
	attributes: Record<string, string>;
	children: XmlElement[];
	/** Concatenated character data directly inside this element (CDATA included), untrimmed. */
	text: string;
}

export interface XmlReadOptions {
	/** Largest document accepted, in characters. */
	maxLength?: number;
	/** Deepest element nesting accepted. */
	maxDepth?: number;
}

/** 5 million characters: far above any MnT answer (a full failure-reason catalogue is ~1 MB). */
export const DEFAULT_MAX_XML_LENGTH = 5_000_000;
export const DEFAULT_MAX_XML_DEPTH = 64;

/** A malformed or refused document; `line` and `column` are 1-based (0 when the whole document is at fault). */
export class XmlParseError extends Error {
	constructor(
		readonly reason: string,
		readonly offset: number,
		readonly line: number,
		readonly column: number,
	) {
		super(line > 0 ? `${reason} at line ${line}, column ${column}` : reason);
		this.name = 'XmlParseError';
	}
}

const PREDEFINED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
};

function isWhitespace(char: string): boolean {
	return char === ' ' || char === '\n' || char === '\t' || char === '\r';
}

function isNameStart(char: string): boolean {
	return (
		(char >= 'a' && char <= 'z') ||
		(char >= 'A' && char <= 'Z') ||
		char === '_' ||
		char === ':' ||
		char > '\u007f'
	);
}

function isNameChar(char: string): boolean {
	return isNameStart(char) || (char >= '0' && char <= '9') || char === '-' || char === '.';
}

interface OpenElement {
	element: XmlElement;
	offset: number;
}

class Reader {
	private pos = 0;

	private readonly stack: OpenElement[] = [];

	private root: XmlElement | undefined;

	constructor(
		private readonly input: string,
		private readonly maxDepth: number,
	) {}

	read(): XmlElement {
		if (this.input.charCodeAt(0) === 0xfeff) this.pos = 1;
		while (this.pos < this.input.length) {
			if (this.input[this.pos] === '<') this.readMarkup();
			else this.readText();
		}
		const open = this.stack[this.stack.length - 1];
		if (open) this.fail(`Unclosed tag <${open.element.name}>`, open.offset);
		if (!this.root)
			throw new XmlParseError('The XML document has no root element', this.input.length, 0, 0);
		return this.root as XmlElement;
	}

	private readMarkup() {
		const input = this.input;
		const start = this.pos;
		if (input.startsWith('<?', start)) {
			this.pos = this.indexAfter(
				'?>',
				start + 2,
				'Unterminated processing instruction or XML declaration',
				start,
			);
		} else if (input.startsWith('<!--', start)) {
			this.pos = this.indexAfter('-->', start + 4, 'Unterminated comment', start);
		} else if (input.startsWith('<![CDATA[', start)) {
			if (this.stack.length === 0) this.fail('CDATA section outside the root element', start);
			const end = this.indexAfter(']]>', start + 9, 'Unterminated CDATA section', start);
			this.current().text += input.slice(start + 9, end - 3);
			this.pos = end;
		} else if (input.startsWith('<!DOCTYPE', start)) {
			this.skipDoctype(start);
		} else if (input.startsWith('</', start)) {
			this.readCloseTag(start);
		} else {
			this.readOpenTag(start);
		}
	}

	private skipDoctype(start: number) {
		if (this.root || this.stack.length > 0)
			this.fail('DOCTYPE after the root element started', start);
		const end = this.input.indexOf('>', start);
		if (end === -1) this.fail('Unterminated DOCTYPE', start);
		// An internal subset could declare entities; refusing it keeps expansion attacks out.
		if (this.input.slice(start, end).includes('['))
			this.fail('DOCTYPE with an internal subset is not supported', start);
		this.pos = end + 1;
	}

	private readOpenTag(start: number) {
		this.pos = start + 1;
		const name = this.readName('element name');
		const attributes: Record<string, string> = {};
		for (;;) {
			const hadSpace = this.skipWhitespace();
			const char = this.input[this.pos];
			if (char === undefined) this.fail(`Unclosed start tag <${name}`, start);
			if (char === '>' || (char === '/' && this.input[this.pos + 1] === '>')) break;
			if (!hadSpace)
				this.fail(`Expected a space, ">" or "/>" in the start tag <${name}>`, this.pos);
			const attributeOffset = this.pos;
			const attributeName = this.readName('attribute name');
			this.skipWhitespace();
			if (this.input[this.pos] !== '=')
				this.fail(`Attribute "${attributeName}" of <${name}> has no value`, attributeOffset);
			this.pos++;
			this.skipWhitespace();
			// Would replace the prototype of the attribute map instead of adding a key.
			if (attributeName === '__proto__')
				this.fail('Attribute name "__proto__" is not allowed', attributeOffset);
			if (Object.prototype.hasOwnProperty.call(attributes, attributeName)) {
				this.fail(`Duplicate attribute "${attributeName}" in <${name}>`, attributeOffset);
			}
			attributes[attributeName] = this.readAttributeValue(attributeName);
		}
		const selfClosing = this.input[this.pos] === '/';
		this.pos += selfClosing ? 2 : 1;
		const element: XmlElement = { name, attributes, children: [], text: '' };
		if (this.stack.length === 0) {
			if (this.root) this.fail(`Second root element <${name}>: a document has exactly one`, start);
			this.root = element;
		} else {
			this.current().children.push(element);
		}
		if (selfClosing) return;
		if (this.stack.length >= this.maxDepth)
			this.fail(`Elements nested deeper than ${this.maxDepth} levels`, start);
		this.stack.push({ element, offset: start });
	}

	private readCloseTag(start: number) {
		this.pos = start + 2;
		const name = this.readName('closing tag name');
		this.skipWhitespace();
		if (this.input[this.pos] !== '>') this.fail(`Malformed closing tag </${name}`, start);
		this.pos++;
		const open = this.stack.pop();
		if (!open) this.fail(`Closing tag </${name}> without a matching start tag`, start);
		if (open && open.element.name !== name) {
			const opened = this.position(open.offset);
			this.fail(
				`Mismatched closing tag </${name}>: expected </${open.element.name}> (opened at line ${opened.line}, column ${opened.column})`,
				start,
			);
		}
	}

	private readAttributeValue(attributeName: string): string {
		const quote = this.input[this.pos];
		if (quote !== '"' && quote !== "'")
			this.fail(`Value of attribute "${attributeName}" must be quoted`, this.pos);
		const valueStart = this.pos + 1;
		const end = this.input.indexOf(quote, valueStart);
		if (end === -1) this.fail(`Unterminated value of attribute "${attributeName}"`, this.pos);
		const raw = this.input.slice(valueStart, end);
		const lessThan = raw.indexOf('<');
		if (lessThan !== -1)
			this.fail(
				`"<" is not allowed in the value of attribute "${attributeName}"`,
				valueStart + lessThan,
			);
		this.pos = end + 1;
		// Attribute-value normalisation: line breaks and tabs read as spaces.
		return this.decode(raw, valueStart).replace(/[\t\n\r]/g, ' ');
	}

	private readText() {
		const start = this.pos;
		let end = this.input.indexOf('<', start);
		if (end === -1) end = this.input.length;
		const raw = this.input.slice(start, end);
		this.pos = end;
		if (this.stack.length === 0) {
			for (let index = 0; index < raw.length; index++) {
				if (!isWhitespace(raw[index])) this.fail('Text outside the root element', start + index);
			}
			return;
		}
		this.current().text += this.decode(raw, start);
	}

	/** Replaces entity and character references; `offset` places errors in the document. */
	private decode(raw: string, offset: number): string {
		if (!raw.includes('&')) return raw;
		let out = '';
		let from = 0;
		for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', from)) {
			out += raw.slice(from, amp);
			const semicolon = raw.indexOf(';', amp);
			const entity = semicolon === -1 ? '' : raw.slice(amp + 1, semicolon);
			// Entity names are short and have no spaces: anything else is a bare "&".
			if (entity === '' || entity.length > 12 || /\s/.test(entity))
				this.fail('Bare "&" (write &amp;)', offset + amp);
			out += this.resolveEntity(entity, offset + amp);
			from = semicolon + 1;
		}
		return out + raw.slice(from);
	}

	private resolveEntity(entity: string, offset: number): string {
		if (Object.prototype.hasOwnProperty.call(PREDEFINED_ENTITIES, entity))
			return PREDEFINED_ENTITIES[entity];
		if (entity.startsWith('#')) {
			const hex = entity[1] === 'x' || entity[1] === 'X';
			const digits = entity.slice(hex ? 2 : 1);
			const valid =
				digits.length > 0 &&
				[...digits].every((char) => (hex ? /[0-9a-fA-F]/ : /[0-9]/).test(char));
			const codePoint = valid ? parseInt(digits, hex ? 16 : 10) : NaN;
			if (!isAllowedCodePoint(codePoint))
				this.fail(`Invalid character reference &${entity};`, offset);
			return String.fromCodePoint(codePoint);
		}
		return this.fail(`Unknown entity &${entity};`, offset);
	}

	private readName(what: string): string {
		const start = this.pos;
		if (!isNameStart(this.input[this.pos] ?? '')) {
			const found = this.input[this.pos];
			this.fail(
				`Expected an ${what}${found === undefined ? ' before the end of the document' : `, found "${found}"`}`,
				start,
			);
		}
		this.pos++;
		while (this.pos < this.input.length && isNameChar(this.input[this.pos])) this.pos++;
		return this.input.slice(start, this.pos);
	}

	private skipWhitespace(): boolean {
		const start = this.pos;
		while (this.pos < this.input.length && isWhitespace(this.input[this.pos])) this.pos++;
		return this.pos > start;
	}

	private indexAfter(terminator: string, from: number, reason: string, start: number): number {
		const index = this.input.indexOf(terminator, from);
		if (index === -1) this.fail(reason, start);
		return index + terminator.length;
	}

	private current(): XmlElement {
		return this.stack[this.stack.length - 1].element;
	}

	private position(offset: number): { line: number; column: number } {
		let line = 1;
		let lineStart = 0;
		for (let index = 0; index < offset && index < this.input.length; index++) {
			if (this.input[index] === '\n') {
				line++;
				lineStart = index + 1;
			}
		}
		return { line, column: offset - lineStart + 1 };
	}

	private fail(reason: string, offset: number): never {
		const { line, column } = this.position(offset);
		throw new XmlParseError(reason, offset, line, column);
	}
}

function isAllowedCodePoint(codePoint: number): boolean {
	if (!Number.isInteger(codePoint)) return false;
	if (codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd) return true;
	if (codePoint < 0x20 || codePoint > 0x10ffff) return false;
	return (
		!(codePoint >= 0xd800 && codePoint <= 0xdfff) && codePoint !== 0xfffe && codePoint !== 0xffff
	);
}

/** Parses one XML document into its root element; throws XmlParseError naming the position. */
export function parseXml(input: string, options: XmlReadOptions = {}): XmlElement {
	const maxLength = options.maxLength ?? DEFAULT_MAX_XML_LENGTH;
	if (input.length > maxLength) {
		throw new XmlParseError(
			`XML document too large (${input.length} characters; the limit is ${maxLength})`,
			0,
			0,
			0,
		);
	}
	if (input.trim() === '') throw new XmlParseError('The XML document is empty', 0, 0, 0);
	return new Reader(input, options.maxDepth ?? DEFAULT_MAX_XML_DEPTH).read();
}
