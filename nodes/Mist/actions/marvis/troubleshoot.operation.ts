import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orgLocator, siteLocator } from '../../../shared/descriptions/locators';
import type { MistClient } from '../../../shared/transport/MistClient';
import { requireMac } from '../../../shared/params/identifiers';
import { resolveOrgId, resolveSiteId } from '../../../shared/params/scope';
import { requireOneOf } from '../../../shared/params/readers';
import { clientMacProperty } from '../client/descriptions';
import { explainMarvisRefusal } from './license';
import { troubleshootWindow } from './window';

const TARGETS = ['client', 'device', 'site'] as const;
const NETWORK_TYPES = ['wan', 'wired', 'wireless'] as const;

const properties: INodeProperties[] = [
	orgLocator,
	{
		displayName: 'Target',
		name: 'troubleshootTarget',
		type: 'options',
		options: [
			{ name: 'Client', value: 'client', description: 'A wireless or wired client, by MAC' },
			{ name: 'Device', value: 'device', description: 'An AP, switch or gateway, by MAC' },
			{ name: 'Site', value: 'site', description: 'A whole site, for one network type' },
		],
		default: 'client',
		description: 'What Marvis should troubleshoot',
	},
	{
		...clientMacProperty,
		description: 'MAC address of the client (wireless or wired), with or without separators',
		displayOptions: { show: { troubleshootTarget: ['client'] } },
	},
	{
		displayName: 'Device MAC',
		name: 'deviceMac',
		type: 'string',
		default: '',
		required: true,
		placeholder: '5c5b350e0060',
		description: 'MAC address of the AP, switch or gateway, with or without separators',
		displayOptions: { show: { troubleshootTarget: ['device'] } },
	},
	{ ...siteLocator, displayOptions: { show: { troubleshootTarget: ['site'] } } },
	{
		displayName: 'Network Type',
		name: 'networkType',
		type: 'options',
		options: [
			{ name: 'WAN', value: 'wan' },
			{ name: 'Wired', value: 'wired' },
			{ name: 'Wireless', value: 'wireless' },
		],
		default: 'wireless',
		description: 'Which network of the site to troubleshoot',
		displayOptions: { show: { troubleshootTarget: ['site'] } },
	},
	{
		displayName: 'Start',
		name: 'troubleshootStart',
		type: 'dateTime',
		default: '',
		description: 'Start of the period to analyse; at most 7 days ago. Empty lets Mist choose.',
	},
	{
		displayName: 'End',
		name: 'troubleshootEnd',
		type: 'dateTime',
		default: '',
		description: 'End of the period to analyse. Empty lets Mist choose (now).',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['marvis'], operation: ['troubleshoot'] } },
	properties,
);

/** One item: the target, the period Mist analysed and Marvis' findings (category, reason, recommendation, text). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject> {
	const orgId = await resolveOrgId(this, client, itemIndex);
	const target = requireOneOf(
		this,
		this.getNodeParameter('troubleshootTarget', itemIndex, 'client'),
		TARGETS,
		'Target',
		itemIndex,
	);
	const targetQuery: IDataObject = {};
	if (target === 'client')
		targetQuery.mac = requireMac(
			this.getNode(),
			this.getNodeParameter('clientMac', itemIndex, ''),
			'Client MAC',
			itemIndex,
		);
	if (target === 'device')
		targetQuery.mac = requireMac(
			this.getNode(),
			this.getNodeParameter('deviceMac', itemIndex, ''),
			'Device MAC',
			itemIndex,
		);
	if (target === 'site') {
		targetQuery.site_id = resolveSiteId(this, itemIndex);
		targetQuery.type = requireOneOf(
			this,
			this.getNodeParameter('networkType', itemIndex, 'wireless'),
			NETWORK_TYPES,
			'Network Type',
			itemIndex,
		);
	}
	const qs = { ...targetQuery, ...troubleshootWindow(this, itemIndex) };
	let body: IDataObject;
	try {
		body = await client.request<IDataObject>({
			path: `/orgs/${orgId}/troubleshoot`,
			qs,
			itemIndex,
		});
	} catch (error) {
		throw explainMarvisRefusal(this.getNode(), error, itemIndex);
	}
	const results = Array.isArray(body?.results) ? (body.results as IDataObject[]) : [];
	return {
		target,
		...targetQuery,
		start: body?.start ?? null,
		end: body?.end ?? null,
		findings: results.length,
		results,
	};
}
