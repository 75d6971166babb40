/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createHmac, randomUUID } from 'crypto';
import { request } from 'http';
import type { Client, DeviceEvent, Webhook, WebhookDelivery, World } from '../types';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const DELIVERY_TIMEOUT_MS = 5000;

export function signatures(secret: string, body: string): { v1: string; v2: string } {
	return {
		v1: createHmac('sha1', secret).update(body).digest('hex'),
		v2: createHmac('sha256', secret).update(body).digest('hex'),
	};
}

/** POSTs one envelope. Only loopback http URLs are contacted: the simulator never calls out. */
export function deliver(
	world: World,
	webhook: Webhook,
	topic: string,
	events: object[],
	now: () => number,
): Promise<WebhookDelivery> {
	const body = JSON.stringify({ topic, events });
	const base = {
		id: randomUUID(),
		webhookId: webhook.id,
		url: webhook.url,
		topic,
		at: now(),
		events: events.length,
		requestBody: body,
	};
	const finish = (d: WebhookDelivery) => {
		world.deliveries.push(d);
		return d;
	};
	let url: URL;
	try {
		url = new URL(webhook.url);
	} catch {
		return Promise.resolve(
			finish({ ...base, status: 'failure', statusCode: 0, error: 'invalid URL', responseBody: '' }),
		);
	}
	if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
		return Promise.resolve(
			finish({
				...base,
				status: 'failure',
				statusCode: 0,
				error: 'refused: the simulator only delivers to loopback http URLs',
				responseBody: '',
			}),
		);
	}
	const headers: Record<string, string | number> = {
		...webhook.headers,
		'Content-Type': 'application/json',
		'User-Agent': 'Mist-webhook',
		'Content-Length': Buffer.byteLength(body),
	};
	if (webhook.secret && webhook.type === 'http-post') {
		const sig = signatures(webhook.secret, body);
		// Some real deliveries (and Juniper's older doc sample) carry only the v1 header.
		if (world.behaviour.webhookSignatures === 'both') headers['X-Mist-Signature-v2'] = sig.v2;
		headers['X-Mist-Signature'] = sig.v1;
	}
	return new Promise((resolve) => {
		const req = request(url, { method: 'POST', headers, timeout: DELIVERY_TIMEOUT_MS }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				const code = res.statusCode ?? 0;
				resolve(
					finish({
						...base,
						status: code >= 200 && code < 300 ? 'success' : 'failure',
						statusCode: code,
						responseBody: Buffer.concat(chunks).toString('utf8').slice(0, 2000),
					}),
				);
			});
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', (e) =>
			resolve(
				finish({ ...base, status: 'failure', statusCode: 0, error: e.message, responseBody: '' }),
			),
		);
		req.end(body);
	});
}

function siteName(world: World, siteId: string): string {
	return world.sitesById.get(siteId)?.name ?? '';
}

/** Events a topic carries right now, derived from the scenario's active faults (newest occurrences). */
export function scenarioEvents(world: World, topic: string, nowMs: number): object[] {
	const nowSec = Math.floor(nowMs / 1000);
	const faultClients = new Set(world.faults.filter((f) => f.active).flatMap((f) => f.clientMacs));
	const faultDevices = new Set(
		world.faults
			.filter((f) => f.active)
			.flatMap((f) => [
				...f.apIds.map((id) => world.aps.get(id)?.mac),
				f.switchId && world.switches.get(f.switchId)?.mac,
			]),
	);
	const recent = <T extends { timestamp: number }>(
		list: T[],
		keep: (x: T) => boolean,
		max = 50,
	) => {
		const out: T[] = [];
		for (let i = list.length - 1; i >= 0 && out.length < max; i--)
			if (list[i].timestamp <= nowSec + 1 && keep(list[i])) out.push(list[i]);
		return out.reverse();
	};
	switch (topic) {
		case 'alarms':
			return world.alarms
				.filter((a) => a.status === 'open')
				.map((a) => ({
					id: a.id,
					type: a.type,
					// Juniper's real rogue-ap-detected sample has neither: they live in /const/alarm_defs.
					...(a.severityOnlyInDefs ? {} : { group: a.group, severity: a.severity }),
					count: a.count,
					...(a.aps ? { aps: a.aps } : {}),
					...(a.hostnames ? { hostnames: a.hostnames } : {}),
					...(a.ssids ? { ssids: a.ssids } : {}),
					...(a.bssids ? { bssids: a.bssids } : {}),
					org_id: a.org_id,
					site_id: a.site_id,
					for_site: true,
					timestamp: a.timestamp,
					last_seen: a.last_seen,
					event_id: randomUUID(),
					update: a.count > 1,
				}));
		case 'device-events':
			return recent(
				world.deviceEvents,
				(e) => faultDevices.has(e.mac) && e.type !== 'AP_CONFIGURED' && e.type !== 'SW_CONFIGURED',
			).map((e) => ({
				...e,
				...(e.device_type === 'ap' ? { ap: e.mac, ap_name: e.device_name } : {}),
			}));
		case 'device-updowns':
			return world.behaviour.profile === 'realistic'
				? recent(world.deviceEvents, (e) => REAL_UPDOWN.test(e.type)).map(realUpdown)
				: recent(world.deviceEvents, (e) =>
						['AP_DISCONNECTED', 'AP_RESTARTED', 'AP_CONNECTED'].includes(e.type),
					).map((e) => ({
						type: e.type,
						ap: e.mac,
						ap_name: e.device_name,
						org_id: e.org_id,
						site_id: e.site_id,
						site_name: e.site_name,
						for_site: true,
						timestamp: Math.floor(e.timestamp),
					}));
		case 'nac-events':
			return recent(world.nacEvents, (e) => e.type !== 'NAC_CLIENT_PERMIT');
		case 'client-sessions':
			return [...faultClients]
				.slice(0, 50)
				.map((mac) => sessionEvent(world, world.clients.get(mac) as Client, nowSec));
		case 'client-join':
			return recent(world.clientEvents, (e) => e.type === 'CLIENT_ASSOCIATION', 20).map((e) => {
				const ap = world.apsByMac.get(e.ap);
				const c = world.clients.get(e.mac);
				return {
					mac: e.mac,
					ap: e.ap,
					ap_name: ap?.name ?? '',
					bssid: e.bssid,
					ssid: e.ssid,
					wlan_id: e.wlan_id,
					band: e.band,
					rssi: c?.rssi ?? -60,
					connect: Math.floor(e.timestamp),
					connect_float: e.timestamp,
					org_id: world.orgId,
					site_id: e.site_id,
					site_name: siteName(world, e.site_id),
					timestamp: Math.floor(e.timestamp),
					version: 2,
				};
			});
		case 'client-info':
			return [...faultClients].slice(0, 50).map((mac) => {
				const c = world.clients.get(mac) as Client;
				return {
					mac,
					...(c.ip ? { ip: c.ip } : {}),
					hostname: c.hostname,
					org_id: world.orgId,
					site_id: c.siteId,
					timestamp: nowSec,
				};
			});
		case 'site-sle':
			return [];
		default:
			return [];
	}
}

