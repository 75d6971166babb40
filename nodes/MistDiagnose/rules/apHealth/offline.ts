import type { Finding, Remediation } from '../../../shared/findings/types';
import { makeFinding } from '../../../shared/findings/build';
import { manual, remediate } from '../../../shared/findings/remediation';
import { normalizeMacLoose, targets } from '../../../shared/findings/fingerprint';
import type { DiagnosisContext } from '../support/context';
import { deviceLabel, siteLabel, siteScope } from '../support/context';
import type { DiagnosisThresholds } from '../support/thresholds';
import type { HealthTracker } from '../support/health';
import { groupBy, plural } from '../support/collections';
import type { ApStat, SwitchIndex } from '../support/uplink';
import type { Signal } from '../signals/alarms';
import { alarmFacts } from '../signals/alarms';

function offlineFinding(
	siteId: string,
	mac: string,
	ap: ApStat | undefined,
	switches: SwitchIndex,
	context: DiagnosisContext,
	extra: { timestamps: number[]; evidence: Record<string, unknown>; count?: number },
): Finding {
	const port = ap ? switches.portOf(ap) : undefined;
	const followUp: Remediation[] = port
		? [
				remediate.bouncePort(
					siteId,
					port.switchMac,
					[port.portId],
					`Bounce port ${port.portId} on switch ${port.switchName ?? port.switchMac} to power-cycle the AP (PoE).`,
				),
			]
		: [];
	const lastSeen = ap?.last_seen;
	return makeFinding({
		step: 'ap_health',
		rule: 'ap_offline',
		severity: 'critical',
		scope: {
			level: 'ap',
			...siteScope(context, siteId),
			ap_mac: mac,
			ap_name: ap?.name ?? context.deviceNames?.[mac],
			switch_mac: port?.switchMac,
			switch_name: port?.switchName,
			port_id: port?.portId,
		},
		target: targets.mac(mac),
		summary: `AP ${deviceLabel(context, mac, ap?.name)} at ${siteLabel(context, siteId)} is offline${typeof lastSeen === 'number' ? ` (last seen ${Math.round((context.now - lastSeen) / 60)} min ago)` : ''}.`,
		evidence: { status: ap?.status, last_seen: lastSeen, uplink: port, ...extra.evidence },
		likelyCause:
			'The AP lost power (PoE) or its uplink (cable, switch port, VLAN), or cannot reach the Mist cloud.',
		remediation: manual(
			`Check PoE and the uplink of AP ${deviceLabel(context, mac, ap?.name)}${port ? ` (switch ${port.switchName ?? port.switchMac} port ${port.portId})` : ''}.`,
		),
		followUp,
		timestamps: extra.timestamps,
		count: extra.count,
		now: context.now,
	});
}

function siteDownFinding(
	siteId: string,
	aps: ApStat[],
	context: DiagnosisContext,
	thresholds: DiagnosisThresholds,
): Finding {
	return makeFinding({
		step: 'ap_health',
		rule: 'site_down',
		severity: 'critical',
		scope: { level: 'site', ...siteScope(context, siteId) },
		target: targets.site(),
		summary: `All ${plural(aps.length, 'AP')} at ${siteLabel(context, siteId)} are offline.`,
		evidence: {
			offlineAps: aps.length,
			sampleMacs: aps.map((ap) => normalizeMacLoose(ap.mac)).slice(0, thresholds.maxSampleMacs),
		},
		likelyCause:
			'The whole site lost its connection to the Mist cloud: WAN/ISP outage, core switch or power failure.',
		remediation: manual('Check the site WAN link, the core switch and the power at the site.'),
		timestamps: aps
			.map((ap) => ap.last_seen)
			.filter((value): value is number => typeof value === 'number'),
		count: aps.length,
		now: context.now,
	});
}

function signalOfflineFindings(
	signals: Signal[],
	aps: Map<string, ApStat>,
	switches: SwitchIndex,
	context: DiagnosisContext,
): Finding[] {
	// Stats are fresher than an open alarm: an AP reported connected now has recovered.
	return signals
		.filter((signal) => signal.mac && aps.get(signal.mac)?.status !== 'connected')
		.map((signal) =>
			offlineFinding(
				signal.site_id,
				signal.mac as string,
				aps.get(signal.mac as string),
				switches,
				context,
				{
					timestamps: signal.timestamps,
					evidence: {
						source: signal.source,
						signal: signal.type,
						id: signal.id,
						...alarmFacts(signal),
					},
					count: signal.count,
				},
			),
		);
}

/**
 * Offline APs from stats and from alarms/Marvis. When every AP of a site (at least 2) is offline the
 * site is down: one site finding replaces the per-AP ones, including those from alarms.
 */
export function offlineFindings(
	aps: Map<string, ApStat>,
	signals: Signal[],
	switches: SwitchIndex,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
	health: HealthTracker,
): Finding[] {
	const findings: Finding[] = [];
	const downSites = new Set<string>();
	for (const [siteId, siteAps] of groupBy([...aps.values()], (ap) => ap.site_id ?? undefined)) {
		const offline = siteAps.filter((ap) => ap.status && ap.status !== 'connected');
		if (offline.length >= 2 && offline.length === siteAps.length) {
			downSites.add(siteId);
			findings.push(siteDownFinding(siteId, offline, context, thresholds));
			health.flagAll(
				'ap',
				offline.map((ap) => normalizeMacLoose(ap.mac)),
			);
			continue;
		}
		for (const ap of offline) {
			const stamps = typeof ap.last_seen === 'number' ? [ap.last_seen] : [];
			findings.push(
				offlineFinding(siteId, normalizeMacLoose(ap.mac), ap, switches, context, {
					timestamps: stamps,
					evidence: {},
				}),
			);
		}
	}
	const open = signals.filter((signal) => !downSites.has(signal.site_id));
	return [...findings, ...signalOfflineFindings(open, aps, switches, context)];
}
