import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { itemFailure } from '../../shared/utils/perItem';
import { addDashboardItem, emptyDashboardInput } from '../engine/render/dashboardInput';
import { buildDashboard, meanSleBySite } from '../engine/render/dashboardModel';
import { renderDashboardHtml } from '../engine/render/dashboardHtml';
import { addTrendSample, loadTrendState, trendSeries } from '../engine/render/dashboardTrend';

const properties: INodeProperties[] = [
	{
		displayName:
			'Merge into this node: Juniper Mist SLE → Get Org Sites SLE, Site → Get Many, Device → Get Stats (APs, Simplify off for map positions), Client → Get Connected Stats (Simplify off), Mist Diagnose findings, and optionally Mist Alert incidents and Mist Remediate records',
		name: 'dashboardNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Dashboard Options',
		name: 'dashboardOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Keep Trend History',
				name: 'keepTrend',
				type: 'boolean',
				default: true,
				description:
					"Whether to remember each run's mean SLE per site in the workflow (production runs only) and draw it as a sparkline",
			},
			{
				displayName: 'Max Trend Samples',
				name: 'maxTrendSamples',
				type: 'number',
				default: 96,
				typeOptions: { minValue: 2 },
				description: 'Samples kept per site; older ones are dropped',
			},
			{
				displayName: 'SLE Threshold (%)',
				name: 'sleThreshold',
				type: 'number',
				default: 90,
				typeOptions: { minValue: 0, maxValue: 100 },
				description: 'A site with any SLE below this is degraded',
			},
			{ displayName: 'Title', name: 'title', type: 'string', default: 'Wi-Fi network health' },
			{
				displayName: 'Trend Sample Interval (Minutes)',
				name: 'trendIntervalMinutes',
				type: 'number',
				default: 5,
				typeOptions: { minValue: 0 },
				description:
					'A run sooner than this after the last sample replaces it instead of adding one',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['renderDashboard'] } },
	properties,
);

const TREND_KEY = 'dashboardTrend';

function readNumber(
	ctx: IExecuteFunctions,
	options: IDataObject,
	name: string,
	label: string,
	fallback: number,
	min: number,
	max = Infinity,
): number {
	const raw = options[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < min || value > max) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"${label}" ${JSON.stringify(raw)} must be a number from ${min}${max === Infinity ? '' : ` to ${max}`}`,
		);
	}
	return value;
}

/** Every input item merged into one page, output as one item with `html`. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const options = this.getNodeParameter('dashboardOptions', 0, {}) as IDataObject;
	const sleThreshold = readNumber(this, options, 'sleThreshold', 'SLE Threshold (%)', 90, 0, 100);
	const intervalMinutes = readNumber(
		this,
		options,
		'trendIntervalMinutes',
		'Trend Sample Interval (Minutes)',
		5,
		0,
	);
	const maxSamples = readNumber(this, options, 'maxTrendSamples', 'Max Trend Samples', 96, 2);
	const title =
		typeof options.title === 'string' && options.title.trim()
			? options.title.trim()
			: 'Wi-Fi network health';
	const now = Date.now();

	const input = emptyDashboardInput();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const problem = addDashboardItem(input, items[itemIndex].json as Record<string, unknown>);
		if (!problem) continue;
		output.push(itemFailure(this, itemIndex, `Item ${itemIndex}: ${problem.error}`));
	}

	let trends: Record<string, number[]> = {};
	if (options.keepTrend !== false) {
		const staticData = this.getWorkflowStaticData('node');
		const state = addTrendSample(
			loadTrendState(staticData[TREND_KEY]),
			{ t: now, values: meanSleBySite(input) },
			intervalMinutes * 60_000,
			maxSamples,
		);
		staticData[TREND_KEY] = state as unknown as IDataObject;
		trends = trendSeries(state);
	} else {
		trends = Object.fromEntries(
			Object.entries(meanSleBySite(input)).map(([siteId, value]) => [siteId, [value]]),
		);
	}

	const model = buildDashboard(input, { title, now, sleThreshold, trends });
	const degraded = model.sites.filter((site) => site.status === 'degraded');
	output.unshift({
		json: {
			html: renderDashboardHtml(model),
			summary: {
				sites: model.sites.length,
				degradedSites: degraded.map((site) => site.name),
				openIncidents: model.incidents.length,
				apsWithProblems: model.sites.flatMap((site) =>
					site.aps.filter((ap) => ap.health === 'red').map((ap) => ap.name),
				),
				dataErrors: model.dataErrors.length,
			},
		},
		pairedItem: items.map((_item, item) => ({ item })),
	});
	return [output];
}
