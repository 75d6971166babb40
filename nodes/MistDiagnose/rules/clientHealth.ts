import type { ClientStat, DeviceStat } from '../../shared/schemas/mist.schemas';
import type { Finding, StepResult } from '../../shared/findings/types';
import type { Band } from '../../shared/findings/remediation';
import { makeFinding } from '../../shared/findings/build';
import { manual, remediate } from '../../shared/findings/remediation';
import { normalizeMacLoose, targets } from '../../shared/findings/fingerprint';
import { severityForGrade } from '../../shared/findings/severity';
import type { DiagnosisContext } from './support/context';
import { deviceLabel, siteLabel, siteScope } from './support/context';
import type { DiagnosisThresholds } from './support/thresholds';
import { gradeHigherIsWorse, gradeLowerIsWorse, rssiLimits } from './support/thresholds';
import type { CommonStepInput } from './support/common';
import { commonFindings } from './support/common';
import { HealthTracker } from './support/health';
import { plural, round } from './support/collections';
import { normalizeBand, sortBands } from './support/bands';
import type { ApResolver } from './support/apIndex';
import { apResolver } from './support/apIndex';
import type { MarvisActionInput } from './signals/marvis';
import { marvisSignals } from './signals/marvis';
import { worstClientFindings } from './worstClients';
import type { AssessedClient } from './worstClients';

export interface ClientHealthInput extends CommonStepInput {
	/** Connected clients (`stats/clients`); in triage, just the clients being checked. */
	clients?: ClientStat[];
	/** Used when client stats lack `site_id` (site-scoped calls). */
	siteId?: string;
	/** AP stats, to find each client's AP by `ap_id` or `ap_mac` (real samples disagree). */
	apInventory?: DeviceStat[];
	marvisActions?: MarvisActionInput[];
	/**
	 * Sites read by rotating coverage, whose SLE looks fine: their unwell clients become one
	 * worst-clients finding per kind (worstClients.ts) rather than one finding per client.
	 */
	summarySites?: string[];
}

/** A client as graded here: what the worst-clients findings read, and the radio band. */
interface Assessed extends AssessedClient {
	band?: Band;
}

/** Retries as a share of packets, the worse of transmit and receive; undefined below the packet minimum. */
export function retryPercent(stat: ClientStat, minPackets: number): number | undefined {
	// Plain code rather than arrays: this runs for every client.
	const tx = retryRatio(stat.tx_retries, stat.tx_pkts, minPackets);
	const rx = retryRatio(stat.rx_retries, stat.rx_pkts, minPackets);
	if (tx === undefined || rx === undefined) return tx ?? rx;
	return Math.max(tx, rx);
}

function retryRatio(retries: unknown, packets: unknown, minPackets: number): number | undefined {
	if (typeof retries !== 'number' || typeof packets !== 'number' || !(packets >= minPackets))
		return undefined;
	return (retries / packets) * 100;
}

