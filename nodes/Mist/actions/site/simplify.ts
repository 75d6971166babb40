import type { IDataObject } from 'n8n-workflow';
import pick from 'lodash/pick';

export function simplifySite(site: IDataObject): IDataObject {
	return pick(site, [
		'id',
		'name',
		'org_id',
		'timezone',
		'country_code',
		'address',
		'latlng',
		'sitegroup_ids',
	]);
}
