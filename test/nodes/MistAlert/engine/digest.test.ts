import { DIGEST_GROUP_KEY } from '../../../../nodes/MistAlert/engine/digest';
import { renderNotice } from '../../../../nodes/MistAlert/engine/render';
import type { Notice } from '../../../../nodes/MistAlert/engine/types';
import type { RuleId } from '../../../../nodes/shared/findings/titles';
import type { Finding, Severity } from '../../../../nodes/shared/findings/types';
import { apFinding, clientFinding, MIN, runner, SITE_B, T0 } from '../fixtures';

const RULES: RuleId[] = [
	'client_weak_signal',
	'client_low_snr',
	'client_high_retries',
	'client_dhcp_failure',
	'client_auth_failure',
	'client_dns_failure',
];

/** One finding per group: `groups` distinct (site, rule) pairs, severities taken in turn. */
function spread(groups: number, severities: Severity[]): Finding[] {
	return Array.from({ length: groups }, (_, index) =>
		clientFinding(index, {
			rule: RULES[index % RULES.length],
			...(index >= RULES.length ? { site: SITE_B, siteName: 'Branch' } : {}),
			severity: severities[index % severities.length],
		}),
	);
}

const byTier = (notices: Notice[], tier: Notice['tier']) =>
	notices.filter((notice) => notice.tier === tier);

describe('Mist Alert engine › first-run digest', () => {
	it.each([
		['2 groups, minor only', 2, ['minor'], 0],
		['5 groups, minor and major', 5, ['minor', 'major'], 1],
		['12 groups on 2 sites, major only', 12, ['major'], 1],
		['12 groups, every severity but critical', 12, ['info', 'minor', 'major'], 1],
	] as Array<[string, number, Severity[], number]>)(
		'%s: one chat digest, at most one email, no page',
		(_name, groups, severities, emails) => {
			// Page at once, so a page would show if a non-critical incident could get one.
			const engine = runner({ firstRunDigest: true, tier3AfterMs: 0 });
			const findings = spread(groups, severities);
			const notices = engine.run(findings, T0);

			const chat = byTier(notices, 'tier1');
			expect(chat).toHaveLength(1);
			expect(chat[0]).toMatchObject({ digest: true, groupKey: DIGEST_GROUP_KEY, kind: 'firing' });
			expect(chat[0].groupKeys).toHaveLength(groups);
			expect(chat[0].incidents.map((incident) => incident.fingerprint).sort()).toEqual(
				findings.map((finding) => finding.fingerprint).sort(),
			);
			expect(byTier(notices, 'tier2')).toHaveLength(emails);
			for (const email of byTier(notices, 'tier2')) {
				expect(email.incidents.every((incident) => incident.severity === 'major')).toBe(true);
			}
			expect(byTier(notices, 'tier3')).toEqual([]);
		},
	);

	it('pages critical incidents only, one page each, under the usual page delay', () => {
		const findings = [
			apFinding('aabbccddee01'),
			apFinding('aabbccddee02', 'critical', SITE_B, 'Branch'),
			...spread(4, ['major']),
		];
		const atOnce = runner({ firstRunDigest: true, tier3AfterMs: 0 }).run(findings, T0);
		expect(byTier(atOnce, 'tier1')).toHaveLength(1);
		expect(byTier(atOnce, 'tier2')).toHaveLength(1);
		expect(
			byTier(atOnce, 'tier3').map((page) => page.incidents.map((incident) => incident.severity)),
		).toEqual([['critical'], ['critical']]);
		const later = runner({ firstRunDigest: true });
		expect(byTier(later.run(findings, T0), 'tier3')).toEqual([]);
		expect(byTier(later.run(findings, T0 + 30 * MIN), 'tier3')).toHaveLength(2);
	});

	it('lists the digest worst first and puts every email-worthy incident in one email', () => {
		const notices = runner({ firstRunDigest: true }).run(
			[...spread(6, ['minor']), apFinding('aabbccddee03', 'critical', SITE_B, 'Branch')],
			T0,
		);
		const [chat] = byTier(notices, 'tier1');
		expect(chat.incidents[0]).toMatchObject({
			severity: 'critical',
			title: 'AP offline',
			siteName: 'Branch',
		});
		expect(
			byTier(notices, 'tier2').map((email) => email.incidents.map((incident) => incident.rule)),
		).toEqual([['ap_offline']]);
	});

	it('later runs notify per group again: a new incident gets its group message', () => {
		const engine = runner({ firstRunDigest: true });
		const findings = spread(4, ['minor']);
		engine.run(findings, T0);
		const joining = clientFinding(50, { rule: RULES[0] });
		const newGroup = clientFinding(51, { rule: 'client_arp_failure' });
		const second = engine.run([...findings, joining, newGroup], T0 + 10 * MIN);
		const chat = byTier(second, 'tier1');
		expect(chat.map((notice) => notice.digest)).toEqual([false, false]);
		expect(
			chat
				.map((notice) =>
					notice.incidents
						.filter((incident) => incident.isNew)
						.map((incident) => incident.fingerprint),
				)
				.sort(),
		).toEqual([[joining.fingerprint], [newGroup.fingerprint]].sort());
	});

	it('switched off: one message per group from the first run', () => {
		const notices = runner({ firstRunDigest: false }).run(spread(5, ['major']), T0);
		expect(byTier(notices, 'tier1')).toHaveLength(5);
		expect(byTier(notices, 'tier2')).toHaveLength(5);
		expect(notices.every((notice) => !notice.digest)).toBe(true);
	});

	it('a first run with a single group sends that group message, not a digest', () => {
		const notices = runner({ firstRunDigest: true }).run([clientFinding(1), clientFinding(2)], T0);
		expect(byTier(notices, 'tier1')).toEqual([
			expect.objectContaining({
				digest: false,
				groupKeys: [expect.stringContaining('rule=client_weak_signal')],
			}),
		]);
	});

	it('waits out Group Wait: the first announcement is the digest, whichever run it falls in', () => {
		const engine = runner({ firstRunDigest: true, groupWaitMs: 30_000 });
		const findings = spread(3, ['minor']);
		expect(engine.run(findings, T0)).toEqual([]);
		const first = engine.run(findings, T0 + 15 * MIN);
		expect(byTier(first, 'tier1')).toEqual([expect.objectContaining({ digest: true })]);
		expect(engine.state.announcedAt).toBe(new Date(T0 + 15 * MIN).toISOString());
	});

	it('does not digest again once the node has spoken, even after every incident resolved', () => {
		const engine = runner({
			firstRunDigest: true,
			resolveAfterCleanRuns: 1,
			resolvedRetentionMs: 0,
		});
		engine.run(spread(3, ['minor']), T0);
		engine.run([], T0 + 10 * MIN);
		expect(engine.state.incidents).toEqual({});
		const again = engine.run(spread(3, ['minor']), T0 + 20 * MIN);
		expect(byTier(again, 'tier1').map((notice) => notice.digest)).toEqual([false, false, false]);
	});

	it('the acknowledgement of one group of the digest works with the group keys it lists', () => {
		const engine = runner({ firstRunDigest: true });
		const [chat] = engine.run(spread(3, ['minor']), T0);
		engine.run(spread(3, ['minor']), T0 + 5 * MIN, [{ groupKey: chat.groupKeys[1] }]);
		const acknowledged = Object.values(engine.state.incidents).filter(
			(incident) => incident.acknowledged,
		);
		expect(acknowledged.map((incident) => incident.groupKey)).toEqual([chat.groupKeys[1]]);
	});
});

