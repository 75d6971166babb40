import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deviceField, fieldReader, siteFields } from './fields';
import { deviceUtility } from './plans';
import type { ActionOption, ActionParameters, ActionPlan, NodeParameters } from './types';

export const option: ActionOption<'cableTest'> = {
	name: 'Cable Test',
	value: 'cableTest',
	action: 'Run a cable test',
	description: 'TDR cable test on one switch port',
};

const properties: INodeProperties[] = [
	...siteFields,
	deviceField,
	{
		displayName: 'Port',
		name: 'port',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'ge-0/0/1',
		description: 'The switch interface to test',
	},
];

export const description = updateDisplayOptions({ show: { operation: ['cableTest'] } }, properties);

export function readParameters(
	ctx: IExecuteFunctions,
	itemIndex: number,
): NodeParameters<'cableTest'> {
	const field = fieldReader(ctx, itemIndex);
	return { site_id: field('site'), device_id: field('device'), port: field('port') };
}

/** `POST /sites/{site}/devices/{switch}/cable_test {port}`; Mist answers with a session. */
export function plan(params: ActionParameters<'cableTest'>): ActionPlan {
	const port = params.port('port');
	// A TDR test interrupts the link on that port for a moment, so it is treated as a change.
	return deviceUtility(
		'cableTest',
		'cable_test',
		params,
		{ port },
		{
			disruptive: true,
			target: port,
			summary: `Cable test (TDR) on port ${port} of switch {device}`,
		},
	);
}
