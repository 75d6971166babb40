import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deviceField, fieldReader, siteFields } from './fields';
import { deviceUtility } from './plans';
import type { ActionOption, ActionParameters, ActionPlan, NodeParameters } from './types';

export const option: ActionOption<'bouncePort'> = {
	name: 'Bounce Switch Port',
	value: 'bouncePort',
	action: 'Bounce switch ports',
	description: 'Turn switch ports off and on again (PoE APs reboot)',
};

const properties: INodeProperties[] = [
	...siteFields,
	deviceField,
	{
		displayName: 'Ports',
		name: 'ports',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'ge-0/0/1, ge-0/0/2',
		description: 'Switch interfaces to bounce, comma-separated (vme, ae and irb are refused)',
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['bouncePort'] } },
	properties,
);

/** Mist refuses to bounce these interface families. */
const UNBOUNCEABLE = /^(vme|ae|irb)/;

export function readParameters(
	ctx: IExecuteFunctions,
	itemIndex: number,
): NodeParameters<'bouncePort'> {
	const field = fieldReader(ctx, itemIndex);
	return { site_id: field('site'), device_id: field('device'), ports: field('ports') };
}

/** `POST /sites/{site}/devices/{switch}/bounce_port {ports}`. */
export function plan(params: ActionParameters<'bouncePort'>): ActionPlan {
	const ports = [...new Set(params.portList('ports'))];
	const refused = ports.find((port) => UNBOUNCEABLE.test(port));
	if (refused) {
		params.fail(
			'ports',
			`"${refused}" cannot be bounced (vme, ae and irb interfaces are refused by Mist)`,
		);
	}
	const planned = deviceUtility(
		'bouncePort',
		'bounce_port',
		params,
		{ ports },
		{
			disruptive: true,
			result: 'ok',
			summary: `Bounce ports ${ports.join(', ')} of switch {device}`,
		},
	);
	return {
		...planned,
		targets: ports.map((port) => `bouncePort:device:${planned.deviceIds[0]}:${port}`),
	};
}
