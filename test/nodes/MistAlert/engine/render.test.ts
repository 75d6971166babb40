import { alertConfig } from '../../../../nodes/MistAlert/engine/config';
import { evaluate } from '../../../../nodes/MistAlert/engine/evaluate';
import {
	dedupKey,
	PAGERDUTY_SEVERITY,
	renderNotice,
} from '../../../../nodes/MistAlert/engine/render';
import { emptyState } from '../../../../nodes/MistAlert/engine/state';
import type { Notice } from '../../../../nodes/MistAlert/engine/types';
import type { Finding } from '../../../../nodes/shared/findings/types';
import { apFinding, clientFinding, MIN, ORG, SITE_A, T0 } from '../fixtures';

const ROUTING_KEY = 'R0UTING';
const config = alertConfig({
	groupWaitMs: 0,
	maxListed: 5,
	dashboardUrl: 'https://n8n.example/dash',
});

function noticesFor(findings: Finding[], times = [T0]): Notice[] {
	const state = emptyState();
	const all: Notice[] = [];
	for (const at of times)
		all.push(
			...evaluate(
				state,
				{
					findings: findings.map((finding, itemIndex) => ({ finding, itemIndex })),
					acks: [],
					countsAsRun: true,
				},
				config,
				at,
			).notices,
		);
	return all;
}

