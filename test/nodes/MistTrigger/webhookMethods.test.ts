import nock from 'nock';

import { MistTrigger } from '../../../nodes/MistTrigger/MistTrigger.node';
import {
	LEAK_CANARY,
	MIST_TEST_URL,
	ORG_ID,
	SITE_ID,
	serialise,
} from '../../helpers/executeContext';
import {
	deriveWebhookSecret,
	secretFingerprint,
} from '../../../nodes/MistTrigger/engine/webhookSecret';
import { createHookContext, DERIVED_SECRET, loggedText, WEBHOOK_URL } from './contexts';

const WEBHOOK_ID = 'b069b358-4c97-5319-1f8c-7c5ca64d6ab1';
/** Derived from the test credential's token and the node's webhook id. */
const SECRET = DERIVED_SECRET;
const OTHER_ORG = '11111111-2222-4333-8444-555555555555';
const orgCollection = `/api/v1/orgs/${ORG_ID}/webhooks`;
const siteCollection = `/api/v1/sites/${SITE_ID}/webhooks`;

const orgParams = {
	webhookRegistration: 'automatic',
	scope: 'org',
	org: { __rl: true, mode: 'list', value: '' },
	topics: ['alarms', 'device-updowns'],
	verifySignature: true,
};
const siteParams = {
	...orgParams,
	scope: 'site',
	site: { __rl: true, mode: 'id', value: SITE_ID },
	topics: ['client-latency'],
};
const stored = (collection = `/orgs/${ORG_ID}/webhooks`) => ({
	webhookId: WEBHOOK_ID,
	webhookCollection: collection,
	secretFingerprint: secretFingerprint(SECRET),
});

const remoteWebhook = (overrides: Record<string, unknown> = {}) => ({
	id: WEBHOOK_ID,
	name: 'n8n Mist alarms',
	type: 'http-post',
	url: WEBHOOK_URL,
	topics: ['device-updowns', 'alarms'],
	enabled: true,
	secret: SECRET,
	verify_cert: true,
	org_id: ORG_ID,
	...overrides,
});

const topicsCatalogue = [
	{ key: 'alarms', for_org: true },
	{ key: 'device-updowns', for_org: true },
	{ key: 'client-latency' },
	{ key: 'asset-raw-rssi', for_org: false },
];

const methods = () => new MistTrigger().webhookMethods.default;

