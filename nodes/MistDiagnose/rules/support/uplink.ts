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

/**
 * The managed switch port an AP hangs off, when a Mist switch in `switches` matches the AP's LLDP
 * neighbour (by chassis MAC or name). Only then can the port be bounced or cable-tested through Mist.
 */
export function uplinkPort(ap: ApStat, switches: DeviceStat[] | undefined): SwitchPort | undefined {
	const lldp = ap.lldp_stat;
	if (!lldp?.port_id || !switches?.length) return undefined;
	const chassis = lldp.chassis_id ? normalizeMacLoose(lldp.chassis_id) : undefined;
	const match = switches.find(
		(candidate) =>
			(chassis && normalizeMacLoose(candidate.mac) === chassis) ||
			(lldp.system_name &&
				candidate.name &&
				candidate.name.toLowerCase() === lldp.system_name.toLowerCase()),
	);
	if (!match) return undefined;
	return {
		switchMac: normalizeMacLoose(match.mac),
		switchName: match.name ?? undefined,
		portId: lldp.port_id,
	};
}
