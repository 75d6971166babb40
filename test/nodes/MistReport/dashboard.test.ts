import type { IDataObject } from 'n8n-workflow';

import { MistReport } from '../../../nodes/MistReport/MistReport.node';
import {
	addDashboardItem,
	emptyDashboardInput,
} from '../../../nodes/MistReport/engine/render/dashboardInput';
import type { DashboardInput } from '../../../nodes/MistReport/engine/render/dashboardInput';
import {
	renderDashboardHtml,
	sparkline,
} from '../../../nodes/MistReport/engine/render/dashboardHtml';
import {
	buildDashboard,
	meanSleBySite,
} from '../../../nodes/MistReport/engine/render/dashboardModel';
import {
	TREND_SUBJECT,
	trendsFromLog,
} from '../../../nodes/MistReport/engine/render/dashboardMemory';
import { createExecuteContext } from '../../helpers/executeContext';
import { apFinding, clientFinding, ORG, SITE_A, SITE_B, T0 } from '../MistAlert/fixtures';

const AP_BAD = '5c5b35000001';
const AP_GOOD = '5c5b35000002';
const AP_DOWN = '5c5b35000003';

function sleRow(site: string, coverage: number): IDataObject {
	return {
		site_id: site,
		num_aps: 3,
		num_clients: 40,
		'successful-connect': 0.99,
		coverage,
		capacity: 0.98,
	};
}
function apStat(mac: string, status: string, site = SITE_A, x: number | null = 100): IDataObject {
	return {
		id: `00000000-0000-0000-1000-${mac}`,
		mac,
		name: `AP-${mac.slice(-4)}`,
		type: 'ap',
		status,
		site_id: site,
		org_id: ORG,
		map_id: 'm1',
		x,
		y: 200,
		num_clients: 5,
	};
}
const clientStat = (mac: string, site = SITE_A): IDataObject => ({
	mac,
	hostname: `host-${mac.slice(-4)}`,
	site_id: site,
	ap_mac: AP_GOOD,
	rssi: -60,
	type: 'regular',
	x: 300,
	y: 400,
});

/** A small org: site A with one AP finding and one client finding, site B healthy. */
function demoItems(): IDataObject[] {
	return [
		sleRow(SITE_A, 0.72),
		sleRow(SITE_B, 0.995),
		{ id: SITE_A, name: 'HQ', org_id: ORG, timezone: 'UTC' },
		{ id: SITE_B, name: 'Branch', org_id: ORG, timezone: 'UTC' },
		apStat(AP_BAD, 'connected'),
		apStat(AP_GOOD, 'connected'),
		apStat(AP_DOWN, 'disconnected'),
		apStat('5c5b35000004', 'connected', SITE_B),
		apStat('5c5b35000005', 'connected', SITE_B, null),
		clientStat('001122000001'),
		apFinding(AP_BAD) as unknown as IDataObject,
		clientFinding(1) as unknown as IDataObject,
	];
}

function inputOf(items: IDataObject[]): DashboardInput {
	const input = emptyDashboardInput();
	for (const item of items) {
		const problem = addDashboardItem(input, item as Record<string, unknown>);
		if (problem) throw new Error(problem.error);
	}
	return input;
}

const model = (items = demoItems(), trends?: Record<string, number[]>) =>
	buildDashboard(inputOf(items), { title: 'Test', now: T0, sleThreshold: 90, trends });

