import type { Rng } from '../../prng';
import type { ActiveFault, Alarm, Ap, Client, RadioState, World } from '../../types';

export type Remedy = 'restart' | 'disconnect' | 'rrm';

export interface AlarmSpec {
	type: string;
	group: string;
	severity: string;
	/** `/const/alarm_defs` display; defaults to the type with spaces. */
	display?: string;
	/** `/const/alarm_defs` fields: what the payload names (default aps, hostnames, ssids). */
	fields?: string[];
	/** Fields of the alarm beyond the defaults (aps, hostnames, ssids, switches). */
	details?: (world: World, fault: ActiveFault, rng: Rng) => Partial<Alarm>;
	/** The alarm stays open when the fault clears. */
	survivesClear?: boolean;
	/** Real payloads of this type carry neither group nor severity (they live in /const/alarm_defs). */
	severityOnlyInDefs?: boolean;
}

export interface FaultDefinition {
	/** What the fault names: clients anywhere on the site, clients of one AP, one AP, or a switch port. */
	target: 'clients' | 'apClients' | 'ap' | 'switch';
	defaultSsid?: string;
	defaultVlan?: number;
	defaultCount?: number;
	intervalSeconds?: number;
	eligible: (client: Client, fault: ActiveFault) => boolean;
	apply: (world: World, fault: ActiveFault, rng: Rng, now: number) => void;
	/** One occurrence at `at` (epoch seconds): append the fault's events. */
	tick: (world: World, fault: ActiveFault, rng: Rng, at: number) => void;
	clear?: (world: World, fault: ActiveFault, now: number) => void;
	alarm?: AlarmSpec;
	/** Alarms only the realistic profile raises. */
	realisticAlarms?: AlarmSpec[];
	sle: Array<{ metric: string; classifier: string; drop: number }>;
	troubleshoot: {
		category: string;
		reason: string;
		recommendation: string;
		text: (world: World, fault: ActiveFault) => string;
	};
	remedies: Remedy[];
}

export const any = () => true;
export const realistic = (world: World) => world.behaviour.profile === 'realistic';
export const connected = (c: Client) => c.connected;

export function clientsOf(world: World, fault: ActiveFault): Client[] {
	return fault.clientMacs.map((m) => world.clients.get(m)).filter((c): c is Client => !!c);
}

export function apsOf(world: World, fault: ActiveFault): Ap[] {
	return fault.apIds.map((id) => world.aps.get(id)).filter((a): a is Ap => !!a);
}

export function names(list: Array<{ hostname?: string; name?: string }>): string {
	return list.map((x) => x.hostname ?? x.name).join(', ');
}

export function failJoin(world: World, fault: ActiveFault) {
	for (const client of clientsOf(world, fault)) client.connected = false;
}

export function dropIp(world: World, fault: ActiveFault) {
	for (const client of clientsOf(world, fault)) {
		client.savedIp = client.savedIp ?? client.ip;
		client.ip = undefined;
	}
}

/** Moves every client of `ap` to the other online APs of its site, nearest first. */
export function rehomeClients(world: World, ap: Ap, keep = 0): void {
	const site = world.sitesById.get(ap.siteId);
	if (!site) return;
	const others = site.apIds
		.map((id) => world.aps.get(id) as Ap)
		.filter((a) => a.id !== ap.id && a.offlineSince === undefined)
		.sort((a, b) => Math.hypot(a.x - ap.x, a.y - ap.y) - Math.hypot(b.x - ap.x, b.y - ap.y));
	if (!others.length) return;
	const clients = site.clientMacs
		.map((m) => world.clients.get(m) as Client)
		.filter((c) => c.apId === ap.id);
	clients.slice(keep).forEach((client, i) => {
		const target = others[i % Math.min(3, others.length)];
		client.apId = target.id;
		client.x = target.x + ((i * 37) % 160) - 80;
		client.y = target.y + ((i * 53) % 160) - 80;
	});
}

export function healthyRadio(radio: RadioState, band: '24' | '5'): void {
	radio.util_tx = 6;
	radio.util_rx_in_bss = 8;
	radio.util_rx_other_bss = 4;
	radio.util_non_wifi = 1;
	radio.util_all = 19;
	radio.noise_floor = band === '24' ? -93 : -96;
}
