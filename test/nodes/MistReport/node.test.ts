import type { IDataObject } from 'n8n-workflow';

import { MistReport } from '../../../nodes/MistReport/MistReport.node';
import { createExecuteContext } from '../../helpers/executeContext';
import { allInputs, END, metricSnapshots } from './fixtures';

function execute(items: IDataObject[], params: Record<string, unknown>, continueOnFail = false) {
	const ctx = createExecuteContext({
		params: { timezone: 'UTC', options: {}, ...params },
		items: items.map((json) => ({ json })),
		continueOnFail,
		node: { name: 'Mist Report', type: 'n8n-nodes-juniper-mist.mistReport' },
	});
	return new MistReport().execute.call(ctx);
}

describe('Mist Report node', () => {
	it('generates one item with subject, html, markdown and the figures', async () => {
		const [out] = await execute(allInputs(), {
			operation: 'generate',
			reportType: 'daily',
			periodEnd: new Date(END).toISOString(),
		});
		expect(out).toHaveLength(1);
		const json = out[0].json as {
			subject: string;
			html: string;
			markdown: string;
			report: { summary: { sites: number } };
		};
		expect(json.subject).toBe('Mist Wi-Fi daily report: 1 of 2 site(s) degraded');
		expect(json.html).toContain('<!DOCTYPE html>');
		expect(json.markdown).toContain('## Top issues');
		expect(json.report.summary.sites).toBe(2);
		expect(out[0].pairedItem).toHaveLength(allInputs().length);
	});

	it('uses the default DHCP forecast when none is configured', async () => {
		const [out] = await execute(metricSnapshots(), {
			operation: 'generate',
			reportType: 'daily',
			periodEnd: new Date(END).toISOString(),
		});
		expect((out[0].json.report as { forecasts: unknown[] }).forecasts).toEqual([
			expect.objectContaining({ metric: 'dhcp_used', daysToThreshold: 6 }),
		]);
	});

	it('converts to history rows with pairedItem per source item', async () => {
		const [out] = await execute(metricSnapshots().slice(0, 2), { operation: 'toHistoryRows' });
		expect(out.map((item) => [item.json.metric, item.pairedItem])).toEqual([
			['num_clients', { item: 0 }],
			['num_aps', { item: 0 }],
			['num_clients', { item: 1 }],
			['num_aps', { item: 1 }],
		]);
	});

	it('names the problem of an unrecognised item', async () => {
		await expect(
			execute([{ foo: 1 }], { operation: 'generate', reportType: 'daily', periodEnd: '' }),
		).rejects.toThrow('Item 0: Not a report input');
		await expect(
			execute([{ kind: 'api_usage', requests: 5 }], {
				operation: 'generate',
				reportType: 'daily',
				periodEnd: '',
			}),
		).rejects.toThrow('Item 0: Not a API usage record: "request_limit" must be a positive number');
	});

	it('keeps going under continueOnFail with error items paired to their input', async () => {
		const items = [
			{ foo: 1 },
			...metricSnapshots().slice(0, 1),
			{ operation: 'ping', decision: 'executed', timestamp: 'later' },
		];
		const [out] = await execute(
			items,
			{ operation: 'generate', reportType: 'weekly', periodEnd: new Date(END).toISOString() },
			true,
		);
		expect(out.map((item) => item.pairedItem)).toEqual([[{ item: 1 }], { item: 0 }, { item: 2 }]);
		expect(out[2].json.error).toBe(
			'Item 2: Not a remediation record: "timestamp" "later" is not a date-time',
		);
		const [rows] = await execute(
			[{ bad: true }, metricSnapshots()[0]],
			{ operation: 'toHistoryRows' },
			true,
		);
		expect(rows[0]).toEqual({
			json: { error: expect.stringContaining('Item 0: Not a report input'), description: null },
			pairedItem: { item: 0 },
		});
		expect(rows).toHaveLength(3);
	});

	it.each([
		[{ timezone: 'Nowhere/Land' }, '"Timezone" "Nowhere/Land" is not an IANA time zone'],
		[{ periodEnd: 'yesterday-ish' }, '"Period End" "yesterday-ish" is not a date-time'],
	])('rejects bad parameters (%#)', async (patch, message) => {
		await expect(
			execute(allInputs(), { operation: 'generate', reportType: 'daily', periodEnd: '', ...patch }),
		).rejects.toThrow(message);
	});
});
