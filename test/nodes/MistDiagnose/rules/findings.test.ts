import {
	bandsPhrase,
	deviceIdFromMac,
	fingerprint,
	findingSchema,
	formatBands,
	isFinding,
	makeFinding,
	manual,
	maxSeverity,
	mergeFindings,
	parseFinding,
	remediate,
	severityForGrade,
	targets,
} from '../../../../nodes/shared/findings';
import type { Band, Finding, FindingParts } from '../../../../nodes/shared/findings';
import { diagnoseDhcp } from '../../../../nodes/MistDiagnose/rules';
import { clientEvent, context, NOW, ORG, SITE, thresholds } from './fixtures';

const parts = (overrides: Partial<FindingParts> = {}): FindingParts => ({
	step: 'ap_health',
	rule: 'ap_offline',
	severity: 'critical',
	scope: { level: 'ap', org_id: ORG, site_id: SITE, ap_mac: '5c5b35d0077b' },
	target: targets.mac('5C:5B:35:D0:07:7B'),
	summary: 'AP Phoenix-Lobby is offline.',
	evidence: {},
	likelyCause: 'PoE',
	remediation: manual('Check PoE.'),
	timestamps: [NOW - 60, NOW - 600, NOW - 30],
	now: NOW,
	...overrides,
});

describe('fingerprint', () => {
	it('has the documented shape mist:{org}:{site}:{rule}:{target}', () => {
		expect(fingerprint(ORG, SITE, 'ap_offline', '5c5b35d0077b')).toBe(
			`mist:${ORG}:${SITE}:ap_offline:5c5b35d0077b`,
		);
	});

	it.each([
		['mac with colons', targets.mac('5C:5B:35:D0:07:7B'), '5c5b35d0077b'],
		['mac with dashes', targets.mac('5c-5b-35-d0-07-7b'), '5c5b35d0077b'],
		['switch port', targets.switchPort('60:c7:8d:93:9c:0f', 'ge-0/0/17'), '60c78d939c0f/ge-0/0/17'],
		['ssid', targets.ssid(' Corp '), 'ssid=Corp'],
		['vlan number', targets.vlan(10), 'vlan=10'],
		['site', targets.site(), 'site'],
	])('normalises the %s target', (_label, actual, expected) => {
		expect(actual).toBe(expected);
	});

	it('is the same for the same inputs across runs, even when evidence and times differ', () => {
		const events = [clientEvent('MARVIS_EVENT_CLIENT_DHCP_STUCK', 'dadbfc000001', { vlan: '10' })];
		const first = diagnoseDhcp({ events }, thresholds(), context).findings[0];
		const later = diagnoseDhcp(
			{ events: [{ ...events[0], timestamp: NOW + 3600 }] },
			thresholds(),
			{ ...context, now: NOW + 7200 },
		).findings[0];
		expect(first.fingerprint).toBe(later.fingerprint);
		expect(first.fingerprint).toBe(`mist:${ORG}:${SITE}:client_dhcp_failure:dadbfc000001`);
	});

	it('uses "-" for a missing site so the key keeps five parts', () => {
		expect(fingerprint(ORG, undefined, 'x', 'site').split(':')).toHaveLength(5);
	});
});

describe('severity mapping', () => {
	it.each([
		['warn', 'client', 'minor'],
		['crit', 'client', 'major'],
		['warn', 'switch_port', 'minor'],
		['warn', 'ap', 'major'],
		['crit', 'vlan', 'critical'],
		['crit', 'site', 'critical'],
	] as const)('%s on %s → %s', (grade, level, expected) => {
		expect(severityForGrade(grade, level)).toBe(expected);
	});

	it('maxSeverity picks the most urgent', () => {
		expect(maxSeverity('minor', 'critical', 'info')).toBe('critical');
		expect(maxSeverity()).toBe('info');
	});
});

describe('makeFinding', () => {
	it('takes firstSeen/lastSeen from the evidence timestamps and counts them', () => {
		const finding = makeFinding(parts());
		expect(finding.firstSeen).toBe(new Date((NOW - 600) * 1000).toISOString());
		expect(finding.lastSeen).toBe(new Date((NOW - 30) * 1000).toISOString());
		expect(finding.count).toBe(3);
		expect(finding.followUp).toEqual([]);
	});

	it('falls back to "now" without timestamps and drops empty scope fields', () => {
		const finding = makeFinding(
			parts({
				timestamps: [],
				scope: { level: 'site', org_id: ORG, site_id: SITE, site_name: undefined },
			}),
		);
		expect(finding.firstSeen).toBe(new Date(NOW * 1000).toISOString());
		expect(finding.count).toBe(1);
		expect(finding.scope).not.toHaveProperty('site_name');
	});
});

