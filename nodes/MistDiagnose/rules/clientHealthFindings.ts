/**
 * The findings of the client health step (clientHealth.ts grades the clients): one per unwell
 * client, one per AP whose clients mostly have a weak signal, and Marvis coverage signals.
 */
import type { Finding } from '../../shared/findings/types';
import type { Band } from '../../shared/findings/remediation';
import { makeFinding } from '../../shared/findings/build';
import { manual, remediate } from '../../shared/findings/remediation';
import { targets } from '../../shared/findings/fingerprint';
import { severityForGrade } from '../../shared/findings/severity';
import type { DiagnosisContext } from './support/context';
import { apScope, deviceLabel, siteLabel, siteScope } from './support/context';
import type { DiagnosisThresholds } from './support/thresholds';
import { rssiLimits } from './support/thresholds';
import { plural, round } from './support/collections';
import { sortBands } from './support/bands';
import type { MarvisActionInput } from './signals/marvis';
import { marvisSignals } from './signals/marvis';
import type { AssessedClient } from './worstClients';

/** A client as graded here: what the worst-clients findings read, and the radio band. */
export interface Assessed extends AssessedClient {
	band?: Band;
}

function clientScope(client: Assessed, context: DiagnosisContext) {
	return {
		level: 'client' as const,
		...siteScope(context, client.siteId),
		client_mac: client.mac,
		client_hostname: client.stat.hostname ?? undefined,
		username: client.stat.username ?? undefined,
		ssid: client.stat.ssid ?? undefined,
		ap_mac: client.ap,
		ap_name: client.ap ? context.deviceNames?.[client.ap] : undefined,
		// The radio the client uses, so a radio's cause links only the clients on that radio.
		band: client.band,
	};
}

const nameOf = (client: Assessed) =>
	client.stat.hostname ? `${client.stat.hostname} (${client.mac})` : client.mac;

export function weakApFinding(
	siteId: string,
	ap: string,
	weak: Assessed[],
	apClients: number,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): Finding {
	const limits = rssiLimits(thresholds);
	const rssis = weak.map((client) => client.stat.rssi as number);
	const bands = sortBands(weak.map((client) => client.band).filter((band): band is Band => !!band));
	return makeFinding({
		step: 'client_health',
		rule: 'weak_coverage_ap',
		severity: weak.some((client) => client.rssi === 'crit') ? 'major' : 'minor',
		scope: apScope(context, siteId, ap),
		target: targets.mac(ap),
		summary: `${weak.length} of ${plural(apClients, 'client')} on AP ${deviceLabel(context, ap)} at ${siteLabel(context, siteId)} have a weak signal (RSSI ${Math.min(...rssis)} to ${Math.max(...rssis)} dBm, limit ${limits.warn} dBm).`,
		evidence: {
			metrics: [
				{
					metric: 'rssi_median',
					value: rssis.sort((a, b) => a - b)[Math.floor(rssis.length / 2)],
					warn: limits.warn,
					crit: limits.crit,
					unit: 'dBm',
				},
			],
			affectedClients: weak.length,
			apClients,
			sampleMacs: weak.map((client) => client.mac).slice(0, thresholds.maxSampleMacs),
			profile: thresholds.rssiProfile,
		},
		likelyCause:
			'The area this AP serves has a coverage gap: transmit power too low, AP badly placed or obstructed.',
		remediation: remediate.rrmOptimize(
			siteId,
			bands.length ? bands : ['24', '5'],
			true,
			'Let RRM raise transmit power (no client disconnects).',
		),
		followUp: [
			manual(
				`Check the placement and mounting of AP ${deviceLabel(context, ap)}; consider an additional AP in that area.`,
			),
		],
		timestamps: weak
			.map((client) => client.stat.last_seen)
			.filter((value): value is number => typeof value === 'number'),
		count: weak.length,
		now: context.now,
	});
}

