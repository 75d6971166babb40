import nock from 'nock';
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { getWebhookTopics } from '../../../nodes/shared/methods/loadOptions';
import {
	LEAK_CANARY,
	MIST_TEST_URL,
	ORG_ID,
	serialise,
	SITE_ID,
} from '../../helpers/executeContext';
import { createLoadOptionsContext } from '../../helpers/loadOptionsContext';
import { example } from './fixtures';
import { runMist, runMistError, useOfflineNock } from '../../helpers/runMist';

const WEBHOOK_ID = 'b069b358-4c97-5319-1f8c-7c5ca64d6ab1';
const ORG_HOOKS = `/api/v1/orgs/${ORG_ID}/webhooks`;
const SITE_HOOKS = `/api/v1/sites/${SITE_ID}/webhooks`;
/** A fake receiver secret: Create must send it to Mist, and no output may show it. */
const SIGNING_CANARY = 'hmac-SECRET-9a8b7c6d';
const base = {
	resource: 'webhook',
	webhookScope: 'org',
	org: { __rl: true, mode: 'list', value: '' },
};
const siteScope = { webhookScope: 'site', site: { __rl: true, mode: 'id', value: SITE_ID } };

/** The spec's webhook example, made realistic and carrying secrets as Mist returns them. */
function webhook(overrides: IDataObject = {}): IDataObject {
	return {
		...example<IDataObject>('WebhookExample'),
		name: 'n8n alarms',
		url: 'https://n8n.example.com/webhook/mist',
		topics: ['alarms', 'device-updowns'],
		secret: SIGNING_CANARY,
		splunk_token: null,
		headers: { Authorization: 'Bearer receiver-token', 'X-Source': 'mist' },
		...overrides,
	};
}

const run = async (params: IDataObject): Promise<IDataObject[]> =>
	(await runMist({ ...base, ...params }, { canaries: [SIGNING_CANARY] })).map((item) => item.json);
const runError = async (params: IDataObject) =>
	await runMistError({ ...base, ...params }, { canaries: [SIGNING_CANARY] });

useOfflineNock();

