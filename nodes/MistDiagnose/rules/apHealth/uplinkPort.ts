import type { DeviceStat } from '../../../shared/schemas/mist.schemas';
import type { Finding } from '../../../shared/findings/types';
import { makeFinding } from '../../../shared/findings/build';
import { manual, remediate } from '../../../shared/findings/remediation';
import { normalizeMacLoose, targets } from '../../../shared/findings/fingerprint';
import type { DiagnosisContext } from '../support/context';
import { deviceLabel, siteLabel, siteScope } from '../support/context';
import type { DiagnosisThresholds } from '../support/thresholds';
import { round } from '../support/collections';
import type { ApStat, SwitchIndex, SwitchPort } from '../support/uplink';

/** What the switch reports of the port an AP hangs on (`ports` and `module_stat` of its stats). */
export interface UplinkPortState {
	up?: boolean;
	last_flapped?: number;
	rx_errors?: number;
	tx_errors?: number;
	rx_pkts?: number;
	poe_on?: boolean;
	power_draw?: number;
	/** The switch's PoE budget and what its ports draw (watts). */
	poe_budget?: { max_power: number; power_draw: number };
}

type PortStat = Record<string, unknown>;
const num = (value: unknown) => (typeof value === 'number' ? value : undefined);
const bool = (value: unknown) => (typeof value === 'boolean' ? value : undefined);

function poeBudget(sw: DeviceStat): UplinkPortState['poe_budget'] {
	const modules = (sw as { module_stat?: Array<{ poe?: PortStat | null }> | null }).module_stat;
	const poe = (modules ?? []).map((module) => module.poe).filter((entry) => !!entry);
	const max = poe.reduce((sum, entry) => sum + (num(entry?.max_power) ?? 0), 0);
	const draw = poe.reduce((sum, entry) => sum + (num(entry?.power_draw) ?? 0), 0);
	return max > 0 ? { max_power: max, power_draw: round(draw, 1) } : undefined;
}

/** The AP's switch port (LLDP matched to a Mist switch), that switch and what it reports of the port. */
function uplinkStat(ap: ApStat | undefined, switches: SwitchIndex) {
	const port = ap ? switches.portOf(ap) : undefined;
	if (!port) return undefined;
	const sw = switches.switchWithMac(port.switchMac);
	const stat: PortStat = (sw && switches.portStat(sw, port.portId)) ?? {};
	return { port, sw, stat };
}

function portState(sw: DeviceStat | undefined, stat: PortStat): UplinkPortState {
	return {
		up: bool(stat.up),
		last_flapped: num(stat.last_flapped),
		rx_errors: num(stat.rx_errors),
		tx_errors: num(stat.tx_errors),
		rx_pkts: num(stat.rx_pkts),
		poe_on: bool(stat.poe_on),
		power_draw: num(stat.power_draw),
		poe_budget: sw ? poeBudget(sw) : undefined,
	};
}

/** The AP's switch port (LLDP matched to a Mist switch) and that port's state, when known. */
export function uplinkOf(
	ap: ApStat | undefined,
	switches: SwitchIndex,
): { port: SwitchPort; state: UplinkPortState } | undefined {
	const uplink = uplinkStat(ap, switches);
	return uplink && { port: uplink.port, state: portState(uplink.sw, uplink.stat) };
}

/** The fix for damaged frames on a switch port: test the cable, then replace it if it fails. */
export function badCableFix(siteId: string, switchMac: string, portId: string, where: string) {
	return {
		remediation: remediate.cableTest(
			siteId,
			switchMac,
			portId,
			`Run a cable test (TDR) on ${where}.`,
		),
		followUp: [manual(`Replace the cable of ${where} if the test reports a fault.`)],
	};
}

/** Scope fields naming the switch port of an AP finding. */
export function portScope(port: SwitchPort | undefined) {
	return { switch_mac: port?.switchMac, switch_name: port?.switchName, port_id: port?.portId };
}

/**
 * Input errors (CRC, framing) on the switch port of an AP: a share of the frames received above
 * `portErrorShare`, and at least `portErrorsMin`, points at the cable or a connector.
 */
export function uplinkErrorFindings(
	aps: ApStat[],
	switches: SwitchIndex,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): Finding[] {
	const findings: Finding[] = [];
	for (const ap of aps) {
		// The port's counters first: the full state is built only for a port with errors.
		const uplink = uplinkStat(ap, switches);
		const errors = (num(uplink?.stat.rx_errors) ?? 0) + (num(uplink?.stat.tx_errors) ?? 0);
		const frames = num(uplink?.stat.rx_pkts) ?? 0;
		if (!uplink || !ap.site_id || errors < thresholds.portErrorsMin || frames <= 0) continue;
		const share = errors / frames;
		if (share <= thresholds.portErrorShare) continue;
		const mac = normalizeMacLoose(ap.mac);
		const { port } = uplink;
		const where = `port ${port.portId} of switch ${port.switchName ?? port.switchMac}`;
		findings.push(
			makeFinding({
				step: 'ap_health',
				rule: 'ap_uplink_port_errors',
				severity: 'major',
				scope: {
					level: 'ap',
					...siteScope(context, ap.site_id),
					ap_mac: mac,
					ap_name: ap.name ?? undefined,
					...portScope(port),
				},
				target: targets.mac(mac),
				summary: `The uplink of AP ${deviceLabel(context, mac, ap.name)} at ${siteLabel(context, ap.site_id)} (${where}) counts ${errors} errors (${round(share * 100, 2)}% of frames).`,
				evidence: {
					uplinkPort: portState(uplink.sw, uplink.stat),
					metrics: [
						{ metric: 'port_error_share', value: round(share, 5), warn: thresholds.portErrorShare },
					],
				},
				likelyCause: 'Frames arrive damaged (CRC errors): a bad cable, connector or patch panel.',
				...badCableFix(ap.site_id, port.switchMac, port.portId, where),
				timestamps: typeof ap.last_seen === 'number' ? [ap.last_seen] : [],
				now: context.now,
			}),
		);
	}
	return findings;
}
