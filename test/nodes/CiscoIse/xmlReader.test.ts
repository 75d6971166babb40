import { parseXml, XmlParseError } from '../../../nodes/CiscoIse/xml/reader';
import type { XmlElement } from '../../../nodes/CiscoIse/xml/reader';
import {
	childElements,
	childText,
	findPath,
	leafValues,
	toBoolean,
	toNumber,
	toPlainValue,
} from '../../../nodes/CiscoIse/xml/tree';

/** Compact view of a tree for table assertions: text trimmed, empty parts left out. */
function view(element: XmlElement): unknown {
	const out: Record<string, unknown> = { name: element.name };
	if (Object.keys(element.attributes).length > 0) out.attributes = element.attributes;
	if (element.text.trim() !== '') out.text = element.text.trim();
	if (element.children.length > 0) out.children = element.children.map(view);
	return out;
}

describe('Cisco ISE › XML reader', () => {
	describe('valid documents', () => {
		it.each<[string, string, unknown]>([
			['a single empty element', '<a/>', { name: 'a' }],
			['a self-closing element with a space', '<a />', { name: 'a' }],
			['text', '<a>hello</a>', { name: 'a', text: 'hello' }],
			[
				'the XML declaration and whitespace',
				'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n\n  <a>x</a>\n',
				{ name: 'a', text: 'x' },
			],
			['a byte order mark', '\ufeff<a>x</a>', { name: 'a', text: 'x' }],
			[
				'nested lists',
				'<l><i>1</i><i>2</i><j/></l>',
				{
					name: 'l',
					children: [{ name: 'i', text: '1' }, { name: 'i', text: '2' }, { name: 'j' }],
				},
			],
			[
				'attributes in both quote styles',
				`<a x="1" y='two' z = "3"/>`,
				{ name: 'a', attributes: { x: '1', y: 'two', z: '3' } },
			],
			[
				'entities in an attribute',
				'<a v="&lt;&amp;&gt;&quot;&apos;"/>',
				{ name: 'a', attributes: { v: `<&>"'` } },
			],
			[
				'predefined entities in text',
				'<a>&lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;</a>',
				{ name: 'a', text: `<b> & "c" 'd'` },
			],
			[
				'decimal and hex character references',
				'<a>&#65;&#x42;&#X43;&#233;&#x1F600;</a>',
				{ name: 'a', text: 'ABCé😀' },
			],
			[
				'CDATA kept verbatim',
				'<a><![CDATA[<b>&amp;</b>]]></a>',
				{ name: 'a', text: '<b>&amp;</b>' },
			],
			['text and CDATA concatenated', '<a>x<![CDATA[y]]>z</a>', { name: 'a', text: 'xyz' }],
			[
				'comments anywhere',
				'<!-- head --><a><!-- <b>not an element</b> -->t</a><!-- tail -->',
				{ name: 'a', text: 't' },
			],
			[
				'processing instructions',
				'<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><a/>',
				{ name: 'a' },
			],
			['a simple DOCTYPE', '<!DOCTYPE a><a/>', { name: 'a' }],
			[
				'namespaced names',
				'<ns2:a xmlns:ns2="urn:x"><ns2:b>1</ns2:b></ns2:a>',
				{
					name: 'ns2:a',
					attributes: { 'xmlns:ns2': 'urn:x' },
					children: [{ name: 'ns2:b', text: '1' }],
				},
			],
			[
				'names with dots, dashes and digits',
				'<mnt-rest-result><http-code>500</http-code><a.b1/></mnt-rest-result>',
				{
					name: 'mnt-rest-result',
					children: [{ name: 'http-code', text: '500' }, { name: 'a.b1' }],
				},
			],
			[
				'line breaks in attribute values read as spaces',
				'<a v="x\ny\tz"/>',
				{ name: 'a', attributes: { v: 'x y z' } },
			],
			['a closing tag with trailing whitespace', '<a>1</a >', { name: 'a', text: '1' }],
			['a > character in text', '<a>1 > 0</a>', { name: 'a', text: '1 > 0' }],
		])('reads %s', (_label, input, expected) => {
			expect(view(parseXml(input))).toEqual(expected);
		});

		it('keeps untrimmed text for callers that need it', () => {
			expect(parseXml('<a>  x  </a>').text).toBe('  x  ');
		});
	});

	describe('malformed documents', () => {
		it.each<[string, string, string]>([
			['an empty document', '   ', 'The XML document is empty'],
			['an unclosed tag', '<a><b></b>', 'Unclosed tag <a> at line 1, column 1'],
			[
				'an unclosed nested tag on line 2',
				'<a>\n  <b>\n</a>',
				'Mismatched closing tag </a>: expected </b> (opened at line 2, column 3) at line 3, column 1',
			],
			[
				'a mismatched close tag',
				'<a><b></c></a>',
				'Mismatched closing tag </c>: expected </b> (opened at line 1, column 4) at line 1, column 7',
			],
			[
				'a stray close tag',
				'<a/></b>',
				'Closing tag </b> without a matching start tag at line 1, column 5',
			],
			[
				'two root elements',
				'<a/><b/>',
				'Second root element <b>: a document has exactly one at line 1, column 5',
			],
			['text outside the root', '<a/>junk', 'Text outside the root element at line 1, column 5'],
			['text before the root', 'x<a/>', 'Text outside the root element at line 1, column 1'],
			[
				'no root element',
				'<?xml version="1.0"?><!-- only a comment -->',
				'The XML document has no root element',
			],
			['an unknown entity', '<a>&nbsp;</a>', 'Unknown entity &nbsp; at line 1, column 4'],
			['a bare ampersand', '<a>fish & chips</a>', 'Bare "&" (write &amp;) at line 1, column 9'],
			[
				'an ampersand without semicolon at the end',
				'<a>x&amp</a>',
				'Bare "&" (write &amp;) at line 1, column 5',
			],
			[
				'an invalid character reference',
				'<a>&#0;</a>',
				'Invalid character reference &#0; at line 1, column 4',
			],
			[
				'a non-numeric character reference',
				'<a>&#x12G;</a>',
				'Invalid character reference &#x12G; at line 1, column 4',
			],
			[
				'a surrogate character reference',
				'<a>&#xD800;</a>',
				'Invalid character reference &#xD800; at line 1, column 4',
			],
			[
				'an unquoted attribute',
				'<a x=1/>',
				'Value of attribute "x" must be quoted at line 1, column 6',
			],
			[
				'an attribute without value',
				'<a x/>',
				'Attribute "x" of <a> has no value at line 1, column 4',
			],
			[
				'a duplicate attribute',
				'<a x="1" x="2"/>',
				'Duplicate attribute "x" in <a> at line 1, column 10',
			],
			[
				'attributes without a space',
				'<a x="1"y="2"/>',
				'Expected a space, ">" or "/>" in the start tag <a> at line 1, column 9',
			],
			[
				'"<" in an attribute value',
				'<a x="<"/>',
				'"<" is not allowed in the value of attribute "x" at line 1, column 7',
			],
			[
				'an unterminated attribute value',
				'<a x="1/>',
				'Unterminated value of attribute "x" at line 1, column 6',
			],
			['an unclosed start tag', '<a x="1"', 'Unclosed start tag <a at line 1, column 1'],
			['an unterminated comment', '<a><!-- oops</a>', 'Unterminated comment at line 1, column 4'],
			[
				'an unterminated CDATA section',
				'<a><![CDATA[x</a>',
				'Unterminated CDATA section at line 1, column 4',
			],
			[
				'an unterminated declaration',
				'<?xml version="1.0"',
				'Unterminated processing instruction or XML declaration at line 1, column 1',
			],
			[
				'a tag without a name',
				'<a>< b/></a>',
				'Expected an element name, found " " at line 1, column 5',
			],
			[
				'a document cut off inside a tag name',
				'<a><',
				'Expected an element name before the end of the document at line 1, column 5',
			],
			[
				'a DOCTYPE with an internal subset',
				'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
				'DOCTYPE with an internal subset is not supported at line 1, column 1',
			],
			[
				'a __proto__ attribute',
				'<a __proto__="x"/>',
				'Attribute name "__proto__" is not allowed at line 1, column 4',
			],
		])('rejects %s', (_label, input, message) => {
			let caught: unknown;
			try {
				parseXml(input);
			} catch (error) {
				caught = error;
			}
			expect(caught).toBeInstanceOf(XmlParseError);
			expect((caught as Error).message).toBe(message);
		});

		it('reports line and column as numbers', () => {
			try {
				parseXml('<a>\n<b></c>\n</a>');
				throw new Error('expected a parse error');
			} catch (error) {
				expect(error).toMatchObject({ line: 2, column: 4, offset: 7 });
			}
		});
	});

	describe('guards', () => {
		it('refuses a document above the size limit before reading it', () => {
			expect(() => parseXml(`<a>${'x'.repeat(100)}</a>`, { maxLength: 50 })).toThrow(
				'XML document too large (107 characters; the limit is 50)',
			);
		});

		it('refuses nesting deeper than the limit', () => {
			const deep = `${'<a>'.repeat(10)}${'</a>'.repeat(10)}`;
			expect(() => parseXml(deep, { maxDepth: 9 })).toThrow(
				'Elements nested deeper than 9 levels at line 1, column 28',
			);
			expect(() => parseXml(deep, { maxDepth: 10 })).not.toThrow();
		});

		it('applies the default depth limit of 64', () => {
			const deep = `${'<a>'.repeat(65)}${'</a>'.repeat(65)}`;
			expect(() => parseXml(deep)).toThrow(/nested deeper than 64 levels/);
		});

		it('reads a large flat document in linear time', () => {
			const count = 20000;
			const body = Array.from(
				{ length: count },
				(_, index) => `<r id="${index}"><c>${index} &amp; text</c></r>`,
			).join('');
			const started = Date.now();
			const root = parseXml(`<list>${body}</list>`);
			expect(root.children).toHaveLength(count);
			expect(Date.now() - started).toBeLessThan(2000);
		});

		it('stays fast on pathological input (many ampersands and unterminated markup)', () => {
			const started = Date.now();
			expect(() => parseXml(`<a>${'&amp;'.repeat(100000)}`)).toThrow('Unclosed tag <a>');
			expect(() => parseXml(`<a>${'<!--'.repeat(50000)}`)).toThrow('Unterminated comment');
			expect(Date.now() - started).toBeLessThan(3000);
		});
	});

	describe('tree helpers', () => {
		const root = parseXml(`<authStatusOutputList><authStatusList key="AA:BB">
			<authStatusElements><passed xsi:type="xs:boolean" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">true</passed><user_name> u1 </user_name><n>7</n></authStatusElements>
			<authStatusElements><passed xsi:type="xs:boolean">false</passed><user_name>u2</user_name><tag>a</tag><tag>b</tag><empty/></authStatusElements>
		</authStatusList></authStatusOutputList>`);

		it('turns repeated elements into arrays, one or none included', () => {
			const list = findPath(root, 'authStatusList');
			expect(childElements(list, 'authStatusElements')).toHaveLength(2);
			expect(childElements(list, 'missing')).toEqual([]);
			expect(childElements(undefined, 'x')).toEqual([]);
		});

		it('reads leaf text trimmed and xs:boolean leaves as booleans', () => {
			const [first, second] = childElements(findPath(root, 'authStatusList'), 'authStatusElements');
			expect(leafValues(first)).toEqual({ passed: true, user_name: 'u1', n: '7' });
			expect(leafValues(second)).toEqual({
				passed: false,
				user_name: 'u2',
				tag: ['a', 'b'],
				empty: '',
			});
			expect(childText(first, 'user_name')).toBe('u1');
			expect(childText(first, 'absent')).toBeUndefined();
		});

		it('matches names without their namespace prefix', () => {
			const doc = parseXml(
				'<ns2:sessionParameters xmlns:ns2="urn:x"><ns2:user_name>u</ns2:user_name></ns2:sessionParameters>',
			);
			expect(childText(doc, 'user_name')).toBe('u');
			expect(leafValues(doc)).toEqual({ user_name: 'u' });
		});

		it.each<[string | undefined, boolean | undefined]>([
			['true', true],
			[' TRUE ', true],
			['1', true],
			['false', false],
			['0', false],
			['yes', undefined],
			[undefined, undefined],
		])('toBoolean(%p) is %p', (input, expected) => {
			expect(toBoolean(input)).toBe(expected);
		});

		it.each<[string | undefined, number | undefined]>([
			['42', 42],
			[' 3.5 ', 3.5],
			['', undefined],
			['x', undefined],
			[undefined, undefined],
		])('toNumber(%p) is %p', (input, expected) => {
			expect(toNumber(input)).toBe(expected);
		});

		it('converts a whole element to plain data', () => {
			expect(toPlainValue(findPath(root, 'authStatusList') as XmlElement)).toEqual({
				'@key': 'AA:BB',
				authStatusElements: [
					{ passed: true, user_name: 'u1', n: '7' },
					{ passed: false, user_name: 'u2', tag: ['a', 'b'], empty: '' },
				],
			});
		});
	});
});
