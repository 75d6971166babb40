/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a test of a script: it reads the baseline workflow */
/**
 * The pure parts of `npm run benchmark`: medians, the execution time n8n prints, path templates,
 * the fault matching, and the per-site baseline workflow (core n8n nodes only, the Mist token in a
 * Header Auth credential referenced by id, never in the JSON; its Code node applies the thresholds).
 */
import fs from 'node:fs';

import {
	BASELINE_CREDENTIAL,
	BASELINE_FILE,
	baselineWorkflow,
	chainWorkflows,
} from '../../scripts/bench/approaches';
import { findingNamesFault, matchFaults } from '../../scripts/bench/faults';
import type { GroundTruthFault } from '../../scripts/bench/faults';
import { callsByTemplate, executionMs, median, medianOf } from '../../scripts/bench/measure';
import { ratioLines } from '../../scripts/bench/report';
import type { ApproachResult } from '../../scripts/bench/report';
import { DEFAULT_TOKEN } from '../../simulator/src/index';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

describe('benchmark measurement', () => {
	it('takes the median of three runs, whatever their order', () => {
		expect(median([30, 10, 20])).toBe(20);
		expect(median([5, 5, 900])).toBe(5);
		expect(median([4, 2])).toBe(3);
		expect(() => median([])).toThrow();
		expect(medianOf([undefined, 7, 9, 8])).toBe(8);
		expect(medianOf([undefined])).toBeUndefined();
	});

	it("reads the execution's own time from the run n8n prints", () => {
		const run = {
			startedAt: '2026-01-01T10:00:00.000Z',
			stoppedAt: '2026-01-01T10:00:02.500Z',
			data: { resultData: { runData: {} } },
		};
		expect(executionMs(run)).toBe(2500);
		expect(executionMs(undefined)).toBeUndefined();
	});

	it('runs the shipped chain with every step due: no Check At Most Every left to skip a step', () => {
		const chain = chainWorkflows('http://sink.test').at(-1)!;
		const steps = (chain.nodes as WorkflowNode[]).filter((node) =>
			node.type.endsWith('.mistDiagnose'),
		);
		expect(steps).toHaveLength(7);
		expect(
			steps.filter((node) => 'checkEvery' in ((node.parameters.options as object) ?? {})),
		).toEqual([]);
		// The shipped file itself keeps its cadences.
		const shipped = JSON.parse(fs.readFileSync('workflows/client-triage-sweep.json', 'utf8')) as {
			nodes: WorkflowNode[];
		};
		expect(
			shipped.nodes.filter((node) => 'checkEvery' in ((node.parameters.options as object) ?? {})),
		).toHaveLength(5);
	});

	it('groups Mist calls by path template', () => {
		expect(
			callsByTemplate([
				'/api/v1/sites/5ca1e100-0000-4000-a000-000000000001/stats/clients',
				'/api/v1/sites/5ca1e100-0000-4000-a000-000000000002/stats/clients',
				'/api/v1/orgs/5ca1e100-0000-4000-a000-000000000100/sites',
			]),
		).toEqual({ '/api/v1/sites/{id}/stats/clients': 2, '/api/v1/orgs/{id}/sites': 1 });
	});

	it('prints the issue 16 target lines', () => {
		const result = (approach: ApproachResult['approach'], calls: number, ms: number) =>
			({
				scale: 'L',
				approach,
				calls,
				executionMs: ms,
				wallMs: ms + 3000,
			}) as ApproachResult;
		const lines = ratioLines(
			[result('allSteps', 26, 2000), result('baseline', 3001, 80_000), result('chain', 34, 9000)],
			'L',
			'1,000 sites',
		);
		expect(lines[0]).toMatch(
			/^All Steps vs per-site baseline at 1,000 sites: 115× fewer calls, 40× less wall time \(target ≥ 50× \/ ≥ 10×: met\)/,
		);
		expect(lines[1]).toBe('shipped chain at 1,000 sites: 34 calls (target ≤ 30: NOT met, 4 over)');
	});
});

