/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * The realistic profile's alarms and webhook deliveries against the real samples: severity-less
 * rogue alarms with their definitions in /const/alarm_defs, device-updowns of APs, switches and
 * gateways with the fields real parsers require, and v1-only signatures as an option.
 */
import { createHmac } from 'crypto';
import { createServer } from 'http';
import type { IncomingHttpHeaders, Server } from 'http';
import type { AddressInfo } from 'net';
import { realShapes } from '../fixtures/realShapes';
import { startTestSimulator } from './simHelpers';
import type { Json, TestSim } from './simHelpers';

interface Received {
	headers: IncomingHttpHeaders;
	raw: string;
	body: { topic: string; events: Array<Record<string, Json>> };
}

/** A loopback receiver that records every delivery. */
async function startReceiver() {
	const received: Received[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			received.push({ headers: req.headers, raw, body: JSON.parse(raw) });
			res.writeHead(200).end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
	return { received, url, close: () => new Promise((resolve) => server.close(resolve)) };
}

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

const SECRET = 'realistic-secret';

async function fire(t: TestSim, receiver: Receiver, topic: string): Promise<Received> {
	receiver.received.length = 0;
	const hook = (
		await t.post(`${t.org}/webhooks`, { url: receiver.url, topics: [topic], secret: SECRET })
	).body;
	await t.sim.fireWebhookEvents(topic);
	await t.request('DELETE', `${t.org}/webhooks/${hook.id}`);
	expect(receiver.received).toHaveLength(1);
	return receiver.received[0];
}

describe('realistic profile: alarms and webhooks', () => {
	let t: TestSim;
	let receiver: Receiver;
	beforeAll(async () => {
		t = await startTestSimulator();
		receiver = await startReceiver();
	});
	afterAll(async () => {
		await t.sim.close();
		await receiver.close();
	});

	it('searches a rogue-ap-detected alarm without severity or group, like the real sample, and keeps them on other types', async () => {
		const alarms = (await t.get(`${t.org}/alarms/search?duration=1d`)).body.results as Array<
			Record<string, Json>
		>;
		const rogue = alarms.find((alarm) => alarm.type === 'rogue-ap-detected');
		expect(rogue).toBeDefined();
		expect(rogue).not.toHaveProperty('severity');
		expect(rogue).not.toHaveProperty('group');
		expect(rogue?.site_id).toBe(t.site('Warehouse').id);
		const realFields = Object.keys(realShapes.alarmWebhook().events[0]).filter(
			(key) => key !== 'update',
		);
		expect(realFields.filter((field) => !(field in (rogue as object)))).toEqual([]);
		const others = alarms.filter((alarm) => alarm.type !== 'rogue-ap-detected');
		expect(others.length).toBeGreaterThan(0);
		expect(
			others.every(
				(alarm) => typeof alarm.severity === 'string' && typeof alarm.group === 'string',
			),
		).toBe(true);
	});

	it('defines every alarm type it raises in /const/alarm_defs, shaped as the spec’s alarm definition', async () => {
		const defs = (await t.get('/const/alarm_defs')).body as Array<Record<string, Json>>;
		const types = new Set(t.sim.world.alarms.map((alarm) => alarm.type));
		expect(types.has('rogue-ap-detected')).toBe(true);
		for (const type of types) {
			const def = defs.find((entry) => entry.key === type);
			const text = expect.any(String);
			expect(def).toEqual({
				key: type,
				display: text,
				group: text,
				severity: text,
				fields: expect.any(Array),
			});
		}
		expect(defs.find((entry) => entry.key === 'rogue-ap-detected')).toEqual(
			expect.objectContaining({
				group: 'security',
				severity: 'warn',
				fields: ['aps', 'bssids', 'ssids'],
			}),
		);
	});

	it('delivers the rogue alarm without severity or group, and other alarms with them', async () => {
		const { body } = await fire(t, receiver, 'alarms');
		const rogue = body.events.find((event) => event.type === 'rogue-ap-detected');
		const list = expect.any(Array);
		expect(rogue).toEqual(
			expect.objectContaining({ aps: list, bssids: list, ssids: list, count: expect.any(Number) }),
		);
		expect(rogue).not.toHaveProperty('severity');
		expect(rogue).not.toHaveProperty('group');
		const others = body.events.filter((event) => event.type !== 'rogue-ap-detected');
		expect(others.every((event) => event.severity && event.group)).toBe(true);
	});

	it('delivers device-updowns of APs, switches and gateways with the fields real parsers require', async () => {
		const evidence = realShapes.deviceUpdowns();
		const { body } = await fire(t, receiver, 'device-updowns');
		const prefixes = new Set(body.events.map((event) => String(event.type).split('_')[0]));
		expect([...prefixes].sort()).toEqual([...evidence.typePrefixes].sort());
		for (const event of body.events) {
			expect(evidence.mistLibStruct.required.filter((field) => !(field in event))).toEqual([]);
			expect(['ap', 'switch', 'gateway']).toContain(event.device_type);
			expect(typeof event.reason).toBe('string');
			if (event.device_type === 'ap') {
				expect(event.ap).toBe(event.mac);
				expect(event.ap_name).toBe(event.device_name);
				expect(Object.keys(event).slice(0, evidence.capturedFieldOrder.length)).toEqual(
					evidence.capturedFieldOrder,
				);
			} else {
				expect(event).not.toHaveProperty('ap');
			}
		}
		expect(body.events.map((event) => event.device_name)).toEqual(
			expect.arrayContaining(['Warehouse-AP-05', 'HQ-GW-01', 'HQ-SW-01']),
		);
		expect(body.events.map((event) => event.type)).toEqual(
			expect.arrayContaining(['GW_DISCONNECTED', 'GW_CONNECTED', 'SW_RESTARTED']),
		);
	});

	it('finds the same switch and gateway up/downs through the device events search', async () => {
		const search = await t.get(
			`${t.org}/devices/events/search?type=GW_DISCONNECTED,SW_RESTARTED&duration=1d`,
		);
		const events = search.body.results as Array<Record<string, Json>>;
		const sites = new Set(events.map((event) => event.site_id));
		expect(sites).toEqual(new Set([t.site('HQ').id, t.site('Warehouse').id]));
		const gatewayDown = events.find((event) => event.type === 'GW_DISCONNECTED');
		expect(gatewayDown).toEqual(
			expect.objectContaining({ device_type: 'gateway', reason: 'WAN link down' }),
		);
	});

	it('signs with both headers by default, and only with the v1 header when asked', async () => {
		const both = await fire(t, receiver, 'alarms');
		const evidence = realShapes.webhookSignatures();
		const hmac = (algorithm: string, raw: string) =>
			createHmac(algorithm, SECRET).update(raw).digest('hex');
		expect(both.headers[evidence.v1.header.toLowerCase()]).toBe(
			hmac(evidence.v1.algorithm, both.raw),
		);
		expect(both.headers[evidence.v2.header.toLowerCase()]).toBe(
			hmac(evidence.v2.algorithm, both.raw),
		);
		t.sim.setQuirks({ webhookSignatures: 'v1' });
		try {
			const v1Only = await fire(t, receiver, 'alarms');
			expect(v1Only.headers[evidence.v1.header.toLowerCase()]).toBe(hmac('sha1', v1Only.raw));
			expect(String(v1Only.headers[evidence.v1.header.toLowerCase()])).toHaveLength(
				evidence.v1.length,
			);
			expect(v1Only.headers[evidence.v2.header.toLowerCase()]).toBeUndefined();
		} finally {
			t.sim.setQuirks({ webhookSignatures: 'both' });
		}
	});

	it('switches the signature quirk over the control API too, and refuses unknown quirks', async () => {
		expect(
			(await t.post('/__sim/quirks', { webhookSignatures: 'v1' })).body.webhookSignatures,
		).toBe('v1');
		const v1Only = await fire(t, receiver, 'alarms');
		expect(v1Only.headers['x-mist-signature-v2']).toBeUndefined();
		expect((await t.post('/__sim/quirks', { webhookSignatures: 'both' })).status).toBe(200);
		for (const bad of [
			{ webhookSignatures: 'v3' },
			{ literalTypeLists: 'yes' },
			{ retryAfter: true },
			[1],
		]) {
			expect((await t.post('/__sim/quirks', bad)).status).toBe(400);
		}
		expect(t.sim.world.behaviour).toEqual({
			profile: 'realistic',
			literalTypeLists: false,
			webhookSignatures: 'both',
		});
	});
});

describe('spec profile: alarms and webhooks as the spec describes them', () => {
	let t: TestSim;
	let receiver: Receiver;
	beforeAll(async () => {
		t = await startTestSimulator({ profile: 'spec', webhookSignatures: 'v1' });
		receiver = await startReceiver();
	});
	afterAll(async () => {
		await t.sim.close();
		await receiver.close();
	});

	it('raises no rogue alarm and gives every alarm its severity and group', async () => {
		const alarms = (await t.get(`${t.org}/alarms/search?duration=1d`)).body.results as Array<
			Record<string, Json>
		>;
		expect(alarms.map((alarm) => alarm.type)).not.toContain('rogue-ap-detected');
		expect(alarms.every((alarm) => alarm.severity && alarm.group)).toBe(true);
	});

	it('sends AP up/downs in the spec shape only (ap, ap_name; no mac), and honours the v1-only option given at start', async () => {
		const { body, headers } = await fire(t, receiver, 'device-updowns');
		expect(body.events.length).toBeGreaterThan(0);
		for (const event of body.events) {
			expect(Object.keys(event).sort()).toEqual([
				'ap',
				'ap_name',
				'for_site',
				'org_id',
				'site_id',
				'site_name',
				'timestamp',
				'type',
			]);
			expect(event.type).toMatch(/^AP_/);
		}
		expect(headers['x-mist-signature']).toBeDefined();
		expect(headers['x-mist-signature-v2']).toBeUndefined();
	});
});
