import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Device Type including All, for the stats and events endpoints (device search has no "all"). */
export const deviceTypeWithAllProperty: INodeProperties = {
	displayName: 'Device Type',
	name: 'deviceType',
	type: 'options',
	options: [
		{ name: 'Access Point', value: 'ap' },
		{ name: 'All', value: 'all' },
		{ name: 'Gateway', value: 'gateway' },
		{ name: 'Switch', value: 'switch' },
	],
	default: 'all',
};

export function readDeviceType(
	ctx: IExecuteFunctions,
	itemIndex: number,
	allowed: string[],
): string {
	const type = String(ctx.getNodeParameter('deviceType', itemIndex, allowed[0]));
	if (allowed.includes(type)) return type;
	throw new NodeOperationError(
		ctx.getNode(),
		`Invalid Device Type: "${type.slice(0, 40)}" is not one of ${allowed.join(', ')}`,
		{
			itemIndex,
		},
	);
}
