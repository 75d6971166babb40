import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bandsPhrase } from '../../shared/findings/bands';
import { bandsField, fieldReader, siteFields } from './fields';
import { planBase } from './plans';
import type { ActionOption, ActionParameters, ActionPlan, NodeParameters } from './types';

export const option: ActionOption<'rrmOptimize'> = {
	name: 'Optimize RF (RRM)',
	value: 'rrmOptimize',
	action: 'Run RRM optimization',
	description: 'Ask RRM for a new plan; TX power only by default, so clients stay connected',
};

const properties: INodeProperties[] = [
	...siteFields,
	bandsField,
	{
		displayName: 'TX Power Only',
		name: 'txPowerOnly',
		type: 'boolean',
		default: true,
		description:
			'Whether RRM may only change TX power. Turning this off lets RRM change channels, which disconnects the clients of every radio that moves.',
	},
	{
		displayName: 'AP MACs',
		name: 'apMacs',
		type: 'string',
		default: '',
		description:
			'Limit the optimization to these APs (comma-separated MACs); empty means every AP of the site',
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['rrmOptimize'] } },
	properties,
);

export function readParameters(
	ctx: IExecuteFunctions,
	itemIndex: number,
): NodeParameters<'rrmOptimize'> {
	const field = fieldReader(ctx, itemIndex);
	return {
		site_id: field('site'),
		bands: field('bands', ['24', '5']),
		txpower_only: field('txPowerOnly', true),
		macs: field('apMacs'),
	};
}

/** `POST /sites/{site}/rrm/optimize {bands, macs?, txpower_only}`. */
export function plan(params: ActionParameters<'rrmOptimize'>): ActionPlan {
	const siteId = params.uuid('site_id');
	const bands = params.bands('bands', ['24', '5']);
	// Power-only by default: a channel change makes every client on the radio reconnect.
	const txpowerOnly = params.boolean('txpower_only', true);
	const macs = params.has('macs') ? params.macList('macs') : [];
	const what = txpowerOnly ? 'TX power' : 'channel and power';
	const aps = macs.length ? ` for ${macs.length} APs` : '';
	return {
		...planBase('rrmOptimize', siteId),
		summary: `Run RRM ${what} optimization on ${bandsPhrase(bands)}${aps}`,
		method: 'POST',
		path: `/sites/${siteId}/rrm/optimize`,
		body: { bands, ...(macs.length ? { macs } : {}), txpower_only: txpowerOnly },
		targets: [`rrmOptimize:site:${siteId}`],
	};
}
