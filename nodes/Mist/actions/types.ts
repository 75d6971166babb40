import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { MistClient } from '../../shared/transport/MistClient';

/** One operation of the Juniper Mist node: its parameters and what it does for one input item. */
export interface MistOperation {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		client: MistClient,
	): Promise<IDataObject | IDataObject[]>;
}

export interface MistResource {
	/** The Operation parameter of this resource, followed by every operation's parameters. */
	description: INodeProperties[];
	operations: Record<string, MistOperation>;
}