describe('remediation builders', () => {
	it('derives device ids from MACs', () => {
		expect(deviceIdFromMac('5c5b35d0077b')).toBe('00000000-0000-0000-1000-5c5b35d0077b');
		expect(remediate.bouncePort(SITE, '60c78d939c0f', ['ge-0/0/4'], 'x')).toEqual({
			kind: 'action',
			operation: 'bouncePort',
			parameters: {
				site_id: SITE,
				device_id: '00000000-0000-0000-1000-60c78d939c0f',
				ports: ['ge-0/0/4'],
			},
			description: 'x',
		});
	});

	it('adds vlan_id to a synthetic test only when given', () => {
		expect(
			remediate.syntheticTest(SITE, '5c5b35d0077b', 'dhcp', 'x').parameters,
		).not.toHaveProperty('vlan_id');
		expect(
			remediate.syntheticTest(SITE, '5c5b35d0077b', 'dhcp', 'x', '10').parameters,
		).toMatchObject({ type: 'dhcp', vlan_id: '10' });
	});
});

describe('mergeFindings', () => {
	it('collapses equal fingerprints, keeping the most severe and the widest time span', () => {
		const a = makeFinding(
			parts({ severity: 'major', timestamps: [NOW - 100], evidence: { from: 'alarm' } }),
		);
		const b = makeFinding(
			parts({
				severity: 'critical',
				timestamps: [NOW - 900, NOW - 10],
				evidence: { from: 'stats' },
			}),
		);
		const merged = mergeFindings([a, b]);
		expect(merged).toHaveLength(1);
		expect(merged[0].severity).toBe('critical');
		expect(merged[0].firstSeen).toBe(b.firstSeen);
		expect(merged[0].lastSeen).toBe(b.lastSeen);
		expect(merged[0].evidence.sources).toEqual([{ from: 'alarm' }, { from: 'stats' }]);
	});

	it('keeps identical evidence once (one alarm naming several APs)', () => {
		const copies = [1, 2, 3].map(() =>
			makeFinding(parts({ evidence: { from: 'alarm', id: 'a1' } })),
		);
		const merged = mergeFindings(copies);
		expect(merged).toHaveLength(1);
		expect(merged[0].evidence).toEqual({ from: 'alarm', id: 'a1' });
	});
});

describe('finding schema', () => {
	it('accepts findings the rules produce (e.g. after a JSON round trip through n8n)', () => {
		const finding = JSON.parse(JSON.stringify(makeFinding(parts()))) as Finding;
		expect(isFinding(finding)).toBe(true);
		expect(findingSchema.parse(finding).fingerprint).toBe(finding.fingerprint);
	});

	it.each([
		['severity', { severity: 'high' }, 'severity'],
		['rule', { rule: 'Ap Offline' }, 'rule'],
		[
			'remediation operation',
			{ remediation: { kind: 'action', operation: 'formatDisk', parameters: {}, description: '' } },
			'remediation.operation',
		],
		['fingerprint', { fingerprint: 'ap_offline' }, 'fingerprint'],
	])('rejects a bad %s and names the field', (_label, patch, field) => {
		const result = parseFinding({ ...makeFinding(parts()), ...patch });
		expect(result).toHaveProperty('error');
		expect((result as { error: string }).error).toContain(`"${field}"`);
		expect(isFinding({ ...makeFinding(parts()), ...patch })).toBe(false);
	});
});

describe('band wording', () => {
	it.each([
		[['5'], '5 GHz', 'band 5 GHz'],
		[['5', '24'], '2.4 and 5 GHz', 'bands 2.4 and 5 GHz'],
		[['6', '24', '5'], '2.4, 5 and 6 GHz', 'bands 2.4, 5 and 6 GHz'],
	] as Array<[Band[], string, string]>)('%j → "%s" / "%s"', (bands, text, phrase) => {
		expect(formatBands(bands)).toBe(text);
		expect(bandsPhrase(bands)).toBe(phrase);
	});
});
