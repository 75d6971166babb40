import type { INodeProperties } from 'n8n-workflow';

import type { MistResource } from '../types';
import * as getClassifierDetails from './getClassifierDetails.operation';
import * as getClassifiers from './getClassifiers.operation';
import * as getImpactedAps from './getImpactedAps.operation';
import * as getImpactedUsers from './getImpactedUsers.operation';
import * as getMetricSummary from './getMetricSummary.operation';
import * as getOrgSitesSle from './getOrgSitesSle.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['sle'] } },
	options: [
		{
			name: 'Get Classifier Details',
			value: 'getClassifierDetails',
			action: 'Get SLE classifier details',
			description: 'Get the samples and impact of one classifier of a site SLE metric',
		},
		{
			name: 'Get Classifiers',
			value: 'getClassifiers',
			action: 'Get SLE classifiers',
			description: 'List the classifiers of a site SLE metric',
		},
		{
			name: 'Get Impacted APs',
			value: 'getImpactedAps',
			action: 'Get SLE impacted access points',
			description: 'List the APs that degraded a site SLE metric',
		},
		{
			name: 'Get Impacted Users',
			value: 'getImpactedUsers',
			action: 'Get SLE impacted users',
			description: 'List the wireless users who suffered from a site SLE metric',
		},
		{
			name: 'Get Metric Summary',
			value: 'getMetricSummary',
			action: 'Get an SLE metric summary',
			description:
				'Get the samples, classifiers and impact of an SLE metric for a site, device or client',
		},
		{
			name: 'Get Org Sites SLE',
			value: 'getOrgSitesSle',
			action: 'Get the SLE of every site of an org',
			description: 'Get the Wi-Fi, wired or WAN SLE success ratios of every site of an org',
		},
	],
	default: 'getOrgSitesSle',
};

export const sle: MistResource = {
	operations: {
		getClassifierDetails,
		getClassifiers,
		getImpactedAps,
		getImpactedUsers,
		getMetricSummary,
		getOrgSitesSle,
	},
	description: [
		operationProperty,
		...getOrgSitesSle.description,
		...getMetricSummary.description,
		...getClassifiers.description,
		...getClassifierDetails.description,
		...getImpactedUsers.description,
		...getImpactedAps.description,
	],
};
