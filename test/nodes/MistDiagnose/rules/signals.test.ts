import {
	DEFAULT_THRESHOLDS,
	degradedSites,
	diagnoseApHealth,
	diagnoseAssociation,
	diagnoseDhcp,
	resolveThresholds,
} from '../../../../nodes/MistDiagnose/rules';
import type { SleSummaryInput } from '../../../../nodes/MistDiagnose/rules';
import {
	lacksDefinition,
	withAlarmDefinitions,
} from '../../../../nodes/MistDiagnose/rules/signals/alarms';
import { troubleshootStep } from '../../../../nodes/MistDiagnose/rules/signals/troubleshoot';
import { context, SITE, SITE2, thresholds } from './fixtures';
import realAlarms from '../fixtures/real/alarms-webhook.json';
import realSle from '../fixtures/real/org-sites-sle.json';

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
		const site = { site_id: SITE, num_clients: 12, coverage: value, capacity: 1 };
		expect(degradedSites([site], DEFAULT_THRESHOLDS)).toHaveLength(expected);
	});

	it('orders sites worst first, skips sites without clients, and honours per-metric limits', () => {
		const sites = [
			{ site_id: SITE, num_clients: 15, capacity: 0.85 },
			{ site_id: SITE2, num_clients: 19, capacity: 0.5 },
			{ site_id: 'empty', num_clients: 0, capacity: 0.1 },
		];
		expect(degradedSites(sites, DEFAULT_THRESHOLDS).map((site) => site.site_id)).toEqual([
			SITE2,
			SITE,
		]);
		expect(degradedSites(sites, DEFAULT_THRESHOLDS, { includeEmpty: true })[0].site_id).toBe(
			'empty',
		);
		expect(
			degradedSites(sites, resolveThresholds({ sleMetricDegradedBelow: { capacity: 0.8 } })).map(
				(site) => site.site_id,
			),
		).toEqual([SITE2]);
	});
});

describe('SLE minimum of clients (fixtures/real/org-sites-sle.json)', () => {
	const worst = realSle.also_real_lab_InsightMetricOrgWorstSitesBySle.results;

	it('does not judge the client SLEs of the real 6-client site with throughput 0, only its AP SLE', () => {
		const site = worst.find((entry) => entry.num_clients === 6)!;
		expect(site.throughput).toBe(0);
		const [degraded] = degradedSites([site], DEFAULT_THRESHOLDS);
		expect(degraded.degraded.map((entry) => entry.metric)).toEqual(['ap-health']);
		expect(degraded.steps).toEqual(['ap_health']);
	});

	it('judges the real 12-client site on every SLE and skips the 0-client one', () => {
		const judged = degradedSites(worst, DEFAULT_THRESHOLDS);
		const busy = judged.find((entry) => entry.num_clients === 12)!;
		expect(busy.degraded.map((entry) => entry.metric)).toEqual([
			'successful-connect',
			'throughput',
			'capacity',
		]);
		expect(judged.map((entry) => entry.num_clients)).toEqual([12, 6]);
	});

	it('judges small sites when the minimum is lowered (Thresholds › SLE Minimum Clients)', () => {
		const site = worst.find((entry) => entry.num_clients === 6)!;
		const [degraded] = degradedSites([site], resolveThresholds({ sleMinClients: 5 }));
		expect(degraded.degraded.map((entry) => entry.metric)).toEqual([
			'throughput',
			'ap-health',
			'coverage',
		]);
	});
});

