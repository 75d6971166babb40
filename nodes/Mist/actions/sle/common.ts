import type { INodeProperties } from 'n8n-workflow';

import { timeRangeProperties } from '../../../shared/descriptions/common';
import { orgLocator, siteLocator } from '../../../shared/descriptions/locators';
import { scopeProperties, sleMetricProperty } from './descriptions';
import type { SleScope } from './descriptions';

export const ALL_SCOPES: readonly SleScope[] = ['site', 'ap', 'switch', 'gateway', 'client'];

/** Org (for the Site picker), site, scope, metric and, when the endpoint reads history, the time range. */
export function siteSleProperties(
	scopes: readonly SleScope[],
	extra: INodeProperties[],
	withTimeRange = true,
): INodeProperties[] {
	return [
		{ ...orgLocator, description: 'Only used to list the sites in the Site picker' },
		siteLocator,
		...scopeProperties(scopes),
		sleMetricProperty,
		...extra,
		...(withTimeRange ? timeRangeProperties : []),
	];
}
