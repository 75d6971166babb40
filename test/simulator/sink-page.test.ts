import { startAlertSink, type RunningAlertSink, type SinkMessage } from '../../simulator/src/sink';
import { wantsHtml } from '../../simulator/src/sink/http';
import { mrkdwnToHtml, mrkdwnToPlain } from '../../simulator/src/sink/mrkdwn';
import { renderMessagesPage } from '../../simulator/src/sink/page';

const NOW = 1_700_000_000_000;
/** What Chromium and Firefox send for a page load. */
const BROWSER_ACCEPT =
	'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

const slackAlert = {
	text: '[FIRING:2] ap_offline at HQ (2 critical)',
	blocks: [
		{ type: 'header', text: { type: 'plain_text', text: '[FIRING:2] ap_offline at HQ' } },
		{ type: 'section', text: { type: 'mrkdwn', text: '2 critical' } },
		{ type: 'divider' },
		{
			type: 'section',
			text: {
				type: 'mrkdwn',
				text: '*CRITICAL* · HQ-AP-03 · _new_\nAP offline &amp; 12 clients moved\n_Likely cause:_ PoE lost',
			},
		},
		{
			type: 'context',
			elements: [
				{
					type: 'mrkdwn',
					text: 'Group `rule=ap_offline` · <https://n8n.example/dash|Open dashboard>',
				},
			],
		},
	],
};

const pagerDutyTrigger = {
	routing_key: 'R0UTING',
	event_action: 'trigger',
	dedup_key: 'mist:org:site:ap_offline:*',
	payload: {
		summary: '[FIRING:1] ap_offline at HQ — AP HQ-AP-03 is offline',
		source: 'HQ-AP-03',
		severity: 'critical',
		custom_details: {
			incidents: [{ severity: 'critical', entity: 'HQ-AP-03', summary: 'AP HQ-AP-03 is offline' }],
			total_incidents: 1,
		},
	},
};

/** The tags the page is made of; anything else would have come from a message. */
const PAGE_TAGS =
	'html head meta title style body header h1 nav a span main article div time details summary pre hr b i s code table tr th td ul li iframe p'.split(
		' ',
	);

function message(
	id: number,
	channel: SinkMessage['channel'],
	fields: Partial<SinkMessage>,
): SinkMessage {
	return { id, channel, receivedAt: NOW - 90_000, ...fields };
}

const emailMessage = message(3, 'email', {
	email: {
		from: 'monitor@demo.corp',
		to: ['oncall@demo.corp', 'noc@demo.corp'],
		subject: '[ESCALATED:1] ap_offline at HQ',
		headers: {},
		html: '<p style="color:red">AP <b>offline</b></p><script>parent.document.title="owned"</script><img src=x onerror="alert(1)">',
		text: 'AP offline since 10:02',
		raw: '',
	},
});