describe('site SLE summary classifiers', () => {
	/** Shaped like SleSummaryExample: per-hour arrays of user-minutes. */
	const summary = (
		metric: string,
		name: string,
		degraded: number[],
		total: number[],
	): SleSummaryInput => ({
		site_id: SITE,
		metric,
		summary: {
			start: 1627226703,
			end: 1627313103,
			classifiers: [
				{
					name,
					impact: { num_aps: 1, num_users: 4, total_aps: 3, total_users: 26 },
					samples: { degraded, total },
				},
			],
		},
	});

	it.each([
		[[5, 0], [100, 100], undefined],
		[[6, 5], [100, 100], 'major'],
		[[30, 11], [100, 100], 'critical'],
	])('DHCP classifier degraded %j of %j → %s', (degraded, total, severity) => {
		const { findings } = diagnoseDhcp(
			{ sle: [summary('failed-to-connect', 'DHCP', degraded, total)] },
			thresholds(),
			context,
		);
		if (!severity) expect(findings).toEqual([]);
		else
			expect(findings).toEqual([
				expect.objectContaining({ rule: 'sle_dhcp', severity, step: 'dhcp' }),
			]);
	});

	it.each([
		['too few user-minutes (30 < 60)', [20], [30], 26],
		['too few users (6 < 10)', [60], [100], 6],
	])('does not judge a client SLE with %s', (_why, degraded, total, users) => {
		const sle = [summary('failed-to-connect', 'DHCP', degraded, total)];
		sle[0].summary.classifiers![0].impact!.total_users = users;
		expect(diagnoseDhcp({ sle }, thresholds(), context).findings).toEqual([]);
		const lowered = thresholds({ sleMinClients: 5, sleMinUserMinutes: 10 });
		expect(
			diagnoseDhcp({ sle }, lowered, context).findings.map((finding) => finding.severity),
		).toEqual(['critical']);
	});

	it('routes classifiers to their step only', () => {
		const sle = [
			summary('time-to-connect', 'association', [50], [100]),
			summary('ap-availability', 'site-down', [1], [10]),
		];
		expect(
			diagnoseAssociation({ sle }, thresholds(), context).findings.map((finding) => finding.rule),
		).toEqual(['sle_association']);
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
			remediation: {
				kind: 'manual',
				description: 'Ensure the IP helper-address is configured on the VLAN interface.',
			},
		});
		expect(diagnoseDhcp({ troubleshoot }, thresholds(), context).findings).toEqual([]);
	});
});

describe('alarms without severity or group (fixtures/real/alarms-webhook.json)', () => {
	/** Shaped as ConstAlarmDefinitionsExample. */
	const definitions = [
		{
			key: 'rogue-ap-detected',
			group: 'security',
			severity: 'warn',
			display: 'Rogue AP',
			fields: ['aps', 'ssids'],
		},
		{
			key: 'dhcp_failure',
			group: 'marvis',
			severity: 'critical',
			display: 'DHCP failure',
			fields: ['aps'],
		},
	];

	it("takes a real alarm's severity and group from /const/alarm_defs by its type", () => {
		const [real] = realAlarms.events;
		expect(lacksDefinition(real)).toBe(true);
		const [alarm] = withAlarmDefinitions([real], definitions);
		expect(alarm).toEqual({ ...real, severity: 'warn', group: 'security' });
	});

	it('keeps what an alarm says itself, and leaves alarms of unknown types as they are', () => {
		const own = { id: 'a1', type: 'dhcp_failure', severity: 'info', group: 'marvis' };
		const unknown = { id: 'a2', type: 'brand_new_alarm' };
		expect(withAlarmDefinitions([own, unknown], definitions)).toEqual([own, unknown]);
	});

	it("shows Mist's severity and group in the evidence of a finding from a severity-less alarm", () => {
		const alarm = {
			id: 'a3',
			type: 'dhcp_failure',
			site_id: SITE,
			count: 3,
			timestamp: context.now - 60,
		};
		const [plain] = diagnoseDhcp({ alarms: [alarm] }, thresholds(), context).findings;
		expect(plain.evidence).not.toHaveProperty('mistSeverity');
		const [finding] = diagnoseDhcp(
			{ alarms: withAlarmDefinitions([alarm], definitions) },
			thresholds(),
			context,
		).findings;
		expect(finding).toMatchObject({
			rule: 'dhcp_failures_site',
			evidence: { mistSeverity: 'critical', mistGroup: 'marvis', count: 3 },
		});
	});
});
