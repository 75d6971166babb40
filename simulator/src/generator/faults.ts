import { Rng, hashSeed } from '../prng';
import type {
	ActiveFault,
	Ap,
	Client,
	FaultKind,
	ScenarioFault,
	Site,
	Switch,
	World,
} from '../types';
import { insertSorted, round3 } from './eventFactory';
import { advanceBackground, sortWorldEvents } from './history';
import { FAULT_DEFINITIONS, alarmSpecsOf } from './faultDefinitions';
import type { AlarmSpec } from './faultDefinitions';
import { addAuthFailureCopies } from './realism';

export const FAULT_KINDS = Object.keys(FAULT_DEFINITIONS) as FaultKind[];

/** Faults that move clients between APs go first so client-level faults see the final placement. */
const APPLY_ORDER: FaultKind[] = ['ap_offline', 'overloaded_ap'];

export function applyFaults(world: World, specs: ScenarioFault[], rng: Rng, now: number): void {
	const ordered = [...specs].sort((a, b) => rank(a.kind) - rank(b.kind));
	const taken = new Set<string>();
	for (const spec of ordered) {
		const definition = FAULT_DEFINITIONS[spec.kind];
		if (!definition)
			throw new Error(`Unknown fault kind "${spec.kind}". Known kinds: ${FAULT_KINDS.join(', ')}`);
		const site = world.sites.find((s) => s.name === spec.site);
		if (!site) throw new Error(`Fault ${spec.kind}: site "${spec.site}" is not in the scenario`);
		const fault = resolveTargets(world, site, spec, taken);
		world.faults.push(fault);
		definition.apply(world, fault, new Rng(hashSeed(fault.id, world.seed)), now);
	}
	const nowSec = now / 1000;
	for (const fault of world.faults) {
		// Seed an hour of occurrences so windows like duration=1h contain the fault.
		fault.lastTickAt = Math.floor(nowSec - 3600);
	}
	advanceFaults(world, now, rng, false);
	sortWorldEvents(world);
}

function rank(kind: FaultKind): number {
	const i = APPLY_ORDER.indexOf(kind);
	return i < 0 ? APPLY_ORDER.length : i;
}

/** Produces the fault events that fall due up to `now` (epoch ms). Called on every request. */
export function advanceFaults(world: World, now: number, rng?: Rng, keepSorted = true): void {
	const nowSec = now / 1000;
	let changed = false;
	for (const fault of world.faults) {
		if (!fault.active) continue;
		const definition = FAULT_DEFINITIONS[fault.kind];
		const tickRng = rng ?? new Rng(hashSeed(`${fault.id}:${fault.lastTickAt}`, world.seed));
		while (fault.active && fault.lastTickAt + fault.intervalSeconds <= nowSec) {
			fault.lastTickAt += fault.intervalSeconds;
			const jittered = round3(
				fault.lastTickAt - tickRng.float(0, Math.min(60, fault.intervalSeconds / 4), 3),
			);
			const before = counts(world);
			definition.tick(world, fault, tickRng, jittered);
			addAuthFailureCopies(world, before.c);
			for (const spec of alarmSpecsOf(fault.kind, world.behaviour.profile))
				raiseAlarm(world, fault, spec, jittered);
			if (keepSorted) resortTail(world, before);
			changed = true;
		}
	}
	if (advanceBackground(world, now)) changed = true;
	if (changed) world.version++;
}

function counts(world: World) {
	return { c: world.clientEvents.length, n: world.nacEvents.length, d: world.deviceEvents.length };
}

/** New events are appended near "now", so re-inserting only the new tail keeps arrays sorted cheaply. */
function resortTail(world: World, before: { c: number; n: number; d: number }): void {
	for (const [list, from] of [
		[world.clientEvents, before.c],
		[world.nacEvents, before.n],
		[world.deviceEvents, before.d],
	] as Array<[Array<{ timestamp: number }>, number]>) {
		const tail = list.splice(from);
		for (const item of tail) insertSorted(list, item);
	}
}

function raiseAlarm(world: World, fault: ActiveFault, spec: AlarmSpec, at: number): void {
	// An alarm that outlives its fault (a rogue AP is not fixed by RRM) is keyed apart from it.
	const faultId = spec.survivesClear ? `${fault.id}:${spec.type}` : fault.id;
	const existing = world.alarms.find(
		(a) => a.faultId === faultId && a.type === spec.type && a.status === 'open',
	);
	if (existing) {
		existing.count++;
		existing.last_seen = Math.max(existing.last_seen, at);
		return;
	}
	const aps = fault.apIds.map((id) => world.aps.get(id)).filter((ap): ap is Ap => !!ap);
	const clients = fault.clientMacs.map((m) => world.clients.get(m)).filter((c): c is Client => !!c);
	const sw = fault.switchId ? world.switches.get(fault.switchId) : undefined;
	const rng = new Rng(hashSeed(`alarm:${faultId}`, world.seed));
	insertSorted(world.alarms, {
		id: rng.uuid(),
		type: spec.type,
		group: spec.group,
		severity: spec.severity,
		site_id: fault.siteId,
		org_id: world.orgId,
		count: 1,
		timestamp: at,
		last_seen: at,
		status: 'open',
		acked: false,
		aps: aps.length
			? aps.map((a) => a.mac)
			: clients.length
				? [...new Set(clients.map((c) => world.aps.get(c.apId)?.mac ?? ''))]
				: undefined,
		hostnames: aps.length
			? aps.map((a) => a.name)
			: sw
				? [sw.name]
				: clients.length
					? clients.map((c) => c.hostname)
					: undefined,
		ssids: fault.ssid
			? [fault.ssid]
			: clients.length
				? [...new Set(clients.map((c) => c.wlan.ssid))]
				: undefined,
		switches: sw ? [sw.mac] : undefined,
		...spec.details?.(world, fault, rng),
		...(spec.severityOnlyInDefs ? { severityOnlyInDefs: true } : {}),
		faultId,
	});
}

