import {
	DEFAULT_THRESHOLDS,
	degradedSites,
	diagnoseApHealth,
	diagnoseAssociation,
	diagnoseDhcp,
	resolveThresholds,
} from '../../../../nodes/MistDiagnose/rules';
import type { SleSummaryInput } from '../../../../nodes/MistDiagnose/rules';
import { troubleshootStep } from '../../../../nodes/MistDiagnose/rules/signals/troubleshoot';
import { context, SITE, SITE2, thresholds } from './fixtures';

describe('degradedSites (org insights/sites-sle)', () => {
	/** Values from OrgSiteSleWiFiSLE. */
	const example = {
		site_id: 'f5fcbee5-1234-5678-9101-1619ede87879',
		num_aps: 3,
		num_clients: 24,
		'ap-availability': 1,
		'ap-health': 0.6735632316819553,
		capacity: 0.9802900770150502,
		coverage: 0.812181632387686,
		roaming: 1,
		'successful-connect': 0.9535864983932881,
		throughput: 1,
		'time-to-connect': 0.9791666666666666,
	};

	it('lists the spec example site with ap-health and coverage degraded, worst first, and the steps to drill into', () => {
		const [site] = degradedSites([example], DEFAULT_THRESHOLDS);
		expect(site.degraded.map((entry) => entry.metric)).toEqual(['ap-health', 'coverage']);
		expect(site.worst).toBeCloseTo(0.6736, 3);
		expect(site.steps).toEqual(['client_health', 'ap_health']);
	});

	it.each([
		[0.9, 0],
		[0.8999, 1],
	])('coverage %d → %d degraded sites (strictly below 0.9 is degraded)', (value, expected) => {
		const site = { site_id: SITE, num_clients: 5, coverage: value, capacity: 1 };
		expect(degradedSites([site], DEFAULT_THRESHOLDS)).toHaveLength(expected);
	});

	it('orders sites worst first, skips sites without clients, and honours per-metric limits', () => {
		const sites = [
			{ site_id: SITE, num_clients: 5, capacity: 0.85 },
			{ site_id: SITE2, num_clients: 9, capacity: 0.5 },
			{ site_id: 'empty', num_clients: 0, capacity: 0.1 },
		];
		expect(degradedSites(sites, DEFAULT_THRESHOLDS).map((site) => site.site_id)).toEqual([SITE2, SITE]);
		expect(degradedSites(sites, DEFAULT_THRESHOLDS, { includeEmpty: true })[0].site_id).toBe('empty');
		expect(degradedSites(sites, resolveThresholds({ sleMetricDegradedBelow: { capacity: 0.8 } })).map((site) => site.site_id)).toEqual([
			SITE2,
		]);
	});
});

describe('site SLE summary classifiers', () => {
	/** Shaped like SleSummaryExample: per-hour arrays of user-minutes. */
	const summary = (metric: string, name: string, degraded: number[], total: number[]): SleSummaryInput => ({
		site_id: SITE,
		metric,
		summary: {
			start: 1627226703,
			end: 1627313103,
			classifiers: [{ name, impact: { num_aps: 1, num_users: 4, total_aps: 3, total_users: 26 }, samples: { degraded, total } }],
		},
	});

	it.each([
		[[5, 0], [100, 100], undefined],
		[[6, 5], [100, 100], 'major'],
		[[30, 11], [100, 100], 'critical'],
	])('DHCP classifier degraded %j of %j → %s', (degraded, total, severity) => {
		const { findings } = diagnoseDhcp({ sle: [summary('failed-to-connect', 'DHCP', degraded, total)] }, thresholds(), context);
		if (!severity) expect(findings).toEqual([]);
		else expect(findings).toEqual([expect.objectContaining({ rule: 'sle_dhcp', severity, step: 'dhcp' })]);
	});

	it('routes classifiers to their step only', () => {
		const sle = [summary('time-to-connect', 'association', [50], [100]), summary('ap-availability', 'site-down', [1], [10])];
		expect(diagnoseAssociation({ sle }, thresholds(), context).findings.map((finding) => finding.rule)).toEqual(['sle_association']);
		expect(diagnoseApHealth({ sle }, thresholds(), context).findings).toEqual([
			expect.objectContaining({ rule: 'sle_site_down', severity: 'critical' }),
		]);
	});
});

describe('Marvis troubleshoot results', () => {
	it.each([
		['client', 'slow association', 'association'],
		['client', 'DHCP timeout', 'dhcp'],
		['client', '802.1X authentication failures', 'authentication'],
		['site', 'High non-wifi interference', 'rf_environment'],
		['ap', 'AP reboot', 'ap_health'],
		['client', 'weak signal', 'client_health'],
		['site', 'missing VLAN on port', 'infrastructure'],
		['ap', 'something new', 'ap_health'],
	])('%s / %s → %s', (category, reason, step) => {
		expect(troubleshootStep(category, reason)).toBe(step);
	});

	it('becomes a finding of the matching step with Marvis recommendation as the manual fix (TroubleshootExample)', () => {
		const troubleshoot = [
			{
				site_id: SITE,
				client_mac: 'DA:DB:FC:12:34:56',
				start: 1655065456,
				end: 1655151856,
				results: [
					{
						category: 'client',
						reason: 'slow association',
						recommendation: 'Ensure the IP helper-address is configured on the VLAN interface.',
						text: 'Clients of the AP had slow association 8% of the time on Bhavabhi and 5 GHz. ...',
					},
				],
			},
		];
		const [finding] = diagnoseAssociation({ troubleshoot }, thresholds(), context).findings;
		expect(finding).toMatchObject({
			rule: 'marvis_slow_association',
			scope: { level: 'client', client_mac: 'dadbfc123456' },
			remediation: { kind: 'manual', description: 'Ensure the IP helper-address is configured on the VLAN interface.' },
		});
		expect(diagnoseDhcp({ troubleshoot }, thresholds(), context).findings).toEqual([]);
	});
});