describe('Mist Alert › channel payloads', () => {
	const storm = Array.from({ length: 12 }, (_, index) => clientFinding(index));
	storm[0] = { ...storm[0], summary: 'Client <script>alert(1)</script> & co' };
	const [chat] = noticesFor(storm);
	const rendered = renderNotice(chat, config);

	it('Slack: text plus header/section/context blocks within limits', () => {
		expect(rendered.slack.text).toContain('[FIRING:12] Client with weak signal at HQ');
		const blocks = rendered.slack.blocks as Array<{
			type: string;
			text?: { type: string; text: string };
			elements?: Array<{ text: string }>;
		}>;
		expect(blocks[0]).toEqual({
			type: 'header',
			text: { type: 'plain_text', text: '[FIRING:12] Client with weak signal at HQ' },
		});
		expect(blocks.filter((block) => block.type === 'section')).toHaveLength(1 + 5);
		expect(blocks.length).toBeLessThanOrEqual(50);
		expect(JSON.stringify(blocks)).toContain('…and 7 more');
		expect(JSON.stringify(blocks)).toContain('&lt;script&gt;');
		expect(blocks.at(-1)?.elements?.[0].text).toContain(
			'<https://n8n.example/dash|Open dashboard>',
		);
	});

	it('Teams: a MessageCard with a colour and one section per listed incident', () => {
		expect(rendered.teams).toMatchObject({
			'@type': 'MessageCard',
			'@context': 'https://schema.org/extensions',
			themeColor: 'f9a825',
		});
		expect(rendered.teams.sections).toHaveLength(6);
		expect(rendered.teams.sections[0].facts.map((fact) => fact.name)).toEqual([
			'Site',
			'Rule',
			'Likely cause',
			'Next step',
			'First seen',
		]);
	});

	it('email: subject, escaped html with inline styles and no scripts, and plain text', () => {
		expect(rendered.email.subject).toBe('[FIRING:12] Client with weak signal at HQ');
		expect(rendered.email.html).not.toMatch(/<script/i);
		expect(rendered.email.html).not.toMatch(/<style|<link|src=/i);
		expect(rendered.email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
		const tags = rendered.email.html.match(/<(td|th|table|div|p|span)\b[^>]*>/g) ?? [];
		expect(tags.length).toBeGreaterThan(10);
		for (const tag of tags) expect(tag).toMatch(/style="/);
		expect(rendered.email.text).toContain('Likely cause: Client far from the AP');
		expect(rendered.email.text).toContain('…and 7 more (7 minor).');
	});

	it('email: a site-wide problem is placed once ("HQ", not "HQ / HQ")', () => {
		const siteWide = {
			...clientFinding(40, { rule: 'dhcp_failures_site', severity: 'major' }),
			scope: { level: 'site', org_id: ORG, site_id: SITE_A, site_name: 'HQ' },
		} as Finding;
		const [notice] = noticesFor([siteWide]);
		const { text, html } = renderNotice(notice, config).email;
		expect(text).toContain('- [MAJOR] DHCP failures at a site · HQ: ');
		expect(text).not.toContain('HQ / HQ');
		expect(html).not.toMatch(/HQ<br>/);
	});

	it('webhook: a versioned JSON document', () => {
		expect(rendered.webhook).toMatchObject({
			schema: 'mist-alert/v1',
			kind: 'firing',
			status: 'firing',
			groupKey: chat.groupKey,
		});
		expect(rendered.webhook.incidents).toHaveLength(12);
	});

	it.each(Object.entries(PAGERDUTY_SEVERITY))('PagerDuty maps %s to %s', (severity, expected) => {
		const finding = apFinding('aabbccddee20', severity as Finding['severity']);
		const [first] = noticesFor([finding]);
		const event = renderNotice(first, config).pagerduty as { payload: { severity: string } };
		expect(event.payload.severity).toBe(expected);
	});

	it('PagerDuty: a page is keyed by fingerprint and carries the Events v2 fields', () => {
		const critical = apFinding('aabbccddee21');
		const page = noticesFor([critical], [T0, T0 + 30 * MIN]).find(
			(notice) => notice.kind === 'page',
		);
		const event = renderNotice(page as Notice, config, ROUTING_KEY).pagerduty as Record<
			string,
			unknown
		> & {
			payload: Record<string, unknown>;
		};
		expect(event).toMatchObject({
			routing_key: 'R0UTING',
			event_action: 'trigger',
			dedup_key: critical.fingerprint,
		});
		expect(Object.keys(event.payload).sort()).toEqual([
			'class',
			'component',
			'custom_details',
			'group',
			'severity',
			'source',
			'summary',
			'timestamp',
		]);
		expect(event.payload).toMatchObject({
			severity: 'critical',
			class: 'ap_offline',
			group: 'HQ',
			source: 'AP-ee21',
			component: 'ap:aabbccddee21',
		});
	});

	it.each([
		['short', 'mist:o:s:r:t', 'mist:o:s:r:t'],
		['exactly 255', 'x'.repeat(255), 'x'.repeat(255)],
	])('PagerDuty dedup_key keeps a %s key', (_name, key, expected) => {
		expect(dedupKey(key)).toBe(expected);
	});

	it('PagerDuty dedup_key shortens long keys to 255 characters, stably and distinctly', () => {
		const long = `mist:org:site:rule:${'a'.repeat(300)}`;
		const other = `${long}b`;
		expect(dedupKey(long)).toHaveLength(255);
		expect(dedupKey(long)).toBe(dedupKey(long));
		expect(dedupKey(long)).not.toBe(dedupKey(other));
	});

	it('resolved notices: green, resolve event only when the group is clear', () => {
		const state = emptyState();
		const cfg = alertConfig({ groupWaitMs: 0, resolveAfterCleanRuns: 1 });
		const a = clientFinding(30);
		const b = clientFinding(31);
		evaluate(
			state,
			{
				findings: [
					{ finding: a, itemIndex: 0 },
					{ finding: b, itemIndex: 1 },
				],
				acks: [],
				countsAsRun: true,
			},
			cfg,
			T0,
		);
		const partial = evaluate(
			state,
			{ findings: [{ finding: b, itemIndex: 0 }], acks: [], countsAsRun: true },
			cfg,
			T0 + 5 * MIN,
		).notices;
		const partialItem = renderNotice(
			partial.find((notice) => notice.tier === 'resolved') as Notice,
			cfg,
		);
		expect(partialItem.pagerduty).toBeNull();
		expect(partialItem.teams.themeColor).toBe('2e7d32');
		expect(partialItem.email.text).toContain('1 still open in this group');
		const clear = evaluate(
			state,
			{ findings: [], acks: [], countsAsRun: true },
			cfg,
			T0 + 10 * MIN,
		).notices;
		expect(renderNotice(clear[0], cfg).pagerduty).toMatchObject({
			event_action: 'resolve',
			dedup_key: expect.stringMatching(/^mist:.+:client_weak_signal:\*$/),
		});
	});

	it('PagerDuty: the routing key goes into Tier 3 bodies only, never into chat, email or group resolves', () => {
		const critical = apFinding('aabbccddee23');
		const state = emptyState();
		const run = (findings: Finding[], at: number) =>
			evaluate(
				state,
				{
					findings: findings.map((finding, itemIndex) => ({ finding, itemIndex })),
					acks: [],
					countsAsRun: true,
				},
				{ ...config, firstRunDigest: false },
				at,
			).notices;
		const notices = [
			...run([critical], T0),
			...run([critical], T0 + 31 * MIN),
			...run([], T0 + 40 * MIN),
			...run([], T0 + 45 * MIN),
		];
		const rendered = notices.map((notice) => ({
			tier: notice.tier,
			kind: notice.kind,
			item: renderNotice(notice, config, ROUTING_KEY),
		}));
		expect(new Set(rendered.map(({ tier }) => tier))).toEqual(
			new Set(['tier1', 'tier2', 'tier3', 'resolved']),
		);
		for (const { tier, kind, item } of rendered) {
			const withKey = tier === 'tier3';
			expect({ tier, kind, hasKey: JSON.stringify(item).includes(ROUTING_KEY) }).toEqual({
				tier,
				kind,
				hasKey: withKey,
			});
			if (withKey) expect(item.pagerduty).toMatchObject({ routing_key: ROUTING_KEY });
			else if (item.pagerduty) expect(item.pagerduty).not.toHaveProperty('routing_key');
		}
		expect(rendered.filter(({ tier }) => tier === 'tier3').map(({ kind }) => kind)).toEqual([
			'page',
			'resolved',
		]);
		// Without a key, a Tier 3 body is still whole, only without routing_key.
		const page = notices.find((notice) => notice.kind === 'page') as Notice;
		expect(renderNotice(page, config).pagerduty).toEqual(
			Object.fromEntries(
				Object.entries(renderNotice(page, config, ROUTING_KEY).pagerduty ?? {}).filter(
					([key]) => key !== 'routing_key',
				),
			),
		);
	});
});
