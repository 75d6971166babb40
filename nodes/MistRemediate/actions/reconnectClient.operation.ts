import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { clientAssociated } from './checks';
import { clientMacField, clientMacParameters, fieldReader, siteFields } from './fields';
import { clientMacs, planBase } from './plans';
import type { ActionOption, ActionParameters, ActionPlan, NodeParameters } from './types';

export const option: ActionOption<'reconnectClient'> = {
	name: 'Reconnect Client',
	value: 'reconnectClient',
	action: 'Reconnect clients',
	description: 'Disconnect one or more clients so that they re-associate',
};

const properties: INodeProperties[] = [...siteFields, clientMacField];

export const description = updateDisplayOptions(
	{ show: { operation: ['reconnectClient'] } },
	properties,
);

export function readParameters(
	ctx: IExecuteFunctions,
	itemIndex: number,
): NodeParameters<'reconnectClient'> {
	const field = fieldReader(ctx, itemIndex);
	return { site_id: field('site'), ...clientMacParameters(field('clientMac')) };
}

/** `POST /sites/{site}/clients/{mac}/disconnect`; several: `POST …/clients/disconnect` with a bare MAC array. */
export function plan(params: ActionParameters<'reconnectClient'>): ActionPlan {
	const siteId = params.uuid('site_id');
	const macs = clientMacs(params);
	const single = macs.length === 1;
	return {
		...planBase('reconnectClient', siteId),
		summary: single
			? `Disconnect client ${macs[0]} so that it re-associates`
			: `Disconnect ${macs.length} clients so that they re-associate`,
		method: 'POST',
		path: single
			? `/sites/${siteId}/clients/${macs[0]}/disconnect`
			: `/sites/${siteId}/clients/disconnect`,
		// The bulk endpoint takes a bare JSON array of MACs.
		...(single ? {} : { body: macs }),
		clientMacs: macs,
		targets: macs.map((mac) => `reconnectClient:client:${mac}`),
	};
}

export const verification = clientAssociated;
