import type { IDataObject } from 'n8n-workflow';

import type { MistClient } from '../../shared/transport/MistClient';

export interface SiteFacts {
	id: string;
	name?: string;
	timezone?: string;
}

export interface ApFacts {
	id: string;
	name?: string;
	mac?: string;
	status?: string;
}

/** Site details and AP lists, fetched at most once per site per execution. */
export class SiteDirectory {
	private readonly sites = new Map<string, Promise<SiteFacts>>();

	private readonly aps = new Map<string, Promise<Map<string, ApFacts>>>();

	constructor(private readonly client: MistClient) {}

	async site(siteId: string, itemIndex: number): Promise<SiteFacts> {
		let found = this.sites.get(siteId);
		if (!found) {
			found = this.client
				.request<IDataObject>({ path: `/sites/${siteId}`, itemIndex })
				.then((site) => ({
					id: siteId,
					name: typeof site?.name === 'string' ? site.name : undefined,
					timezone: typeof site?.timezone === 'string' ? site.timezone : undefined,
				}));
			this.sites.set(siteId, found);
			// A failed read is not cached, so the next item may try again.
			found.catch(() => this.sites.delete(siteId));
		}
		return await found;
	}

	/** Every AP of the site from device stats (`type=ap`), keyed by device id. */
	async apsOf(siteId: string, itemIndex: number): Promise<Map<string, ApFacts>> {
		let found = this.aps.get(siteId);
		if (!found) {
			found = this.client
				.getAllList<IDataObject>(
					{ path: `/sites/${siteId}/stats/devices`, qs: { type: 'ap' }, itemIndex },
					{ returnAll: true },
				)
				.then(
					(list) =>
						new Map(
							list
								.filter((ap) => typeof ap.id === 'string')
								.map((ap) => [
									String(ap.id),
									{
										id: String(ap.id),
										name: ap.name as string | undefined,
										mac: ap.mac as string | undefined,
										status: ap.status as string | undefined,
									},
								]),
						),
				);
			this.aps.set(siteId, found);
			found.catch(() => this.aps.delete(siteId));
		}
		return await found;
	}
}
