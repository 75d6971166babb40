import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { clientAssociated } from './checks';
import { clientMacField, fieldReader, siteFields } from './fields';
import { planBase } from './plans';
import type { ActionOption, ActionParameters, ActionPlan, NodeParameters } from './types';

export const option: ActionOption<'reauthenticateClient'> = {
	name: 'Re-Authenticate Client',
	value: 'reauthenticateClient',
	action: 'Reauthenticate a client',
	description: 'Send an 802.1X CoA so that the client authenticates again',
};

const properties: INodeProperties[] = [...siteFields, clientMacField];

export const description = updateDisplayOptions(
	{ show: { operation: ['reauthenticateClient'] } },
	properties,
);

export function readParameters(
	ctx: IExecuteFunctions,
	itemIndex: number,
): NodeParameters<'reauthenticateClient'> {
	const field = fieldReader(ctx, itemIndex);
	return { site_id: field('site'), client_mac: field('clientMac') };
}

/** `POST /sites/{site}/clients/{mac}/coa`, or the org variant when a finding knows only the org. */
export function plan(params: ActionParameters<'reauthenticateClient'>): ActionPlan {
	const mac = params.mac('client_mac');
	const bySite = params.has('site_id') || !params.has('org_id');
	const siteId = bySite ? params.uuid('site_id') : undefined;
	const orgId = bySite ? undefined : params.uuid('org_id');
	return {
		...planBase('reauthenticateClient', siteId ?? ''),
		siteId,
		orgId,
		summary: `Send an 802.1X CoA to client ${mac} so that it re-authenticates`,
		method: 'POST',
		path: siteId ? `/sites/${siteId}/clients/${mac}/coa` : `/orgs/${orgId}/clients/${mac}/coa`,
		clientMacs: [mac],
		targets: [`reauthenticateClient:client:${mac}`],
	};
}

export const verification = clientAssociated;
