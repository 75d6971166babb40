import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { splitList } from '../../../shared/params/lists';
import { failureCodeInfo, parseFailureCode } from '../../failureCodes';
import type { IseClient } from '../../transport/IseClient';
import { iseOperationError } from '../../transport/iseErrors';
import type { XmlElement } from '../../xml/reader';
import { childElements, childText, localName } from '../../xml/tree';

const properties: INodeProperties[] = [
	{
		displayName: 'Codes',
		name: 'codes',
		type: 'string',
		default: '',
		placeholder: '22056, 24408, 12321',
		description:
			'Only return these failure codes (comma-separated). Leave empty for the whole catalogue.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['authentication'], operation: ['getFailureReasons'] } },
	properties,
);

function readCodes(this: IExecuteFunctions, itemIndex: number): Set<number> | undefined {
	const entries = splitList(this.getNodeParameter('codes', itemIndex, ''));
	if (entries.length === 0) return undefined;
	const invalid = entries.find((entry) => !/^\d{3,6}$/.test(entry));
	if (invalid !== undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid Codes: "${invalid.slice(0, 40)}" is not an ISE failure code`,
			{
				description: 'Enter numeric codes separated by commas, e.g. 22056, 24408.',
				itemIndex,
			},
		);
	}
	return new Set(entries.map(Number));
}

/** One catalogue entry; ISE puts "22056 Subject not found…" in <code> and the number in @id. */
function reasonItem(element: XmlElement): IDataObject {
	const codeText = childText(element, 'code') ?? '';
	const code = parseFailureCode(element.attributes.id ?? '') ?? parseFailureCode(codeText);
	const info = code === null ? undefined : failureCodeInfo(code);
	return {
		code,
		text: codeText.replace(/^\s*\d{3,6}\s*/, '') || null,
		cause: childText(element, 'cause') || null,
		resolution: childText(element, 'resolution') || null,
		category: info?.category ?? null,
		helpdeskFix: info?.fix ?? null,
	};
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: IseClient,
): Promise<IDataObject[]> {
	const wanted = readCodes.call(this, itemIndex);
	const { root } = await client.getXml('/FailureReasons', { itemIndex });
	if (!root || localName(root.name) !== 'failureReasonList') {
		throw iseOperationError(
			this.getNode(),
			`ISE answered the failure reason catalogue with ${root ? `<${root.name}>` : 'an empty body'} instead of <failureReasonList>`,
			'Check that the credential Host is the ISE MnT node.',
			itemIndex,
		);
	}
	const reasons = childElements(root, 'failureReason').map(reasonItem);
	if (!wanted) return reasons;
	const found = reasons.filter(
		(reason) => reason.code !== null && wanted.has(reason.code as number),
	);
	if (found.length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			`ISE's catalogue has none of the codes ${[...wanted].join(', ')}`,
			{
				description: `The catalogue lists ${reasons.length} codes. Check the numbers in Codes.`,
				itemIndex,
			},
		);
	}
	return found;
}
