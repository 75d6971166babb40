import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bandsPhrase } from '../../shared/findings/bands';
import { bandsField, fieldReader, siteFields } from './fields';
import { planBase } from './plans';
import type { ActionOption, ActionParameters, ActionPlan, NodeParameters } from './types';

export const option: ActionOption<'resetRadios'> = {
	name: 'Reset Radios to RRM',
	value: 'resetRadios',
	action: 'Reset radios to RRM',
	description: "Hand every AP's radio settings of the site back to RRM",
};

const properties: INodeProperties[] = [
	...siteFields,
	bandsField,
	{
		displayName: 'Force',
		name: 'force',
		type: 'boolean',
		default: false,
		description: 'Whether to also reset APs whose radio settings were set by hand on the device',
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['resetRadios'] } },
	properties,
);

export function readParameters(
	ctx: IExecuteFunctions,
	itemIndex: number,
): NodeParameters<'resetRadios'> {
	const field = fieldReader(ctx, itemIndex);
	return {
		site_id: field('site'),
		bands: field('bands', ['24', '5']),
		force: field('force', false),
	};
}

/** `POST /sites/{site}/devices/reset_radio_config {bands, force}`; a finding without bands means all three. */
export function plan(params: ActionParameters<'resetRadios'>): ActionPlan {
	const siteId = params.uuid('site_id');
	const bands = params.bands('bands', ['24', '5', '6']);
	const force = params.boolean('force', false);
	return {
		...planBase('resetRadios', siteId),
		summary: `Hand the radio settings of the site's APs back to RRM on ${bandsPhrase(bands)}${force ? ' (forced)' : ''}`,
		method: 'POST',
		path: `/sites/${siteId}/devices/reset_radio_config`,
		body: { bands, force },
		targets: [`resetRadios:site:${siteId}`],
	};
}
