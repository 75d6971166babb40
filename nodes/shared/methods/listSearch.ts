import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { MistClient } from '../transport/MistClient';
import { requireUuid } from '../params/identifiers';
import { resolveOrgIdForLoadOptions } from '../params/scope';

const LIST_PAGE = 100;

function matches(filter: string | undefined, ...values: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return values.some((value) => typeof value === 'string' && value.toLowerCase().includes(needle));
}

/** Orgs the token can see, from its privileges (GET /self): one call. */
export async function searchOrgs(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const client = new MistClient(this);
	const self = await client.request<{ privileges?: IDataObject[] }>({ path: '/self' });
	const orgs = new Map<string, string>();
	for (const privilege of self.privileges ?? []) {
		const orgId = typeof privilege.org_id === 'string' ? privilege.org_id : '';
		if (!orgId || orgs.has(orgId)) continue;
		const name =
			typeof privilege.org_name === 'string'
				? privilege.org_name
				: typeof privilege.name === 'string'
					? privilege.name
					: orgId;
		orgs.set(orgId, name);
	}
	const results = [...orgs.entries()]
		.filter(([id, name]) => matches(filter, id, name))
		.sort((a, b) => a[1].localeCompare(b[1]))
		.map(([value, name]) => ({ name, value }));
	return { results };
}

/** Sites of the chosen org, a page of 100 at a time. */
export async function searchSites(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = new MistClient(this);
	const orgId = await resolveOrgIdForLoadOptions(this, client);
	const page = paginationToken ? Number(paginationToken) : 1;
	const response = await client.requestFull<IDataObject[]>({
		path: `/orgs/${orgId}/sites`,
		qs: { limit: LIST_PAGE, page },
	});
	const sites = Array.isArray(response.body) ? response.body : [];
	const results = sites
		.filter((site) => matches(filter, site.name, site.id))
		.map((site) => ({ name: String(site.name ?? site.id), value: String(site.id) }));
	return { results, paginationToken: sites.length === LIST_PAGE ? String(page + 1) : undefined };
}

/** Devices of the chosen site (APs, switches and gateways). */
export async function searchDevices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = new MistClient(this);
	const chosen = String(this.getCurrentNodeParameter('site', { extractValue: true }) ?? '').trim();
	if (!chosen) return { results: [] };
	const siteId = requireUuid(this.getNode(), chosen, 'Site');
	const page = paginationToken ? Number(paginationToken) : 1;
	const response = await client.requestFull<IDataObject[]>({
		path: `/sites/${siteId}/devices`,
		qs: { type: 'all', limit: LIST_PAGE, page },
	});
	const devices = Array.isArray(response.body) ? response.body : [];
	const results = devices
		.filter((device) => matches(filter, device.name, device.mac, device.id))
		.map((device) => ({
			name: `${String(device.name || device.mac)} (${String(device.type ?? 'ap')}, ${String(device.mac ?? '')})`,
			value: String(device.id),
		}));
	return { results, paginationToken: devices.length === LIST_PAGE ? String(page + 1) : undefined };
}
