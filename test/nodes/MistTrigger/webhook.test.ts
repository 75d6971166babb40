import type { IDataObject } from 'n8n-workflow';

import { MistTrigger } from '../../../nodes/MistTrigger/MistTrigger.node';
import { signBody, signBodySha1 } from '../../../nodes/MistTrigger/engine/signature';
import { forgetRecentEvents } from '../../../nodes/MistTrigger/actions/webhook';
import { secretFingerprint } from '../../../nodes/MistTrigger/engine/webhookSecret';
import { LEAK_CANARY, mistCredentials, SITE_ID } from '../../helpers/executeContext';
import { createWebhookContext, DERIVED_SECRET, loggedText } from './contexts';
import type { Delivery } from './contexts';

/** The secret of the webhook the node registered: derived from the API token, never stored. */
const STORED_SECRET = DERIVED_SECRET;
const USER_SECRET = 'dummy-user-secret-7Hq';
const OTHER_SITE = '2f5b7a88-0000-4000-8000-000000000002';

const automaticParams = {
	webhookRegistration: 'automatic',
	verifySignature: true,
	topics: ['alarms'],
};
const registered = () => ({
	webhookId: 'wh-1',
	webhookCollection: `/sites/${SITE_ID}/webhooks`,
	secretFingerprint: secretFingerprint(STORED_SECRET),
});

const alarm = (id: string, extra: Record<string, unknown> = {}) => ({
	id,
	type: 'device_down',
	severity: 'critical',
	site_id: SITE_ID,
	aps: ['5c5b350e0001'],
	timestamp: 1764064800,
	...extra,
});

function signed(
	message: unknown,
	secret = STORED_SECRET,
	headers: Record<string, string> = {},
): Delivery {
	const body = JSON.stringify(message);
	return { body, headers: { 'x-mist-signature-v2': signBody(body, secret), ...headers } };
}

async function deliver(
	delivery: Delivery,
	options: {
		params?: Record<string, unknown>;
		staticData?: IDataObject;
		mode?: 'webhook' | 'manual';
		/** The secret in a selected Mist Webhook Secret API credential. */
		webhookSecret?: string;
		noMistCredential?: boolean;
	} = {},
) {
	const context = createWebhookContext({
		params: options.params ?? automaticParams,
		staticData: options.staticData ?? registered(),
		mode: options.mode ?? 'webhook',
		delivery,
		credentials: options.noMistCredential ? undefined : mistCredentials,
		webhookSecret: options.webhookSecret,
	});
	const result = await new MistTrigger().webhook.call(context.ctx);
	return { ...context, result, items: result.workflowData?.[0]?.map((item) => item.json) ?? [] };
}