describe('Mist Report › dashboard input', () => {
	it.each<[string, IDataObject, keyof DashboardInput]>([
		['an SLE row', sleRow(SITE_A, 0.8), 'sle'],
		['a site', { id: SITE_A, name: 'HQ', org_id: ORG }, 'sites'],
		['a raw AP stat', apStat(AP_GOOD, 'connected'), 'devices'],
		['a raw client stat (type "regular")', clientStat('001122000009'), 'clients'],
		['a finding', apFinding(AP_BAD) as unknown as IDataObject, 'findings'],
		[
			'a Mist Alert incident',
			{
				kind: 'incident',
				fingerprint: 'f',
				rule: 'ap_offline',
				severity: 'critical',
				status: 'open',
				siteName: 'HQ',
				summary: 's',
			},
			'incidents',
		],
		[
			'a remediation record',
			{
				operation: 'restartDevice',
				decision: 'allowed',
				result: 'success',
				timestamp: '2026-11-25T11:00:00Z',
			},
			'remediation',
		],
		['an upstream error', { error: 'Invalid Site: it is empty' }, 'dataErrors'],
		[
			"one of Mist Diagnose's Org's Worst Clients",
			{
				kind: 'worstClient',
				measure: 'snr',
				value: 7,
				client_mac: '001122000009',
				site_id: SITE_A,
			},
			'worstClients',
		],
	])('sorts %s into its own list', (_name, json, bucket) => {
		const input = inputOf([json]);
		expect(input[bucket]).toHaveLength(1);
		const others = (Object.keys(input) as Array<keyof DashboardInput>).filter(
			(key) => key !== bucket,
		);
		for (const key of others) expect({ key, items: input[key] }).toEqual({ key, items: [] });
	});

	it('turns SLE ratios into percents and ignores an empty item', () => {
		const input = inputOf([sleRow(SITE_A, 0.7234), {}]);
		expect(input.sle[0].values).toEqual({ 'successful-connect': 99, coverage: 72.3, capacity: 98 });
	});

	it('passes over a not-checked marker from Mist Diagnose: no finding, no error', () => {
		const input = emptyDashboardInput();
		const marker = { kind: 'notChecked', level: 'org', steps: ['dhcp'], reason: 'notDue' };
		expect(addDashboardItem(input, marker)).toBeUndefined();
		expect(input).toEqual(emptyDashboardInput());
	});

	it('names what it expected when an item is not dashboard input', () => {
		expect(addDashboardItem(emptyDashboardInput(), { foo: 1 })).toEqual({
			error: expect.stringContaining('Not dashboard input: expected an SLE row'),
		});
		expect(addDashboardItem(emptyDashboardInput(), { fingerprint: 'x', scope: {} })).toEqual({
			error: expect.any(String),
		});
	});
});

describe('Mist Report › dashboard model', () => {
	it('marks the site with a low SLE and findings degraded, the other healthy, degraded first', () => {
		const { sites } = model();
		expect(sites.map((site) => [site.name, site.status])).toEqual([
			['HQ', 'degraded'],
			['Branch', 'healthy'],
		]);
		expect(sites[0].reasons).toEqual(['SLE below 90%: coverage', '2 finding(s)']);
		expect(sites[0].worstSle).toEqual({ key: 'coverage', value: 72 });
	});

	it('colours APs: red with a finding, green when healthy, grey when not connected; counts unplaced APs', () => {
		const [hq, branch] = model().sites;
		expect(Object.fromEntries(hq.aps.map((ap) => [ap.mac, ap.health]))).toEqual({
			[AP_BAD]: 'red',
			[AP_GOOD]: 'green',
			[AP_DOWN]: 'grey',
		});
		expect(hq.aps.find((ap) => ap.mac === AP_BAD)?.problems).toEqual([`AP ${AP_BAD} is offline`]);
		expect(branch.aps).toHaveLength(1);
		expect(branch.unplacedAps).toBe(1);
		expect(hq.clients).toEqual([
			expect.objectContaining({ mac: '001122000001', x: 300, y: 400, hasProblem: true }),
		]);
	});

	it('lists findings as incidents (worst first, with age) unless Mist Alert incidents are given', () => {
		const fromFindings = model().incidents;
		expect(
			fromFindings.map((incident) => [incident.severity, incident.rule, incident.ageMinutes]),
		).toEqual([
			['critical', 'ap_offline', 2],
			['minor', 'client_weak_signal', 1],
		]);
		const given = model([
			...demoItems(),
			{
				kind: 'incident',
				fingerprint: 'a',
				rule: 'dhcp',
				severity: 'major',
				status: 'open',
				siteName: 'HQ',
				summary: 'DHCP down',
				openedAt: new Date(T0 - 3_600_000).toISOString(),
			},
			{
				kind: 'incident',
				fingerprint: 'b',
				rule: 'old',
				severity: 'major',
				status: 'resolved',
				siteName: 'HQ',
				summary: 'gone',
			},
		]).incidents;
		expect(given.map((incident) => [incident.summary, incident.ageMinutes])).toEqual([
			['DHCP down', 60],
		]);
		const untold = model([
			...demoItems(),
			{
				kind: 'incident',
				fingerprint: 'c',
				rule: 'site_down',
				severity: 'critical',
				status: 'open',
				siteName: 'HQ',
			},
		]).incidents;
		expect(untold.map((incident) => incident.summary)).toEqual(['Site down']);
	});

	it('keeps the five worst SLEs below the threshold and the mean SLE per site for trends', () => {
		expect(model().worstSles).toEqual([{ siteName: 'HQ', key: 'coverage', value: 72 }]);
		expect(meanSleBySite(inputOf(demoItems()))).toEqual({ [SITE_A]: 89.7, [SITE_B]: 98.8 });
	});
});