describe('Juniper Mist › Webhook', () => {
	it('gets many org webhooks with their secrets masked', async () => {
		const list = example<IDataObject[]>('WebhooksArrayExample');
		const scope = nock(MIST_TEST_URL)
			.get(ORG_HOOKS)
			.query({ limit: 1000, page: 1 })
			.reply(200, list, { 'X-Page-Total': '1', 'X-Page-Limit': '1000', 'X-Page-Page': '1' });
		const out = await run({ operation: 'getMany', returnAll: true });
		expect(scope.isDone()).toBe(true);
		expect(out).toEqual([{ ...list[0], secret: '********', splunk_token: '********' }]);
	});

	it('pages site webhooks by limit/page up to the limit', async () => {
		const scope = nock(MIST_TEST_URL)
			.get(SITE_HOOKS)
			.query({ limit: 2, page: 1 })
			.reply(200, [webhook({ id: 'a' }), webhook({ id: 'b' })], {
				'X-Page-Total': '5',
				'X-Page-Limit': '2',
				'X-Page-Page': '1',
			});
		const out = await run({ operation: 'getMany', ...siteScope, returnAll: false, limit: 2 });
		expect(scope.isDone()).toBe(true);
		expect(out.map((hook) => [hook.id, hook.secret])).toEqual([
			['a', '********'],
			['b', '********'],
		]);
	});

	it('gets one webhook, masking the secret and credential-like custom headers only', async () => {
		nock(MIST_TEST_URL).get(`${ORG_HOOKS}/${WEBHOOK_ID}`).reply(200, webhook());
		const [out] = await run({ operation: 'get', webhookId: WEBHOOK_ID });
		expect(out).toMatchObject({
			id: WEBHOOK_ID,
			secret: '********',
			splunk_token: null,
			headers: { Authorization: '********', 'X-Source': 'mist' },
			topics: ['alarms', 'device-updowns'],
		});
	});

	it('creates an http-post webhook: the secret goes to Mist but not to the output', async () => {
		let sent: IDataObject = {};
		const scope = nock(MIST_TEST_URL)
			.post(SITE_HOOKS, (body: IDataObject) => {
				sent = body;
				return true;
			})
			.reply(200, (_uri, body) => ({
				...webhook(),
				...(body as IDataObject),
				id: WEBHOOK_ID,
				site_id: SITE_ID,
			}));
		const [out] = await run({
			operation: 'create',
			...siteScope,
			name: ' n8n alarms ',
			url: 'https://n8n.example.com/webhook/mist',
			topics: ['alarms', 'device-updowns'],
			additionalFields: {
				secret: SIGNING_CANARY,
				verifyCert: false,
				singleEventPerMessage: true,
				customHeaders: { header: [{ name: 'X-Source', value: 'mist' }] },
			},
		});
		expect(scope.isDone()).toBe(true);
		expect(sent).toEqual({
			name: 'n8n alarms',
			type: 'http-post',
			url: 'https://n8n.example.com/webhook/mist',
			topics: ['alarms', 'device-updowns'],
			secret: SIGNING_CANARY,
			verify_cert: false,
			single_event_per_message: true,
			headers: { 'X-Source': 'mist' },
		});
		expect(out).toMatchObject({
			id: WEBHOOK_ID,
			secret: '********',
			verify_cert: false,
			headers: { 'X-Source': 'mist' },
		});
	});

	it('updates only the fields that are set', async () => {
		let sent: IDataObject = {};
		const scope = nock(MIST_TEST_URL)
			.put(`${ORG_HOOKS}/${WEBHOOK_ID}`, (body: IDataObject) => {
				sent = body;
				return true;
			})
			.reply(200, webhook({ enabled: false, topics: ['alarms'] }));
		const [out] = await run({
			operation: 'update',
			webhookId: WEBHOOK_ID,
			updateFields: { enabled: false, topics: 'alarms' },
		});
		expect(scope.isDone()).toBe(true);
		expect(sent).toEqual({ enabled: false, topics: ['alarms'] });
		expect(out).toMatchObject({ enabled: false, topics: ['alarms'], secret: '********' });
	});

	it('deletes a webhook', async () => {
		const scope = nock(MIST_TEST_URL).delete(`${SITE_HOOKS}/${WEBHOOK_ID}`).reply(200);
		const out = await run({ operation: 'delete', ...siteScope, webhookId: WEBHOOK_ID });
		expect(scope.isDone()).toBe(true);
		expect(out).toEqual([{ id: WEBHOOK_ID, deleted: true }]);
	});

	it('pings a webhook', async () => {
		const scope = nock(MIST_TEST_URL).post(`${ORG_HOOKS}/${WEBHOOK_ID}/ping`).reply(200);
		const out = await run({ operation: 'ping', webhookId: ` ${WEBHOOK_ID.toUpperCase()} ` });
		expect(scope.isDone()).toBe(true);
		expect(out).toEqual([{ id: WEBHOOK_ID, pinged: true }]);
	});

	const createParams = {
		operation: 'create',
		name: 'hook',
		url: 'https://n8n.example.com/hook',
		topics: ['alarms'],
		additionalFields: {},
	};
	it.each([
		[
			'webhook id',
			{ operation: 'get', webhookId: 'hook-1' },
			'Invalid Webhook ID: "hook-1" is not a Mist id (a UUID)',
		],
		[
			'empty update',
			{ operation: 'update', webhookId: WEBHOOK_ID, updateFields: {} },
			'Invalid Update Fields: no field to update',
		],
		[
			'update url',
			{ operation: 'update', webhookId: WEBHOOK_ID, updateFields: { url: 'ftp://x' } },
			'Invalid URL: "ftp://x" is not an http(s) URL',
		],
		[
			'create url',
			{ ...createParams, url: 'n8n.example.com' },
			'Invalid URL: "n8n.example.com" is not an http(s) URL',
		],
		['name', { ...createParams, name: '  ' }, 'Invalid Name: it is empty'],
		['no topics', { ...createParams, topics: [] }, 'Invalid Topics: choose at least one topic'],
		[
			'bad topic',
			{ ...createParams, topics: ['alarms', 'bad topic!'] },
			'Invalid Topics: "bad topic!" is not a topic name',
		],
		[
			'headers too big',
			{
				...createParams,
				additionalFields: {
					customHeaders: { header: [{ name: 'X-Big', value: 'x'.repeat(1000) }] },
				},
			},
			'Invalid Custom Headers: 1005 bytes, Mist allows less than 1000',
		],
		[
			'header name',
			{
				...createParams,
				additionalFields: { customHeaders: { header: [{ name: 'Bad Header', value: 'x' }] } },
			},
			'Invalid Custom Headers: "Bad Header" is not a header name',
		],
		[
			'scope',
			{ operation: 'getMany', webhookScope: 'msp', returnAll: true },
			'Invalid Scope: "msp" is not one of org, site',
		],
	])('names the field for a bad %s', async (_label, params, message) => {
		const error = await runError(params);
		expect(error.message).toBe(message);
	});

	it("turns a 404 into a NodeApiError with Mist's detail and the status", async () => {
		nock(MIST_TEST_URL)
			.get(`${ORG_HOOKS}/${WEBHOOK_ID}`)
			.reply(404, { detail: 'webhook not found' });
		const error = await runError({ operation: 'get', webhookId: WEBHOOK_ID });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Mist found nothing at this address (404): webhook not found');
		expect(error.httpCode).toBe('404');
	});
});

describe('loadOptions › getWebhookTopics', () => {
	it('lists /const/webhook_topics sorted, flagging site-only topics', async () => {
		const scope = nock(MIST_TEST_URL, { reqheaders: { authorization: `Token ${LEAK_CANARY}` } })
			.get('/api/v1/const/webhook_topics')
			.reply(200, example('ConstWebhookTopicsExample'));
		const options = await getWebhookTopics.call(createLoadOptionsContext());
		expect(scope.isDone()).toBe(true);
		expect(options.map((option) => option.value)).toEqual([
			'alarms',
			'asset-raw-rssi',
			'audits',
			'client-info',
			'client-join',
			'client-latency',
			'client-sessions',
			'device-events',
			'device-updowns',
		]);
		expect(options.find((option) => option.value === 'alarms')?.description).toBeUndefined();
		expect(serialise(options)).not.toContain(LEAK_CANARY);
	});
});
