import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { IseClient } from '../transport/IseClient';

/** One operation of the Cisco ISE node: its parameters and what it does for one input item. */
export interface IseOperation {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		client: IseClient,
	): Promise<IDataObject | IDataObject[]>;
}

export interface IseResource {
	/** The Operation parameter of this resource, followed by every operation's parameters. */
	description: INodeProperties[];
	operations: Record<string, IseOperation>;
}
