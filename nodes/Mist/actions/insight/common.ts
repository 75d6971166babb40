import type { INodeProperties } from 'n8n-workflow';

import { timeRangeProperties } from '../../../shared/descriptions/common';
import { orgLocator, siteLocator } from '../../../shared/descriptions/locators';
import { intervalProperty } from '../sle/descriptions';

const insightMetricProperty: INodeProperties = {
	displayName: 'Metric Name or ID',
	name: 'insightMetric',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getInsightMetrics' },
	default: '',
	required: true,
	description:
		'Insight metric from Mist\'s catalogue (e.g. bytes, num_clients). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const splitIntoPointsProperty: INodeProperties = {
	displayName: 'Split Into Points',
	name: 'splitIntoPoints',
	type: 'boolean',
	default: false,
	description:
		'Whether to output one item per timestamp ({timestamp, &lt;metric&gt;: value}) instead of one item holding the whole series',
};

/** Org (for the pickers), site, the operation's own target fields, metric, interval, time range, output shape. */
export function insightProperties(target: INodeProperties[]): INodeProperties[] {
	return [
		{ ...orgLocator, description: 'Only used to list the sites in the Site picker' },
		siteLocator,
		...target,
		insightMetricProperty,
		intervalProperty,
		...timeRangeProperties,
		splitIntoPointsProperty,
	];
}