export function clientFindings(
	client: Assessed,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): Finding[] {
	const findings: Finding[] = [];
	const stamp = typeof client.stat.last_seen === 'number' ? [client.stat.last_seen] : [];
	// Shared by the client's findings. Written out in each rather than spread from one object: on
	// Node 20, `{ ...base, more }` gives every copy a hidden class of its own (see `withFields`).
	const scope = clientScope(client, context);
	const target = targets.mac(client.mac);
	const limits = rssiLimits(thresholds);
	if (client.rssi !== 'ok') {
		findings.push(
			makeFinding({
				step: 'client_health',
				scope,
				target,
				timestamps: stamp,
				now: context.now,
				rule: 'client_weak_signal',
				severity: severityForGrade(client.rssi, 'client'),
				summary: `Client ${nameOf(client)} has a weak signal of ${client.stat.rssi} dBm (limit ${limits.warn} dBm for ${thresholds.rssiProfile}) at ${siteLabel(context, client.siteId)}.`,
				evidence: {
					metrics: [
						{
							metric: 'rssi',
							value: client.stat.rssi as number,
							warn: limits.warn,
							crit: limits.crit,
							unit: 'dBm',
						},
					],
					profile: thresholds.rssiProfile,
				},
				likelyCause:
					'The client is far from its AP or did not roam to a closer one (sticky client).',
				remediation: manual(
					'Move the device closer to an AP or check why it does not roam (client roaming settings).',
				),
				followUp: [
					remediate.reconnectClient(
						client.siteId,
						client.mac,
						'Disconnect the client so it re-associates with the strongest AP.',
					),
				],
			}),
		);
	} else if (client.snr !== 'ok') {
		findings.push(
			makeFinding({
				step: 'client_health',
				scope,
				target,
				timestamps: stamp,
				now: context.now,
				rule: 'client_low_snr',
				severity: severityForGrade(client.snr, 'client'),
				summary: `Client ${nameOf(client)} has a low SNR of ${client.stat.snr} dB despite a ${client.stat.rssi ?? '?'} dBm signal (limit ${thresholds.snrDb.warn} dB).`,
				evidence: {
					metrics: [
						{
							metric: 'snr',
							value: client.stat.snr as number,
							warn: thresholds.snrDb.warn,
							crit: thresholds.snrDb.crit,
							unit: 'dB',
						},
					],
				},
				likelyCause: 'High noise near the client or its AP: interference rather than distance.',
				remediation: manual(
					'Look for interference near the client and check the noise floor of its AP.',
				),
			}),
		);
	}
	if (client.retries !== 'ok' && client.retryPercent !== undefined) {
		findings.push(
			makeFinding({
				step: 'client_health',
				scope,
				target,
				timestamps: stamp,
				now: context.now,
				rule: 'client_high_retries',
				severity: severityForGrade(client.retries, 'client'),
				summary: `Client ${nameOf(client)} retries ${round(client.retryPercent)}% of its packets (limit ${thresholds.retriesPercent.warn}%).`,
				evidence: {
					metrics: [
						{
							metric: 'retries',
							value: round(client.retryPercent),
							warn: thresholds.retriesPercent.warn,
							crit: thresholds.retriesPercent.crit,
							unit: '%',
						},
					],
					tx_retries: client.stat.tx_retries,
					tx_pkts: client.stat.tx_pkts,
					rx_retries: client.stat.rx_retries,
					rx_pkts: client.stat.rx_pkts,
				},
				likelyCause:
					'Interference, collisions on a busy channel, or a weak link forcing retransmissions.',
				remediation: manual(
					'Check channel utilisation and interference on the AP serving this client.',
				),
				followUp: [
					remediate.reconnectClient(
						client.siteId,
						client.mac,
						'Disconnect the client so it can pick a better AP.',
					),
				],
			}),
		);
	}
	return findings;
}

export function coverageSignals(
	marvisActions: MarvisActionInput[] | undefined,
	context: DiagnosisContext,
): Finding[] {
	return marvisSignals(marvisActions, ['insufficient_coverage'])
		.filter((signal) => signal.mac)
		.map((signal) =>
			makeFinding({
				step: 'client_health',
				rule: 'weak_coverage_ap',
				severity: 'major',
				scope: apScope(context, signal.site_id, signal.mac as string),
				target: targets.mac(signal.mac as string),
				summary: `Marvis reports insufficient coverage around AP ${deviceLabel(context, signal.mac as string)} at ${siteLabel(context, signal.site_id)}.`,
				evidence: {
					source: signal.source,
					affectedClients: signal.impactedClients,
					text: signal.text,
				},
				likelyCause: 'A coverage gap in the area this AP serves.',
				remediation: remediate.rrmOptimize(
					signal.site_id,
					['24', '5'],
					true,
					'Let RRM raise transmit power (no client disconnects).',
				),
				timestamps: signal.timestamps,
				now: context.now,
			}),
		);
}
