import type { DeviceStat } from '../../../shared/schemas/mist.schemas';
import { normalizeMacLoose } from '../../../shared/findings/fingerprint';

/** AP stats carry the switch port they are cabled to (LLDP); the schema leaves it out. */
export type ApStat = DeviceStat & {
	lldp_stat?: {
		system_name?: string | null;
		port_id?: string | null;
		chassis_id?: string | null;
	} | null;
	power_constrained?: boolean | null;
};

export interface SwitchPort {
	switchMac: string;
	switchName?: string;
	portId: string;
}

type PortStat = Record<string, unknown>;

/** Keeps the first position of each key: lookups then pick the same switch a scan would. */
function setFirst(positions: Map<string, number>, key: string, position: number): void {
	if (!positions.has(key)) positions.set(key, position);
}

/**
 * The switches of a run, indexed once by MAC and by name so that finding an AP's switch port is a
 * lookup rather than a scan of every switch per AP (10,000 APs × 1,000 switches otherwise).
 */
export class SwitchIndex {
	private readonly switches: DeviceStat[];
	private readonly macs: string[];
	private readonly byMac = new Map<string, number>();
	private readonly byName = new Map<string, number>();
	/** Each switch's ports by `port_id`, built the first time one of its ports is asked for. */
	private readonly portsBySwitch = new Map<DeviceStat, Map<unknown, PortStat>>();

	constructor(switches: DeviceStat[] | undefined) {
		this.switches = switches ?? [];
		this.macs = this.switches.map((candidate) => normalizeMacLoose(candidate.mac));
		this.switches.forEach((candidate, position) => {
			setFirst(this.byMac, this.macs[position], position);
			if (candidate.name) setFirst(this.byName, candidate.name.toLowerCase(), position);
		});
	}

	/**
	 * The managed switch port an AP hangs off, when a Mist switch matches the AP's LLDP neighbour
	 * (by chassis MAC or name; the first such switch in the list). Only then can the port be bounced
	 * or cable-tested through Mist.
	 */
	portOf(ap: ApStat): SwitchPort | undefined {
		const lldp = ap.lldp_stat;
		if (!lldp?.port_id || !this.switches.length) return undefined;
		const chassis = lldp.chassis_id ? normalizeMacLoose(lldp.chassis_id) : undefined;
		const byChassis = chassis ? this.byMac.get(chassis) : undefined;
		const byName = lldp.system_name ? this.byName.get(lldp.system_name.toLowerCase()) : undefined;
		const position = Math.min(byChassis ?? Infinity, byName ?? Infinity);
		if (position === Infinity) return undefined;
		const match = this.switches[position];
		return {
			switchMac: this.macs[position],
			switchName: match.name ?? undefined,
			portId: lldp.port_id,
		};
	}

	/** The first switch with this (normalised) MAC. */
	switchWithMac(mac: string): DeviceStat | undefined {
		const position = this.byMac.get(mac);
		return position === undefined ? undefined : this.switches[position];
	}

	/** What `sw` reports of its port `portId` (the first entry with that id). */
	portStat(sw: DeviceStat, portId: string): PortStat | undefined {
		let ports = this.portsBySwitch.get(sw);
		if (!ports) {
			ports = new Map();
			for (const entry of (sw as { ports?: PortStat[] | null }).ports ?? []) {
				if (!ports.has(entry.port_id)) ports.set(entry.port_id, entry);
			}
			this.portsBySwitch.set(sw, ports);
		}
		return ports.get(portId);
	}
}
