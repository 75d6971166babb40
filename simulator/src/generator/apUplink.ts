import type { Ap, Switch, SwitchPort, World } from '../types';

/** The switch port an AP is cabled to (the port whose neighbour is the AP), as LLDP reports it. */
export function apUplink(world: World, ap: Ap): { sw: Switch; port: SwitchPort } | undefined {
	const site = world.sitesById.get(ap.siteId);
	for (const id of site?.switchIds ?? []) {
		const sw = world.switches.get(id);
		const port = sw?.ports.find((candidate) => candidate.neighborMac === ap.mac);
		if (sw && port) return { sw, port };
	}
	return undefined;
}
