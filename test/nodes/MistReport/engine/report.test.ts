import { buildReport } from '../../../../nodes/MistReport/engine/aggregate';
import type { ReportFigures } from '../../../../nodes/MistReport/engine/aggregate';
import { classifyReportItem } from '../../../../nodes/MistReport/engine/classify';
import { renderHtml } from '../../../../nodes/MistReport/engine/render/html';
import { renderChatSummary } from '../../../../nodes/MistReport/engine/render/chat';
import { renderMarkdown } from '../../../../nodes/MistReport/engine/render/markdown';
import type { ReportRecord } from '../../../../nodes/MistReport/engine/types';
import { allInputs, OPTIONS, SITE_A, SITE_B } from '../fixtures';

function records(): ReportRecord[] {
	return allInputs().flatMap((json) => {
		const result = classifyReportItem(json);
		if ('error' in result) throw new Error(result.error);
		return result.records;
	});
}

describe('Mist Report › input', () => {
	it('counts a not-checked marker from Mist Diagnose as nothing, not as an unknown kind', () => {
		expect(
			classifyReportItem({
				kind: 'notChecked',
				level: 'org',
				steps: ['dhcp'],
				reason: 'apiBudget',
			}),
		).toEqual({ records: [] });
	});
});

describe('Mist Report › figures', () => {
	let figures: ReportFigures;
	beforeAll(() => {
		figures = buildReport(records(), OPTIONS);
	});

	it('covers the day before the end and the day before that', () => {
		expect(figures.period).toEqual({
			start: '2026-11-24T12:00:00.000Z',
			end: '2026-11-25T12:00:00.000Z',
		});
		expect(figures.previousPeriod).toEqual({
			start: '2026-11-23T12:00:00.000Z',
			end: '2026-11-24T12:00:00.000Z',
		});
	});

	it('counts distinct findings against the previous period', () => {
		expect(figures.summary.findings).toEqual({
			current: 5,
			previous: 3,
			change: 2,
			changePercent: 66.7,
			direction: 'up',
		});
		expect(figures.summary.criticalFindings).toMatchObject({ current: 1, previous: 0 });
	});

	it('marks sites healthy or degraded with reasons and SLE trends', () => {
		expect(figures.summary).toMatchObject({ sites: 2, healthySites: 1, degradedSites: 1 });
		const [hq, branch] = figures.sites;
		expect(hq).toMatchObject({ siteId: SITE_A, siteName: 'HQ', status: 'degraded' });
		expect(hq.reasons).toEqual([
			'1 critical finding(s)',
			'1 major finding(s)',
			'sle_successful_connect 85% < 90%',
		]);
		expect(hq.sle.sle_coverage).toMatchObject({
			current: 95,
			previous: 97,
			change: -2,
			direction: 'down',
		});
		expect(hq.bySeverity).toEqual({ critical: 1, major: 1, minor: 3, info: 0 });
		expect(branch).toMatchObject({ siteId: SITE_B, status: 'healthy', reasons: [] });
		expect(branch.findings).toMatchObject({ current: 0, previous: 2 });
	});

	it('ranks top issues by severity then count, and the most affected clients and APs', () => {
		expect(
			figures.topIssues.map((issue) => [
				issue.rule,
				issue.worstSeverity,
				issue.findings,
				issue.previous,
			]),
		).toEqual([
			['ap_offline', 'critical', 1, 0],
			['client_dhcp_failure', 'major', 1, 0],
			['client_weak_signal', 'minor', 3, 3],
		]);
		expect(figures.topClients[0]).toMatchObject({
			id: '001122000001',
			findings: 2,
			rules: ['client_weak_signal', 'client_dhcp_failure'],
		});
		expect(figures.topClients).toHaveLength(3);
		expect(figures.topAps).toEqual([
			{ id: 'aabbccddee01', name: 'AP-ee01', siteName: 'HQ', findings: 1, rules: ['ap_offline'] },
		]);
	});

	it('summarises remediation, incidents and the API budget', () => {
		expect(figures.remediation).toEqual({
			total: 3,
			byDecision: { executed: 2, dry_run: 1 },
			byResult: { success: 1, failed: 1, skipped: 1 },
			byOperation: [
				{ operation: 'bouncePort', total: 1, succeeded: 0, failed: 0 },
				{ operation: 'reconnectClient', total: 1, succeeded: 1, failed: 0 },
				{ operation: 'restartDevice', total: 1, succeeded: 0, failed: 1 },
			],
		});
		expect(figures.summary.remediationActions).toMatchObject({ current: 3, previous: 1 });
		expect(figures.incidents).toEqual({
			opened: 2,
			resolved: 1,
			stillOpen: 1,
			meanTimeToResolveMinutes: 30,
		});
		expect(figures.summary.incidentsOpened).toMatchObject({ current: 2, previous: 1 });
		expect(figures.apiBudget).toEqual({ requests: 1200, requestLimit: 5000, percentUsed: 24 });
	});

	it('forecasts DHCP exhaustion and flags the client-count anomaly', () => {
		expect(figures.forecasts).toEqual([
			expect.objectContaining({
				siteName: 'Branch',
				metric: 'dhcp_used',
				latest: 70,
				slopePerDay: 5,
				daysToThreshold: 6,
			}),
		]);
		expect(figures.anomalies).toEqual([
			expect.objectContaining({ siteName: 'HQ', metric: 'num_clients', value: 180, mean: 100.13 }),
		]);
	});

	it('renders email-safe HTML with every section and the figures', () => {
		const html = renderHtml(figures);
		expect(html).not.toMatch(/<script|<style|<link|<img|src=|javascript:/i);
		for (const tag of html.match(/<(td|th|table|p|h1|h2|h3|span|li|ul)\b[^>]*>/g) ?? [])
			expect(tag).toMatch(/style="/);
		for (const heading of [
			'Sites',
			'Top issues',
			'Most affected clients',
			'Most affected APs',
			'Remediation',
			'Incidents and API budget',
			'Outlook',
		]) {
			expect(html).toContain(`>${heading}</h2>`);
		}
		expect(html).toContain('Mist Wi-Fi daily report');
		expect(html).toContain('1 / 2');
		expect(html).toContain('5 (+2 vs 3)');
		expect(html).toContain('DEGRADED');
		expect(html).toContain('>AP offline</td>');
		expect(html).not.toMatch(/client_weak_signal|ap_offline/);
		expect(html).toContain('1200 / 5000 (24%)');
		expect(html).toContain('Branch: dhcp_used will reach 100 in ~6.0 days');
		expect(html).toMatch(/width:24%;height:8px/);
	});

	it('renders Markdown with the same figures', () => {
		const markdown = renderMarkdown(figures);
		expect(markdown).toContain('# Mist Wi-Fi daily report');
		expect(markdown).toContain('- Sites healthy: 1 / 2 (degraded: 1)');
		expect(markdown).toContain('- Findings: 5 (+2 vs 3)');
		expect(markdown).toContain('| AP offline | critical | 1 | 0 | HQ |');
		expect(markdown).toContain(
			'| 001122000001 | HQ | 2 | Client with weak signal, Client gets no IP address |',
		);
		expect(markdown).not.toMatch(/client_weak_signal|ap_offline/);
		expect(markdown).toContain('| restartDevice | 1 | 0 | 1 |');
		expect(markdown).toContain('- Mean time to resolve: 30 min');
		expect(markdown).toContain('- Branch: dhcp_used will reach 100 in ~6.0 days');
		expect(markdown).toContain('- Anomaly: HQ num_clients = 180');
	});

	it('sums the report up in a few chat lines, without tables or rule ids', () => {
		const chat = renderChatSummary(figures);
		const lines = chat.split('\n');
		expect(lines[0]).toBe(
			'*Mist Wi-Fi daily report*: 1 of 2 site(s) degraded; findings 5 (+2 vs 3), critical 1 (+1 vs 0).',
		);
		expect(lines.filter((line) => line.startsWith('• '))).toHaveLength(1);
		expect(chat).toMatch(/Top issues: AP offline \(critical, 1\)/);
		expect(chat).not.toMatch(/\||client_weak_signal|ap_offline/);
		expect(lines.length).toBeLessThanOrEqual(8);
	});

	it('weekly reports compare seven-day periods', () => {
		const weekly = buildReport(records(), { ...OPTIONS, type: 'weekly' });
		expect(weekly.period.start).toBe('2026-11-18T12:00:00.000Z');
		expect(weekly.summary.findings).toMatchObject({ current: 7, previous: 0 });
	});

	it('an empty input still gives a complete report', () => {
		const empty = buildReport([], OPTIONS);
		expect(empty.summary).toMatchObject({
			sites: 0,
			findings: { current: 0, previous: 0, direction: 'flat' },
		});
		expect(renderMarkdown(empty)).toContain('_No findings in this period._');
	});
});

describe('Mist Report › worst clients', () => {
	const worstClient = (mac: string, value: number, measuredAt: string, extra = {}) => ({
		kind: 'worstClient',
		measure: 'rssi',
		value,
		unit: 'dBm',
		limit: -72,
		client_mac: mac,
		client_hostname: `host-${mac}`,
		site_id: SITE_B,
		site_name: 'Branch',
		ap_mac: '5c5b35000001',
		ap_name: 'Branch-AP-1',
		measured_at: measuredAt,
		...extra,
	});
	const figuresWith = (items: Array<Record<string, unknown>>) =>
		buildReport(
			[...allInputs(), ...items].flatMap((json) => {
				const result = classifyReportItem(json);
				if ('error' in result) throw new Error(result.error);
				return result.records;
			}),
			OPTIONS,
		);

	it("lists the org's worst clients from Org's Worst Clients and the findings, worst first, with when they were measured", () => {
		const figures = figuresWith([
			worstClient('aa0000000001', -84, '2026-11-25T09:00:00Z'),
			worstClient('aa0000000002', -90, '2026-11-20T09:00:00Z'),
			{ kind: 'clientCoverage', level: 'org', sites: 2, sites_read: 2, summary: 's' },
		]);
		const rows = figures.worstClients.filter((row) => row.measure === 'rssi');
		// The measurement of five days ago is outside the period; the findings' clients (-81) are
		// in, the latest measured first on equal values.
		expect(rows.map((row) => [row.mac, row.value])).toEqual([
			['aa0000000001', -84],
			['001122000002', -81],
			['001122000001', -81],
			['001122000003', -81],
		]);
		expect(rows[0].measuredAt).toBe('2026-11-25T09:00:00.000Z');
		const html = renderHtml(figures);
		expect(html).toContain('>Worst clients</h2>');
		expect(html).toContain('>host-aa0000000001 (aa0000000001)</td>');
		expect(html).toContain('>-84 dBm (limit -72 dBm)</td>');
		expect(html).toContain('>Branch-AP-1</td>');
		expect(renderMarkdown(figures)).toContain(
			'| Weak signal | host-aa0000000001 (aa0000000001) | -84 dBm (limit -72 dBm) | Branch | Branch-AP-1 | 2026-11-25T09:00:00.000Z |',
		);
	});

	it('says so when no client was measured below the thresholds', () => {
		const figures = buildReport([], OPTIONS);
		expect(figures.worstClients).toEqual([]);
		expect(renderHtml(figures)).toContain('No client measured below the thresholds');
	});

	it.each([
		['measure', { measure: 'jitter' }, '"measure" must be one of rssi, snr, retries'],
		['value', { value: 'weak' }, '"value" must be a number'],
		['client_mac', { client_mac: '' }, '"client_mac" is required'],
	])('refuses a worst client with a bad %s, naming the field', (_field, change, message) => {
		expect(
			classifyReportItem(worstClient('aa0000000001', -84, '2026-11-25T09:00:00Z', change)),
		).toEqual({
			error: `Not a worst client: ${message}`,
		});
	});
});
