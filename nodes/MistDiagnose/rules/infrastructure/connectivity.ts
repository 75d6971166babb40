import type { ClientSession } from '../../../shared/schemas/mist.schemas';
import type { Finding } from '../../../shared/findings/types';
import { makeFinding } from '../../../shared/findings/build';
import { manual, remediate } from '../../../shared/findings/remediation';
import { normalizeMacLoose, targets } from '../../../shared/findings/fingerprint';
import type { DiagnosisContext } from '../support/context';
import { apScope, deviceLabel, siteLabel, siteScope } from '../support/context';
import type { DiagnosisThresholds } from '../support/thresholds';
import { countBy, distinct, groupBy, plural, withFields } from '../support/collections';
import type { HealthTracker } from '../support/health';
import type { DeviceEventInput } from '../support/deviceEvents';
import type { Signal } from '../signals/alarms';
import { alarmFacts } from '../signals/alarms';

/** Switch and gateway "went away" events; AP ones belong to the AP Health step. */
const DEVICE_DOWN = /^(SW|GW|ESR|MXEDGE)_(DISCONNECTED|DOWN|UNREACHABLE)/;

/**
 * A dropped session is one shorter than `shortSessionSeconds`. The `disassociate` tag alone marks an
 * ordinary end of session, so it is reported in evidence but does not make a drop by itself.
 */
export function connectivityDropFindings(
	sessions: ClientSession[],
	siteFallback: string | undefined,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
	health: HealthTracker,
): Finding[] {
	const drops = sessions
		.filter(
			(session) =>
				typeof session.duration === 'number' && session.duration < thresholds.shortSessionSeconds,
		)
		.map((session) =>
			withFields(session, {
				mac: normalizeMacLoose(session.mac),
				site: session.site_id ?? siteFallback,
				apMac: session.ap ? normalizeMacLoose(session.ap) : undefined,
			}),
		)
		.filter((session) => session.site);
	const findings: Finding[] = [];
	const stampOf = (session: ClientSession) =>
		session.disconnect ?? session.timestamp ?? session.connect ?? context.now;
	for (const [siteId, siteDrops] of groupBy(drops, (session) => session.site as string)) {
		const apLevel = new Set<string>();
		for (const [ap, apDrops] of groupBy(siteDrops, (session) => session.apMac)) {
			const macs = distinct(apDrops.map((session) => session.mac));
			if (macs.length < thresholds.dropsApMinClients) continue;
			apLevel.add(ap);
			health.flagAll('client', macs);
			findings.push(
				makeFinding({
					step: 'infrastructure',
					rule: 'connectivity_drops_ap',
					severity: 'major',
					scope: apScope(context, siteId, ap),
					target: targets.mac(ap),
					summary: `${plural(macs.length, 'client')} had sessions shorter than ${thresholds.shortSessionSeconds} s on AP ${deviceLabel(context, ap)} at ${siteLabel(context, siteId)}.`,
					evidence: {
						affectedClients: macs.length,
						sampleMacs: macs.slice(0, thresholds.maxSampleMacs),
						droppedSessions: apDrops.length,
						tags: countBy(
							apDrops.flatMap((session) => session.tags ?? []),
							(tag) => tag,
						),
					},
					likelyCause:
						'Clients keep losing this AP: radio resets, an unstable uplink, or aggressive roaming/band-steering settings.',
					remediation: manual(
						`Check the uplink, radio events and roaming settings of AP ${deviceLabel(context, ap)}.`,
					),
					followUp: [
						remediate.restartDevice(
							siteId,
							ap,
							`Restart AP ${deviceLabel(context, ap)} if the drops continue.`,
						),
					],
					timestamps: apDrops.map(stampOf),
					count: apDrops.length,
					now: context.now,
				}),
			);
		}
		for (const [mac, clientDrops] of groupBy(
			siteDrops.filter((session) => !session.apMac || !apLevel.has(session.apMac)),
			(session) => session.mac,
		)) {
			if (clientDrops.length < thresholds.dropsPerClient) continue;
			findings.push(
				makeFinding({
					step: 'infrastructure',
					rule: 'client_connectivity_drops',
					severity: 'minor',
					scope: { level: 'client', ...siteScope(context, siteId), client_mac: mac },
					target: targets.mac(mac),
					summary: `Client ${mac} had ${clientDrops.length} sessions shorter than ${thresholds.shortSessionSeconds} s at ${siteLabel(context, siteId)}.`,
					evidence: {
						droppedSessions: clientDrops.length,
						aps: distinct(clientDrops.map((session) => session.apMac)),
						tags: countBy(
							clientDrops.flatMap((session) => session.tags ?? []),
							(tag) => tag,
						),
						limit: thresholds.dropsPerClient,
					},
					likelyCause:
						'The client keeps dropping off: weak coverage where it is, power-save or driver problems.',
					remediation: manual("Check the client's signal and driver/power-save settings."),
					followUp: [
						remediate.reconnectClient(
							siteId,
							mac,
							'Disconnect the client so it re-associates cleanly.',
						),
					],
					timestamps: clientDrops.map(stampOf),
					count: clientDrops.length,
					now: context.now,
				}),
			);
		}
	}
	return findings;
}

