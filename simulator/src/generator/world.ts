import { Rng, hashSeed } from '../prng';
import type {
	Ap,
	Client,
	RadioState,
	Scale,
	Scenario,
	ScenarioSite,
	SimulatorProfile,
	Site,
	Switch,
	Wlan,
	World,
} from '../types';
import {
	AP_MODELS,
	AP_VERSION,
	CHANNELS_24,
	CHANNELS_5,
	DEFAULT_WLANS,
	DEVICE_PROFILES,
	FIRST_NAMES,
	PLACES,
	SWITCH_MODEL,
	SWITCH_VERSION,
} from './catalog';
import { generateHistory } from './history';
import { applyFaults } from './faults';
import { addInfrastructureUpdowns } from './realism';

export const DEFAULT_SCALE: Scale = { sites: 3, apsPerSite: 8, clientsPerSite: 60 };
const MAP_WIDTH = 2000;
const MAP_HEIGHT = 1200;

export function deviceIdFromMac(mac: string): string {
	return `00000000-0000-0000-1000-${mac}`;
}

/** Builds the whole org deterministically from the scenario, seed and profile; `now` is epoch ms. */
export function generateWorld(
	scenario: Scenario,
	scale: Scale,
	seed: number,
	now: number,
	profile: SimulatorProfile = 'realistic',
): World {
	const rng = new Rng(seed);
	const orgId = scenario.org?.id ?? rng.uuid();
	const world: World = {
		seed,
		behaviour: { profile, literalTypeLists: false, webhookSignatures: 'both' },
		orgId,
		orgName: scenario.org?.name ?? 'Simulated Org',
		createdAt: now,
		settings: {
			rebootSeconds: scenario.settings?.rebootSeconds ?? 3,
			historyHours: scenario.settings?.historyHours ?? 24,
		},
		sites: [],
		sitesById: new Map(),
		aps: new Map(),
		apsByMac: new Map(),
		switches: new Map(),
		clients: new Map(),
		clientEvents: [],
		nacEvents: [],
		deviceEvents: [],
		sessions: [],
		alarms: [],
		rrmEvents: [],
		faults: [],
		remediations: [],
		webhooks: new Map(),
		deliveries: [],
		deviceConfigOverrides: new Map(),
		backgroundTickAt: Math.floor(now / 1000),
		version: 0,
	};
	const named = scenario.sites ?? [];
	const siteCount = Math.max(scale.sites, named.length);
	const counters = { ap: 0, sw: 0, client: 0 };
	for (let i = 0; i < siteCount; i++) {
		const spec: ScenarioSite = named[i] ?? { name: `Site-${String(i + 1).padStart(4, '0')}` };
		const siteRng = new Rng(hashSeed(spec.name, seed));
		const site = buildSite(world, spec, i, siteRng, now);
		buildAps(world, site, spec.aps ?? scale.apsPerSite, siteRng, counters, now);
		buildSwitches(world, site, siteRng, counters, now);
		buildClients(world, site, spec.clients ?? scale.clientsPerSite, siteRng, counters, now);
	}
	generateHistory(world, rng, now);
	applyFaults(world, scenario.faults ?? [], rng, now);
	addInfrastructureUpdowns(world, now);
	return world;
}

/**
 * Adds one site to a running world, as a customer adding a branch would: its APs, switch and
 * clients, built like the generated ones (no history: it was just created). For tests of an org
 * whose shape changes mid-run.
 */
export function addSite(world: World, spec: ScenarioSite, scale: Scale, now: number): Site {
	const counters = { ap: world.aps.size, sw: world.switches.size, client: world.clients.size };
	const rng = new Rng(hashSeed(spec.name, world.seed));
	const site = buildSite(world, spec, world.sites.length, rng, now);
	site.createdAt = now / 1000;
	buildAps(world, site, spec.aps ?? scale.apsPerSite, rng, counters, now);
	buildSwitches(world, site, rng, counters, now);
	buildClients(world, site, spec.clients ?? scale.clientsPerSite, rng, counters, now);
	world.version++;
	return site;
}