describe('benchmark fault matching', () => {
	const apFault: GroundTruthFault = {
		kind: 'ap_offline',
		siteId: 'site-a',
		siteName: 'A',
		apMacs: ['5c5b35000001'],
		clientMacs: [],
	};
	const clientFault: GroundTruthFault = {
		kind: 'weak_coverage',
		siteId: 'site-a',
		siteName: 'A',
		apMacs: [],
		clientMacs: ['aabbcc000001'],
	};
	const portFault: GroundTruthFault = {
		kind: 'switch_port_flap',
		siteId: 'site-b',
		siteName: 'B',
		apMacs: [],
		clientMacs: [],
	};

	it("needs the fault's site, and its AP or client when the finding names one", () => {
		expect(
			findingNamesFault(apFault, { scope: { site_id: 'site-a', ap_mac: '5C:5B:35:00:00:01' } }),
		).toBe(true);
		expect(
			findingNamesFault(apFault, { scope: { site_id: 'site-a', ap_mac: '5c5b35000002' } }),
		).toBe(false);
		expect(
			findingNamesFault(apFault, { scope: { site_id: 'site-b', ap_mac: '5c5b35000001' } }),
		).toBe(false);
		expect(
			findingNamesFault(clientFault, { scope: { site_id: 'site-a', client_mac: 'aabbcc000001' } }),
		).toBe(true);
		expect(
			findingNamesFault(clientFault, { scope: { site_id: 'site-a', client_mac: 'aabbcc000009' } }),
		).toBe(false);
	});

	it('lets a site-wide finding, or any finding of the site for a fault without targets, count', () => {
		expect(findingNamesFault(apFault, { scope: { site_id: 'site-a', ssid: 'Corp' } })).toBe(true);
		expect(
			findingNamesFault(portFault, { scope: { site_id: 'site-b', client_mac: 'aabbcc000009' } }),
		).toBe(true);
		expect(findingNamesFault(portFault, {})).toBe(false);
	});

	it('counts faults found, names the missed ones and the sites flagged without a fault', () => {
		const match = matchFaults(
			[apFault, clientFault, portFault],
			[
				{ scope: { site_id: 'site-a', ap_mac: '5c5b35000001' } },
				{ scope: { site_id: 'site-c', client_mac: 'aabbcc000003' } },
			],
		);
		expect(match).toEqual({
			injected: 3,
			found: 1,
			missed: ['weak_coverage@A', 'switch_port_flap@B'],
			findings: 2,
			falseAlarmSites: 1,
		});
	});
});

describe('per-site baseline workflow', () => {
	const text = fs.readFileSync(BASELINE_FILE, 'utf8');
	const workflow = JSON.parse(text) as { id: string; nodes: WorkflowNode[] };

	it('holds no token: the HTTP Request nodes use the Header Auth credential by id', () => {
		expect(text).not.toContain(DEFAULT_TOKEN);
		expect(text).not.toMatch(/Token [A-Za-z0-9]/);
		expect(text).not.toMatch(/"Authorization"/);
		const http = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.httpRequest');
		expect(http.map((node) => node.name)).toEqual([
			'Get sites',
			'Client stats',
			'Device stats',
			'Client events',
		]);
		for (const node of http) {
			expect(node.parameters).toMatchObject({
				authentication: 'genericCredentialType',
				genericAuthType: 'httpHeaderAuth',
			});
			expect(node.credentials).toEqual({ httpHeaderAuth: BASELINE_CREDENTIAL });
		}
	});

	it('uses core n8n nodes only', () => {
		for (const node of workflow.nodes) expect(node.type).toMatch(/^n8n-nodes-base\./);
	});

	it('gets its address and org from the Config node the benchmark fills in', () => {
		const filled = baselineWorkflow({ baseUrl: 'http://127.0.0.1:1234', orgId: 'org-1' });
		const config = (filled.nodes as WorkflowNode[]).find((node) => node.name === 'Config');
		expect(JSON.stringify(config?.parameters)).toContain('http://127.0.0.1:1234');
		expect(JSON.stringify(config?.parameters)).toContain('org-1');
		expect(text).not.toContain('127.0.0.1');
	});

	it("applies the README's thresholds in its Code node", () => {
		const code = workflow.nodes.find((node) => node.name === 'Apply thresholds')?.parameters
			.jsCode as string;
		const outputs: Record<string, unknown[]> = {
			Config: [{ baseUrl: 'x', orgId: 'org-1' }],
			'Get sites': [{ id: 's1', name: 'Site 1' }],
			'Device stats': [
				{ mac: 'ap1', name: 'AP-1', site_id: 's1', status: 'disconnected' },
				{ mac: 'ap2', name: 'AP-2', site_id: 's1', status: 'connected', num_clients: 60 },
				{ mac: 'ap3', name: 'AP-3', site_id: 's1', status: 'connected', num_clients: 5 },
			],
			'Client stats': [
				{ mac: 'c1', site_id: 's1', rssi: -85, snr: 30, tx_pkts: 100, tx_retries: 5 },
				{ mac: 'c2', site_id: 's1', rssi: -60, snr: 10, tx_pkts: 100, tx_retries: 30 },
				{ mac: 'c3', site_id: 's1', rssi: -60, snr: 30, tx_pkts: 100, tx_retries: 5 },
			],
			'Client events': [
				{
					results: [1, 2, 3].map(() => ({
						type: 'MARVIS_EVENT_CLIENT_AUTH_FAILURE',
						mac: 'c4',
						ap: 'ap3',
					})),
				},
			],
		};
		const $ = (name: string) => ({
			first: () => ({ json: outputs[name][0] }),
			all: () => outputs[name].map((json) => ({ json, pairedItem: { item: 0 } })),
		});
		// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- the workflow's own Code node, run as n8n would
		const run = new Function('$', code) as (dollar: typeof $) => Array<{ json: { rule: string } }>;
		expect(
			run($)
				.map((item) => item.json.rule)
				.sort(),
		).toEqual([
			'ap_offline',
			'ap_overloaded',
			'client_auth_failure',
			'client_high_retries',
			'client_low_snr',
			'client_weak_signal',
		]);
	});
});