function assess(
	stat: ClientStat,
	siteId: string,
	thresholds: DiagnosisThresholds,
	resolveAp: ApResolver,
): Assessed {
	const retries = retryPercent(stat, thresholds.retriesMinPackets);
	return {
		stat,
		mac: normalizeMacLoose(stat.mac),
		siteId,
		ap: resolveAp({ mac: stat.ap_mac, id: stat.ap_id })?.mac,
		band: normalizeBand(stat.band),
		rssi:
			typeof stat.rssi === 'number' ? gradeLowerIsWorse(stat.rssi, rssiLimits(thresholds)) : 'ok',
		snr: typeof stat.snr === 'number' ? gradeLowerIsWorse(stat.snr, thresholds.snrDb) : 'ok',
		retries: retries === undefined ? 'ok' : gradeHigherIsWorse(retries, thresholds.retriesPercent),
		retryPercent: retries,
	};
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

function weakApFinding(
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
		scope: {
			level: 'ap',
			...siteScope(context, siteId),
			ap_mac: ap,
			ap_name: context.deviceNames?.[ap],
		},
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

function clientFindings(
	client: Assessed,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): Finding[] {
	const findings: Finding[] = [];
	const stamp = typeof client.stat.last_seen === 'number' ? [client.stat.last_seen] : [];
	const base = {
		step: 'client_health' as const,
		scope: clientScope(client, context),
		target: targets.mac(client.mac),
		timestamps: stamp,
		now: context.now,
	};
	const limits = rssiLimits(thresholds);
	if (client.rssi !== 'ok') {
		findings.push(
			makeFinding({
				...base,
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
				...base,
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
				...base,
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

function coverageSignals(input: ClientHealthInput, context: DiagnosisContext): Finding[] {
	return marvisSignals(input.marvisActions, ['insufficient_coverage'])
		.filter((signal) => signal.mac)
		.map((signal) =>
			makeFinding({
				step: 'client_health',
				rule: 'weak_coverage_ap',
				severity: 'major',
				scope: {
					level: 'ap',
					...siteScope(context, signal.site_id),
					ap_mac: signal.mac,
					ap_name: context.deviceNames?.[signal.mac as string],
				},
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

/** Client health step: RSSI, SNR and retries per client; many weak clients on one AP → one AP coverage finding. */
export function diagnoseClientHealth(
	input: ClientHealthInput,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): StepResult {
	const health = new HealthTracker('client_health', context);
	for (const site of input.sites ?? []) health.check('site', site.id, site.id, site.name);
	// Only what a finding can need is kept: per AP its client count and weak clients, and the
	// clients with a finding of their own. The healthy rest is checked and let go (most clients).
	const byAp = new Map<string, { clients: number; weak: Assessed[] }>();
	const unwell: Assessed[] = [];
	const resolveAp = apResolver(input.apInventory);
	for (const stat of input.clients ?? []) {
		const siteId = stat.site_id ?? input.siteId;
		if (!siteId) continue;
		const client = assess(stat, siteId, thresholds, resolveAp);
		health.check('client', client.mac, siteId, stat.hostname);
		if (client.ap) {
			const key = `${client.siteId}|${client.ap}`;
			let group = byAp.get(key);
			if (!group) byAp.set(key, (group = { clients: 0, weak: [] }));
			group.clients++;
			if (client.rssi !== 'ok') group.weak.push(client);
		}
		if (client.rssi !== 'ok' || client.snr !== 'ok' || client.retries !== 'ok') unwell.push(client);
	}
	const findings: Finding[] = [];
	const coveredByAp = new Set<string>();
	for (const [key, { clients, weak }] of byAp) {
		if (
			weak.length >= thresholds.coverageApMinClients &&
			weak.length / clients >= thresholds.coverageApShare
		) {
			const [siteId, ap] = key.split('|');
			findings.push(weakApFinding(siteId, ap, weak, clients, thresholds, context));
			weak.forEach((client) => coveredByAp.add(client.mac));
			health.flagAll(
				'client',
				weak.map((client) => client.mac),
			);
		}
	}
	const summarised = new Set(input.summarySites ?? []);
	const toSummarise: Assessed[] = [];
	for (const client of unwell) {
		if (summarised.has(client.siteId)) {
			// The AP's coverage finding already names its weak clients: only their retries remain.
			if (!coveredByAp.has(client.mac)) toSummarise.push(client);
			else if (client.retries !== 'ok') toSummarise.push({ ...client, rssi: 'ok', snr: 'ok' });
			continue;
		}
		const own = clientFindings(client, thresholds, context);
		// A client already explained by its AP's coverage finding keeps only its non-signal findings.
		findings.push(
			...(coveredByAp.has(client.mac)
				? own.filter((finding) => finding.rule !== 'client_weak_signal')
				: own),
		);
	}
	findings.push(
		...worstClientFindings(toSummarise, thresholds, context),
		...coverageSignals(input, context),
		...commonFindings('client_health', input, thresholds, context),
	);
	return health.result(findings);
}