/** Marks a fault cleared and resolves its alarm. */
export function clearFault(world: World, fault: ActiveFault, by: string, now: number): void {
	if (!fault.active) return;
	fault.active = false;
	fault.clearedAt = now;
	fault.clearedBy = by;
	FAULT_DEFINITIONS[fault.kind].clear?.(world, fault, now);
	for (const alarm of world.alarms) {
		if (alarm.faultId === fault.id && alarm.status === 'open') {
			alarm.status = 'resolved';
			alarm.resolved_time = Math.floor(now / 1000);
		}
	}
	world.version++;
}

function resolveTargets(
	world: World,
	site: Site,
	spec: ScenarioFault,
	taken: Set<string>,
): ActiveFault {
	const definition = FAULT_DEFINITIONS[spec.kind];
	const id = `${spec.kind}:${site.name}:${world.faults.filter((f) => f.kind === spec.kind && f.siteId === site.id).length + 1}`;
	const fault: ActiveFault = {
		id,
		kind: spec.kind,
		siteId: site.id,
		siteName: site.name,
		apIds: [],
		clientMacs: [],
		ssid: spec.ssid ?? definition.defaultSsid,
		vlan: spec.vlan ?? definition.defaultVlan,
		intervalSeconds: spec.intervalSeconds ?? definition.intervalSeconds ?? 300,
		lastTickAt: 0,
		active: true,
	};
	const ap = resolveAp(
		world,
		site,
		spec,
		definition.target === 'ap' || definition.target === 'apClients',
	);
	if (ap) fault.apIds.push(ap.id);
	if (definition.target === 'switch') {
		const sw = resolveSwitch(world, site, spec);
		fault.switchId = sw.id;
		fault.portId = spec.port ?? sw.ports.filter((p) => p.up).slice(-1)[0]?.port_id ?? 'ge-0/0/1';
	}
	if (definition.target === 'clients' || definition.target === 'apClients') {
		const candidates = site.clientMacs
			.map((mac) => world.clients.get(mac) as Client)
			.filter((c) => !taken.has(c.mac) && definition.eligible(c, fault));
		const wanted = spec.clients?.length ?? spec.count ?? definition.defaultCount ?? 1;
		const chosen: Client[] = [];
		for (const hostname of spec.clients ?? []) {
			const existing = candidates.find((c) => c.hostname === hostname);
			const client =
				existing ??
				candidates.find((c) => !chosen.includes(c) && !(spec.clients ?? []).includes(c.hostname));
			if (!client)
				throw new Error(
					`Fault ${spec.kind} on ${site.name}: no eligible client left for "${hostname}"`,
				);
			client.hostname = hostname;
			chosen.push(client);
		}
		for (const client of candidates) {
			if (chosen.length >= wanted) break;
			if (!chosen.includes(client)) chosen.push(client);
		}
		for (const client of chosen) {
			taken.add(client.mac);
			fault.clientMacs.push(client.mac);
		}
	}
	return fault;
}

function resolveAp(
	world: World,
	site: Site,
	spec: ScenarioFault,
	required: boolean,
): Ap | undefined {
	if (spec.ap) {
		const ap = site.apIds.map((id) => world.aps.get(id) as Ap).find((a) => a.name === spec.ap);
		if (!ap) throw new Error(`Fault ${spec.kind}: AP "${spec.ap}" is not in site ${site.name}`);
		return ap;
	}
	if (!required) return undefined;
	// Spread default targets over different APs so faults on one site do not pile onto one AP.
	const offset = FAULT_KINDS.indexOf(spec.kind);
	return world.aps.get(site.apIds[offset % site.apIds.length]);
}

function resolveSwitch(world: World, site: Site, spec: ScenarioFault): Switch {
	const switches = site.switchIds.map((id) => world.switches.get(id) as Switch);
	const sw = spec.switch ? switches.find((s) => s.name === spec.switch) : switches[0];
	if (!sw)
		throw new Error(`Fault ${spec.kind}: switch "${spec.switch}" is not in site ${site.name}`);
	return sw;
}
