import { NodeOperationError, jsonParse } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { durationSeconds } from '../shared/params/timeRange';
import { isUuid } from '../shared/params/identifiers';
import { splitList } from '../shared/params/lists';
import type { MistDataCollector } from './collect/MistDataCollector';
import { resolveThresholds } from './rules/support/thresholds';
import type { DiagnosisThresholds, ThresholdInput } from './rules/support/thresholds';
import type { SweepScope } from './steps/types';

const pair = (warn: unknown, crit: unknown) => {
	const limits: IDataObject = {};
	if (typeof warn === 'number') limits.warn = warn;
	if (typeof crit === 'number') limits.crit = crit;
	return Object.keys(limits).length ? limits : undefined;
};

/** The Thresholds collection (common ones by name, the rest as JSON) as validated rule thresholds. */
export function readThresholds(ctx: IExecuteFunctions, itemIndex: number): DiagnosisThresholds {
	const raw = ctx.getNodeParameter('thresholds', itemIndex, {}) as IDataObject;
	let advanced: IDataObject = {};
	if (raw.advanced !== undefined && raw.advanced !== '') {
		advanced =
			typeof raw.advanced === 'string'
				? jsonParse<IDataObject>(raw.advanced, {
						errorMessage: 'Invalid Advanced Thresholds (JSON): it is not valid JSON',
					})
				: (raw.advanced as IDataObject);
	}
	const voice = raw.rssiProfile === 'voice';
	const named: IDataObject = {
		rssiProfile: raw.rssiProfile,
		[voice ? 'rssiVoiceDbm' : 'rssiDataDbm']: pair(raw.rssiWarn, raw.rssiCrit),
		snrDb: pair(raw.snrWarn, raw.snrCrit),
		retriesPercent: pair(raw.retriesWarn, raw.retriesCrit),
		channelUtilPercent: pair(raw.channelUtilWarn, raw.channelUtilCrit),
		noiseFloorDbm: pair(raw.noiseFloorWarn, raw.noiseFloorCrit),
		clientsPerAp: pair(raw.clientsPerApWarn, raw.clientsPerApCrit),
		sharedMinClients: raw.sharedMinClients,
		sleDegradedBelow: raw.sleDegradedBelow,
		sleMinClients: raw.sleMinClients,
	};
	const input = Object.fromEntries(
		Object.entries({ ...advanced, ...named }).filter(([, value]) => value !== undefined),
	);
	try {
		return resolveThresholds(input as ThresholdInput);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), (error as Error).message, {
			description:
				'Check the Thresholds of this node: warning and critical limits must be numbers in the right order.',
			itemIndex,
		});
	}
}

export function readWindow(ctx: IExecuteFunctions, itemIndex: number): { duration: string } {
	const window = String(ctx.getNodeParameter('window', itemIndex, '1h')).trim();
	if (durationSeconds(window) === undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Invalid Time Window: "${window.slice(0, 40)}" is not a Mist duration`,
			{
				description: 'Use a number followed by m, h, d or w, e.g. 10m, 1h or 1d.',
				itemIndex,
			},
		);
	}
	return { duration: window };
}

/** The sites in scope, the drill-down bounds and the baselines, from the node's Options. */
export function readSweepScope(
	ctx: IExecuteFunctions,
	itemIndex: number,
	thresholds: DiagnosisThresholds,
): SweepScope {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const maxDrilldownSites = Number(options.maxDrilldownSites ?? 10);
	if (!Number.isInteger(maxDrilldownSites) || maxDrilldownSites < 1) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Invalid Max Drill-Down Sites: "${String(options.maxDrilldownSites)}" is not a whole number of 1 or more`,
			{
				itemIndex,
			},
		);
	}
	let baseline: SweepScope['baseline'] = {};
	const field = String(options.baselineField ?? '').trim();
	if (field) {
		const value = ctx.getInputData()[itemIndex]?.json?.[field];
		if (
			value === undefined ||
			value === null ||
			typeof value !== 'object' ||
			Array.isArray(value)
		) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Invalid Baseline Field: the input item has no object in "${field}"`,
				{
					description:
						'Give a field holding {"dhcp": {"<site_id>": [numbers]}, …}, or leave Baseline Field empty.',
					itemIndex,
				},
			);
		}
		// Shaped as the option documents: per step, entity → recent values (non-numbers are skipped).
		baseline = value as SweepScope['baseline'];
	}
	return {
		thresholds,
		maxDrilldownSites,
		drillAllSites: options.drillAllSites === true,
		siteFilter: new Set(readSiteIds(ctx, options.siteIds, itemIndex)),
		baseline,
	};
}

/** The Site IDs option: Mist site ids (UUIDs), separated by commas, as the trigger reads them. */
function readSiteIds(ctx: IExecuteFunctions, value: unknown, itemIndex: number): string[] {
	const siteIds = splitList(value);
	const bad = siteIds.find((siteId) => !isUuid(siteId));
	if (bad) {
		const message = `Invalid Options › Site IDs: "${bad.slice(0, 60)}" is not a Mist site id (a UUID)`;
		throw new NodeOperationError(ctx.getNode(), message, {
			description:
				'Separate several ids with commas, e.g. 978c48e6-6ef6-11e6-8bbf-02e208b2d34f, or leave Site IDs empty for every site.',
			itemIndex,
		});
	}
	return siteIds.map((siteId) => siteId.toLowerCase());
}

/** A Site IDs option naming sites the org does not have is an error, never "no site passed this step". */
export async function checkSiteFilter(
	ctx: IExecuteFunctions,
	collector: MistDataCollector,
	scope: SweepScope,
	itemIndex: number,
) {
	if (scope.siteFilter.size === 0) return;
	const unknown = await collector.unknownSiteIds([...scope.siteFilter]);
	if (unknown.length === 0) return;
	const listed = unknown.map((siteId) => `"${siteId}"`).join(', ');
	const verb = unknown.length === 1 ? 'is not a site' : 'are not sites';
	throw new NodeOperationError(
		ctx.getNode(),
		`Invalid Options › Site IDs: ${listed} ${verb} of org ${collector.orgId}`,
		{
			description:
				'Check the ids against the sites of the organisation of this node (or its credential).',
			itemIndex,
		},
	);
}
