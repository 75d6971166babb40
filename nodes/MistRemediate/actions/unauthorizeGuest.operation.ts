import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { clientMacField, clientMacParameters, fieldReader, siteFields } from './fields';
import { clientMacs, planBase } from './plans';
import type { ActionOption, ActionParameters, ActionPlan, NodeParameters } from './types';

export const option: ActionOption<'unauthorizeGuest'> = {
	name: 'Unauthorize Guest',
	value: 'unauthorizeGuest',
	action: 'Unauthorize guests',
	description: 'Make guests go through the splash page again',
};

const properties: INodeProperties[] = [...siteFields, clientMacField];

export const description = updateDisplayOptions(
	{ show: { operation: ['unauthorizeGuest'] } },
	properties,
);

export function readParameters(
	ctx: IExecuteFunctions,
	itemIndex: number,
): NodeParameters<'unauthorizeGuest'> {
	const field = fieldReader(ctx, itemIndex);
	return { site_id: field('site'), ...clientMacParameters(field('clientMac')) };
}

/** `POST /sites/{site}/clients/{mac}/unauthorize`; several: `POST …/clients/unauthorize {macs}`. */
export function plan(params: ActionParameters<'unauthorizeGuest'>): ActionPlan {
	const siteId = params.uuid('site_id');
	const macs = clientMacs(params);
	const single = macs.length === 1;
	return {
		...planBase('unauthorizeGuest', siteId),
		summary: single
			? `Unauthorize guest ${macs[0]} (splash page again)`
			: `Unauthorize ${macs.length} guests (splash page again)`,
		method: 'POST',
		path: single
			? `/sites/${siteId}/clients/${macs[0]}/unauthorize`
			: `/sites/${siteId}/clients/unauthorize`,
		...(single ? {} : { body: { macs } }),
		clientMacs: macs,
		targets: macs.map((mac) => `unauthorizeGuest:client:${mac}`),
	};
}