describe('Mist Trigger › receiving deliveries', () => {
	beforeEach(() => forgetRecentEvents());

	describe('signature', () => {
		it('starts the workflow for a correctly signed delivery', async () => {
			const { result, items, res } = await deliver(
				signed({ topic: 'alarms', events: [alarm('a1')] }),
			);
			expect(result.noWebhookResponse).toBeUndefined();
			expect(items).toEqual([
				expect.objectContaining({ id: 'a1', topic: 'alarms', receivedAt: expect.any(String) }),
			]);
			expect(res.status).not.toHaveBeenCalled();
		});

		it.each<[string, Delivery]>([
			['a wrong signature', signed({ topic: 'alarms', events: [alarm('a1')] }, 'not-the-secret')],
			['a missing signature', { body: JSON.stringify({ topic: 'alarms', events: [alarm('a1')] }) }],
			[
				'a wrong-length signature',
				{ body: '{"topic":"alarms","events":[]}', headers: { 'x-mist-signature-v2': 'abc123' } },
			],
			[
				'only the SHA-1 header',
				{
					body: '{"topic":"alarms","events":[]}',
					headers: { 'x-mist-signature': 'ab'.repeat(20) },
				},
			],
		])('answers 401 and starts nothing for %s', async (_label, delivery) => {
			const { result, response, ctx } = await deliver(delivery);
			expect(result).toEqual({ noWebhookResponse: true });
			expect(response.statusCode).toBe(401);
			expect(response.body).toEqual({ error: expect.stringContaining('X-Mist-Signature-v2') });
			expect(ctx.logger.warn).toHaveBeenCalled();
			expect(loggedText(ctx)).not.toContain(STORED_SECRET);
			expect(JSON.stringify(response.body)).not.toContain(STORED_SECRET);
		});

		it('answers 401 when verification is on but the Mist credential (the key) cannot be read', async () => {
			const { result, response } = await deliver(
				signed({ topic: 'alarms', events: [alarm('a1')] }),
				{ noMistCredential: true },
			);
			expect(result).toEqual({ noWebhookResponse: true });
			expect(response.statusCode).toBe(401);
		});

		it('writes nothing to static data and logs neither secret nor token', async () => {
			const staticData = registered();
			const { items, ctx } = await deliver(signed({ topic: 'alarms', events: [alarm('a1')] }), {
				staticData,
			});
			expect(items).toHaveLength(1);
			expect(staticData).toEqual(registered());
			const bad = await deliver(signed({ topic: 'alarms', events: [alarm('a2')] }, 'x'));
			for (const text of [JSON.stringify(staticData), loggedText(ctx), loggedText(bad.ctx)]) {
				expect(text).not.toContain(STORED_SECRET);
				expect(text).not.toContain(LEAK_CANARY);
			}
		});

		it('says in the log that the API token changed when the derived secret no longer fits', async () => {
			const { response, ctx } = await deliver(
				signed({ topic: 'alarms', events: [alarm('a1')] }, 'the-secret-of-the-old-token'),
				{ staticData: { ...registered(), secretFingerprint: secretFingerprint('old') } },
			);
			expect(response.statusCode).toBe(401);
			expect(loggedText(ctx)).toContain('the Mist API token changed');
		});

		it('accepts a webhook registered by an older version (secret in static data) until it is replaced', async () => {
			const legacy = 'b2'.repeat(32);
			const { items } = await deliver(signed({ topic: 'alarms', events: [alarm('a1')] }, legacy), {
				staticData: { webhookId: 'wh-1', webhookSecret: legacy },
			});
			expect(items).toHaveLength(1);
		});

		it('accepts unsigned deliveries only when Verify Signature is turned off', async () => {
			const { items } = await deliver(
				{ body: JSON.stringify({ topic: 'alarms', events: [alarm('a1')] }) },
				{ params: { ...automaticParams, verifySignature: false } },
			);
			expect(items).toHaveLength(1);
		});

		describe('with an existing webhook', () => {
			const params = { webhookRegistration: 'existing', verifySignature: true };

			it('uses the secret of the Mist Webhook Secret API credential', async () => {
				const good = await deliver(
					signed({ topic: 'alarms', events: [alarm('a1')] }, USER_SECRET),
					{ params, staticData: {}, webhookSecret: USER_SECRET },
				);
				expect(good.items).toHaveLength(1);
				expect(JSON.stringify(good.items)).not.toContain(USER_SECRET);
				const bad = await deliver(
					signed({ topic: 'alarms', events: [alarm('a2')] }, STORED_SECRET),
					{ params, staticData: registered(), webhookSecret: USER_SECRET },
				);
				expect(bad.response.statusCode).toBe(401);
				expect(bad.result.workflowData).toBeUndefined();
				expect(loggedText(bad.ctx)).not.toContain(USER_SECRET);
			});

			it('still reads the deprecated Secret parameter when no credential is selected', async () => {
				const legacyParams = { ...params, secret: USER_SECRET };
				const good = await deliver(
					signed({ topic: 'alarms', events: [alarm('a1')] }, USER_SECRET),
					{ params: legacyParams, staticData: {} },
				);
				expect(good.items).toHaveLength(1);
			});

			it('prefers the credential over the deprecated parameter', async () => {
				const both = { ...params, secret: 'the-old-secret' };
				const old = await deliver(
					signed({ topic: 'alarms', events: [alarm('a1')] }, 'the-old-secret'),
					{ params: both, staticData: {}, webhookSecret: USER_SECRET },
				);
				expect(old.response.statusCode).toBe(401);
			});

			it('answers 401 and names the credential in the log when there is no secret at all', async () => {
				const { response, ctx } = await deliver(
					signed({ topic: 'alarms', events: [alarm('a1')] }, USER_SECRET),
					{ params, staticData: {} },
				);
				expect(response.statusCode).toBe(401);
				expect(loggedText(ctx)).toContain('Mist Webhook Secret API credential');
			});
		});

		describe('deliveries signed only with the SHA-1 X-Mist-Signature', () => {
			const sha1Only = (message: unknown, secret = STORED_SECRET): Delivery => {
				const body = JSON.stringify(message);
				return { body, headers: { 'x-mist-signature': signBodySha1(body, secret) } };
			};
			const acceptSha1 = { ...automaticParams, options: { acceptSha1Signatures: true } };

			it('are refused by default, naming the option that accepts them', async () => {
				const { result, response } = await deliver(
					sha1Only({ topic: 'alarms', events: [alarm('a1')] }),
				);
				expect(result).toEqual({ noWebhookResponse: true });
				expect(response.statusCode).toBe(401);
				expect(response.body).toEqual({
					error: expect.stringContaining('Accept SHA-1 Signatures'),
				});
			});

			it('start the workflow with Accept SHA-1 Signatures on, when the signature matches', async () => {
				const { items } = await deliver(sha1Only({ topic: 'alarms', events: [alarm('a1')] }), {
					params: acceptSha1,
				});
				expect(items).toEqual([expect.objectContaining({ id: 'a1', topic: 'alarms' })]);
			});

			it('are refused with the option on when signed with another secret', async () => {
				const { result, response, ctx } = await deliver(
					sha1Only({ topic: 'alarms', events: [alarm('a1')] }, 'not-the-secret'),
					{ params: acceptSha1 },
				);
				expect(result).toEqual({ noWebhookResponse: true });
				expect(response.statusCode).toBe(401);
				expect(response.body).toEqual({ error: expect.stringContaining('SHA-1') });
				expect(loggedText(ctx)).not.toContain(STORED_SECRET);
			});

			it('cannot override a wrong X-Mist-Signature-v2, even with the option on', async () => {
				const message = { topic: 'alarms', events: [alarm('a1')] };
				const body = JSON.stringify(message);
				const { response } = await deliver(
					{
						body,
						headers: {
							'x-mist-signature': signBodySha1(body, STORED_SECRET),
							'x-mist-signature-v2': signBody(body, 'not-the-secret'),
						},
					},
					{ params: acceptSha1 },
				);
				expect(response.statusCode).toBe(401);
				expect(response.body).toEqual({ error: expect.stringContaining('X-Mist-Signature-v2') });
			});
		});

		it('never puts the secret into the items', async () => {
			const { items } = await deliver(signed({ topic: 'alarms', events: [alarm('a1')] }));
			expect(JSON.stringify(items)).not.toContain(STORED_SECRET);
		});
	});

	describe('malformed deliveries', () => {
		const unsignedParams = { ...automaticParams, verifySignature: false };
		it.each<[string, Delivery, Record<string, unknown>, number, RegExp]>([
			['non-JSON', { body: 'hello' }, {}, 400, /not valid JSON/],
			[
				'a wrong content type',
				{ body: '{"topic":"alarms","events":[]}', headers: { 'content-type': 'text/plain' } },
				{},
				415,
				/Content-Type/,
			],
			['no topic', { body: '{"events":[]}' }, {}, 400, /"topic"/],
			['no events array', { body: '{"topic":"alarms","events":"x"}' }, {}, 400, /"events"/],
			['an empty body', { body: '' }, {}, 400, /Empty body/],
			['no raw body at all', { body: undefined }, {}, 400, /Empty body/],
			[
				'a body over the configured maximum',
				{ body: JSON.stringify({ topic: 'alarms', events: [{ text: 'x'.repeat(2048) }] }) },
				{ options: { maxBodySizeKb: 1 } },
				413,
				/at most 1024 bytes/,
			],
			[
				'a Content-Length over the maximum',
				{
					body: '{"topic":"alarms","events":[]}',
					headers: { 'content-length': String(2 * 1024 * 1024) },
				},
				{},
				413,
				/2097152 bytes/,
			],
		])(
			'refuses %s with a JSON error and starts nothing',
			async (_label, delivery, extraParams, status, message) => {
				const { result, response } = await deliver(delivery, {
					params: { ...unsignedParams, ...extraParams },
				});
				expect(result).toEqual({ noWebhookResponse: true });
				expect(response.statusCode).toBe(status);
				expect((response.body as { error: string }).error).toMatch(message);
			},
		);

		it('checks the size before the signature, and the signature before the content', async () => {
			const big = await deliver(
				{ body: 'x'.repeat(1100) },
				{ params: { ...automaticParams, options: { maxBodySizeKb: 1 } } },
			);
			expect(big.response.statusCode).toBe(413);
			const unsignedJunk = await deliver({ body: 'not json' });
			expect(unsignedJunk.response.statusCode).toBe(401);
		});

		it('accepts the default 1 MB but not more', async () => {
			const events = Array.from({ length: 10 }, (_, index) =>
				alarm(`a${index}`, { text: 'x'.repeat(100_000) }),
			);
			const ok = await deliver(signed({ topic: 'alarms', events }));
			expect(ok.items).toHaveLength(10);
			const tooMany = Array.from({ length: 11 }, (_, index) =>
				alarm(`b${index}`, { text: 'x'.repeat(100_000) }),
			);
			const refused = await deliver(signed({ topic: 'alarms', events: tooMany }));
			expect(refused.response.statusCode).toBe(413);
		});
	});

	describe('splitting and filtering', () => {
		it('emits one item per event for a 500-event message', async () => {
			const events = Array.from({ length: 500 }, (_, index) =>
				alarm(`a${index}`, { count: index }),
			);
			const { items } = await deliver(signed({ topic: 'alarms', events }));
			expect(items).toHaveLength(500);
			expect(items[499]).toMatchObject({ id: 'a499', count: 499, topic: 'alarms' });
			expect(new Set(items.map((item) => item.receivedAt)).size).toBe(1);
		});

		it('applies the configured filters and starts nothing when none pass', async () => {
			const params = {
				...automaticParams,
				filters: {
					siteIds: SITE_ID,
					minSeverity: 'major',
					eventTypes: 'device_*',
					alarmTypes: ['device_down'],
				},
			};
			const message = {
				topic: 'alarms',
				events: [
					alarm('keep'),
					alarm('minor', { severity: 'minor' }),
					alarm('elsewhere', { site_id: OTHER_SITE }),
					alarm('rogue', { type: 'rogue_ap' }),
				],
			};
			const { items } = await deliver(signed(message), { params });
			expect(items.map((item) => item.id)).toEqual(['keep']);
			const none = await deliver(
				signed({ topic: 'alarms', events: [alarm('x', { severity: 'info' })] }),
				{ params },
			);
			expect(none.result).toEqual({ webhookResponse: { status: 'ok', received: 1, emitted: 0 } });
		});

		it('filters by topic for an existing webhook that sends several', async () => {
			const params = {
				webhookRegistration: 'existing',
				verifySignature: false,
				filters: { topics: 'device-updowns' },
			};
			const alarms = await deliver(
				{ body: JSON.stringify({ topic: 'alarms', events: [alarm('a1')] }) },
				{ params },
			);
			expect(alarms.result.workflowData).toBeUndefined();
			const updowns = await deliver(
				{
					body: JSON.stringify({ topic: 'device-updowns', events: [{ type: 'AP_DISCONNECTED' }] }),
				},
				{ params },
			);
			expect(updowns.items).toEqual([
				expect.objectContaining({ type: 'AP_DISCONNECTED', topic: 'device-updowns' }),
			]);
		});

		it('starts nothing for an empty events array', async () => {
			const { result } = await deliver(signed({ topic: 'alarms', events: [] }));
			expect(result.workflowData).toBeUndefined();
		});
	});

	describe('duplicates (org and site webhooks on the same topic)', () => {
		it('drops the second copy of an event within the window, in memory (static data untouched)', async () => {
			const staticData = registered();
			const first = await deliver(
				signed({ topic: 'alarms', events: [{ ...alarm('a1'), for_site: false }, alarm('a2')] }),
				{ staticData },
			);
			expect(first.items.map((item) => item.id)).toEqual(['a1', 'a2']);
			expect(staticData).toEqual(registered());
			const second = await deliver(
				signed({ topic: 'alarms', events: [{ ...alarm('a1'), for_site: true }, alarm('a3')] }),
				{ staticData },
			);
			expect(second.items.map((item) => item.id)).toEqual(['a3']);
			const third = await deliver(signed({ topic: 'alarms', events: [alarm('a2')] }), {
				staticData,
			});
			expect(third.result).toEqual({ webhookResponse: { status: 'ok', received: 1, emitted: 0 } });
		});

		it('catches a duplicate that arrives with a separate copy of static data (concurrent deliveries)', async () => {
			const message = { topic: 'alarms', events: [alarm('a1')] };
			const [orgCopy, siteCopy] = await Promise.all([
				deliver(signed(message), { staticData: registered() }),
				deliver(signed(message), { staticData: registered() }),
			]);
			expect(orgCopy.items.length + siteCopy.items.length).toBe(1);
		});

		it('forgets after a restart, but both copies carry the same dedupKey for downstream nodes', async () => {
			const first = await deliver(signed({ topic: 'alarms', events: [alarm('a1')] }));
			forgetRecentEvents();
			const again = await deliver(
				signed({ topic: 'alarms', events: [{ ...alarm('a1'), for_site: true }] }),
			);
			expect(again.items).toHaveLength(1);
			expect(again.items[0].dedupKey).toMatch(/^[0-9a-f]{32}$/);
			expect(again.items[0].dedupKey).toBe(first.items[0].dedupKey);
		});

		it('gives changed content another dedupKey, and the key survives the severity lookup', async () => {
			const items = (
				await deliver(
					signed({
						topic: 'alarms',
						events: [alarm('a1'), alarm('a1', { count: 2 }), alarm('a2')],
					}),
				)
			).items;
			expect(new Set(items.map((item) => item.dedupKey)).size).toBe(3);
			expect(items.every((item) => item.severitySource === 'payload')).toBe(true);
		});

		it('lets the event through again after the window', async () => {
			jest.useFakeTimers({ now: Date.parse('2026-11-25T10:00:00Z') });
			try {
				const staticData = registered();
				const params = { ...automaticParams, options: { dedupWindowSeconds: 5 } };
				await deliver(signed({ topic: 'alarms', events: [alarm('a1')] }), { staticData, params });
				jest.setSystemTime(Date.parse('2026-11-25T10:00:04Z'));
				expect(
					(
						await deliver(signed({ topic: 'alarms', events: [alarm('a1')] }), {
							staticData,
							params,
						})
					).items,
				).toHaveLength(0);
				jest.setSystemTime(Date.parse('2026-11-25T10:00:06Z'));
				expect(
					(
						await deliver(signed({ topic: 'alarms', events: [alarm('a1')] }), {
							staticData,
							params,
						})
					).items,
				).toHaveLength(1);
			} finally {
				jest.useRealTimers();
			}
		});

		it('keeps every copy when the window is 0, and while testing', async () => {
			const message = signed({ topic: 'alarms', events: [alarm('a1')] });
			const params = { ...automaticParams, options: { dedupWindowSeconds: 0 } };
			expect((await deliver(message, { params })).items).toHaveLength(1);
			expect((await deliver(message, { params })).items).toHaveLength(1);
			expect((await deliver(message, { mode: 'manual' })).items).toHaveLength(1);
			expect((await deliver(message, { mode: 'manual' })).items).toHaveLength(1);
		});
	});

	describe('ping', () => {
		const ping = {
			topic: 'ping',
			events: [{ id: 'p1', name: 'n8n Mist alarms', site_id: SITE_ID, timestamp: 1764064800 }],
		};

		it('emits the ping while listening for a test event', async () => {
			const { items } = await deliver(signed(ping), { mode: 'manual' });
			expect(items).toEqual([expect.objectContaining({ topic: 'ping', id: 'p1' })]);
		});

		it('acknowledges the ping in production and starts nothing', async () => {
			const { result, res } = await deliver(signed(ping));
			expect(result).toEqual({ webhookResponse: { status: 'ok', topic: 'ping' } });
			expect(res.status).not.toHaveBeenCalled();
		});

		it('emits the ping in production when Emit Ping Events is on, whatever the filters', async () => {
			const params = {
				...automaticParams,
				options: { emitPingEvents: true },
				filters: { topics: 'alarms' },
			};
			const { items } = await deliver(signed(ping), { params });
			expect(items).toHaveLength(1);
		});

		it('still requires a valid signature for a ping', async () => {
			const { response } = await deliver(signed(ping, 'wrong'), { mode: 'manual' });
			expect(response.statusCode).toBe(401);
		});
	});

	describe('settings', () => {
		it('names a bad filter value', async () => {
			const params = { ...automaticParams, filters: { siteIds: 'not-a-site' } };
			await expect(deliver(signed({ topic: 'alarms', events: [] }), { params })).rejects.toThrow(
				'Invalid Filters › Site IDs: "not-a-site" is not a Mist site id (a UUID)',
			);
		});
	});
});