describe('alert sink page', () => {
	describe('over HTTP', () => {
		let sink: RunningAlertSink;

		beforeAll(async () => {
			sink = await startAlertSink({ now: () => NOW });
		});
		afterAll(async () => {
			await sink.close();
		});
		beforeEach(async () => {
			sink.clear();
			await post('/slack/T000/B000/XXXX', slackAlert);
			await post('/pagerduty/v2/enqueue', pagerDutyTrigger);
			await post('/webhook/oncall', {
				schema: 'mist-alert/v1',
				title: 'Third <b>and newest</b>',
				status: 'firing',
				incidents: [],
			});
		});

		async function post(path: string, body: unknown) {
			const response = await fetch(`${sink.url}${path}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
			});
			expect(response.status).toBeLessThan(300);
		}

		async function get(path: string, accept?: string) {
			const response = await fetch(`${sink.url}${path}`, { headers: accept ? { accept } : {} });
			return { status: response.status, headers: response.headers, text: await response.text() };
		}

		it('answers a browser with an HTML page listing the messages newest first', async () => {
			const page = await get('/messages', BROWSER_ACCEPT);
			expect(page.status).toBe(200);
			expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
			expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
			const order = [
				'Third &lt;b&gt;and newest&lt;/b&gt;',
				pagerDutyTrigger.payload.summary,
				'[FIRING:2] ap_offline at HQ',
			];
			const positions = order.map((title) =>
				page.text.indexOf(`<span class="title">${title}</span>`),
			);
			expect(positions.every((position) => position > 0)).toBe(true);
			expect([...positions].sort((a, b) => a - b)).toEqual(positions);
			expect(page.text).toContain('2023-11-14 22:13:20 UTC · just now');
		});

		it('answers the same page at / for a browser, and keeps the old 405 for API clients there', async () => {
			const page = await get('/', BROWSER_ACCEPT);
			expect(page.status).toBe(200);
			expect(page.text).toContain('<h1>Alert sink</h1>');
			const api = await get('/');
			expect(api.status).toBe(405);
			expect(JSON.parse(api.text)).toEqual({ ok: false, error: 'method_not_allowed' });
		});

		it.each([
			['no Accept header', undefined],
			['*/*', '*/*'],
			['application/json', 'application/json'],
			['JSON preferred over HTML', 'application/json, text/html;q=0.5'],
		])('keeps answering JSON exactly as before for %s', async (_label, accept) => {
			const answer = await get('/messages?channel=slack', accept);
			expect(answer.headers.get('content-type')).toBe('application/json');
			expect(JSON.parse(answer.text)).toEqual(sink.messages().filter((m) => m.channel === 'slack'));
			expect(answer.text).toBe(
				JSON.stringify(sink.messages().filter((m) => m.channel === 'slack')),
			);
		});

		it('filters the page by ?channel= and marks the chosen channel', async () => {
			const page = await get('/messages?channel=pagerduty', BROWSER_ACCEPT);
			expect(page.text.match(/<article /g)).toHaveLength(1);
			expect(page.text).toContain('class="card pagerduty"');
			expect(page.text).toContain(
				'<a href="/messages?channel=pagerduty" class="on">PagerDuty (1)</a>',
			);
			expect(page.text).toContain('<a href="/messages">All (3)</a>');
		});

		it('names an unknown channel safely and shows no cards', async () => {
			const page = await get(
				`/messages?channel=${encodeURIComponent('<img src=x onerror=alert(1)>')}`,
				BROWSER_ACCEPT,
			);
			expect(page.text).not.toContain('<article');
			expect(page.text).toContain('No &lt;img src=x onerror=alert(1)&gt; messages yet.');
			expect(page.text).not.toContain('<img');
		});

		it('reloads itself every 10 s unless ?refresh=0, and links both ways', async () => {
			const live = await get('/messages?channel=slack', BROWSER_ACCEPT);
			expect(live.text).toContain('<meta http-equiv="refresh" content="10">');
			expect(live.text).toContain('<a href="/messages?channel=slack&amp;refresh=0">pause</a>');
			const paused = await get('/messages?channel=slack&refresh=0', BROWSER_ACCEPT);
			expect(paused.text).not.toContain('http-equiv="refresh"');
			expect(paused.text).toContain('<a href="/messages?channel=slack">resume</a>');
			expect(paused.text).toContain(
				'<a href="/messages?channel=pagerduty&amp;refresh=0">PagerDuty (1)</a>',
			);
		});
	});

	describe('cards', () => {
		const render = (messages: SinkMessage[]) =>
			renderMessagesPage(messages, { now: NOW, refreshSeconds: 0 });

		it('shows Slack blocks as readable text: header as title, mrkdwn emphasis, links and context', () => {
			const html = render([message(1, 'slack', { path: '/slack/x', body: slackAlert })]);
			expect(html).toContain('<span class="title">[FIRING:2] ap_offline at HQ</span>');
			expect(html).toContain(
				'<b>CRITICAL</b> · HQ-AP-03 · <i>new</i>\nAP offline &amp; 12 clients moved\n<i>Likely cause:</i> PoE lost',
			);
			expect(html).toContain(
				'Group <code>rule=ap_offline</code> · <a href="https://n8n.example/dash" target="_blank" rel="noopener noreferrer">Open dashboard</a>',
			);
			expect(html).toContain('<hr>');
			expect(html).toContain('22:11:50 UTC · 90 s ago');
		});

		it('shows a PagerDuty event by summary, action, severity, source and incidents', () => {
			const html = render([message(1, 'pagerduty', { body: pagerDutyTrigger })]);
			expect(html).toContain(`<span class="title">${pagerDutyTrigger.payload.summary}</span>`);
			expect(html).toContain(
				'<span class="badge action-trigger">trigger</span> <span class="badge sev-critical">critical</span>',
			);
			expect(html).toContain('<tr><th>Source</th><td>HQ-AP-03</td></tr>');
			expect(html).toContain('<b>HQ-AP-03</b> AP HQ-AP-03 is offline</li>');
		});

		it('shows a PagerDuty resolve, which has no payload, by its action and key', () => {
			const html = render([
				message(1, 'pagerduty', {
					body: { routing_key: 'k', event_action: 'resolve', dedup_key: 'd-1' },
				}),
			]);
			expect(html).toContain('<span class="title">resolve d-1</span>');
		});

		it('shows a Teams MessageCard with its sections and facts', () => {
			const card = {
				'@type': 'MessageCard',
				title: 'AP offline',
				text: '1 critical',
				sections: [
					{
						activityTitle: 'CRITICAL · HQ-AP-03',
						text: 'AP is offline',
						facts: [{ name: 'Site', value: 'HQ' }],
					},
				],
			};
			const html = render([message(1, 'teams', { body: card })]);
			expect(html).toContain('<span class="title">AP offline</span>');
			expect(html).toContain('<div class="h">CRITICAL · HQ-AP-03</div>');
			expect(html).toContain('<tr><th>Site</th><td>HQ</td></tr>');
		});

		it('shows an e-mail by subject with From and To, its HTML only in a sandboxed frame, and its text part', () => {
			const html = render([emailMessage]);
			expect(html).toContain('<span class="title">[ESCALATED:1] ap_offline at HQ</span>');
			expect(html).toContain('<tr><th>To</th><td>oncall@demo.corp, noc@demo.corp</td></tr>');
			expect(html).toMatch(
				/<iframe class="mail" sandbox title="[^"]*" srcdoc="&lt;p style=&quot;color:red&quot;&gt;AP &lt;b&gt;offline/,
			);
			expect(html).toContain(
				'<details><summary>Text part</summary><pre>AP offline since 10:02</pre></details>',
			);
		});

		it('lets nothing from a message become markup on the page', () => {
			const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'';
			const html = render([
				emailMessage,
				message(4, 'slack', {
					body: {
						text: hostile,
						blocks: [
							{ type: 'header', text: { type: 'plain_text', text: hostile } },
							{
								type: 'section',
								text: {
									type: 'mrkdwn',
									text: `${hostile} <javascript:alert(3)|click me> <https://x.example/"onmouseover="alert(4)|x>`,
								},
							},
						],
						attachments: [{ color: 'red;background:url(x)', title: hostile, text: hostile }],
					},
				}),
				message(5, 'webhook', {
					path: '/webhook/<script>',
					body: { title: hostile, nested: { html: hostile } },
				}),
				message(6, 'pagerduty', {
					body: { event_action: hostile, payload: { summary: hostile, severity: '"><script>' } },
				}),
				message(7, 'teams', {
					body: {
						title: hostile,
						sections: [{ activityTitle: hostile, facts: [{ name: hostile, value: hostile }] }],
					},
				}),
			]);
			// Every real tag is one the page itself writes; the mail's HTML is text inside srcdoc.
			const tags = html.replace(/srcdoc="[^"]*"/g, 'srcdoc=""').match(/<\/?[a-z][^>]*>/gi) ?? [];
			const names = new Set(tags.map((tag) => /^<\/?([a-z0-9]+)/i.exec(tag)?.[1].toLowerCase()));
			expect([...names].filter((name) => !PAGE_TAGS.includes(String(name)))).toEqual([]);
			expect(tags.filter((tag) => /\son\w+\s*=/i.test(tag))).toEqual([]);
			expect(html).not.toContain('href="javascript');
			expect(html).toContain('click me');
			expect(html).toContain('href="https://x.example/&quot;onmouseover=&quot;alert(4)"');
			expect(html).toContain('border-left-color:#bdbdbd');
			expect(html.match(/<iframe [^>]*>/g)).toEqual([
				expect.stringMatching(/^<iframe class="mail" sandbox title=/),
			]);
		});

		it('says so when nothing arrived yet', () => {
			expect(render([])).toContain('<p class="empty">No messages yet.</p>');
		});
	});

	describe('content negotiation', () => {
		it.each([
			[BROWSER_ACCEPT, true],
			['text/html', true],
			['text/html;q=0.9, application/json;q=0.9', true],
			[undefined, false],
			['*/*', false],
			['application/json', false],
			['application/json, text/html;q=0.5', false],
			['text/html;q=0', false],
		])('Accept %s asks for HTML: %s', (accept, expected) => {
			expect(wantsHtml(accept)).toBe(expected);
		});
	});

	describe('Slack mrkdwn', () => {
		it.each([
			['*bold* and _italic_ and ~gone~', '<b>bold</b> and <i>italic</i> and <s>gone</s>'],
			['snake_case_rule and 2*3*4 stay as they are', 'snake_case_rule and 2*3*4 stay as they are'],
			['<@U123> in <#C1|alerts>, <!here>', '@U123 in #alerts, @here'],
			['a &lt;tag&gt; &amp; more', 'a &lt;tag&gt; &amp; more'],
			[
				'<https://a.example/?x=1&amp;y=2>',
				'<a href="https://a.example/?x=1&amp;y=2" target="_blank" rel="noopener noreferrer">https://a.example/?x=1&amp;y=2</a>',
			],
		])('%s', (text, html) => {
			expect(mrkdwnToHtml(text)).toBe(html);
		});

		it('drops markup for plain text', () => {
			expect(mrkdwnToPlain('*CRITICAL* at <https://x.example|HQ> &amp; _more_')).toBe(
				'CRITICAL at HQ & more',
			);
		});
	});
});
