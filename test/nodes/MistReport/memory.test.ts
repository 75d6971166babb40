/**
 * Mist Report in the shared memory: report history written and read back across workflows, the
 * dashboard's recent remediation from the audit log, its incidents from Mist Alert's Get Incidents
 * items, one trend sample per interval however many pages render at once, and the fallback.
 */
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { toView } from '../../../nodes/MistAlert/engine/views';
import type { IncidentRecord } from '../../../nodes/MistAlert/engine/types';
import { MistReport } from '../../../nodes/MistReport/MistReport.node';
import { TREND_SUBJECT } from '../../../nodes/MistReport/engine/render/dashboardMemory';
import { auditRecord } from '../../../nodes/MistRemediate/execute/audit';
import { sharedMemoryCredential } from '../../../nodes/shared/memory/description';
import { openMemory } from '../../../nodes/shared/memory/open';
import { forgetTableIds } from '../../../nodes/shared/memory/tables';
import { createExecuteContext, serialise } from '../../helpers/executeContext';
import {
	FakeDataTables,
	N8N_LEAK_CANARY,
	n8nApiKeyAuth,
	sharedMemoryCredentials,
} from '../../helpers/fakeDataTables';
import { useOfflineNock } from '../../helpers/runMist';
import { apFinding, ORG, SITE_A, SITE_B } from '../MistAlert/fixtures';
import { currentFindings, DAY, END, HOUR, seenAt } from './fixtures';

useOfflineNock();
beforeEach(() => forgetTableIds());

const SHARED = { memory: 'shared', memoryNamespace: 'default' };

/** A Mist Report node of one workflow: each workflow has its own static data. */
function context(
	params: Record<string, unknown>,
	items: IDataObject[],
	staticData: IDataObject = {},
	workflow = 'Reports',
) {
	return createExecuteContext({
		params: { timezone: 'UTC', options: {}, dashboardOptions: {}, ...params },
		items: items.map((json) => ({ json })),
		staticData,
		node: { name: `Mist Report (${workflow})`, type: 'n8n-nodes-juniper-mist.mistReport' },
		credentials: { mistSharedMemoryApi: sharedMemoryCredentials },
		authenticators: { mistSharedMemoryApi: n8nApiKeyAuth },
	});
}

async function run(ctx: ReturnType<typeof context>): Promise<INodeExecutionData[]> {
	const [out] = await new MistReport().execute.call(ctx);
	expect(serialise(out)).not.toContain(N8N_LEAK_CANARY);
	return out;
}

const generate = (periodEnd: number) => ({
	...SHARED,
	operation: 'generate',
	reportType: 'daily',
	periodEnd: new Date(periodEnd).toISOString(),
});

interface Report {
	comparedWith: string;
	summary: { findings: { current: number; previous: number | null } };
	history: Array<{ periodEnd: string; findings: number }>;
}

describe('Mist Report › report history in the shared memory', () => {
	it('reads back the report another workflow wrote, for Earlier reports and the previous period', async () => {
		const fake = new FakeDataTables();
		const yesterday = [
			seenAt(apFinding('aabbccddee07'), END - 30 * HOUR),
			seenAt(apFinding('aabbccddee08'), END - 28 * HOUR),
		];
		const first = await run(
			context(generate(END - DAY), yesterday as unknown as IDataObject[], {}, 'Daily reports'),
		);
		expect((first[0].json.report as unknown as Report).history).toEqual([]);

		// Another workflow, with today's findings only: the previous day comes from the history.
		const second = await run(
			context(generate(END), currentFindings() as unknown as IDataObject[], {}, 'On demand'),
		);
		const report = second[0].json.report as unknown as Report;
		expect(report.comparedWith).toBe('report history');
		expect(report.summary.findings).toMatchObject({ current: 5, previous: 2 });
		expect(report.history).toEqual([
			expect.objectContaining({ periodEnd: new Date(END - DAY).toISOString(), findings: 2 }),
		]);
		expect(second[0].json.markdown).toContain('## Earlier reports');
		expect(second[0].json.markdown).toContain('(its figures from the report history)');
		expect(second[0].json.memory).toEqual({ store: 'n8n data tables', namespace: 'default' });

		// One compact summary per report: figures, not findings.
		const rows = fake.rowsOf('mist_log').filter((row) => row.kind === 'report');
		expect(rows.map((row) => row.subject)).toEqual(['daily', 'daily']);
		for (const row of rows) {
			expect(String(row.value).length).toBeLessThan(400);
			expect(String(row.value)).not.toContain('aabbccddee');
		}
	});

	it('compares with the input records when they cover the previous period', async () => {
		new FakeDataTables();
		await run(context(generate(END - DAY), [seenAt(apFinding('aa'), END - 30 * HOUR)] as never));
		const both = [...currentFindings(), seenAt(apFinding('bb'), END - 26 * HOUR)];
		const [item] = await run(context(generate(END), both as unknown as IDataObject[]));
		const report = item.json.report as unknown as Report;
		expect(report.comparedWith).toBe('inputs');
		expect(report.history).toHaveLength(1);
	});
});

