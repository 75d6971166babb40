/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createHmac } from 'crypto';
import { createServer } from 'http';
import type { Server } from 'http';
import type { AddressInfo } from 'net';
import { startTestSimulator } from './simHelpers';
import type { Json, TestSim } from './simHelpers';

interface Received {
	headers: Record<string, string | string[] | undefined>;
	raw: string;
	body: { topic: string; events: Array<Record<string, Json>> };
}

describe('webhooks', () => {
	let t: TestSim;
	let receiver: Server;
	let receiverUrl: string;
	const received: Received[] = [];
	const SECRET = 'webhook-shared-secret';

	beforeAll(async () => {
		t = await startTestSimulator();
		receiver = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				received.push({ headers: req.headers, raw, body: JSON.parse(raw) });
				res.writeHead(200).end('ok');
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
	});
	afterAll(async () => {
		await t.sim.close();
		await new Promise((resolve) => receiver.close(resolve));
	});
	beforeEach(() => {
		received.length = 0;
	});

	it('supports create, read, update, list and delete, and validates topics', async () => {
		const created = await t.post(`${t.org}/webhooks`, {
			name: 'crud',
			url: receiverUrl,
			topics: ['alarms'],
			enabled: true,
		});
		expect(created.status).toBe(200);
		expect(created.body).toEqual(
			expect.objectContaining({
				url: receiverUrl,
				topics: ['alarms'],
				org_id: t.sim.orgId,
				type: 'http-post',
			}),
		);
		const id = created.body.id;
		expect(
			(await t.request('PUT', `${t.org}/webhooks/${id}`, { enabled: false })).body.enabled,
		).toBe(false);
		expect((await t.get(`${t.org}/webhooks/${id}`)).body.enabled).toBe(false);
		expect((await t.get(`${t.org}/webhooks`)).body.map((w: { id: string }) => w.id)).toContain(id);
		expect((await t.request('DELETE', `${t.org}/webhooks/${id}`)).status).toBe(200);
		expect((await t.get(`${t.org}/webhooks/${id}`)).status).toBe(404);
		const bad = await t.post(`${t.org}/webhooks`, { url: receiverUrl, topics: ['not-a-topic'] });
		expect(bad.status).toBe(400);
		expect(bad.body.detail).toContain('not-a-topic');
	});

	it('delivers scenario alarms with Mist headers and correct HMAC signatures', async () => {
		const hook = (
			await t.post(`${t.org}/webhooks`, {
				name: 'signed',
				url: receiverUrl,
				topics: ['alarms', 'device-updowns'],
				secret: SECRET,
			})
		).body;
		const deliveries = (await t.post('/__sim/webhooks/fire', { topic: 'alarms' })).body;
		expect(deliveries).toEqual([
			expect.objectContaining({ topic: 'alarms', statusCode: 200, status: 'success' }),
		]);
		expect(received).toHaveLength(1);
		const [message] = received;
		expect(message.headers['content-type']).toBe('application/json');
		expect(message.headers['user-agent']).toBe('Mist-webhook');
		expect(message.headers['x-mist-signature-v2']).toBe(
			createHmac('sha256', SECRET).update(message.raw).digest('hex'),
		);
		expect(message.headers['x-mist-signature']).toBe(
			createHmac('sha1', SECRET).update(message.raw).digest('hex'),
		);
		expect(message.body.topic).toBe('alarms');
		expect(message.body.events.map((e) => e.type)).toEqual(
			expect.arrayContaining(['ap_offline', 'dhcp_failure', 'psk_failure']),
		);
		const log = (await t.get(`${t.org}/webhooks/${hook.id}/events/search`)).body;
		expect(log.results[0]).toEqual(
			expect.objectContaining({ topic: 'alarms', status: 'success', status_code: 200 }),
		);
		await t.request('DELETE', `${t.org}/webhooks/${hook.id}`);
	});

	it('sends device-updowns for the offline AP and topic ping on ping', async () => {
		const hook = (
			await t.post(`${t.org}/webhooks`, { url: receiverUrl, topics: ['device-updowns', 'ping'] })
		).body;
		await t.sim.fireWebhookEvents('device-updowns');
		expect(received[0].body.events.map((e) => e.ap_name)).toContain('Warehouse-AP-05');
		expect(received[0].headers['x-mist-signature-v2']).toBeUndefined();
		await t.post(`${t.org}/webhooks/${hook.id}/ping`);
		expect(received[1].body.topic).toBe('ping');
		await t.request('DELETE', `${t.org}/webhooks/${hook.id}`);
	});

	it('limits site webhooks to their site and fires caller-given events', async () => {
		const hq = t.site('HQ');
		const hook = (
			await t.post(`/sites/${hq.id}/webhooks`, { url: receiverUrl, topics: ['nac-events'] })
		).body;
		expect(hook.site_id).toBe(hq.id);
		await t.post('/__sim/webhooks/fire', { topic: 'nac-events' });
		expect(received).toHaveLength(1);
		expect(received[0].body.events.every((e) => e.site_id === hq.id)).toBe(true);
		await t.post('/__sim/webhooks/fire', {
			topic: 'nac-events',
			events: [{ type: 'NAC_CLIENT_DENY', site_id: hq.id, mac: 'aabbccddeeff' }],
		});
		expect(received[1].body.events).toEqual([
			{ type: 'NAC_CLIENT_DENY', site_id: hq.id, mac: 'aabbccddeeff' },
		]);
		await t.request('DELETE', `/sites/${hq.id}/webhooks/${hook.id}`);
	});

	it('refuses to deliver outside loopback and records the failure', async () => {
		const hook = (
			await t.post(`${t.org}/webhooks`, { url: 'http://example.com/hook', topics: ['alarms'] })
		).body;
		const deliveries = await t.sim.fireWebhookEvents('alarms');
		expect(deliveries).toEqual([
			expect.objectContaining({
				status: 'failure',
				statusCode: 0,
				error: expect.stringContaining('loopback'),
			}),
		]);
		const recorded = (await t.get('/__sim/webhooks/deliveries')).body;
		expect(recorded.slice(-1)[0]).toEqual(
			expect.objectContaining({ webhookId: hook.id, status: 'failure' }),
		);
		await t.request('DELETE', `${t.org}/webhooks/${hook.id}`);
	});
});
