import type { INodeProperties } from 'n8n-workflow';

import { deviceLocator } from '../../../shared/descriptions/locators';
import { clientMacProperty } from '../client/descriptions';

export type SleScope = 'site' | 'ap' | 'switch' | 'gateway' | 'client';
export const DEVICE_SCOPES: readonly SleScope[] = ['ap', 'switch', 'gateway'];

const SCOPE_OPTIONS: Record<SleScope, { name: string; value: SleScope; description: string }> = {
	ap: { name: 'AP', value: 'ap', description: 'One access point of the site' },
	client: { name: 'Client', value: 'client', description: 'One wireless client, by MAC' },
	gateway: { name: 'Gateway', value: 'gateway', description: 'One gateway of the site' },
	site: { name: 'Site', value: 'site', description: 'The whole site' },
	switch: { name: 'Switch', value: 'switch', description: 'One switch of the site' },
};

/** Scope picker plus the device or client MAC it needs; a single scope needs no picker. */
export function scopeProperties(scopes: readonly SleScope[]): INodeProperties[] {
	if (scopes.length === 1) return [];
	const properties: INodeProperties[] = [
		{
			displayName: 'Scope',
			name: 'sleScope',
			type: 'options',
			options: [...scopes].sort().map((scope) => SCOPE_OPTIONS[scope]),
			default: 'site',
			description: 'What the SLE is measured for',
		},
	];
	const deviceScopes = scopes.filter((scope) => DEVICE_SCOPES.includes(scope));
	if (deviceScopes.length > 0) {
		properties.push({
			...deviceLocator,
			description: 'The AP, switch or gateway whose SLE to read',
			displayOptions: { show: { sleScope: deviceScopes } },
		});
	}
	if (scopes.includes('client')) {
		properties.push({ ...clientMacProperty, displayOptions: { show: { sleScope: ['client'] } } });
	}
	return properties;
}

/**
 * Site SLE metric names. The site API calls the portal's "Successful Connects" failed-to-connect
 * (the org sites-sle API calls it successful-connect).
 */
export const sleMetricProperty: INodeProperties = {
	displayName: 'Metric',
	name: 'sleMetric',
	type: 'options',
	options: [
		{ name: 'AP Availability', value: 'ap-availability' },
		{ name: 'AP Health', value: 'ap-health' },
		{ name: 'Application Health', value: 'application_health' },
		{ name: 'Capacity', value: 'capacity' },
		{ name: 'Coverage', value: 'coverage' },
		{ name: 'Gateway Health', value: 'gateway-health' },
		{ name: 'Roaming', value: 'roaming' },
		{
			name: 'Successful Connects',
			value: 'failed-to-connect',
			description:
				'Named failed-to-connect in the site SLE API (successful-connect in the org API)',
		},
		{ name: 'Switch Health', value: 'switch_health' },
		{ name: 'Switch Throughput', value: 'switch_throughput' },
		{ name: 'Throughput', value: 'throughput' },
		{ name: 'Time to Connect', value: 'time-to-connect' },
		{ name: 'WAN Link Health', value: 'wan-link-health' },
	],
	default: 'coverage',
	description:
		'The SLE metric. Other metric names (see the site SLE metrics list of Mist) can be set with an expression; successful-connect is translated to failed-to-connect.',
};

export function classifierProperty(required: boolean): INodeProperties {
	return {
		displayName: 'Classifier',
		name: 'classifier',
		type: 'string',
		default: '',
		required,
		placeholder: 'weak-signal',
		description: required
			? 'Classifier of the metric, as listed by Get Classifiers, e.g. weak-signal or wifi-interference'
			: 'Only users or APs impacted by this classifier (e.g. weak-signal); empty means any classifier',
	};
}

/** Optional aggregation interval of time series (org SLE, insights). */
export const intervalProperty: INodeProperties = {
	displayName: 'Interval',
	name: 'interval',
	type: 'string',
	default: '',
	placeholder: '1h',
	description: 'Aggregation interval, e.g. 10m or 1h; empty leaves the Mist default',
};