function buildSite(world: World, spec: ScenarioSite, index: number, rng: Rng, now: number): Site {
	const place = PLACES.find((p) => p.timezone === spec.timezone) ?? PLACES[index % PLACES.length];
	const wlans: Wlan[] = DEFAULT_WLANS.map((w) => ({
		id: rng.uuid(),
		ssid: w.ssid,
		auth: w.auth,
		eapType: 'eapType' in w ? w.eapType : undefined,
		vlan: w.vlan,
		akmSuite: w.akmSuite,
	}));
	const site: Site = {
		id: rng.uuid(),
		name: spec.name,
		index,
		timezone: spec.timezone ?? place.timezone,
		country_code: spec.country ?? place.country,
		address: `${100 + index} Main Street, ${place.city}`,
		latlng: {
			lat: round(place.lat + rng.float(-0.05, 0.05, 4), 4),
			lng: round(place.lng + rng.float(-0.05, 0.05, 4), 4),
		},
		mapId: rng.uuid(),
		createdAt: now / 1000 - 86400 * rng.int(30, 900),
		wlans,
		apIds: [],
		switchIds: [],
		clientMacs: [],
	};
	world.sites.push(site);
	world.sitesById.set(site.id, site);
	return site;
}

function healthyRadio(rng: Rng, band: '24' | '5', apIndex: number): RadioState {
	const is24 = band === '24';
	const utilTx = rng.int(3, 10);
	const utilRx = rng.int(4, 12);
	const utilOther = rng.int(2, 8);
	const utilNonWifi = rng.int(0, 3);
	return {
		channel: is24
			? CHANNELS_24[apIndex % CHANNELS_24.length]
			: CHANNELS_5[(apIndex * 5) % CHANNELS_5.length],
		bandwidth: is24 ? 20 : 40,
		power: is24 ? rng.int(8, 12) : rng.int(14, 17),
		noise_floor: is24 ? rng.int(-95, -90) : rng.int(-98, -94),
		util_all: utilTx + utilRx + utilOther + utilNonWifi,
		util_tx: utilTx,
		util_rx_in_bss: utilRx,
		util_rx_other_bss: utilOther,
		util_non_wifi: utilNonWifi,
		util_unknown_wifi: 0,
		util_undecodable_wifi: rng.int(0, 2),
	};
}

function sitePrefix(site: Site): string {
	return site.name.replace(/[^A-Za-z0-9]+/g, '-');
}

function buildAps(
	world: World,
	site: Site,
	count: number,
	rng: Rng,
	counters: { ap: number },
	now: number,
): void {
	const cols = Math.max(1, Math.ceil(Math.sqrt(count * (MAP_WIDTH / MAP_HEIGHT))));
	const rows = Math.max(1, Math.ceil(count / cols));
	for (let i = 0; i < count; i++) {
		counters.ap++;
		const mac = `5c5b35${(0x100000 + counters.ap).toString(16).slice(-6)}`;
		const col = i % cols;
		const row = Math.floor(i / cols);
		const ap: Ap = {
			id: deviceIdFromMac(mac),
			mac,
			name: `${sitePrefix(site)}-AP-${String(i + 1).padStart(2, '0')}`,
			model: AP_MODELS[(site.index + i) % AP_MODELS.length],
			serial: `A0${String(counters.ap).padStart(10, '0')}`,
			siteId: site.id,
			mapId: site.mapId,
			x: Math.round(((col + 0.5) * MAP_WIDTH) / cols),
			y: Math.round(((row + 0.5) * MAP_HEIGHT) / rows),
			ip: `10.${site.index % 250}.${(Math.floor(site.index / 250) * 8 + Math.floor(i / 240) + 1) % 256}.${10 + (i % 240)}`,
			version: AP_VERSION,
			cpuUtil: rng.int(2, 15),
			bootAt: now - rng.int(3, 40) * 86400_000,
			radios: { band_24: healthyRadio(rng, '24', i), band_5: healthyRadio(rng, '5', i) },
		};
		world.aps.set(ap.id, ap);
		world.apsByMac.set(ap.mac, ap);
		site.apIds.push(ap.id);
	}
}