/** Up/down types of APs, switches and gateways (`<DEVICE>_<STATE>`, as real parsers split them). */
const REAL_UPDOWN = /^(AP|SW|GW)_(CONNECTED|DISCONNECTED|RESTARTED|RESTART_BY_USER)$/;

/**
 * A device-updowns event as real deliveries carry it (FINDINGS.md 6e): the captured payload starts
 * org_id, site_id, site_name, ap, ap_name; parsers of real payloads require mac and device_name
 * and read device_type, reason, ev_type and text. Switches and gateways have no ap/ap_name.
 */
function realUpdown(e: DeviceEvent) {
	return {
		org_id: e.org_id,
		site_id: e.site_id,
		site_name: e.site_name,
		...(e.device_type === 'ap' ? { ap: e.mac, ap_name: e.device_name } : {}),
		mac: e.mac,
		device_name: e.device_name,
		device_type: e.device_type,
		type: e.type,
		reason: e.reason ?? e.text,
		ev_type: e.ev_type ?? 'notice',
		text: e.text,
		timestamp: Math.floor(e.timestamp),
	};
}

function sessionEvent(world: World, client: Client, nowSec: number) {
	const ap = world.aps.get(client.apId);
	const connect = nowSec - 95;
	return {
		mac: client.mac,
		ap: ap?.mac ?? '',
		ap_name: ap?.name ?? '',
		next_ap: '',
		bssid: ap?.mac ?? '',
		ssid: client.wlan.ssid,
		wlan_id: client.wlan.id,
		band: client.band,
		rssi: client.rssi,
		connect,
		connect_float: connect,
		disconnect: nowSec - 5,
		disconnect_float: nowSec - 5,
		duration: 90,
		termination_reason: client.connected ? 3 : 23,
		client_family: client.family,
		client_manufacture: client.manufacture,
		client_model: client.model,
		client_os: client.os,
		org_id: world.orgId,
		site_id: client.siteId,
		site_name: siteName(world, client.siteId),
		timestamp: nowSec,
		version: 2,
	};
}

/** Delivers a topic to every enabled webhook subscribed to it (org webhooks see all sites). */
export async function fireTopic(
	world: World,
	topic: string,
	events: object[] | undefined,
	now: () => number,
): Promise<WebhookDelivery[]> {
	const all = events ?? scenarioEvents(world, topic, now());
	const out: WebhookDelivery[] = [];
	for (const webhook of world.webhooks.values()) {
		if (!webhook.enabled || !webhook.topics.includes(topic)) continue;
		const scoped = webhook.site_id
			? all.filter(
					(e) =>
						(e as { site_id?: string }).site_id === undefined ||
						(e as { site_id?: string }).site_id === webhook.site_id,
				)
			: all;
		if (scoped.length === 0) continue;
		if (webhook.single_event_per_message) {
			for (const e of scoped) out.push(await deliver(world, webhook, topic, [e], now));
		} else {
			out.push(await deliver(world, webhook, topic, scoped, now));
		}
	}
	return out;
}
