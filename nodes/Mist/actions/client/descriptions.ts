import type { INodeProperties } from 'n8n-workflow';

export const clientMacProperty: INodeProperties = {
	displayName: 'Client MAC',
	name: 'clientMac',
	type: 'string',
	default: '',
	required: true,
	placeholder: '5c:5b:35:0e:00:01',
	description: 'MAC address of the wireless client, with or without separators',
};

/** Client event types from Mist's own catalogue (GET /const/client_events). */
export const clientEventTypesProperty: INodeProperties = {
	displayName: 'Event Type Names or IDs',
	name: 'eventTypes',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getClientEventTypes' },
	default: [],
	description:
		'Only these event types; none means all. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
