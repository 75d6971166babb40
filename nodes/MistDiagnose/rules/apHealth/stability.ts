import type { Finding } from '../../../shared/findings/types';
import { makeFinding } from '../../../shared/findings/build';
import { manual, remediate } from '../../../shared/findings/remediation';
import { normalizeMacLoose, targets } from '../../../shared/findings/fingerprint';
import type { DiagnosisContext } from '../support/context';
import { deviceLabel, siteLabel, siteScope } from '../support/context';
import type { DiagnosisThresholds } from '../support/thresholds';
import { countBy, groupBy, plural, withFields } from '../support/collections';
import type { ApStat, SwitchIndex } from '../support/uplink';
import { portScope, uplinkOf } from './uplinkPort';
import type { DeviceEventInput } from '../support/deviceEvents';
import type { Signal } from '../signals/alarms';

const RESTART_EVENTS = ['AP_RESTARTED', 'AP_RESTART_BY_USER', 'AP_REBOOTED'];
const DISCONNECT_EVENTS = ['AP_DISCONNECTED', 'AP_DISCONNECTED_LONG'];

const eventMac = (event: DeviceEventInput) => {
	const mac = event.mac ?? event.ap;
	return mac ? normalizeMacLoose(mac) : undefined;
};

function repeatedFinding(
	kind: 'reboots' | 'disconnects',
	siteId: string,
	mac: string,
	count: number,
	ap: ApStat | undefined,
	switches: SwitchIndex,
	evidence: Record<string, unknown>,
	timestamps: number[],
	context: DiagnosisContext,
): Finding {
	const uplink = uplinkOf(ap, switches);
	const port = uplink?.port;
	const label = deviceLabel(context, mac, ap?.name);
	const reboots = kind === 'reboots';
	return makeFinding({
		step: 'ap_health',
		rule: reboots ? 'ap_repeated_reboots' : 'ap_unstable_uplink',
		severity: 'major',
		scope: {
			level: 'ap',
			...siteScope(context, siteId),
			ap_mac: mac,
			ap_name: ap?.name ?? context.deviceNames?.[mac],
			...portScope(port),
		},
		target: targets.mac(mac),
		summary: `AP ${label} at ${siteLabel(context, siteId)} ${reboots ? 'restarted' : 'disconnected'} ${plural(count, 'time')} in the window.`,
		evidence: withFields(evidence, {
			uptime: ap?.uptime,
			last_trouble: ap?.last_trouble,
			power_constrained: ap?.power_constrained,
			// The switch's view of the port: what the root-cause layer reads to blame the port.
			...(uplink ? { uplinkPort: uplink.state } : {}),
		}),
		likelyCause: reboots
			? 'Unstable power (PoE budget, power_constrained), a firmware crash, or overheating.'
			: 'A flapping uplink: bad cable, switch port errors, or an upstream network problem.',
		remediation: manual(
			reboots
				? `Check PoE budget, firmware version and the last trouble code of AP ${label}.`
				: `Check the cable and switch port of AP ${label}.`,
		),
		followUp:
			!reboots && port
				? [
						remediate.cableTest(
							siteId,
							port.switchMac,
							port.portId,
							`Run a cable test on ${port.portId} of ${port.switchName ?? port.switchMac}.`,
						),
					]
				: [],
		timestamps,
		count,
		now: context.now,
	});
}

/** Repeated restarts (events + `device_restarted` alarm counts) and repeated disconnects per AP. */
export function stabilityFindings(
	events: DeviceEventInput[],
	restartAlarms: Signal[],
	aps: Map<string, ApStat>,
	switches: SwitchIndex,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): Finding[] {
	const findings: Finding[] = [];
	const usable = events.filter((event) => eventMac(event));
	for (const [kind, types] of [
		['reboots', RESTART_EVENTS],
		['disconnects', DISCONNECT_EVENTS],
	] as const) {
		const byAp = groupBy(
			usable.filter((event) => types.includes(event.type)),
			eventMac,
		);
		// Restart alarms indexed by AP once, not filtered again for every AP.
		const alarmsByAp =
			kind === 'reboots'
				? groupBy(restartAlarms, (signal) => signal.mac || undefined)
				: new Map<string, Signal[]>();
		const macs = new Set([...byAp.keys(), ...alarmsByAp.keys()]);
		const limit =
			kind === 'reboots' ? thresholds.apRebootsRepeated : thresholds.apDisconnectsRepeated;
		for (const mac of macs) {
			const apEvents = byAp.get(mac) ?? [];
			const alarms = alarmsByAp.get(mac) ?? [];
			const alarmCount = alarms.reduce((sum, signal) => sum + signal.count, 0);
			const count = apEvents.length + alarmCount;
			const siteId =
				apEvents.find((event) => event.site_id)?.site_id ??
				alarms[0]?.site_id ??
				aps.get(mac)?.site_id;
			if (count < limit || !siteId) continue;
			const timestamps = [
				...apEvents.map((event) => event.timestamp),
				...alarms.flatMap((signal) => signal.timestamps),
			];
			const evidence = { eventCounts: countBy(apEvents, (event) => event.type), alarmCount, limit };
			findings.push(
				repeatedFinding(
					kind,
					siteId,
					mac,
					count,
					aps.get(mac),
					switches,
					evidence,
					timestamps,
					context,
				),
			);
		}
	}
	return findings;
}
