import { diagnoseAssociation } from '../../../../nodes/MistDiagnose/rules';
import { apMac, clientEvent, clientMac, context, NOW, SITE, thresholds } from './fixtures';

const FAIL = 'CLIENT_ASSOCIATION_FAILURE';

describe('association step', () => {
	it('failures concentrated on one AP → one AP finding with restartDevice', () => {
		const events = [
			...[1, 2, 3, 4].map((index) =>
				clientEvent(FAIL, clientMac(index), { ap: apMac(1), reason_code: 17 }),
			),
			clientEvent('MARVIS_EVENT_CLIENT_FBT_FAILURE', clientMac(5), { ap: apMac(2) }),
		];
		const { findings } = diagnoseAssociation({ events }, thresholds(), context);
		const apFinding = findings.find((finding) => finding.rule === 'association_failures_ap');
		expect(apFinding).toMatchObject({
			severity: 'major',
			scope: { level: 'ap', ap_mac: apMac(1) },
			evidence: { affectedClients: 4 },
		});
		expect(apFinding?.remediation).toEqual({
			kind: 'action',
			operation: 'restartDevice',
			parameters: { site_id: SITE, device_id: `00000000-0000-0000-1000-${apMac(1)}` },
			description: expect.any(String),
		});
		expect(
			findings
				.filter((finding) => finding.rule === 'client_association_failure')
				.map((finding) => finding.scope.client_mac),
		).toEqual([clientMac(5)]);
	});

	it('failures spread over many APs → client findings only', () => {
		const events = [1, 2, 3, 4].map((index) =>
			clientEvent(FAIL, clientMac(index), { ap: apMac(index) }),
		);
		const { findings } = diagnoseAssociation({ events }, thresholds(), context);
		expect(findings.map((finding) => finding.rule)).toEqual(
			Array(4).fill('client_association_failure'),
		);
	});

	it.each([
		['3 clients, 3 of 6 failing (50%) → AP', 3, 3, true],
		['2 clients on the AP → below the client minimum', 2, 0, false],
		['3 clients, 3 of 7 failing (43%) → below the share', 3, 4, false],
	])('%s', (_label, onAp, elsewhere, expectAp) => {
		const events = [
			...Array.from({ length: onAp }, (_, index) =>
				clientEvent(FAIL, clientMac(index + 1), { ap: apMac(1) }),
			),
			...Array.from({ length: elsewhere }, (_, index) =>
				clientEvent(FAIL, clientMac(100 + index), { ap: apMac(10 + index) }),
			),
		];
		const rules = diagnoseAssociation({ events }, thresholds(), context).findings.map(
			(finding) => finding.rule,
		);
		expect(rules.includes('association_failures_ap')).toBe(expectAp);
	});

	it('more than 10 clients on one AP is critical', () => {
		const events = Array.from({ length: 11 }, (_, index) =>
			clientEvent(FAIL, clientMac(index + 1), { ap: apMac(1) }),
		);
		expect(diagnoseAssociation({ events }, thresholds(), context).findings).toEqual([
			expect.objectContaining({ rule: 'association_failures_ap', severity: 'critical' }),
		]);
	});

	it('client finding counts 802.11 reason codes and suggests a reconnect as follow-up', () => {
		const events = [
			clientEvent(FAIL, clientMac(1), { reason_code: 17, timestamp: NOW - 50 }),
			clientEvent(FAIL, clientMac(1), { reason_code: 17 }),
		];
		const [finding] = diagnoseAssociation({ events }, thresholds(), context).findings;
		expect(finding.evidence.reasonCodes).toEqual({ '17': 2 });
		expect(finding.followUp[0]).toMatchObject({ operation: 'reconnectClient' });
	});

	it('no association failures → only healthy entities', () => {
		const { findings, healthy } = diagnoseAssociation(
			{ events: [clientEvent('CLIENT_AUTH_ASSOCIATION_11R', clientMac(1))], sites: [{ id: SITE }] },
			thresholds(),
			context,
		);
		expect(findings).toEqual([]);
		expect(healthy).toEqual([
			expect.objectContaining({ level: 'site', id: SITE, step: 'association' }),
		]);
	});
});

describe('association step: fast-roaming failures (real types)', () => {
	it.each([
		'MARVIS_EVENT_WLC_FT_KEY_NOT_FOUND',
		'MARVIS_EVENT_CLIENT_AUTH_FAILURE_OKC',
		'MARVIS_EVENT_CLIENT_FBT_FAILURE',
	])('%s is a roaming failure of the client, not dropped as "other"', (type) => {
		const events = [0, 1].map((index) =>
			clientEvent(type, clientMac(1), { ap: apMac(index + 1), timestamp: NOW - 300 + index * 60 }),
		);
		const [finding] = diagnoseAssociation({ events }, thresholds(), context).findings;
		expect(finding).toMatchObject({
			rule: 'client_association_failure',
			count: 2,
			evidence: { eventCounts: { [type]: 2 } },
		});
		expect(finding.likelyCause).toMatch(/fast roaming/);
	});

	it('roaming failures concentrated on one AP count toward its AP finding', () => {
		const events = [1, 2, 3].map((index) =>
			clientEvent('MARVIS_EVENT_WLC_FT_KEY_NOT_FOUND', clientMac(index), { ap: apMac(1) }),
		);
		expect(
			diagnoseAssociation({ events }, thresholds(), context).findings.map(
				(finding) => finding.rule,
			),
		).toEqual(['association_failures_ap']);
	});
});