/** A Get Incidents item as nodes/MistAlert/actions/getIncidents.operation.ts outputs it. */
function getIncidentsItem(mac: string, site = SITE_A, siteName = 'HQ'): IDataObject {
	const finding = apFinding(mac, 'critical', site, siteName);
	const incident: IncidentRecord = {
		fingerprint: finding.fingerprint,
		status: 'open',
		groupKey: `site:${site}`,
		finding,
		badRuns: 2,
		cleanRuns: 0,
		runsSeen: 2,
		firstSeen: finding.firstSeen,
		lastSeen: finding.lastSeen,
		openedAt: finding.lastSeen,
		notified: {},
	};
	return {
		kind: 'incident',
		groupKey: incident.groupKey,
		...toView(incident, false),
		reportedBy: ['AP health sweep', 'Client triage sweep'],
	} as unknown as IDataObject;
}

const SLE_ROW = { site_id: SITE_A, coverage: 0.8, capacity: 0.99 };
const SITE_ROW = { id: SITE_A, name: 'HQ', org_id: ORG };
const dashboard = { ...SHARED, operation: 'renderDashboard' };

describe('Mist Report › dashboard from the shared memory', () => {
	it('lists recent remediation from the audit log and incidents from Get Incidents items', async () => {
		new FakeDataTables();
		const remediate = await openMemory(context(SHARED, [], {}, 'AP health sweep'));
		const record = auditRecord({
			status: 'dry-run',
			operation: 'restartDevice',
			summary: 'Restart AP-0001',
			at: END - HOUR,
			dryRun: true,
			plan: {
				operation: 'restartDevice',
				summary: 'Restart AP-0001',
				siteId: SITE_A,
				method: 'POST',
				path: `/sites/${SITE_A}/devices/d1/restart`,
				deviceIds: ['00000000-0000-0000-1000-5c5b35000001'],
				clientMacs: [],
				targets: ['device:d1'],
				disruptive: true,
				restartsDevices: ['d1'],
				result: 'ok',
			},
			site: { id: SITE_A, name: 'HQ' } as never,
			names: { devices: { '00000000-0000-0000-1000-5c5b35000001': 'AP-0001' }, clients: {} },
			decision: { allowed: true, reason: 'within every guardrail' },
		});
		await remediate.append('audit', [{ at: END - HOUR, subject: SITE_A, value: record }]);

		const items = [
			SLE_ROW,
			SITE_ROW,
			getIncidentsItem('5c5b35000001'),
			getIncidentsItem('5c5b35000002', SITE_B, 'Branch'),
			{ ...getIncidentsItem('5c5b35000003'), status: 'resolved' },
		];
		const [item] = await run(context(dashboard, items, {}, 'Dashboard'));
		const html = String(item.json.html);
		const remediation = /<h2 id="h-remediation">Recent remediation<\/h2>(.*?)<\/section>/s.exec(
			html,
		)?.[1];
		expect(remediation).toContain('restartDevice');
		expect(remediation).toContain('HQ AP-0001');
		expect(remediation).toContain('dry-run');
		expect(remediation).toContain('allowed');
		expect(item.json.summary).toMatchObject({ openIncidents: 2 });
		const incidents = /<h2 id="h-incidents">(.*?)<\/section>/s.exec(html)?.[1] ?? '';
		expect(incidents.match(/data-incident="ap_offline"/g)).toHaveLength(2);
		expect(incidents).toContain('Branch');
	});

	it('appends exactly one trend sample when five pages render at once', async () => {
		const fake = new FakeDataTables();
		const pages = await Promise.all(
			Array.from({ length: 5 }, (_, index) =>
				run(context(dashboard, [SLE_ROW, SITE_ROW], {}, `viewer ${index}`)),
			),
		);
		expect(pages.every((out) => String(out[0].json.html).includes('HQ mean SLE'))).toBe(true);
		const samples = fake
			.rowsOf('mist_log')
			.filter((row) => row.kind === 'report' && row.subject === TREND_SUBJECT);
		expect(samples).toHaveLength(1);
		expect(JSON.parse(String(samples[0].value))).toEqual({ values: { [SITE_A]: 89.5 } });

		// The next page draws the stored sample and its own value.
		const [next] = await run(context(dashboard, [SLE_ROW, SITE_ROW]));
		expect(String(next.json.html)).toContain('HQ mean SLE: 2 sample(s)');
	});

	it("falls back to the workflow's static data with a warning and an execution hint", async () => {
		const staticData: IDataObject = {};
		const ctx = context(dashboard, [SLE_ROW, SITE_ROW], staticData);
		const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5678'), {
			code: 'ECONNREFUSED',
		});
		ctx.helpers.httpRequestWithAuthentication.mockRejectedValueOnce(
			new NodeApiError(ctx.getNode(), refused as unknown as JsonObject),
		);
		const [item] = await run(ctx);
		const memory = item.json.memory as IDataObject;
		expect(memory.store).toBe('workflow static data');
		expect(memory.warning).toContain('not shared with other workflows or workers');
		expect(ctx.addExecutionHints).toHaveBeenCalledWith(
			expect.objectContaining({ type: 'warning', message: memory.warning }),
		);
		expect(staticData['memoryLog:default']).toEqual({ report: [expect.any(Object)] });
	});
});

it('declares the shared memory credential exactly as sharedMemoryCredential', () => {
	expect(new MistReport().description.credentials).toEqual([sharedMemoryCredential]);
});