describe('Mist Trigger › webhook lifecycle', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	describe('checkExists', () => {
		it('is false without a stored webhook id, and calls nothing', async () => {
			const { ctx } = createHookContext({ params: orgParams });
			await expect(methods().checkExists.call(ctx)).resolves.toBe(false);
		});

		it('is true when the stored webhook exists with this URL, the topics and the secret', async () => {
			const scope = nock(MIST_TEST_URL, { reqheaders: { authorization: `Token ${LEAK_CANARY}` } })
				.get(`${orgCollection}/${WEBHOOK_ID}`)
				.reply(200, remoteWebhook());
			const { ctx, staticData } = createHookContext({ params: orgParams, staticData: stored() });
			await expect(methods().checkExists.call(ctx)).resolves.toBe(true);
			expect(scope.isDone()).toBe(true);
			expect(staticData).toEqual(stored());
		});

		it('on 404 forgets the id and the secret and answers false', async () => {
			nock(MIST_TEST_URL)
				.get(`${orgCollection}/${WEBHOOK_ID}`)
				.reply(404, { detail: 'webhook not found' });
			const { ctx, staticData } = createHookContext({ params: orgParams, staticData: stored() });
			await expect(methods().checkExists.call(ctx)).resolves.toBe(false);
			expect(staticData).toEqual({});
		});

		it.each([
			['the URL changed', { url: 'http://old-host:5678/webhook/x/webhook' }],
			['the topics changed', { topics: ['alarms'] }],
			['the secret was changed in Mist', { secret: 'someone-else' }],
			['the secret was removed in Mist', { secret: null }],
			['the type is no longer http-post', { type: 'splunk' }],
		])(
			'when %s, deletes the old webhook and answers false so a new one is created',
			async (_label, overrides) => {
				const scope = nock(MIST_TEST_URL)
					.get(`${orgCollection}/${WEBHOOK_ID}`)
					.reply(200, remoteWebhook(overrides))
					.delete(`${orgCollection}/${WEBHOOK_ID}`)
					.reply(200, {});
				const { ctx, staticData } = createHookContext({ params: orgParams, staticData: stored() });
				await expect(methods().checkExists.call(ctx)).resolves.toBe(false);
				expect(scope.isDone()).toBe(true);
				expect(staticData).toEqual({});
				expect(loggedText(ctx)).not.toContain(SECRET);
			},
		);

		it('replaces a webhook whose secret an older version kept in static data, and drops its dedup memory', async () => {
			const scope = nock(MIST_TEST_URL).delete(`${orgCollection}/${WEBHOOK_ID}`).reply(200, {});
			const legacy = {
				webhookId: WEBHOOK_ID,
				webhookSecret: 'c3'.repeat(32),
				webhookCollection: `/orgs/${ORG_ID}/webhooks`,
				recentEvents: { abc: 1 },
			};
			const { ctx, staticData } = createHookContext({ params: orgParams, staticData: legacy });
			await expect(methods().checkExists.call(ctx)).resolves.toBe(false);
			expect(scope.isDone()).toBe(true);
			expect(staticData).toEqual({});
			expect(loggedText(ctx)).toContain('derived from the Mist API credential');
			expect(loggedText(ctx)).not.toContain('c3'.repeat(32));
		});

		it('replaces the webhook when the API token (the key of its secret) changed', async () => {
			const scope = nock(MIST_TEST_URL).delete(`${orgCollection}/${WEBHOOK_ID}`).reply(200, {});
			const { ctx, staticData } = createHookContext({
				params: orgParams,
				staticData: { ...stored(), secretFingerprint: secretFingerprint('secret-of-old-token') },
			});
			await expect(methods().checkExists.call(ctx)).resolves.toBe(false);
			expect(scope.isDone()).toBe(true);
			expect(staticData).toEqual({});
			expect(loggedText(ctx)).toContain('the Mist API token changed');
		});

		it('trusts a masked secret', async () => {
			nock(MIST_TEST_URL)
				.get(`${orgCollection}/${WEBHOOK_ID}`)
				.reply(200, remoteWebhook({ secret: '********' }));
			const { ctx } = createHookContext({ params: orgParams, staticData: stored() });
			await expect(methods().checkExists.call(ctx)).resolves.toBe(true);
		});

		it('replaces the webhook when the scope moved from org to site', async () => {
			const scope = nock(MIST_TEST_URL)
				.delete(`${orgCollection}/${WEBHOOK_ID}`)
				.reply(404, { detail: 'gone' });
			const { ctx, staticData } = createHookContext({ params: siteParams, staticData: stored() });
			await expect(methods().checkExists.call(ctx)).resolves.toBe(false);
			expect(scope.isDone()).toBe(true);
			expect(staticData).toEqual({});
		});

		it('fails activation with Mist’s reason on other errors', async () => {
			nock(MIST_TEST_URL)
				.get(`${orgCollection}/${WEBHOOK_ID}`)
				.reply(403, { detail: 'no privilege' });
			const { ctx, staticData } = createHookContext({ params: orgParams, staticData: stored() });
			await expect(methods().checkExists.call(ctx)).rejects.toThrow(
				'The API token lacks the privilege for this call (403): no privilege',
			);
			expect(staticData).toEqual(stored());
		});

		it('fails activation on a bad filter before calling Mist', async () => {
			const { ctx } = createHookContext({
				params: { ...orgParams, filters: { minSeverity: 'loud' } },
				staticData: stored(),
			});
			await expect(methods().checkExists.call(ctx)).rejects.toThrow(
				'Invalid Filters › Minimum Severity: "loud"',
			);
		});
	});

	describe('create', () => {
		it('registers an org webhook with the node URL, the topics and the derived secret, storing no secret', async () => {
			let posted: Record<string, unknown> = {};
			const scope = nock(MIST_TEST_URL, { reqheaders: { authorization: `Token ${LEAK_CANARY}` } })
				.get('/api/v1/const/webhook_topics')
				.reply(200, topicsCatalogue)
				.post(orgCollection, (body) => {
					posted = body;
					return true;
				})
				.reply(200, (_uri, body) => ({ ...(body as object), id: WEBHOOK_ID, org_id: ORG_ID }));
			const { ctx, staticData } = createHookContext({ params: orgParams });
			await expect(methods().create.call(ctx)).resolves.toBe(true);
			expect(scope.isDone()).toBe(true);
			expect(posted).toEqual({
				name: 'n8n Mist alarms',
				type: 'http-post',
				url: WEBHOOK_URL,
				topics: ['alarms', 'device-updowns'],
				enabled: true,
				secret: SECRET,
				verify_cert: true,
			});
			expect(SECRET).toMatch(/^[0-9a-f]{64}$/);
			expect(staticData).toEqual({
				webhookId: WEBHOOK_ID,
				webhookCollection: `/orgs/${ORG_ID}/webhooks`,
				secretFingerprint: secretFingerprint(SECRET),
			});
			expect(JSON.stringify(staticData)).not.toContain(SECRET);
			expect(JSON.stringify(staticData)).not.toContain(LEAK_CANARY);
		});

		it('uses the chosen org over the credential default', async () => {
			const scope = nock(MIST_TEST_URL)
				.get('/api/v1/const/webhook_topics')
				.reply(200, topicsCatalogue)
				.post(`/api/v1/orgs/${OTHER_ORG}/webhooks`)
				.reply(200, { id: WEBHOOK_ID });
			const { ctx, staticData } = createHookContext({
				params: { ...orgParams, org: { __rl: true, mode: 'id', value: OTHER_ORG } },
			});
			await methods().create.call(ctx);
			expect(scope.isDone()).toBe(true);
			expect(staticData.webhookCollection).toBe(`/orgs/${OTHER_ORG}/webhooks`);
		});

		it('registers a site webhook (site-only topics allowed) with verify_cert from the options', async () => {
			let posted: Record<string, unknown> = {};
			const scope = nock(MIST_TEST_URL)
				.post(siteCollection, (body) => {
					posted = body;
					return true;
				})
				.reply(200, { id: WEBHOOK_ID, site_id: SITE_ID });
			const { ctx, staticData } = createHookContext({
				params: { ...siteParams, options: { verifyCertificate: false } },
			});
			await expect(methods().create.call(ctx)).resolves.toBe(true);
			expect(scope.isDone()).toBe(true);
			expect(posted).toMatchObject({
				topics: ['client-latency'],
				verify_cert: false,
				type: 'http-post',
				url: WEBHOOK_URL,
			});
			expect(staticData).toMatchObject({
				webhookId: WEBHOOK_ID,
				webhookCollection: `/sites/${SITE_ID}/webhooks`,
			});
			expect(posted.secret).toBe(SECRET);
			expect(staticData.webhookSecret).toBeUndefined();
		});

		it('derives the same secret for the same node again, another for another node or token', async () => {
			const secrets: unknown[] = [];
			nock(MIST_TEST_URL)
				.post(siteCollection, (body) => secrets.push(body.secret) > 0)
				.times(3)
				.reply(200, { id: WEBHOOK_ID });
			const otherNode = '0d9e8f7a-2222-4333-8444-955566667777';
			await methods().create.call(createHookContext({ params: siteParams }).ctx);
			await methods().create.call(createHookContext({ params: siteParams }).ctx);
			await methods().create.call(
				createHookContext({ params: siteParams, nodeWebhookId: otherNode }).ctx,
			);
			expect(secrets).toEqual([SECRET, SECRET, deriveWebhookSecret(LEAK_CANARY, otherNode)]);
			expect(secrets[2]).not.toBe(SECRET);
			expect(deriveWebhookSecret('another-token', otherNode)).not.toBe(secrets[2]);
		});

		it('refuses site-only topics on an org webhook, naming them', async () => {
			nock(MIST_TEST_URL).get('/api/v1/const/webhook_topics').reply(200, topicsCatalogue);
			const { ctx, staticData } = createHookContext({
				params: { ...orgParams, topics: ['alarms', 'client-latency', 'asset-raw-rssi'] },
			});
			await expect(methods().create.call(ctx)).rejects.toThrow(
				'Invalid Topics: client-latency, asset-raw-rssi can only be sent by a site webhook',
			);
			expect(staticData).toEqual({});
		});

		it('lets Mist judge the topics when the catalogue cannot be read, and logs why', async () => {
			const scope = nock(MIST_TEST_URL)
				.get('/api/v1/const/webhook_topics')
				.reply(404, { detail: 'not here' })
				.post(orgCollection)
				.reply(200, { id: WEBHOOK_ID });
			const { ctx } = createHookContext({ params: orgParams });
			await expect(methods().create.call(ctx)).resolves.toBe(true);
			expect(scope.isDone()).toBe(true);
			expect(ctx.logger.warn).toHaveBeenCalledWith(
				expect.stringContaining('/const/webhook_topics'),
				expect.anything(),
			);
		});

		it('surfaces Mist’s rejection without the secret or the token', async () => {
			nock(MIST_TEST_URL).post(siteCollection).reply(400, { detail: 'invalid url' });
			const { ctx, staticData } = createHookContext({ params: siteParams });
			const error = await methods()
				.create.call(ctx)
				.catch((caught: unknown) => caught);
			expect(error).toBeInstanceOf(Error);
			expect((error as Error).message).toBe(
				'Mist rejected the request as invalid (400): invalid url',
			);
			expect(serialise(error)).not.toContain(LEAK_CANARY);
			expect(serialise(error)).not.toMatch(/[0-9a-f]{64}/);
			expect(staticData).toEqual({});
		});

		it('fails clearly when Mist answers without an id', async () => {
			nock(MIST_TEST_URL).post(siteCollection).reply(200, {});
			const { ctx } = createHookContext({ params: siteParams });
			await expect(methods().create.call(ctx)).rejects.toThrow(
				`Mist answered POST /sites/${SITE_ID}/webhooks without a webhook id`,
			);
		});

		it.each([
			['no topics', { ...orgParams, topics: [] }, 'Invalid Topics: choose at least one topic'],
			[
				'a bad topic',
				{ ...orgParams, topics: ['alarms', '../x'] },
				'Invalid Topics: "../x" is not a topic name',
			],
			[
				'a bad site id',
				{ ...siteParams, site: { __rl: true, mode: 'id', value: 'abc' } },
				'Invalid Site: "abc" is not a Mist id (a UUID)',
			],
		])('names the field for %s, before calling Mist', async (_label, params, message) => {
			const { ctx } = createHookContext({ params });
			await expect(methods().create.call(ctx)).rejects.toThrow(message);
		});
	});

	describe('delete', () => {
		it('deletes the webhook where it was created and clears static data', async () => {
			const scope = nock(MIST_TEST_URL).delete(`${siteCollection}/${WEBHOOK_ID}`).reply(200, {});
			const { ctx, staticData } = createHookContext({
				params: orgParams,
				staticData: stored(`/sites/${SITE_ID}/webhooks`),
			});
			await expect(methods().delete.call(ctx)).resolves.toBe(true);
			expect(scope.isDone()).toBe(true);
			expect(staticData).toEqual({});
		});

		it('accepts a 404: the webhook is already gone', async () => {
			nock(MIST_TEST_URL)
				.delete(`${orgCollection}/${WEBHOOK_ID}`)
				.reply(404, { detail: 'not found' });
			const { ctx, staticData } = createHookContext({ params: orgParams, staticData: stored() });
			await expect(methods().delete.call(ctx)).resolves.toBe(true);
			expect(staticData).toEqual({});
		});

		it('logs other failures (without the secret), keeps the id for a later attempt and answers false', async () => {
			nock(MIST_TEST_URL)
				.delete(`${orgCollection}/${WEBHOOK_ID}`)
				.reply(403, { detail: 'read-only token' });
			const { ctx, staticData } = createHookContext({ params: orgParams, staticData: stored() });
			await expect(methods().delete.call(ctx)).resolves.toBe(false);
			expect(staticData).toEqual(stored());
			expect(ctx.logger.warn).toHaveBeenCalledWith(
				expect.stringContaining('read-only token'),
				expect.anything(),
			);
			expect(loggedText(ctx)).not.toContain(SECRET);
			expect(loggedText(ctx)).not.toContain(LEAK_CANARY);
		});

		it('does nothing without a stored webhook', async () => {
			const { ctx } = createHookContext({ params: orgParams });
			await expect(methods().delete.call(ctx)).resolves.toBe(true);
		});
	});

	describe('existing webhook mode', () => {
		const existingParams = { webhookRegistration: 'existing', verifySignature: true };
		const withCredential = { params: existingParams, webhookSecret: 'my-own-secret' };

		it('has no side effects: checkExists and create answer true without calling Mist', async () => {
			const { ctx, staticData } = createHookContext(withCredential);
			await expect(methods().checkExists.call(ctx)).resolves.toBe(true);
			await expect(methods().create.call(ctx)).resolves.toBe(true);
			await expect(methods().delete.call(ctx)).resolves.toBe(true);
			expect(staticData).toEqual({});
			expect(ctx.helpers.httpRequestWithAuthentication).not.toHaveBeenCalled();
		});

		it('fails activation, naming the credential, when verification is on and no secret is known', async () => {
			for (const options of [
				{ params: existingParams },
				{ params: existingParams, webhookSecret: '' },
				{ params: { ...existingParams, secret: '' } },
			]) {
				const { ctx } = createHookContext(options);
				await expect(methods().checkExists.call(ctx)).rejects.toThrow(
					'No webhook secret: select a Mist Webhook Secret API credential while Verify Signature is on',
				);
			}
		});

		it('activates with the deprecated Secret parameter, warning without the secret', async () => {
			const { ctx } = createHookContext({ params: { ...existingParams, secret: 'legacy-secret' } });
			await expect(methods().checkExists.call(ctx)).resolves.toBe(true);
			expect(loggedText(ctx)).toContain('the Secret parameter is deprecated');
			expect(loggedText(ctx)).not.toContain('legacy-secret');
		});

		it('warns that the deprecated parameter is ignored next to a credential', async () => {
			const { ctx } = createHookContext({
				...withCredential,
				params: { ...existingParams, secret: 'legacy-secret' },
			});
			await expect(methods().checkExists.call(ctx)).resolves.toBe(true);
			expect(loggedText(ctx)).toContain('is ignored');
			expect(loggedText(ctx)).not.toContain('legacy-secret');
		});

		it('accepts an empty secret when verification is off', async () => {
			const { ctx } = createHookContext({
				params: { ...existingParams, verifySignature: false },
			});
			await expect(methods().checkExists.call(ctx)).resolves.toBe(true);
		});

		it('removes a webhook the node registered before switching to existing mode', async () => {
			const scope = nock(MIST_TEST_URL).delete(`${orgCollection}/${WEBHOOK_ID}`).reply(200, {});
			const { ctx, staticData } = createHookContext({ ...withCredential, staticData: stored() });
			await expect(methods().checkExists.call(ctx)).resolves.toBe(true);
			expect(scope.isDone()).toBe(true);
			expect(staticData).toEqual({});
		});
	});
});
