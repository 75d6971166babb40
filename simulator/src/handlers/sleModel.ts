import { hashSeed } from '../prng';
import type { ActiveFault, Ap, Client, Site, World } from '../types';
import { FAULT_DEFINITIONS } from '../generator/faultDefinitions';

/** Wireless SLE metrics with the key the org `sites-sle` API uses and their classifiers. */
export const SLE_METRICS = [
	{
		name: 'failed-to-connect',
		orgKey: 'successful-connect',
		classifiers: ['association', 'authorization', 'DHCP', 'ARP', 'DNS'],
	},
	{
		name: 'time-to-connect',
		orgKey: 'time-to-connect',
		classifiers: ['association', 'authorization', 'DHCP', 'IP-Services'],
	},
	{
		name: 'coverage',
		orgKey: 'coverage',
		classifiers: ['weak-signal', 'asymmetry-uplink', 'asymmetry-downlink'],
	},
	{
		name: 'roaming',
		orgKey: 'roaming',
		classifiers: [
			'latency-slow-11r-roam',
			'latency-slow-okc-roam',
			'stability-failed-to-fast-roam',
			'signal-quality-suboptimal-roam',
		],
	},
	{
		name: 'throughput',
		orgKey: 'throughput',
		classifiers: ['capacity', 'coverage', 'device-capability', 'network-issues'],
	},
	{
		name: 'capacity',
		orgKey: 'capacity',
		classifiers: ['client-count', 'client_usage', 'wifi-interference', 'non-wifi-interference'],
	},
	{
		name: 'ap-health',
		orgKey: 'ap-health',
		classifiers: ['ap-reboot', 'ap-disconnect', 'low-power'],
	},
	{
		name: 'ap-availability',
		orgKey: 'ap-availability',
		classifiers: ['ap-reboot', 'ap-unreachable', 'site-down'],
	},
] as const;

export type SleMetric = (typeof SLE_METRICS)[number];

export function findMetric(name: string): SleMetric | undefined {
	return SLE_METRICS.find((m) => m.name === name || m.orgKey === name);
}

function faultsOf(
	world: World,
	site: Site,
	metric: string,
	classifier?: string,
): Array<{ fault: ActiveFault; drop: number; classifier: string }> {
	const out: Array<{ fault: ActiveFault; drop: number; classifier: string }> = [];
	for (const fault of world.faults) {
		if (!fault.active || fault.siteId !== site.id) continue;
		for (const effect of FAULT_DEFINITIONS[fault.kind].sle) {
			if (effect.metric === metric && (!classifier || effect.classifier === classifier))
				out.push({ fault, drop: effect.drop, classifier: effect.classifier });
		}
	}
	return out;
}

/** Success ratio 0..1: healthy sites sit near 0.99, each active fault subtracts its weight. */
export function sleValue(world: World, site: Site, metric: string): number {
	const base = 0.985 + (hashSeed(`${site.id}:${metric}`, world.seed) % 12) / 1000;
	const drop = faultsOf(world, site, metric).reduce((sum, f) => sum + f.drop, 0);
	return Math.round(Math.max(0.05, base - drop) * 10000) / 10000;
}

export function classifierDrop(
	world: World,
	site: Site,
	metric: string,
	classifier: string,
): number {
	return faultsOf(world, site, metric, classifier).reduce((sum, f) => sum + f.drop, 0);
}

export function impactedClients(
	world: World,
	site: Site,
	metric: string,
	classifier?: string,
): Client[] {
	const macs = new Set<string>();
	for (const { fault } of faultsOf(world, site, metric, classifier)) {
		fault.clientMacs.forEach((m) => macs.add(m));
		// AP-level faults impact the clients of their APs.
		for (const apId of fault.apIds) {
			for (const mac of site.clientMacs) if (world.clients.get(mac)?.apId === apId) macs.add(mac);
		}
	}
	return [...macs].map((m) => world.clients.get(m)).filter((c): c is Client => !!c);
}

export function impactedAps(world: World, site: Site, metric: string, classifier?: string): Ap[] {
	const ids = new Set<string>();
	for (const { fault } of faultsOf(world, site, metric, classifier)) {
		fault.apIds.forEach((id) => ids.add(id));
		fault.clientMacs.forEach((m) => {
			const c = world.clients.get(m);
			if (c) ids.add(c.apId);
		});
	}
	return [...ids].map((id) => world.aps.get(id)).filter((a): a is Ap => !!a);
}

export function activeClassifiers(world: World, site: Site, metric: string): string[] {
	return [...new Set(faultsOf(world, site, metric).map((f) => f.classifier))];
}