function buildSwitches(
	world: World,
	site: Site,
	rng: Rng,
	counters: { sw: number },
	now: number,
): void {
	const count = site.apIds.length > 12 ? 2 : 1;
	for (let s = 0; s < count; s++) {
		counters.sw++;
		const mac = `d0dd49${(0x100000 + counters.sw).toString(16).slice(-6)}`;
		const apIds = site.apIds.filter((_, i) => i % count === s);
		const ports = Array.from({ length: 12 }, (_, p) => ({
			port_id: `ge-0/0/${p}`,
			up: p < apIds.length + 2,
			speed: 1000,
			neighborMac: apIds[p] ? world.aps.get(apIds[p])?.mac : undefined,
		}));
		const sw: Switch = {
			id: deviceIdFromMac(mac),
			mac,
			name: `${sitePrefix(site)}-SW-${String(s + 1).padStart(2, '0')}`,
			model: SWITCH_MODEL,
			serial: `FX${String(counters.sw).padStart(10, '0')}`,
			siteId: site.id,
			ip: `10.${site.index % 250}.0.${2 + s}`,
			version: SWITCH_VERSION,
			bootAt: now - rng.int(20, 120) * 86400_000,
			ports,
			dhcpd: {},
		};
		if (s === 0) {
			for (const wlan of site.wlans) {
				sw.dhcpd[`vlan${wlan.vlan}`] = { vlan: wlan.vlan, num_ips: 250, num_leased: 0 };
			}
		}
		world.switches.set(sw.id, sw);
		site.switchIds.push(sw.id);
	}
}

function pickWlan(site: Site, roll: number): Wlan {
	let acc = 0;
	for (let i = 0; i < DEFAULT_WLANS.length; i++) {
		acc += DEFAULT_WLANS[i].share;
		if (roll < acc) return site.wlans[i];
	}
	return site.wlans[0];
}

function buildClients(
	world: World,
	site: Site,
	count: number,
	rng: Rng,
	counters: { client: number },
	now: number,
): void {
	const prefix = sitePrefix(site).toLowerCase();
	const historyMs = world.settings.historyHours * 3600_000;
	const kindCounts: Record<string, number> = {};
	const domain = `${world.orgName.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`;
	for (let i = 0; i < count; i++) {
		counters.client++;
		const profile = DEVICE_PROFILES[rng.int(0, DEVICE_PROFILES.length - 1)];
		const apId = site.apIds[i % site.apIds.length];
		const ap = world.aps.get(apId);
		if (!ap) continue;
		const wlan = pickWlan(site, rng.next());
		kindCounts[profile.kind] = (kindCounts[profile.kind] ?? 0) + 1;
		const mac = `${profile.oui}${(counters.client % 0xffffff).toString(16).padStart(6, '0')}`;
		const band: '24' | '5' = profile.proto === 'n' || rng.chance(0.2) ? '24' : '5';
		const txPkts = rng.int(20_000, 400_000);
		const rxPkts = rng.int(20_000, 600_000);
		const rssi = rng.int(-68, -45);
		const name = FIRST_NAMES[counters.client % FIRST_NAMES.length];
		const client: Client = {
			mac,
			hostname: `${prefix}-${profile.kind}-${String(kindCounts[profile.kind]).padStart(3, '0')}`,
			username: wlan.auth === 'eap' ? `${name}.${counters.client}@${domain}` : '',
			os: profile.os,
			manufacture: profile.manufacture,
			family: profile.family,
			model: profile.model,
			siteId: site.id,
			apId,
			wlan,
			band,
			rssi,
			snr: Math.min(60, rssi + 95 + rng.int(-3, 3)),
			txPkts,
			rxPkts,
			txRetries: Math.round(txPkts * rng.float(0.02, 0.08, 3)),
			rxRetries: Math.round(rxPkts * rng.float(0.01, 0.05, 3)),
			txBps: rng.int(2_000, 900_000),
			rxBps: rng.int(5_000, 3_000_000),
			txRate: band === '5' ? rng.pick([433.3, 576.5, 866.7, 1200.9]) : rng.pick([72.2, 144.4]),
			rxRate: band === '5' ? rng.pick([433.3, 576.5, 866.7]) : rng.pick([65, 72.2, 144.4]),
			idleTime: rng.int(0, 30),
			assocAt: now - Math.floor(rng.next() * (historyMs - 600_000)) - 300_000,
			ip: `10.${wlan.vlan}.${(site.index * 4 + Math.floor(i / 250)) % 256}.${(i % 250) + 2}`,
			x: Math.max(0, Math.min(MAP_WIDTH, ap.x + rng.int(-120, 120))),
			y: Math.max(0, Math.min(MAP_HEIGHT, ap.y + rng.int(-120, 120))),
			proto: profile.proto,
			isGuest: wlan.ssid.startsWith('Guest'),
			randomMac: profile.randomMac,
			connected: true,
		};
		world.clients.set(mac, client);
		site.clientMacs.push(mac);
		const scope = world.switches.get(site.switchIds[0])?.dhcpd[`vlan${wlan.vlan}`];
		if (scope) scope.num_leased++;
	}
}

function round(value: number, decimals: number): number {
	const f = 10 ** decimals;
	return Math.round(value * f) / f;
}
