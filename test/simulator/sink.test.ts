import {
	startAlertSink,
	validatePagerDutyEvent,
	type RunningAlertSink,
} from '../../simulator/src/sink';

describe('alert sink over HTTP', () => {
	let sink: RunningAlertSink;

	beforeAll(async () => {
		sink = await startAlertSink({ now: () => 1_700_000_000_000 });
	});
	afterAll(async () => {
		await sink.close();
	});
	beforeEach(() => sink.clear());

	async function post(path: string, body: string, contentType = 'application/json') {
		const response = await fetch(`${sink.url}${path}`, {
			method: 'POST',
			headers: { 'Content-Type': contentType },
			body,
		});
		return {
			status: response.status,
			type: response.headers.get('content-type') ?? '',
			text: await response.text(),
		};
	}

	describe('Slack incoming webhook', () => {
		it.each([
			['text', { text: 'AP HQ-AP-03 offline' }],
			['blocks', { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*AP offline*' } }] }],
			['text and blocks', { text: 'fallback', blocks: [{ type: 'divider' }] }],
			['attachments', { attachments: [{ color: '#ff0000', text: 'critical' }] }],
		])('accepts %s and answers "ok" as text', async (_label, payload) => {
			const answer = await post('/slack/T000/B000/XXXX', JSON.stringify(payload));
			expect(answer).toMatchObject({ status: 200, text: 'ok' });
			expect(answer.type).toContain('text/plain');
			expect(sink.messages()).toEqual([
				{
					id: expect.any(Number),
					channel: 'slack',
					receivedAt: 1_700_000_000_000,
					path: '/slack/T000/B000/XXXX',
					body: payload,
				},
			]);
		});

		it('accepts the form-encoded payload= variant', async () => {
			const answer = await post(
				'/slack/hook',
				`payload=${encodeURIComponent(JSON.stringify({ text: 'form' }))}`,
				'application/x-www-form-urlencoded',
			);
			expect(answer.status).toBe(200);
			expect(sink.messages()[0].body).toEqual({ text: 'form' });
		});

		it.each([
			['an empty object', '{}'],
			['blank text', '{"text":"  "}'],
			['empty blocks', '{"blocks":[]}'],
			['not JSON', 'text=hello'],
			['a JSON array', '[1,2]'],
		])('rejects %s with 400 invalid_payload and records nothing', async (_label, body) => {
			const answer = await post('/slack/hook', body);
			expect(answer).toMatchObject({ status: 400, text: 'invalid_payload' });
			expect(sink.messages()).toHaveLength(0);
		});
	});

	describe('generic webhook', () => {
		it('records any JSON and answers {ok:true}', async () => {
			const payload = { rule: 'ap_offline', severity: 'critical', entities: ['5c5b35000001'] };
			const answer = await post('/webhook/oncall', JSON.stringify(payload));
			expect(answer.status).toBe(200);
			expect(JSON.parse(answer.text)).toEqual({ ok: true });
			expect(sink.messages()[0]).toMatchObject({
				channel: 'webhook',
				path: '/webhook/oncall',
				body: payload,
			});
		});

		it('rejects a body that is not JSON with 400', async () => {
			const answer = await post('/webhook/oncall', '<xml/>');
			expect(answer.status).toBe(400);
			expect(JSON.parse(answer.text)).toEqual({ ok: false, error: 'invalid JSON body' });
			expect(sink.messages()).toHaveLength(0);
		});
	});

	describe('Teams incoming webhook', () => {
		it.each([
			['a MessageCard', { '@type': 'MessageCard', summary: 'AP offline', text: 'HQ-AP-03' }],
			[
				'an Adaptive Card message',
				{
					type: 'message',
					attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: {} }],
				},
			],
		])('accepts %s and answers "1"', async (_label, payload) => {
			const answer = await post('/teams/abc', JSON.stringify(payload));
			expect(answer).toMatchObject({ status: 200, text: '1' });
			expect(sink.messages()[0]).toMatchObject({ channel: 'teams', body: payload });
		});

		it('rejects a card with neither text nor attachments', async () => {
			expect((await post('/teams/abc', '{"title":"x"}')).status).toBe(400);
		});
	});

	describe('PagerDuty Events v2', () => {
		const trigger = {
			routing_key: 'sink-test-routing',
			event_action: 'trigger',
			dedup_key: 'mist:org:site:ap_offline:5c5b35000001',
			payload: {
				summary: 'AP HQ-AP-03 offline',
				source: 'HQ',
				severity: 'critical',
				custom_details: { ap: 'HQ-AP-03' },
			},
		};

		it('accepts a trigger with 202 and echoes the dedup key', async () => {
			const answer = await post('/pagerduty/v2/enqueue', JSON.stringify(trigger));
			expect(answer.status).toBe(202);
			expect(JSON.parse(answer.text)).toEqual({
				status: 'success',
				message: 'Event processed',
				dedup_key: trigger.dedup_key,
			});
			expect(sink.messages()[0]).toMatchObject({ channel: 'pagerduty', body: trigger });
		});

		it('generates a stable dedup key for a trigger without one', async () => {
			const withoutKey = { ...trigger, dedup_key: undefined };
			const first = JSON.parse(
				(await post('/pagerduty/v2/enqueue', JSON.stringify(withoutKey))).text,
			);
			const second = JSON.parse(
				(await post('/pagerduty/v2/enqueue', JSON.stringify(withoutKey))).text,
			);
			expect(first.dedup_key).toMatch(/^[0-9a-f]{40}$/);
			expect(second.dedup_key).toBe(first.dedup_key);
		});

		it.each([
			['resolve with a dedup key', { routing_key: 'k', event_action: 'resolve', dedup_key: 'd1' }],
			[
				'acknowledge with a dedup key',
				{ routing_key: 'k', event_action: 'acknowledge', dedup_key: 'd1' },
			],
		])('accepts %s', async (_label, event) => {
			expect((await post('/pagerduty/v2/enqueue', JSON.stringify(event))).status).toBe(202);
		});

		it.each([
			['no routing key', { ...trigger, routing_key: '' }, "'routing_key' is missing or blank"],
			[
				'a bad action',
				{ ...trigger, event_action: 'page' },
				"'event_action' must be one of trigger, acknowledge, resolve",
			],
			[
				'a bad severity',
				{ ...trigger, payload: { ...trigger.payload, severity: 'major' } },
				"'payload.severity' must be one of critical, error, warning, info",
			],
			[
				'no summary',
				{ ...trigger, payload: { source: 'HQ', severity: 'info' } },
				"'payload.summary' is missing or blank",
			],
			[
				'no source',
				{ ...trigger, payload: { summary: 's', severity: 'info' } },
				"'payload.source' is missing or blank",
			],
			[
				'no payload',
				{ routing_key: 'k', event_action: 'trigger' },
				"'payload' is required for event_action trigger",
			],
			[
				'resolve without dedup key',
				{ routing_key: 'k', event_action: 'resolve' },
				"'dedup_key' is required for event_action resolve",
			],
			[
				'a too long dedup key',
				{ ...trigger, dedup_key: 'x'.repeat(256) },
				"'dedup_key' must be a string of at most 255 characters",
			],
		])('rejects %s with 400 and a named error', async (_label, event, error) => {
			const answer = await post('/pagerduty/v2/enqueue', JSON.stringify(event));
			expect(answer.status).toBe(400);
			expect(JSON.parse(answer.text)).toMatchObject({
				status: 'invalid event',
				errors: expect.arrayContaining([error]),
			});
			expect(sink.messages()).toHaveLength(0);
		});

		it('rejects a non-object body', () => {
			expect(validatePagerDutyEvent('x')).toEqual({
				ok: false,
				errors: ['Body must be a JSON object'],
			});
		});
	});

	describe('/messages', () => {
		it('lists everything received, filters by channel, and clears on DELETE', async () => {
			await post('/slack/a', '{"text":"one"}');
			await post('/webhook/b', '{"n":2}');
			const all = (await (await fetch(`${sink.url}/messages`)).json()) as Array<{
				channel: string;
			}>;
			expect(all.map((message) => message.channel)).toEqual(['slack', 'webhook']);
			const onlySlack = await (await fetch(`${sink.url}/messages?channel=slack`)).json();
			expect(onlySlack).toHaveLength(1);
			const deleted = await fetch(`${sink.url}/messages`, { method: 'DELETE' });
			expect(deleted.status).toBe(200);
			expect(await (await fetch(`${sink.url}/messages`)).json()).toEqual([]);
			expect(sink.messages()).toEqual([]);
		});

		it('answers 404 for unknown paths and 405 for GET on a channel', async () => {
			expect((await post('/nowhere', '{}')).status).toBe(404);
			expect((await fetch(`${sink.url}/slack/x`)).status).toBe(405);
		});

		it('returns copies, so callers cannot change the record', async () => {
			await post('/webhook/c', '{"n":1}');
			(sink.messages()[0].body as { n: number }).n = 99;
			expect(sink.messages()[0].body).toEqual({ n: 1 });
		});
	});
});