describe('Mist Alert › first-run digest payloads', () => {
	const engine = runner({ firstRunDigest: true, maxListed: 5 });
	const findings = [
		...Array.from({ length: 8 }, (_, index) =>
			clientFinding(index, { rule: RULES[index % 3], severity: index < 2 ? 'major' : 'minor' }),
		),
		apFinding('aabbccddee09', 'critical', SITE_B, 'Branch'),
	];
	const [chat] = engine.run(findings, T0).filter((notice) => notice.tier === 'tier1');
	const rendered = renderNotice(chat, engine.config);

	it('titles the digest by count and place, not by rule id', () => {
		expect(rendered.title).toBe('[FIRING:9] First run: 9 incidents at 2 sites');
		expect(rendered.slack.text).toBe(
			'[FIRING:9] First run: 9 incidents at 2 sites (1 critical, 2 major, 6 minor)',
		);
		expect(rendered.email.subject).toBe(rendered.title);
	});

	it('Slack: one section per site, worst site first, one line per incident, capped with "…and N more"', () => {
		const sections = (
			rendered.slack.blocks as Array<{
				type: string;
				text?: { text: string };
				elements?: Array<{ text: string }>;
			}>
		)
			.filter((block) => block.type === 'section')
			.slice(1)
			.map((block) => block.text?.text ?? '');
		expect(sections.map((text) => text.split('\n')[0])).toEqual([
			'*Branch: 1 incident (1 critical)*',
			'*HQ: 8 incidents (2 major, 6 minor)*',
		]);
		expect(sections[0]).toContain('• CRITICAL · AP offline · AP-ee09: AP aabbccddee09 is offline');
		expect(
			sections[1]
				.split('\n')
				.slice(1)
				.map((line) => line.split(' · ')[0]),
		).toEqual(['• MAJOR', '• MAJOR', '• MINOR', '• MINOR']);
		expect(JSON.stringify(rendered.slack.blocks)).toContain('…and 4 more (4 minor)');
		expect(JSON.stringify(rendered.slack.blocks)).not.toMatch(/client_weak_signal|ap_offline/);
	});

	it('email: a heading row per site, then the incidents of that site; text the same way', () => {
		expect(rendered.email.html.indexOf('Branch: 1 incident (1 critical)')).toBeLessThan(
			rendered.email.html.indexOf('HQ: 8 incidents'),
		);
		expect(rendered.email.html).toContain('<b>AP offline</b>');
		expect(rendered.email.text.split('\n')).toEqual(
			expect.arrayContaining([
				'Branch: 1 incident (1 critical)',
				'HQ: 8 incidents (2 major, 6 minor)',
				'…and 4 more (4 minor).',
			]),
		);
	});

	it('Teams and webhook: sections per site; the webhook names the groups and keeps rule ids as fields', () => {
		expect(rendered.teams.sections.map((section) => section.activityTitle)).toEqual([
			'Branch: 1 incident (1 critical)',
			'HQ: 8 incidents (2 major, 6 minor)',
			'…and 4 more (4 minor)',
		]);
		expect(rendered.webhook).toMatchObject({
			digest: true,
			groupKey: DIGEST_GROUP_KEY,
			groupKeys: chat.groupKeys,
		});
		expect(rendered.webhook.incidents[0]).toMatchObject({
			rule: 'ap_offline',
			title: 'AP offline',
		});
	});
});
