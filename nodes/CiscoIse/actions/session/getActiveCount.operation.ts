import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { IseClient } from '../../transport/IseClient';
import { iseOperationError } from '../../transport/iseErrors';
import { childText, toNumber } from '../../xml/tree';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['getActiveCount'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: IseClient,
): Promise<IDataObject> {
	const { root } = await client.getXml('/Session/ActiveCount', { itemIndex });
	const count = toNumber(childText(root, 'count'));
	if (count === undefined) {
		throw iseOperationError(
			this.getNode(),
			'ISE answered the active session count without a <count>',
			'Check that the credential Host is the ISE MnT node.',
			itemIndex,
		);
	}
	return { activeSessions: count };
}
