/** Helpers that turn the reader's element tree into plain values for n8n items. */
import type { XmlElement } from './reader';

/** `xsi:type="xs:boolean"` marks booleans in MnT answers; the prefix may vary. */
function isBooleanTyped(element: XmlElement): boolean {
	return Object.entries(element.attributes).some(
		([name, value]) => (name === 'type' || name.endsWith(':type')) && /(^|:)boolean$/.test(value),
	);
}

/** The name without its namespace prefix, so `ns2:sessionParameters` matches `sessionParameters`. */
export function localName(name: string): string {
	const colon = name.indexOf(':');
	return colon === -1 ? name : name.slice(colon + 1);
}

function matches(element: XmlElement, name: string): boolean {
	return element.name === name || localName(element.name) === name;
}

/** Every direct child with this name, as an array even when there is one or none. */
export function childElements(element: XmlElement | undefined, name: string): XmlElement[] {
	return element ? element.children.filter((child) => matches(child, name)) : [];
}

export function firstChild(element: XmlElement | undefined, name: string): XmlElement | undefined {
	return element?.children.find((child) => matches(child, name));
}

/** Follows a path of child names, taking the first match at each step. */
export function findPath(
	element: XmlElement | undefined,
	...names: string[]
): XmlElement | undefined {
	return names.reduce<XmlElement | undefined>(
		(current, name) => firstChild(current, name),
		element,
	);
}

/** Trimmed text of an element ('' for an empty one). */
export function textOf(element: XmlElement | undefined): string {
	return element ? element.text.trim() : '';
}

/** Trimmed text of the first child with this name, or undefined when there is no such child. */
export function childText(element: XmlElement | undefined, name: string): string | undefined {
	const child = firstChild(element, name);
	return child ? textOf(child) : undefined;
}

/** Reads xs:boolean text: true/false/1/0; anything else is undefined. */
export function toBoolean(text: string | undefined): boolean | undefined {
	const value = text?.trim().toLowerCase();
	if (value === 'true' || value === '1') return true;
	if (value === 'false' || value === '0') return false;
	return undefined;
}

/** A finite number from leaf text, or undefined. */
export function toNumber(text: string | undefined): number | undefined {
	if (text === undefined || text.trim() === '') return undefined;
	const value = Number(text.trim());
	return Number.isFinite(value) ? value : undefined;
}

export type LeafValue = string | boolean | Array<string | boolean>;

/**
 * The leaf children of an element as `{name: text}`; xs:boolean leaves become booleans and
 * repeated leaves become arrays. Children that have children of their own are skipped.
 */
export function leafValues(element: XmlElement | undefined): Record<string, LeafValue> {
	const values: Record<string, LeafValue> = {};
	for (const child of element?.children ?? []) {
		if (child.children.length > 0) continue;
		const text = textOf(child);
		const value = isBooleanTyped(child) ? (toBoolean(text) ?? text) : text;
		const key = localName(child.name);
		if (key === '__proto__') continue;
		const existing = values[key];
		if (existing === undefined) values[key] = value;
		else values[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return values;
}

export type PlainValue = string | boolean | PlainObject | PlainValue[];
export interface PlainObject {
	[key: string]: PlainValue;
}

/**
 * The whole element as plain data: attributes as `@name`, leaves as text (booleans when typed),
 * repeated children as arrays. Used for the raw output of an ISE record.
 */
export function toPlainValue(element: XmlElement): PlainValue {
	const attributeEntries = Object.entries(element.attributes).filter(
		([name]) => !name.startsWith('xmlns') && !name.endsWith(':type'),
	);
	if (element.children.length === 0 && attributeEntries.length === 0) {
		const text = textOf(element);
		return isBooleanTyped(element) ? (toBoolean(text) ?? text) : text;
	}
	const result: PlainObject = {};
	for (const [name, value] of attributeEntries) result[`@${name}`] = value;
	const groups = new Map<string, PlainValue[]>();
	for (const child of element.children) {
		const key = localName(child.name);
		if (key === '__proto__') continue;
		const group = groups.get(key) ?? [];
		group.push(toPlainValue(child));
		groups.set(key, group);
	}
	for (const [key, group] of groups) result[key] = group.length === 1 ? group[0] : group;
	const text = textOf(element);
	if (text !== '' && element.children.length === 0) result['#text'] = text;
	return result;
}
