import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { IseClient } from '../../transport/IseClient';
import { requireIpAddress } from '../../utils/validate';
import { macProperty, readMac } from '../common';
import {
	coaOutcome,
	psnProperty,
	readCoaResult,
	requireCoaType,
	resolvePsn,
	SessionLookup,
} from './coaCommon';

/** ISE's disconnect types: 0 default, 1 port bounce, 2 port shutdown. */
export const DISCONNECT_TYPES: Record<string, number> = {
	default: 0,
	portBounce: 1,
	portShutdown: 2,
};

const properties: INodeProperties[] = [
	macProperty,
	{
		displayName: 'Disconnect Type',
		name: 'disconnectType',
		type: 'options',
		options: [
			{
				name: 'Default',
				value: 'default',
				description: 'Disconnect the session; the device may reconnect at once',
			},
			{
				name: 'Port Bounce',
				value: 'portBounce',
				description: 'Bounce the switch port (wired endpoints)',
			},
			{
				name: 'Port Shutdown',
				value: 'portShutdown',
				description: 'Shut the switch port down; it stays down until someone enables it',
			},
		],
		default: 'default',
	},
	psnProperty,
	{
		displayName: 'NAS IP Address',
		name: 'nasIpAddress',
		type: 'string',
		default: '',
		placeholder: '10.1.0.10',
		description:
			'IP address of the network device holding the session. Leave empty to take it from the active session.',
	},
	{
		displayName: 'Endpoint IP Address',
		name: 'endpointIpAddress',
		type: 'string',
		default: '',
		placeholder: '10.1.20.5',
		description: 'IP address of the endpoint. Leave empty to take it from the active session.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['coa'], operation: ['disconnect'] } },
	properties,
);

function optionalIp(
	this: IExecuteFunctions,
	name: string,
	field: string,
	itemIndex: number,
): string {
	const value = String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	return value === '' ? '' : requireIpAddress(this.getNode(), value, field, itemIndex);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: IseClient,
): Promise<IDataObject> {
	const node = this.getNode();
	const mac = readMac.call(this, itemIndex);
	const disconnectType = this.getNodeParameter('disconnectType', itemIndex, 'default') as string;
	const typeNumber = requireCoaType(
		this,
		disconnectType,
		DISCONNECT_TYPES,
		'Disconnect Type',
		itemIndex,
	);
	const givenNas = optionalIp.call(this, 'nasIpAddress', 'NAS IP Address', itemIndex);
	const givenEndpoint = optionalIp.call(
		this,
		'endpointIpAddress',
		'Endpoint IP Address',
		itemIndex,
	);
	const lookup = new SessionLookup(this, client, mac, itemIndex);
	const { psn, psnSource } = await resolvePsn.call(this, lookup, itemIndex);
	const nas = await lookup.resolve(givenNas, 'nasIpAddress', 'NAS IP Address');
	const endpoint = await lookup.resolve(givenEndpoint, 'endpointIpAddress', 'Endpoint IP Address');
	const nasIpAddress = requireIpAddress(node, nas.value, 'NAS IP Address', itemIndex);
	const endpointIpAddress = requireIpAddress(
		node,
		endpoint.value,
		'Endpoint IP Address',
		itemIndex,
	);
	// Every segment was validated (host name, MAC, IP), so none needs escaping; ISE wants literal colons.
	const path = ['/CoA/Disconnect', psn, mac, typeNumber, nasIpAddress, endpointIpAddress].join('/');
	const { root } = await client.getXml(path, { itemIndex, retry: false });
	const result = readCoaResult(this, root, itemIndex);
	return {
		mac,
		requestType: 'disconnect',
		disconnectType,
		psn,
		psnSource,
		nasIpAddress,
		endpointIpAddress,
		...coaOutcome(result, 'disconnect'),
	};
}