describe('Mist Report › dashboard trend memory', () => {
	it('draws stored samples oldest first, skips report summaries, and ends with this run', () => {
		const sample = (at: number, value: number) => ({
			at,
			subject: TREND_SUBJECT,
			value: { values: { s: value } },
		});
		// Newest first, as the memory returns them; a daily report summary shares the log.
		const entries = [
			sample(3, 93),
			{ at: 2, subject: 'daily', value: { findings: 4 } },
			sample(1, 92),
			sample(0, 91),
		];
		expect(trendsFromLog(entries, { s: 94, t: 80 }, 10)).toEqual({ s: [91, 92, 93, 94], t: [80] });
		expect(trendsFromLog(entries, { s: 94 }, 3)).toEqual({ s: [92, 93, 94] });
		expect(
			trendsFromLog([{ at: 1, subject: TREND_SUBJECT, value: { values: [1] } }], {}, 5),
		).toEqual({});
	});

	it('draws a sparkline with one point per sample and an accessible label', () => {
		const svg = sparkline([90, 95, 99], 'HQ mean SLE');
		expect(svg).toContain('aria-label="HQ mean SLE: 3 sample(s), latest 99.0%"');
		expect(svg.match(/<polyline points="([^"]+)"/)?.[1].split(' ')).toHaveLength(3);
		expect(sparkline([], 'X')).toContain('no samples yet');
	});
});

