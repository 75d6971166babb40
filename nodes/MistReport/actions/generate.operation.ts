import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { itemFailure } from '../../shared/utils/perItem';
import { buildReport } from '../engine/aggregate';
import { classifyReportItem } from '../engine/classify';
import {
	compareWithHistory,
	earlierReports,
	reportSubject,
	summariseReport,
} from '../engine/reportHistory';
import { renderChatSummary } from '../engine/render/chat';
import { renderHtml } from '../engine/render/html';
import { renderMarkdown } from '../engine/render/markdown';
import type { ForecastRule, ReportOptions, ReportRecord } from '../engine/types';
import { reportMemory } from './memory';
import { readTimezone } from './settings';

const properties: INodeProperties[] = [
	{
		displayName: 'Report Type',
		name: 'reportType',
		type: 'options',
		options: [
			{
				name: 'Daily',
				value: 'daily',
				description: 'The 24 hours before the period end, compared with the 24 hours before that',
			},
			{
				name: 'Weekly',
				value: 'weekly',
				description: 'The 7 days before the period end, compared with the 7 days before that',
			},
		],
		default: 'daily',
	},
	{
		displayName: 'Period End',
		name: 'periodEnd',
		type: 'dateTime',
		default: '',
		description: 'End of the reported period; empty means now',
	},
	{
		displayName: 'Forecasts',
		name: 'forecasts',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Forecast',
		default: {},
		description:
			'Metrics to extrapolate with a least-squares line. Empty means dhcp_used rising to 100.',
		options: [
			{
				displayName: 'Forecast',
				name: 'rule',
				values: [
					{
						displayName: 'Direction',
						name: 'direction',
						type: 'options',
						options: [
							{ name: 'Falling To Threshold', value: 'below' },
							{ name: 'Rising To Threshold', value: 'above' },
						],
						default: 'above',
					},
					{
						displayName: 'Metric',
						name: 'metric',
						type: 'string',
						default: 'dhcp_used',
						placeholder: 'num_clients',
					},
					{ displayName: 'Threshold', name: 'threshold', type: 'number', default: 100 },
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Anomaly Min Samples',
				name: 'anomalyMinSamples',
				type: 'number',
				default: 5,
				typeOptions: { minValue: 2 },
				description: 'Earlier samples a site metric needs before it can be flagged',
			},
			{
				displayName: 'Anomaly Sigma (K)',
				name: 'anomalyK',
				type: 'number',
				default: 3,
				typeOptions: { minValue: 0.5, numberPrecision: 1 },
				description: "Flag a value outside mean ± k·σ of the site's history",
			},
			{
				displayName: 'Forecast Horizon (Days)',
				name: 'forecastHorizonDays',
				type: 'number',
				default: 30,
				typeOptions: { minValue: 1 },
				description: 'Report forecasts that reach their threshold within this many days',
			},
			{
				displayName: 'Forecast Min Samples',
				name: 'forecastMinSamples',
				type: 'number',
				default: 3,
				typeOptions: { minValue: 2 },
			},
			{
				displayName: 'SLE Threshold (%)',
				name: 'sleThreshold',
				type: 'number',
				default: 90,
				typeOptions: { minValue: 0, maxValue: 100 },
				description: 'A site with any SLE below this is degraded',
			},
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
			{
				displayName: 'Top N',
				name: 'topN',
				type: 'number',
				default: 10,
				typeOptions: { minValue: 1 },
				description: 'Rows in the top issues, clients and APs tables',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { operation: ['generate'] } }, properties);

const DEFAULT_FORECASTS: ForecastRule[] = [
	{ metric: 'dhcp_used', threshold: 100, direction: 'above' },
];

function readOptions(ctx: IExecuteFunctions, timezone: string): ReportOptions {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const endParameter = String(ctx.getNodeParameter('periodEnd', 0, '') ?? '').trim();
	const end = endParameter ? Date.parse(endParameter) : Date.now();
	if (Number.isNaN(end))
		throw new NodeOperationError(
			ctx.getNode(),
			`"Period End" ${JSON.stringify(endParameter)} is not a date-time`,
		);
	const forecastRules = (
		(ctx.getNodeParameter('forecasts.rule', 0, []) as IDataObject[]) ?? []
	).map((rule, index) => {
		const threshold = Number(rule.threshold);
		if (!rule.metric || !Number.isFinite(threshold)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Forecast ${index + 1}: "Metric" and a numeric "Threshold" are required`,
			);
		}
		return {
			metric: String(rule.metric),
			threshold,
			direction: rule.direction === 'below' ? 'below' : 'above',
		} as ForecastRule;
	});
	const number = (name: string, fallback: number) =>
		options[name] === undefined || options[name] === '' ? fallback : Number(options[name]);
	return {
		type: ctx.getNodeParameter('reportType', 0, 'daily') === 'weekly' ? 'weekly' : 'daily',
		end,
		timezone,
		title: typeof options.title === 'string' ? options.title : undefined,
		sleThreshold: number('sleThreshold', 90),
		topN: number('topN', 10),
		anomalyK: number('anomalyK', 3),
		anomalyMinSamples: number('anomalyMinSamples', 5),
		forecasts: forecastRules.length ? forecastRules : DEFAULT_FORECASTS,
		forecastHorizonDays: number('forecastHorizonDays', 30),
		forecastMinSamples: number('forecastMinSamples', 3),
	};
}

/**
 * Log entries read back for "Earlier reports" and a missing previous period. The dashboard's trend
 * samples share the 'report' log, so a dashboard sampled often can push older reports past this.
 */
const HISTORY_READ_LIMIT = 250;
const EARLIER_REPORTS = 12;

/**
 * One report item (subject, HTML, Markdown, chat summary, figures) from every usable input item.
 * Its summary is appended to the report history, which the next report reads back.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const options = readOptions(this, readTimezone(this));
	const output: INodeExecutionData[] = [];
	const records: ReportRecord[] = [];
	const used: number[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const json = items[itemIndex].json as Record<string, unknown>;
		// An empty item (Always Output Data upstream) means "nothing to add".
		if (!Object.keys(json).length) continue;
		const result = classifyReportItem(json);
		if ('error' in result)
			output.push(itemFailure(this, itemIndex, `Item ${itemIndex}: ${result.error}`));
		else {
			records.push(...result.records);
			used.push(itemIndex);
		}
	}
	const { memory, location } = await reportMemory(this);
	const figures = buildReport(records, options);
	const days = (options.type === 'weekly' ? 7 : 1) * (EARLIER_REPORTS + 1);
	const stored = await memory.recent('report', {
		since: options.end - days * 24 * 3600_000,
		limit: HISTORY_READ_LIMIT,
		subject: reportSubject(options.type),
	});
	figures.history = earlierReports(stored, options.type, options.end).slice(-EARLIER_REPORTS);
	figures.comparedWith = compareWithHistory(figures, figures.history);
	const summary = summariseReport(figures);
	await memory.append('report', [
		{
			at: Date.now(),
			subject: reportSubject(options.type),
			value: summary as unknown as IDataObject,
		},
	]);
	output.unshift({
		json: {
			subject: `${figures.title}: ${figures.summary.degradedSites} of ${figures.summary.sites} site(s) degraded`,
			html: renderHtml(figures),
			markdown: renderMarkdown(figures),
			chat: renderChatSummary(figures),
			report: figures as unknown as IDataObject,
			memory: location,
		},
		pairedItem: (used.length ? used : [0]).map((item) => ({ item })),
	});
	return [output];
}
