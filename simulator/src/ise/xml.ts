/** Tiny XML writer for the ISE MnT answers: the MnT API speaks XML only, and the simulator needs no parser. */

export interface XmlNode {
	name: string;
	attributes?: Record<string, string>;
	children?: Array<XmlNode | undefined>;
	text?: string | number | boolean;
}

export function escapeXml(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** An element whose content is plain text (undefined text gives an empty element, as ISE does for unset fields). */
export function textElement(name: string, text: string | number | boolean | undefined): XmlNode {
	return text === undefined ? { name } : { name, text };
}

/** Elements for each `[name, value]` pair, in order: ISE field order is stable and tools sometimes rely on it. */
export function fields(pairs: Array<[string, string | number | boolean | undefined]>): XmlNode[] {
	return pairs.map(([name, value]) => textElement(name, value));
}

export function renderXml(node: XmlNode): string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${renderNode(node)}`;
}

function renderNode(node: XmlNode): string {
	const attributes = Object.entries(node.attributes ?? {})
		.map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
		.join('');
	const children = (node.children ?? []).filter((child): child is XmlNode => child !== undefined);
	if (children.length > 0) {
		return `<${node.name}${attributes}>${children.map(renderNode).join('')}</${node.name}>`;
	}
	if (node.text === undefined || node.text === '') return `<${node.name}${attributes}/>`;
	return `<${node.name}${attributes}>${escapeXml(String(node.text))}</${node.name}>`;
}
