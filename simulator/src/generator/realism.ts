/**
 * What the realistic profile adds to generated events, after the evidence in
 * test/fixtures/real-shapes/ (FINDINGS.md rows 1b, 1c and 6e).
 */
import { createHash } from 'crypto';
import { Rng, hashSeed } from '../prng';
import type { ClientEvent, DeviceEvent, Site, World } from '../types';
import { insertSorted, makeDeviceEvent, round3 } from './eventFactory';

/** Auth failures Mist returns in up to three copies per logical event (live-org collector). */
export const DUPLICATED_EVENT_TYPES: ReadonlySet<string> = new Set([
	'MARVIS_EVENT_CLIENT_AUTH_FAILURE',
	'MARVIS_EVENT_CLIENT_MAC_AUTH_FAILURE',
]);

/** The three shapes of one logical auth failure: pcap flagged, pcap not flagged, neither field. */
type PcapVariant = 'has_pcap' | 'no_pcap' | 'bare';
const VARIANTS: readonly PcapVariant[] = ['has_pcap', 'no_pcap', 'bare'];

/** How many copies a logical event gets: 3 half of the time, 2 or 1 otherwise. */
const COPY_COUNTS = [3, 3, 3, 3, 3, 2, 2, 2, 1, 1];

/** Seconds a pcap_url's token stays valid (the collector measured about two hours). */
const PCAP_TOKEN_SECONDS = 7200;

function base64url(text: string): string {
	return Buffer.from(text).toString('base64url');
}

/** A JWT-shaped token (header.payload.signature); nothing verifies it, only its shape matters. */
function pcapUrl(world: World, event: ClientEvent, copy: number): string {
	const issuedAt = Math.floor(event.timestamp);
	const payload = {
		site_id: event.site_id,
		mac: event.mac,
		ts: issuedAt,
		exp: issuedAt + PCAP_TOKEN_SECONDS,
		copy,
	};
	const unsigned = `${base64url('{"alg":"HS256","typ":"JWT"}')}.${base64url(JSON.stringify(payload))}`;
	const signature = createHash('sha256').update(`${world.seed}|${unsigned}`).digest('base64url');
	// Illustrative host: the real URL format is not public, only that it carries a short-lived JWT.
	return `https://pcaps.mist.invalid/download/${unsigned}.${signature}`;
}

function withVariant(
	world: World,
	event: ClientEvent,
	variant: PcapVariant,
	copy: number,
): ClientEvent {
	// Copies keep the event's prototype, so getters that read the client keep working.
	const copyOf = Object.assign(
		Object.create(Object.getPrototypeOf(event) as object) as ClientEvent,
		event,
	);
	delete copyOf.has_pcap;
	delete copyOf.pcap_url;
	if (variant !== 'bare') {
		copyOf.has_pcap = variant === 'has_pcap';
		copyOf.pcap_url = pcapUrl(world, event, copy);
	}
	return copyOf;
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = rng.int(0, i);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/** A client this weak loses frames: its auth failures are "not acknowledged" (status 79) ones. */
const WEAK_RSSI_DBM = -75;
/** Share of the other auth failures that Mist also reports with status 79 (a lost frame on the way). */
const STRAY_UNACKNOWLEDGED = 0.2;

/**
 * Gives each new auth failure (client events from index `from` on) its real-life extras: a
 * status_code, 79 (frame not acknowledged, a radio problem, whose sign Mist reports
 * inconsistently) for weak clients and for a stray fifth of the others, else the failure's own
 * reason; and one to three copies at the same timestamp that differ only in has_pcap/pcap_url.
 * Deterministic from the world seed.
 */
export function addAuthFailureCopies(world: World, from: number): void {
	if (world.behaviour.profile !== 'realistic') return;
	const copies: ClientEvent[] = [];
	const end = world.clientEvents.length;
	for (let i = from; i < end; i++) {
		const event = world.clientEvents[i];
		if (!DUPLICATED_EVENT_TYPES.has(event.type)) continue;
		const rng = new Rng(
			hashSeed(`copies:${event.mac}:${event.type}:${event.timestamp}`, world.seed),
		);
		const unacknowledged =
			(world.clients.get(event.mac)?.rssi ?? 0) <= WEAK_RSSI_DBM ||
			rng.chance(STRAY_UNACKNOWLEDGED);
		const sign = rng.chance(0.5) ? 1 : -1;
		event.status_code = unacknowledged ? sign * 79 : (event.reason_code ?? event.status_code);
		const variants = shuffled(rng, VARIANTS).slice(0, rng.pick(COPY_COUNTS));
		world.clientEvents[i] = withVariant(world, event, variants[0], 0);
		variants
			.slice(1)
			.forEach((variant, n) => copies.push(withVariant(world, event, variant, n + 1)));
	}
	world.clientEvents.push(...copies);
}

/** Clients whose OS asks for an address over DHCPv6 as well (Android uses SLAAC only). */
export function isDualStack(family: string): boolean {
	return ['Windows', 'Mac', 'iPhone', 'iPad'].includes(family);
}

/** The site's WAN edge, known to the simulator only as the source of its up/down events. */
function gatewayOf(site: Site) {
	const mac = `4c9614${(0x100000 + site.index + 1).toString(16).slice(-6)}`;
	return {
		mac,
		name: `${site.name.replace(/[^A-Za-z0-9]+/g, '-')}-GW-01`,
		model: 'SRX320',
		siteId: site.id,
	};
}

/**
 * Switch and gateway up/downs (SW_*, GW_*), which real device-updowns deliveries carry besides
 * AP ones: on every site with a fault, a switch restart and a WAN blip of the gateway some hours
 * ago (outside the default 1 h windows, inside 1 d ones). Healthy sites stay quiet.
 */
export function addInfrastructureUpdowns(world: World, now: number): void {
	if (world.behaviour.profile !== 'realistic') return;
	const nowSec = now / 1000;
	const faultySites = new Set(world.faults.map((fault) => fault.siteId));
	type Device = Parameters<typeof makeDeviceEvent>[1];
	type Kind = DeviceEvent['device_type'];
	const record = (
		device: Device,
		kind: Kind,
		type: string,
		at: number,
		text: string,
		extra: Partial<DeviceEvent>,
	) =>
		insertSorted(
			world.deviceEvents,
			makeDeviceEvent(world, device, kind, type, round3(at), text, extra),
		);
	for (const site of world.sites) {
		if (!faultySites.has(site.id)) continue;
		const rng = new Rng(hashSeed(`updowns:${site.id}`, world.seed));
		const sw = world.switches.get(site.switchIds[0]);
		if (sw) {
			const at = nowSec - rng.int(5, 9) * 3600 - rng.int(0, 3599);
			record(sw, 'switch', 'SW_RESTARTED', at, 'Switch restarted', {
				ev_type: 'warn',
				reason: 'power cycle',
			});
			record(sw, 'switch', 'SW_CONNECTED', at + 185, 'Switch connected', {
				ev_type: 'notice',
				reason: 'reconnected',
			});
		}
		const gateway = gatewayOf(site);
		const at = nowSec - rng.int(10, 20) * 3600 - rng.int(0, 3599);
		record(gateway, 'gateway', 'GW_DISCONNECTED', at, 'Gateway disconnected', {
			ev_type: 'warn',
			reason: 'WAN link down',
		});
		record(gateway, 'gateway', 'GW_CONNECTED', at + 95, 'Gateway connected', {
			ev_type: 'notice',
			reason: 'reconnected',
		});
	}
}