describe('Mist Report › dashboard page', () => {
	const ATTACK = '<img src=x onerror="window.pwned=1">"\'&';

	it('escapes every Mist name, summary and error (no HTML injection)', () => {
		const items = demoItems().map((item) =>
			item.id === SITE_A ? { ...item, name: `HQ ${ATTACK}` } : item,
		);
		items.push(
			{ ...apStat('5c5b35000009', 'connected'), name: `AP ${ATTACK}` },
			{ error: `bad ${ATTACK}` },
		);
		const html = renderDashboardHtml(model(items));
		expect(html).not.toContain('<img');
		expect(html).toContain(
			'HQ &lt;img src=x onerror=&quot;window.pwned=1&quot;&gt;&quot;&#39;&amp;',
		);
		expect(html.match(/<script>/g)).toHaveLength(1);
	});

	it('is self-contained: no external URL, stylesheet link or remote script', () => {
		const html = renderDashboardHtml(model());
		expect(html).not.toMatch(/https?:\/\//);
		expect(html).not.toMatch(/<script[^>]+src=/);
		expect(html).not.toMatch(/<link[^>]+stylesheet/);
		expect(html).toContain('<link rel="icon" href="data:,">');
	});

	it('has the sections as headings, table headers and labelled graphics', () => {
		const html = renderDashboardHtml(model());
		for (const heading of [
			'Org health at a glance',
			'Open incidents',
			'SLE per site',
			'Site view',
			'Trends',
			'Recent remediation',
		]) {
			expect(html).toMatch(new RegExp(`<h2 id="h-[a-z-]+">${heading}</h2>`));
		}
		expect(html).toContain('<th scope="row">');
		expect(html).toContain(
			'role="img" aria-label="HQ floor map: 3 AP(s), 1 with a problem, 1 client(s) placed"',
		);
		expect(html).toContain('<p class="empty">No remediation recorded.');
	});

	it("lists the org's worst clients with when they were measured, and what part of the org they stand for", () => {
		const html = renderDashboardHtml(
			model([
				...demoItems(),
				{
					kind: 'worstClient',
					measure: 'retries',
					value: 41,
					unit: '%',
					client_mac: '001122000042',
					client_hostname: `cam ${ATTACK}`,
					site_id: SITE_A,
					site_name: 'HQ',
					measured_at: '2026-11-25T11:58:00Z',
				},
				{
					kind: 'clientCoverage',
					summary: 'The worst clients of 2 of 2 sites, read since 2026-11-25T11:00:00.000Z.',
				},
			]),
		);
		expect(html).toMatch(/<h2 id="h-worst-clients">Worst clients<\/h2>/);
		expect(html).toContain('The worst clients of 2 of 2 sites');
		expect(html).toContain('<tr data-worst-client="retries"><td>High retries</td>');
		expect(html).toContain('<td>41 %</td><td>HQ</td><td></td><td>2026-11-25T11:58:00.000Z</td>');
		expect(html).not.toContain(`cam ${ATTACK}`);
	});

	it('shows an empty page without data rather than failing', () => {
		const html = renderDashboardHtml(
			buildDashboard(emptyDashboardInput(), { title: 'Empty', now: T0, sleThreshold: 90 }),
		);
		expect(html).toContain('No site data.');
		expect(html).toContain('No open incidents.');
	});
});

describe('Mist Report node › Render Dashboard', () => {
	function execute(
		items: IDataObject[],
		dashboardOptions: IDataObject = {},
		options: { continueOnFail?: boolean; staticData?: IDataObject } = {},
	) {
		const ctx = createExecuteContext({
			params: { operation: 'renderDashboard', timezone: 'UTC', dashboardOptions },
			items: items.map((json) => ({ json })),
			continueOnFail: options.continueOnFail,
			staticData: options.staticData,
			node: { name: 'Render Dashboard', type: 'n8n-nodes-juniper-mist.mistReport' },
		});
		return new MistReport().execute.call(ctx);
	}

	it('outputs one item with the page, a summary and its memory, and remembers a trend sample', async () => {
		const staticData: IDataObject = {};
		const [out] = await execute(demoItems(), { title: 'Acme Wi-Fi' }, { staticData });
		expect(out).toHaveLength(1);
		const json = out[0].json as { html: string; summary: IDataObject };
		expect(json.html).toContain('<title>Acme Wi-Fi</title>');
		expect(json.summary).toEqual({
			sites: 2,
			degradedSites: ['HQ'],
			openIncidents: 2,
			apsWithProblems: ['AP-0001'],
			dataErrors: 0,
		});
		expect(out[0].pairedItem).toHaveLength(demoItems().length);
		expect(out[0].json.memory).toEqual({ store: 'workflow static data', namespace: 'workflow' });
		const log = staticData['memoryLog:workflow'] as { report: Array<{ subject: string }> };
		expect(log.report.map((entry) => entry.subject)).toEqual([TREND_SUBJECT]);
		// A second page within the interval draws this run's values but stores no sample.
		await execute(demoItems(), {}, { staticData });
		expect(log.report).toHaveLength(1);
	});

	it('rejects an item it cannot read, naming it, or passes it on with Continue On Fail', async () => {
		await expect(execute([...demoItems(), { foo: 'bar' }])).rejects.toThrow(
			`Item ${demoItems().length}: Not dashboard input`,
		);
		const [out] = await execute([{ foo: 'bar' }], {}, { continueOnFail: true });
		expect(out.map((item) => Object.keys(item.json))).toEqual([
			['html', 'summary', 'memory'],
			['error', 'description'],
		]);
	});

	it.each([
		[{ sleThreshold: 120 }, '"SLE Threshold (%)" 120 must be a number from 0 to 100'],
		[{ maxTrendSamples: 1 }, '"Max Trend Samples" 1 must be a number from 2'],
	])('refuses option %j', async (dashboardOptions, message) => {
		await expect(execute(demoItems(), dashboardOptions)).rejects.toThrow(message);
	});
});
