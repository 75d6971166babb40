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
import {
	auditRemediation,
	distinctRemediation,
	recordTrendSample,
	TREND_SUBJECT,
	trendsFromLog,
} from '../engine/render/dashboardMemory';
import { reportMemory } from './memory';

const properties: INodeProperties[] = [
	{
		displayName:
			'Merge into this node: Juniper Mist SLE → Get Org Sites SLE, Site → Get Many, Device → Get Stats (APs, Simplify off for map positions), Client → Get Connected Stats (Simplify off), Mist Diagnose findings, and Mist Alert → Get Incidents. Recent remediation comes from the Mist Remediate audit in the memory, trends from the report history',
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
					"Whether to remember each run's mean SLE per site in the report history (at most one sample per interval, however many pages render at once) and draw it as a sparkline",
			},
			{
				displayName: 'Max Trend Samples',
				name: 'maxTrendSamples',
				type: 'number',
				default: 96,
				typeOptions: { minValue: 2 },
				description: 'Samples drawn per site; older ones are left out',
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
					'A run sooner than this after the last sample adds none (the page still shows its own values last)',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['renderDashboard'] } },
	properties,
);

/** Audit entries read for "Recent remediation" (the newest are shown). */
const AUDIT_READ_LIMIT = 50;

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

/**
 * Every input item merged into one page, output as one item with `html`. Recent remediation is
 * read from the remediation audit in the memory and trends from the report history there.
 */
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

	const { memory, location } = await reportMemory(this);
	const audit = await memory.recent('audit', { limit: AUDIT_READ_LIMIT });
	input.remediation = distinctRemediation([
		...input.remediation,
		...audit.flatMap(auditRemediation),
	]);
	const current = meanSleBySite(input);
	let trends: Record<string, number[]> = Object.fromEntries(
		Object.entries(current).map(([siteId, value]) => [siteId, [value]]),
	);
	if (options.keepTrend !== false) {
		const earlier = await memory.recent('report', {
			limit: Math.min(250, maxSamples + 30),
			subject: TREND_SUBJECT,
		});
		trends = trendsFromLog(earlier, current, maxSamples);
		await recordTrendSample(memory, { at: now, values: current }, intervalMinutes * 60_000);
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
			memory: location,
		},
		pairedItem: items.map((_item, item) => ({ item })),
	});
	return [output];
}
