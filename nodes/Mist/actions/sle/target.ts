import type { IExecuteFunctions } from 'n8n-workflow';

import { requireMac } from '../../../shared/params/identifiers';
import { resolveDeviceId, resolveSiteId } from '../../../shared/params/scope';
import { DEVICE_SCOPES } from './descriptions';
import type { SleScope } from './descriptions';
import { requireName, requireOneOf } from '../../../shared/params/readers';

export interface SleMetricTarget {
	siteId: string;
	scope: SleScope;
	scopeId: string;
	metric: string;
	/** `/sites/{site}/sle/{scope}/{scope_id}/metric/{metric}`, the prefix of every site SLE call. */
	basePath: string;
}

/** The org API name of the portal's "Successful Connects"; the site API wants failed-to-connect. */
const ORG_NAME_OF_FAILED_TO_CONNECT = 'successful-connect';

export function readSleMetric(ctx: IExecuteFunctions, itemIndex: number): string {
	const metric = requireName(
		ctx,
		ctx.getNodeParameter('sleMetric', itemIndex, ''),
		'Metric',
		itemIndex,
		'coverage',
	);
	const lower = metric.toLowerCase();
	return lower === ORG_NAME_OF_FAILED_TO_CONNECT ? 'failed-to-connect' : lower;
}

/** Site, scope, scope id (site id, device id or client MAC) and metric of a site SLE call. */
export function resolveSleTarget(
	ctx: IExecuteFunctions,
	itemIndex: number,
	scopes: readonly SleScope[],
): SleMetricTarget {
	const siteId = resolveSiteId(ctx, itemIndex);
	const scope = (
		scopes.length === 1
			? scopes[0]
			: requireOneOf(
					ctx,
					ctx.getNodeParameter('sleScope', itemIndex, 'site'),
					scopes,
					'Scope',
					itemIndex,
				)
	) as SleScope;
	let scopeId = siteId;
	if (DEVICE_SCOPES.includes(scope)) scopeId = resolveDeviceId(ctx, itemIndex);
	if (scope === 'client')
		scopeId = requireMac(
			ctx.getNode(),
			ctx.getNodeParameter('clientMac', itemIndex, ''),
			'Client MAC',
			itemIndex,
		);
	const metric = readSleMetric(ctx, itemIndex);
	return {
		siteId,
		scope,
		scopeId,
		metric,
		basePath: `/sites/${siteId}/sle/${scope}/${scopeId}/metric/${metric}`,
	};
}

export function readClassifier(
	ctx: IExecuteFunctions,
	itemIndex: number,
	required: boolean,
): string | undefined {
	const raw = String(ctx.getNodeParameter('classifier', itemIndex, '') ?? '').trim();
	if (!required && raw === '') return undefined;
	return requireName(ctx, raw, 'Classifier', itemIndex, 'weak-signal');
}
