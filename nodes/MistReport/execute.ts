import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeRenderDashboard } from './dashboard';
import { buildReport } from './engine/aggregate';
import { classifyReportItem } from './engine/classify';
import { toHistoryRows } from './engine/historyRows';
import { renderHtml } from './engine/render/html';
import { renderChatSummary } from './engine/render/chat';
import { renderMarkdown } from './engine/render/markdown';
import type { ForecastRule, ReportOptions, ReportRecord } from './engine/types';
import { itemFailure } from '../shared/utils/perItem';

const DEFAULT_FORECASTS: ForecastRule[] = [{ metric: 'dhcp_used', threshold: 100, direction: 'above' }];

function readTimezone(ctx: IExecuteFunctions): string {
	const timezone = String(ctx.getNodeParameter('timezone', 0, 'UTC') || 'UTC').trim();
	if (!DateTime.now().setZone(timezone).isValid) throw new NodeOperationError(ctx.getNode(), `"Timezone" ${JSON.stringify(timezone)} is not an IANA time zone`);
	return timezone;
}

function readOptions(ctx: IExecuteFunctions, timezone: string): ReportOptions {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const endParameter = String(ctx.getNodeParameter('periodEnd', 0, '') ?? '').trim();
	const end = endParameter ? Date.parse(endParameter) : Date.now();
	if (Number.isNaN(end)) throw new NodeOperationError(ctx.getNode(), `"Period End" ${JSON.stringify(endParameter)} is not a date-time`);
	const forecastRules = ((ctx.getNodeParameter('forecasts.rule', 0, []) as IDataObject[]) ?? []).map((rule, index) => {
		const threshold = Number(rule.threshold);
		if (!rule.metric || !Number.isFinite(threshold)) {
			throw new NodeOperationError(ctx.getNode(), `Forecast ${index + 1}: "Metric" and a numeric "Threshold" are required`);
		}
		return { metric: String(rule.metric), threshold, direction: rule.direction === 'below' ? 'below' : 'above' } as ForecastRule;
	});
	const number = (name: string, fallback: number) => (options[name] === undefined || options[name] === '' ? fallback : Number(options[name]));
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

export async function executeMistReport(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operation = this.getNodeParameter('operation', 0) as string;
	if (operation === 'renderDashboard') return executeRenderDashboard.call(this);
	const timezone = readTimezone(this);
	const output: INodeExecutionData[] = [];
	const reject = (itemIndex: number, message: string) => output.push(itemFailure(this, itemIndex, message));

	if (operation === 'toHistoryRows') {
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const result = toHistoryRows(items[itemIndex].json as Record<string, unknown>, timezone);
			if ('error' in result) reject(itemIndex, `Item ${itemIndex}: ${result.error}`);
			else for (const row of result.rows) output.push({ json: row as unknown as IDataObject, pairedItem: { item: itemIndex } });
		}
		return [output];
	}

	const options = readOptions(this, timezone);
	const records: ReportRecord[] = [];
	const used: number[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const json = items[itemIndex].json as Record<string, unknown>;
		// An empty item (Always Output Data upstream) means "nothing to add".
		if (!Object.keys(json).length) continue;
		const result = classifyReportItem(json);
		if ('error' in result) reject(itemIndex, `Item ${itemIndex}: ${result.error}`);
		else {
			records.push(...result.records);
			used.push(itemIndex);
		}
	}
	const figures = buildReport(records, options);
	output.unshift({
		json: {
			subject: `${figures.title}: ${figures.summary.degradedSites} of ${figures.summary.sites} site(s) degraded`,
			html: renderHtml(figures),
			markdown: renderMarkdown(figures),
			chat: renderChatSummary(figures),
			report: figures as unknown as IDataObject,
		},
		pairedItem: (used.length ? used : [0]).map((item) => ({ item })),
	});
	return [output];
}