/** Switches/gateways that went down repeatedly (device-updowns, device events) or are down (alarms). */
export function deviceUpdownFindings(
	events: DeviceEventInput[],
	downSignals: Signal[],
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): Finding[] {
	const findings: Finding[] = [];
	const downs = events.filter(
		(event) => DEVICE_DOWN.test(event.type) && event.mac && event.site_id,
	);
	for (const [mac, deviceDowns] of groupBy(downs, (event) =>
		normalizeMacLoose(event.mac as string),
	)) {
		if (deviceDowns.length < thresholds.deviceUpdownFlaps) continue;
		findings.push(
			deviceFinding(
				'device_updown_flaps',
				deviceDowns[0].site_id as string,
				mac,
				deviceDowns.length,
				deviceDowns.map((event) => event.timestamp),
				{
					eventCounts: countBy(deviceDowns, (event) => event.type),
					limit: thresholds.deviceUpdownFlaps,
					device_type: deviceDowns[0].device_type,
				},
				context,
			),
		);
	}
	for (const signal of downSignals.filter((candidate) => candidate.mac)) {
		findings.push(
			deviceFinding(
				'device_down',
				signal.site_id,
				signal.mac as string,
				signal.count,
				signal.timestamps,
				{ source: signal.source, type: signal.type, id: signal.id, ...alarmFacts(signal) },
				context,
			),
		);
	}
	return findings;
}

function deviceFinding(
	rule: 'device_updown_flaps' | 'device_down',
	siteId: string,
	mac: string,
	count: number,
	timestamps: number[],
	evidence: Record<string, unknown>,
	context: DiagnosisContext,
): Finding {
	const down = rule === 'device_down';
	return makeFinding({
		step: 'infrastructure',
		rule,
		severity: down ? 'critical' : 'major',
		scope: {
			level: 'switch_port',
			...siteScope(context, siteId),
			switch_mac: mac,
			switch_name: context.deviceNames?.[mac],
		},
		target: targets.switchPort(mac),
		summary: down
			? `Device ${deviceLabel(context, mac)} at ${siteLabel(context, siteId)} is down.`
			: `Device ${deviceLabel(context, mac)} at ${siteLabel(context, siteId)} went down ${plural(count, 'time')} in the window.`,
		evidence,
		likelyCause: down
			? 'Power loss, uplink failure or a crash of the switch/gateway.'
			: 'An unstable uplink or power, or repeated crashes.',
		remediation: manual(`Check power, uplink and console logs of ${deviceLabel(context, mac)}.`),
		timestamps,
		count,
		now: context.now,
	});
}
